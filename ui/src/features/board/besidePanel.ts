// Where the details cover the board as a drawer (board.css), the idea they show is kept in sight beside them.

/**
 * Brings the zone of `card` out from under the side panel, where the panel covers the board as a drawer and the board
 * scrolls sideways under it (board.css): as far as needed, and never so far that the zone's left edge goes.
 */
export function revealBesidePanel(card: HTMLElement) {
  const board = card.closest<HTMLElement>(".board-body");
  const panel = document.querySelector<HTMLElement>("aside.details");
  const holder = panel?.offsetParent;
  if (!board || !panel || !holder || board.scrollWidth <= board.clientWidth) return;
  const gap = 8;
  const view = board.getBoundingClientRect();
  // Where the panel stands once in, not where its sliding in has it now.
  const panelLeft = holder.getBoundingClientRect().right - panel.offsetWidth;
  const { left, right } = (card.closest("section.zone") ?? card).getBoundingClientRect();
  if (right > panelLeft - gap) board.scrollLeft += Math.min(right - panelLeft + gap, left - view.left - gap);
  else if (left < view.left + gap) board.scrollLeft -= view.left + gap - left;
}
