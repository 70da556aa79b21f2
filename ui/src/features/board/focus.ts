// Where the keyboard focus goes when a card moves or goes: never to the page, so the next key acts where it did.

/** The idea whose card or marker has the keyboard focus, if any: the number keys and Delete act on it. */
export function focusedIdeaId(): number | null {
  const active = document.activeElement;
  const card = active instanceof HTMLElement ? active.closest<HTMLElement>("[data-idea-id]") : null;
  const id = Number(card?.dataset.ideaId);
  return card && Number.isInteger(id) ? id : null;
}

/** Before idea `id` goes: the focus, if it was on its card, in its details or nowhere, moves to the next card of its
 * zone, or the previous one when it was the last, or the zone itself when it was alone; never to the page. */
export function focusAfterDelete(id: number) {
  const card = document.querySelector<HTMLElement>(`.card[data-idea-id="${id}"]`);
  const zone = card?.closest<HTMLElement>("section.zone");
  if (!card || !zone) return;
  const active = document.activeElement;
  const focusWasHere =
    active === null ||
    active === document.body ||
    card.contains(active) ||
    active.closest("aside[aria-label='Idea details']") !== null;
  if (!focusWasHere) return;
  const cards = [...zone.querySelectorAll<HTMLElement>(".card[data-idea-id]")];
  const at = cards.indexOf(card);
  (cards[at + 1] ?? cards[at - 1] ?? zone).focus();
}

/**
 * Keeps the focus on idea `id`'s card while it moves to another list. The card is drawn anew there, possibly more
 * than once (the move's guess, then the backend's answer), and each time the focus would fall back to the page. For
 * a second, a focus that fell to the page goes back to the card; anything else taking the focus ends it.
 */
export function refocusCard(id: number) {
  const until = performance.now() + 1000;
  const attempt = () => {
    const active = document.activeElement;
    const onThisCard = active instanceof HTMLElement && active.matches(`.card[data-idea-id="${id}"]`);
    const lost = active === null || active === document.body || !active.isConnected;
    if (!lost && !onThisCard) return;
    const card = document.querySelector<HTMLElement>(`.card[data-idea-id="${id}"]`);
    if (card && card !== active) card.focus();
    if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
