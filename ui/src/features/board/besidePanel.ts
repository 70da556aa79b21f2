// Where the details cover the board as a drawer (board.css), the idea they show is kept in sight beside them.

/**
 * Brings the zone of `card` out from under the side panel, where the panel covers the board as a drawer and the board
 * scrolls sideways under it (board.css): as far as needed, and never so far that the zone's left edge goes. Where the
 * board scrolls up and down, the card comes into sight that way too.
 */
export function revealBesidePanel(card: HTMLElement) {
  const board = card.closest<HTMLElement>(".board-body");
  const panel = document.querySelector<HTMLElement>("aside.details");
  const holder = panel?.offsetParent;
  if (!board || !panel || !holder) return;
  const gap = 8;
  const view = board.getBoundingClientRect();
  // After a zoom, on a page low enough for the board to scroll, the card was below the page's edge.
  const { top, bottom } = card.getBoundingClientRect();
  if (bottom > view.bottom - gap)
    board.scrollTop += Math.min(bottom - view.bottom + gap, top - view.top - gap);
  else if (top < view.top + gap) board.scrollTop -= view.top + gap - top;
  if (board.scrollWidth <= board.clientWidth) return;
  // Where the panel stands once in, not where its sliding in has it now.
  const panelLeft = holder.getBoundingClientRect().right - panel.offsetWidth;
  const { left, right } = (card.closest("section.zone") ?? card).getBoundingClientRect();
  if (right > panelLeft - gap) board.scrollLeft += Math.min(right - panelLeft + gap, left - view.left - gap);
  else if (left < view.left + gap) board.scrollLeft -= view.left + gap - left;
}
