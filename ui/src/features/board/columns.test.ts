import { describe, expect, it } from "vitest";

import type { Board } from "../../lib/bindings";
import { board, idea } from "../../test/fakeBackend";
import { groupByZone, keepUnchanged, moveInColumns } from "./columns";
import { withGuesses } from "./useBoard";

const ideas = [idea(1, "a", "unsorted", 3), idea(2, "b", "implement", 1), idea(3, "c", "unsorted", 2)];

describe("columns", () => {
  it("groups ideas by zone in rank order", () => {
    const cols = groupByZone(ideas);
    expect(cols.unsorted.map((i) => i.title)).toEqual(["c", "a"]);
    expect(cols.implement.map((i) => i.title)).toEqual(["b"]);
    expect(cols.kill).toEqual([]);
  });

  it("keeps the lists of the zones a change did not touch", () => {
    const withKill = [...ideas, idea(4, "d", "kill", 1)];
    const before = groupByZone(withKill);
    // Idea 1 moved to the top of Implement, as the backend answers it; the board grouped again.
    const moved = withKill.map((i) => (i.id === 1 ? { ...i, zone: "implement" as const, rank: 0 } : i));
    const kept = keepUnchanged(before, groupByZone(moved));
    expect(kept.kill).toBe(before.kill);
    expect(kept.kill.map((i) => i.title)).toEqual(["d"]);
    expect(kept.unsorted).not.toBe(before.unsorted);
    expect(kept.implement.map((i) => i.title)).toEqual(["a", "b"]);
    expect(keepUnchanged(before, groupByZone(withKill))).toBe(before);
  });

  it("moves an idea to an index of another zone", () => {
    const cols = moveInColumns(groupByZone(ideas), 1, "implement", 0);
    expect(cols.implement.map((i) => i.title)).toEqual(["a", "b"]);
    expect(cols.implement[0]?.zone).toBe("implement");
    expect(cols.unsorted.map((i) => i.title)).toEqual(["c"]);
  });

  it("clamps an index past the end", () => {
    const cols = moveInColumns(groupByZone(ideas), 3, "unsorted", 99);
    expect(cols.unsorted.map((i) => i.title)).toEqual(["a", "c"]);
  });

  it("guesses a pending move by its place in the list, never by computing a rank", () => {
    const saved: Board = board([...ideas, idea(4, "d", "implement", 5)]);
    const { columns, ideas: guessed } = withGuesses(saved, [
      { kind: "move", id: 1, zone: "implement", index: 1 },
    ]);
    expect(columns.implement.map((i) => i.title)).toEqual(["b", "a", "d"]);
    expect(guessed.find((i) => i.id === 1)?.rank).toBe(3); // the saved rank, until the answer brings the real one
  });

  it("guesses edits, scores and deletes in the order they were made", () => {
    const saved: Board = board(ideas);
    const { ideas: guessed } = withGuesses(saved, [
      { kind: "update", id: 2, edit: { title: "B", notes: "", owner: "ana", link: "", tags: [] } },
      { kind: "scores", id: 2, payoff: 9, cost: 1 },
      { kind: "delete", id: 3 },
    ]);
    expect(guessed.map((i) => i.title)).toEqual(["a", "B"]);
    expect(guessed[1]).toMatchObject({ owner: "ana", position: { payoff: 9, cost: 1 } });
  });
});
