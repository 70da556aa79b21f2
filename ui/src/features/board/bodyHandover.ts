// When drag and drop arrives (BoardDrag.tsx), the board's body is mounted anew under it. What the person was doing
// there carries over: where each list was scrolled, the focus, what was typed in a field, and a card pressed or picked
// up with Space or Enter in the moment before, which is then pressed again on the new card; a press on the chart's
// plane or one of its markers too (the first drag of a rectangle after start drew nothing). Part of drag and drop's
// own script: it runs once that has arrived (the press itself is noted before, see press.ts).

import { putTyped } from "../../lib/typedText";
import { BODY_SELECTOR, cardSelector, PLANE_SELECTOR, type Press } from "./press";

export interface Handover {
  scroll: { spot: Spot; top: number; left: number }[];
  /** The focused element, and what was typed in it. */
  focus: { spot: Spot; value: string | null; selection: [number, number] | null } | null;
  press: Press | null;
}

/** Where `el` is in `root`: the index of each element on the way down. The body drawn anew is the same markup. */
function pathOf(el: Element, root: Element): number[] {
  const path: number[] = [];
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    path.unshift(at.parentElement ? [...at.parentElement.children].indexOf(at) : 0);
  }
  return path;
}

function atPath(root: Element, path: number[], localName: string): HTMLElement | null {
  let at: Element | undefined = root;
  for (const index of path) at = at?.children[index];
  return at instanceof HTMLElement && at.localName === localName ? at : null;
}

/** Finds an element of the body as it was in the body drawn anew: a card by its idea, anything else by its place. */
interface Spot {
  card: number | null;
  path: number[];
  localName: string;
}

function spotOf(el: Element, body: Element): Spot {
  const card = el.closest<HTMLElement>(".card[data-idea-id]");
  return { card: card ? Number(card.dataset.ideaId) : null, path: pathOf(el, body), localName: el.localName };
}

function find(body: Element, spot: Spot): HTMLElement | null {
  if (spot.card !== null) return body.querySelector<HTMLElement>(cardSelector(spot.card));
  return atPath(body, spot.path, spot.localName);
}

/** What is to carry over from the body as it is now. */
export function captureHandover(press: Press | null): Handover {
  const body = document.querySelector(BODY_SELECTOR);
  const scroll: Handover["scroll"] = [];
  let focus: Handover["focus"] = null;
  if (body) {
    for (const list of body.querySelectorAll<HTMLElement>(".zone-list[data-zone]")) {
      if (list.scrollTop !== 0 || list.scrollLeft !== 0) {
        scroll.push({ spot: spotOf(list, body), top: list.scrollTop, left: list.scrollLeft });
      }
    }
    const active = document.activeElement;
    if (active && active !== body && body.contains(active)) {
      const field =
        active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
      focus = {
        spot: spotOf(active, body),
        value: field?.value ?? null,
        selection: field ? [field.selectionStart ?? 0, field.selectionEnd ?? 0] : null,
      };
    }
  }
  return { scroll, focus, press };
}

/** Puts back the scroll and the focus, and what was typed, in the body drawn anew. Run before it is painted. */
export function restoreHandover({ scroll, focus }: Handover): void {
  const body = document.querySelector(BODY_SELECTOR);
  if (!body) return;
  for (const { spot, top, left } of scroll) {
    const list = find(body, spot);
    if (list) {
      list.scrollTop = top;
      list.scrollLeft = left;
    }
  }
  if (!focus) return;
  const el = find(body, focus.spot);
  if (!el) return;
  el.focus({ preventScroll: true });
  if (focus.value !== null && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
    putTyped(el, focus.value, focus.selection);
  }
}

/** Presses the card again, now that drag and drop listens: the drag goes on as if it had been there all along. */
export function replayPress(press: Press): void {
  if (press.kind === "plane") {
    const plane = document.querySelector<HTMLElement>(PLANE_SELECTOR);
    const on =
      press.marker === null
        ? plane
        : plane?.querySelector<HTMLElement>(`.marker[data-idea-id="${press.marker}"]`);
    on?.dispatchEvent(new PointerEvent("pointerdown", { ...press.init, bubbles: true, cancelable: true }));
    return;
  }
  const card = document.querySelector<HTMLElement>(`${BODY_SELECTOR} ${cardSelector(press.id)}`);
  if (!card) return;
  if (press.kind === "pointer") {
    card.dispatchEvent(new PointerEvent("pointerdown", { ...press.init, bubbles: true, cancelable: true }));
    return;
  }
  card.focus({ preventScroll: true });
  card.dispatchEvent(
    new KeyboardEvent("keydown", { key: press.key, code: press.code, bubbles: true, cancelable: true }),
  );
}
