// Marks the first frame after the page loaded, as Pickboard marks its first painted board.
addEventListener("load", () => requestAnimationFrame(() => performance.mark("board-painted")));
