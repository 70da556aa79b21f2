// Undo and redo across several histories, the one nearest the user first: a team round's ballot on screen, a board
// just deleted, then the board's own. Each link says whether it took a step; a redo does again what the last undo
// took back, so that it never redoes one history while the user meant another.

/** One history in the chain: each says whether it took a step. */
export interface Undoer {
  undo: () => boolean;
  redo: () => boolean;
}

export class UndoChain {
  /** The link each undo was taken by, the last one last. */
  private readonly undoneBy: number[] = [];

  /** `links`: the histories in the order they are asked, as they are now (a link may come and go: a ballot on
   * screen or not). */
  undo(links: readonly (Undoer | null | undefined)[]): boolean {
    for (const [index, link] of links.entries()) {
      if (link?.undo()) {
        this.undoneBy.push(index);
        return true;
      }
    }
    return false;
  }

  redo(links: readonly (Undoer | null | undefined)[]): boolean {
    const by = this.undoneBy.pop();
    if (by !== undefined && links[by]?.redo()) return true;
    return links.some((link, index) => index !== by && link?.redo() === true);
  }
}
