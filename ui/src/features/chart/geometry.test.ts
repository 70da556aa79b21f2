import { describe, expect, it } from "vitest";

import { idea } from "../../test/fakeBackend";
import { clusters, fanOffsets, fractionOf, scoresAt } from "./geometry";

describe("plane geometry", () => {
  it("turns points into scores with one decimal, clamped to 0–10", () => {
    expect(scoresAt({ x: 200, y: 100 }, 1000, 500)).toEqual({ cost: 2, payoff: 8 });
    expect(scoresAt({ x: -50, y: 900 }, 1000, 500)).toEqual({ cost: 0, payoff: 0 });
    expect(scoresAt({ x: 123, y: 0 }, 1000, 500)).toEqual({ cost: 1.2, payoff: 10 });
    expect(fractionOf(10, 0)).toEqual({ x: 0, y: 0 });
  });

  it("stacks markers that would overlap and fans them out", () => {
    const a = { ...idea(1, "a", "implement"), position: { payoff: 8, cost: 2 } };
    const b = { ...idea(2, "b", "implement"), position: { payoff: 8.1, cost: 2.1 } };
    const c = { ...idea(3, "c", "kill"), position: { payoff: 1, cost: 9 } };
    const groups = clusters([a, b, c, idea(4, "unplaced", "unsorted")]);
    expect(groups.map((g) => g.ideas.map((i) => i.id))).toEqual([[1, 2], [3]]);
    const offsets = fanOffsets(3);
    expect(new Set(offsets.map((o) => `${o.x},${o.y}`)).size).toBe(3);
  });
});
