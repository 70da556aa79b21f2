// Where the keyboard focus goes when a card moves or goes: never to the page, so the next key acts where it did.

/**
 * Gives `el` the focus with its ring shown, as keys that move the focus mean to: after a click (a toast's Undo, a
 * card opened), WebKit showed no ring on a card focused from a script, and the focus looked lost.
 */
export function focusShown(el: HTMLElement, preventScroll = false) {
  // FocusOptions' focusVisible: in WebKit and the HTML standard, not yet in TypeScript's DOM types.
  const options: FocusOptions & { focusVisible?: boolean } = { preventScroll, focusVisible: true };
  el.focus(options);
}

/** The idea whose card or marker has the keyboard focus, if any: the number keys and Delete act on it. */
export function focusedIdeaId(): number | null {
  const active = document.activeElement;
  const card = active instanceof HTMLElement ? active.closest<HTMLElement>("[data-idea-id]") : null;
  const id = Number(card?.dataset.ideaId);
  return card && Number.isInteger(id) ? id : null;
}

/** Before idea `id` goes: the focus, if it was on its card, in its details or nowhere, moves to the next card of its
 * zone, or the previous one when it was the last, or the zone itself when it was alone; never to the page. On the
 * chart, from its marker to the plane's next marker or count (the chart's Delete left the focus nowhere). */
export function focusAfterDelete(id: number) {
  // On the chart, its marker, and the plane's next stop (markers and counted cells go in reading order).
  const card = document.querySelector<HTMLElement>(cardOf(id));
  const around = card?.closest<HTMLElement>("section.zone, .plane-content");
  if (!card || !around) return;
  const active = document.activeElement;
  const focusWasHere =
    active === null ||
    active === document.body ||
    card.contains(active) ||
    active.closest("aside[aria-label='Idea details']") !== null;
  if (!focusWasHere) return;
  const stops = [...around.querySelectorAll<HTMLElement>(".card[data-idea-id], .marker, .plane-cell")];
  const at = stops.indexOf(card);
  const next = stops[at + 1] ?? stops[at - 1];
  if (next) focusShown(next);
  else if (around.matches("section.zone")) focusShown(around);
}

/** How long the focus waits for a card drawn anew: the backend's answer to an undo can take a second on a busy
 * machine (the component tests under load missed it at one). */
const FOCUS_FOLLOWS_MS = 3000;

/** The focus follows one card at a time: each call of `follow` ends the one before. */
let following = 0;

/** Ends the focus's following of a card (the component tests, between two tests). */
export function stopFollowing() {
  following += 1;
}

