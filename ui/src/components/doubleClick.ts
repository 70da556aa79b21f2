// The rest of a double click whose first click closed a dialog or a menu, kept from what lay under it.

/** How long after a dialog closes the rest of a double click is taken for part of it (about a system's double-click
 * time). */
const DOUBLE_CLICK_MS = 600;

/** When a dialog last opened or closed, and whether the window listens for the rest of a double click. */
let openedOrClosedAt = -Infinity;
let listening = false;

/**
 * The second click of a double click whose first click closed the dialog (or a menu) lands on what lay under it:
 * "Save channel" clicked twice ticked "Set a deadline" on the page behind, Post clicked twice selected the chart's axis
 * text, and More › Rename… clicked twice opened "New idea in Implement". For a moment after a dialog or menu closes,
 * clicks that continue a double click (`detail` 2 and up) do nothing.
 */
export function swallowRestOfDoubleClick() {
  openedOrClosedAt = performance.now();
  if (listening) return;
  listening = true;
  const swallow = (event: MouseEvent) => {
    if (event.detail < 2 || performance.now() - openedOrClosedAt > DOUBLE_CLICK_MS) return;
    event.preventDefault();
    event.stopPropagation();
  };
  for (const kind of ["mousedown", "mouseup", "click", "dblclick"] as const) {
    window.addEventListener(kind, swallow, true);
  }
}
