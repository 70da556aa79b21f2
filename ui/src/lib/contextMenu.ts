// WebKit's own context menu, outside text, offers Back, Forward, Stop and Reload: Reload starts the window's page
// again and drops what is open in it (an idea's details), and on a link, Open Link would take the window away from
// Pickboard. So a right-click does nothing there. In a text field, or on selected text, the menu stays: Cut, Copy,
// Paste, Select All.

/** Keeps WebKit's context menu to text fields and selected text, in `doc`. */
export function keepContextMenuToText(doc: Document = document): void {
  doc.addEventListener("contextmenu", (event) => {
    if (!wantsTextMenu(event.target, doc)) event.preventDefault();
  });
}

function wantsTextMenu(target: EventTarget | null, doc: Document): boolean {
  if (target instanceof Element && target.closest("input, textarea, [contenteditable='true']")) return true;
  const selected = doc.getSelection();
  return selected !== null && !selected.isCollapsed && selected.toString().trim() !== "";
}
