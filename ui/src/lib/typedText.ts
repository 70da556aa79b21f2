// Text typed in one field, handed to the field that takes its place (the first frame's to React's, the board's body
// before drag and drop to the one after it), so that nothing typed is lost.

/** Puts `value` and its caret in `field`, a field React renders: the value through the element's own setter and an
 * `input` event, which is what React's `onChange` listens to (a value set from outside would not reach its state). */
export function putTyped(
  field: HTMLInputElement | HTMLTextAreaElement,
  value: string,
  selection: readonly [number, number] | null,
): void {
  if (field.value !== value) {
    const prototype =
      field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(field, value);
    field.dispatchEvent(new Event("input", { bubbles: true }));
  }
  if (selection) field.setSelectionRange(selection[0], selection[1]);
}
