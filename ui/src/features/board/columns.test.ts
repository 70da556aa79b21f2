import { describe, expect, it } from "vitest";

import { idea } from "../../test/fakeBackend";
import { groupByZone, moveInColumns, optimisticMove } from "./columns";

const ideas = [idea(1, "a", "unsorted", 3), idea(2, "b", "implement", 1), idea(3, "c", "unsorted", 2)];

describe("columns", () => {
  it("groups ideas by zone in rank order", () => {
    const cols = groupByZone(ideas);
    expect(cols.unsorted.map((i) => i.title)).toEqual(["c", "a"]);
    expect(cols.implement.map((i) => i.title)).toEqual(["b"]);
    expect(cols.kill).toEqual([]);
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

  it("gives a moved idea a rank between its new neighbours", () => {
    const moved = optimisticMove([...ideas, idea(4, "d", "implement", 5)], 1, "implement", 1);
    expect(groupByZone(moved).implement.map((i) => i.title)).toEqual(["b", "a", "d"]);
  });
});
