// A press made on the board's body before drag and drop is there (BoardDrag.tsx): noted as it happens, so that it can
// be pressed again on the body drawn anew under drag and drop (bodyHandover.ts). Apart from the handover itself, which
// drag and drop's own script carries: only this runs before it arrives.

/** The element the board's body is drawn in: one per window. */
export const BODY_SELECTOR = ".board-body";

/** A press on a card that drag and drop was not there yet to see. */
export type Press =
  | { kind: "pointer"; id: number; init: PointerEventInit }
  | { kind: "key"; id: number; key: string; code: string }
  /** On the chart's plane: on the marker of idea `marker`, or on the plane itself. */
  | { kind: "plane"; marker: number | null; init: PointerEventInit };

/** The chart's plane, whose own handlers take a press there (a rectangle, a pan, a marker's drag). */
export const PLANE_SELECTOR = `${BODY_SELECTOR} .plane`;

export function cardSelector(id: number): string {
  return `.card[data-idea-id="${id}"]`;
}

/** The press that `event` is, when it starts a drag of a card: a primary button down, or Space or Enter. */
export function pressOf(event: Event): Press | null {
  const target = event.target instanceof Element ? event.target : null;
  const primary = event.type === "pointerdown" && event instanceof MouseEvent && event.button === 0;
  const init = (): PointerEventInit => {
    const pointer = event as PointerEvent;
    return {
      clientX: pointer.clientX,
      clientY: pointer.clientY,
      screenX: pointer.screenX,
      screenY: pointer.screenY,
      pointerId: pointer.pointerId,
      pointerType: pointer.pointerType,
      isPrimary: true,
      button: 0,
      buttons: 1,
      shiftKey: pointer.shiftKey,
    };
  };
  if (primary && target?.closest(PLANE_SELECTOR) && !target.closest(".chart-list")) {
    const marker = Number(target.closest<HTMLElement>(".marker[data-idea-id]")?.dataset.ideaId);
    return { kind: "plane", marker: Number.isInteger(marker) ? marker : null, init: init() };
  }
  const card = target?.closest<HTMLElement>(`${BODY_SELECTOR} .card[data-idea-id]`);
  const id = Number(card?.dataset.ideaId);
  if (!card || !Number.isInteger(id)) return null;
  if (primary) return { kind: "pointer", id, init: init() };
  if (event instanceof KeyboardEvent && event.type === "keydown" && target === card) {
    if (event.code === "Space" || event.code === "Enter")
      return { kind: "key", id, key: event.key, code: event.code };
  }
  return null;
}
