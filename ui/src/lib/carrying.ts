// What waits while an idea is carried (a card in the quadrants, a marker on the chart). Apart from lib/text.ts, which
// the first scripts hold: only the drag's own code, loaded later, needs it.

/** Whether `event` is a board key that acts on an idea or opens something (1–4, N, E, F2, Delete, ?): none acts while
 * an idea is carried, which moved it under the hand and kept the move when Escape put the card back. */
export function actsOnIdea(event: KeyboardEvent): boolean {
  return alone(event) && /^([1-4neNE?]|F2|Delete)$/.test(event.key);
}

/** Whether `event` is V, which switches the view: not while an idea is carried with the keys, which left a card's copy
 * floating over the chart, or put a marker down in the quadrants, where 2 then moved it. (A card dragged with the
 * pointer may be carried onto the chart with V.) */
export function switchesView(event: KeyboardEvent): boolean {
  return alone(event) && (event.key === "v" || event.key === "V");
}

/** Whether `event`'s key is pressed without Ctrl, Cmd or Alt (Shift gives a letter its capital). */
function alone(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey;
}