/** Runs `step` at each frame for FOCUS_FOLLOWS_MS, while it says to go on and no later call has taken over. */
function follow(step: () => boolean) {
  const mine = ++following;
  const until = performance.now() + FOCUS_FOLLOWS_MS;
  const attempt = () => {
    if (mine !== following) return;
    if (step() && performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/** Whether the focus is nowhere: on the page, or on an element drawn no more. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/** Idea `id`'s card on the board, or its marker on the chart (a view switched with V keeps the focus on the idea). */
function cardOf(id: number): string {
  return `.card[data-idea-id="${id}"], .marker[data-idea-id="${id}"]`;
}

/**
 * Keeps the focus on idea `id`'s card while it moves to another list. The card is drawn anew there, possibly more
 * than once (the move's guess, then the backend's answer), and each time the focus would fall back to the page. For
 * a while (FOCUS_FOLLOWS_MS), a focus that fell to the page goes back to the card; anything else taking the focus
 * ends it.
 */
export function refocusCard(id: number) {
  const its = cardOf(id);
  follow(() => {
    const active = document.activeElement;
    const onThisCard = active instanceof HTMLElement && active.matches(its);
    if (!focusLost() && !onThisCard) return false;
    const card = document.querySelector<HTMLElement>(its);
    if (card && card !== active) focusShown(card);
    return true;
  });
}

/** The focus goes to idea `id`'s card or marker once it is drawn: Enter in the search, on a match that the chart
 * draws only once its window has gone to it. */
export function focusWhenDrawn(id: number) {
  follow(() => {
    const found = document.querySelector<HTMLElement>(cardOf(id));
    if (!found) return true;
    focusShown(found);
    return false;
  });
}

/**
 * After the view switches (V) with the focus on no idea: a focus that fell to the page with what it was on (a
 * quadrant's +) goes to the view's own place, the first there is of `where` (the chart's plane; the first card that
 * Tab stops at in the quadrants, else the first quadrant), once it is drawn. The next Tab started over at the top of
 * the window.
 */
export function focusViewIfLost(...where: string[]) {
  follow(() => {
    if (!focusLost()) return false;
    const place = where.map((w) => document.querySelector<HTMLElement>(w)).find((el) => el !== null);
    if (!place) return true;
    focusShown(place);
    return false;
  });
}

/**
 * After an undo or redo brings idea `id` back (a delete undone, an add redone), the focus goes to its card, as it
 * went to a neighbour when the card left, if it is still there, on another card or nowhere (the toast's Undo that
 * was pressed is gone). Anything else keeps it. It waits up to FOCUS_FOLLOWS_MS for the card to be drawn.
 */
export function focusBroughtBack(id: number) {
  follow(() => {
    const active = document.activeElement;
    const onTheBoard =
      focusLost() ||
      (active instanceof HTMLElement &&
        (active.matches(".card[data-idea-id], .marker[data-idea-id], section.zone") ||
          active.closest(".toasts") !== null));
    if (!onTheBoard) return false;
    const card = document.querySelector<HTMLElement>(cardOf(id));
    if (!card) return true;
    focusShown(card);
    // Drawn again as the board settles: kept on it.
    refocusCard(id);
    return false;
  });
}

/** A key that moves the focus among the cards: up and down a zone's list, or across to the zone beside. */
export type CardStep = "up" | "down" | "first" | "last" | "left" | "right";

const CARD_STEPS: Record<string, CardStep> = {
  ArrowUp: "up",
  ArrowDown: "down",
  Home: "first",
  End: "last",
  ArrowLeft: "left",
  ArrowRight: "right",
};

/** The step a key press on a card asks for, if it is one (no modifier held: those belong to the app and WebKit). */
export function cardStep(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): CardStep | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return CARD_STEPS[event.key] ?? null;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Of `boxes`, the index of the one beside `from` on its `side`: wholly past its edge, overlapping its height if one
 * does (the quadrant beside, not the one diagonally across), and the nearest. `null` when none is on that side.
 */
export function boxBeside(from: Box, boxes: readonly Box[], side: "left" | "right"): number | null {
  const middle = (from.top + from.bottom) / 2;
  let best: { index: number; level: boolean; distance: number } | null = null;
  for (const [index, box] of boxes.entries()) {
    const gap = side === "left" ? from.left - box.right : box.left - from.right;
    if (gap < -1) continue;
    const level = box.top <= middle && middle <= box.bottom;
    const distance = gap + (level ? 0 : Math.min(Math.abs(box.top - middle), Math.abs(box.bottom - middle)));
    const better =
      best === null || (level && !best.level) || (level === best.level && distance < best.distance);
    if (better) best = { index, level, distance };
  }
  return best?.index ?? null;
}

/** The cards of a zone the keyboard can reach: not those dimmed by a search. */
function reachableCards(zone: Element): HTMLElement[] {
  return [...zone.querySelectorAll<HTMLElement>(".card[data-idea-id]:not(.dimmed)")];
}

/** Whether the zone of `card` has cards not drawn yet (its "Show more" button): End there, and Down on the last card
 * drawn, are its list's to answer. */
export function zoneHasMore(card: HTMLElement): boolean {
  return card.closest(".zone-list")?.querySelector(".zone-more") != null;
}

/**
 * Where `step` takes the focus from `card`: the card above or below in its zone, its first or last, or in the nearest
 * zone beside that has a card to go to, the card nearest in height. `null` when there is nowhere to go, and the focus
 * stays: never on a zone without a card, where the arrows would stop.
 */
export function cardAfterStep(card: HTMLElement, step: CardStep): HTMLElement | null {
  const zone = card.closest<HTMLElement>("section.zone");
  if (!zone) return null;
  if (step === "left" || step === "right") {
    const from = card.getBoundingClientRect();
    let others = [...document.querySelectorAll<HTMLElement>("section.zone")].filter((z) => z !== zone);
    for (;;) {
      const at = boxBeside(
        from,
        others.map((z) => z.getBoundingClientRect()),
        step,
      );
      const beside = at === null ? undefined : others[at];
      if (!beside) return null;
      const cards = reachableCards(beside);
      if (cards.length > 0) {
        const middle = (rect: DOMRect) => (rect.top + rect.bottom) / 2;
        const level = middle(from);
        return cards.reduce((a, b) =>
          Math.abs(middle(b.getBoundingClientRect()) - level) <
          Math.abs(middle(a.getBoundingClientRect()) - level)
            ? b
            : a,
        );
      }
      // Empty, or every card dimmed by a search: on to the zone past it.
      others = others.filter((z) => z !== beside);
    }
  }
  const cards = reachableCards(zone);
  const at = cards.indexOf(card);
  if (step === "first") return cards[0] ?? null;
  if (step === "last") return cards[cards.length - 1] ?? null;
  if (step === "up") return cards[at - 1] ?? null;
  // Not past "Show more" to a card drawn after it (End's, or an arrival): the ideas between come first (ZoneList).
  const next = cards[at + 1];
  const more = zone.querySelector(".zone-more");
  const pastMore = (el: Element) =>
    !!more && (more.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return next && !(pastMore(next) && !pastMore(card)) ? next : null;
}
