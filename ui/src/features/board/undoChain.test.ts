import { describe, expect, it } from "vitest";

import { UndoChain, type Undoer } from "./undoChain";

/** A history of `steps` steps, recording what it was asked. */
function history(name: string, steps: number, log: string[]): Undoer {
  let done = steps;
  let undone = 0;
  return {
    undo: () => {
      if (done === 0) return false;
      done -= 1;
      undone += 1;
      log.push(`${name} undo`);
      return true;
    },
    redo: () => {
      if (undone === 0) return false;
      undone -= 1;
      done += 1;
      log.push(`${name} redo`);
      return true;
    },
  };
}

describe("UndoChain", () => {
  it("undoes the nearest history first, and redoes what the last undo took back", () => {
    const log: string[] = [];
    const ballot = history("ballot", 2, log);
    const board = history("board", 3, log);
    const chain = new UndoChain();
    const links = [ballot, board];
    // The ballot's two steps, then on to the board.
    chain.undo(links);
    chain.undo(links);
    chain.undo(links);
    // The board's change comes back first: it was taken back last.
    chain.redo(links);
    chain.redo(links);
    expect(log).toEqual(["ballot undo", "ballot undo", "board undo", "board redo", "ballot redo"]);
  });

  it("asks the others when the one that undid has nothing to redo (its history changed since)", () => {
    const log: string[] = [];
    const board = history("board", 1, log);
    const ballot = history("ballot", 1, log);
    const chain = new UndoChain();
    chain.undo([ballot, board]);
    chain.undo([ballot, board]);
    // The round's screen was left: no ballot in the chain.
    expect(chain.redo([null, board])).toBe(true);
    expect(chain.redo([null, board])).toBe(false);
    expect(log).toEqual(["ballot undo", "board undo", "board redo"]);
  });

  it("keeps a redo for the ballot when undos past the end found nothing to take back", () => {
    const log: string[] = [];
    const ballot = history("ballot", 1, log);
    const board = history("board", 1, log);
    const chain = new UndoChain();
    const links = [ballot, board];
    chain.undo(links);
    chain.undo(links);
    // Pressed again with nothing left anywhere: "Nothing to undo", and no step taken.
    expect(chain.undo(links)).toBe(false);
    expect(chain.undo(links)).toBe(false);
    chain.redo(links);
    chain.redo(links);
    expect(log).toEqual(["ballot undo", "board undo", "board redo", "ballot redo"]);
  });
});
