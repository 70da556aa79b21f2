import { describe, expect, it } from "vitest";

import { idea } from "../../test/fakeBackend";
import { overlaps } from "./geometry";
import { fractionOf } from "./scale";
import {
  atOneSpot,
  boxAround,
  cellCount,
  clampView,
  countInView,
  contentClip,
  fitView,
  follow,
  ideasIn,
  listed,
  listOf,
  MAX_ZOOM,
  partition,
  spotsTakenIn,
  ticks,
  toWindow,
  underName,
  WHOLE_PLANE,
  zoomAt,
  zoomOnto,
  type Cell,
} from "./view";

describe("the view", () => {
  const at = (id: number, payoff: number, cost: number) => ({
    ...idea(id, `idea ${id}`, "implement"),
    position: { payoff, cost },
  });

  it("zooms around a point that stays put, within the plane and the zoom's limits", () => {
    const zoomed = zoomAt(WHOLE_PLANE, 4, { x: 0.25, y: 0.75 });
    expect(zoomed.k).toBe(4);
    // The point a quarter across and three quarters down is still there.
    const point = { x: 0.25, y: 0.75 };
    expect(toWindow(zoomed, point).x).toBeCloseTo(0.25);
    expect(toWindow(zoomed, point).y).toBeCloseTo(0.75);
    expect(zoomAt(WHOLE_PLANE, 0.5)).toEqual(WHOLE_PLANE);
    expect(zoomAt(WHOLE_PLANE, 1000).k).toBe(MAX_ZOOM);
    expect(clampView({ x: 0.9, y: -1, k: 2 })).toEqual({ x: 0.5, y: 0, k: 2 });
  });

  it("follows a point that leaves the window by as little as it takes, and stays for one in sight", () => {
    const view = { x: 0.25, y: 0.25, k: 8 };
    expect(follow(view, { x: 0.3, y: 0.3 })).toBe(view);
    // A nudge past the right edge: the window moves right until the point is a twentieth inside, no further.
    const moved = follow(view, { x: 0.4, y: 0.3 });
    expect(moved.k).toBe(8);
    expect(moved.y).toBe(0.25);
    expect(toWindow(moved, { x: 0.4, y: 0.3 }).x).toBeCloseTo(0.95);
    // Past the top, and never past the plane's own edges.
    expect(toWindow(follow(view, { x: 0.3, y: 0.2 }), { x: 0.3, y: 0.2 }).y).toBeCloseTo(0.05);
    expect(follow(view, { x: 1, y: 0.3 }).x).toBeCloseTo(1 - 1 / 8);
  });

  it("fits the ideas given, and the whole plane for none", () => {
    expect(fitView([])).toEqual(WHOLE_PLANE);
    const view = fitView([fractionOf(8, 1), fractionOf(9, 2)]);
    expect(view.k).toBeGreaterThan(5);
    for (const p of [fractionOf(8, 1), fractionOf(9, 2)]) {
      const w = toWindow(view, p);
      expect(w.x).toBeGreaterThan(0);
      expect(w.x).toBeLessThan(1);
      expect(w.y).toBeGreaterThan(0);
      expect(w.y).toBeLessThan(1);
    }
  });

  it("gives round ticks for what is on screen", () => {
    expect(ticks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(2.5, 5)).toEqual([2.5, 3, 3.5, 4, 4.5, 5]);
    expect(ticks(7.13, 7.44)).toEqual([7.2, 7.3, 7.4]);
  });

  it("counts crowded cells and shows lone ideas one by one, whatever the board's size", () => {
    const crowd = Array.from({ length: 10_000 }, (_, i) => at(i + 1, 5 + (i % 10) / 100, 5 + (i % 7) / 100));
    const lone = at(20_000, 9.5, 0.5);
    const { singles, cells } = partition([...crowd, lone], WHOLE_PLANE, 1000, 800, { cellSize: 28 });
    expect(singles.map((i) => i.id)).toEqual([20_000]);
    expect(cells.reduce((n, c) => n + c.ideas.length, 0)).toBe(10_000);
    expect(cells.length).toBeLessThan(10);
    // The selected idea is always one by one; ideas off screen are left out.
    const zoomed = zoomAt(WHOLE_PLANE, 8, { x: 0.05, y: 0.05 });
    const kept = partition([...crowd, lone], zoomed, 1000, 800, { keep: new Set([3]) });
    expect(kept.singles.map((i) => i.id).sort()).toEqual([20_000, 3].sort());
    expect(kept.cells).toEqual([]);
    // What is in view is what the window shows: the lone idea, not the selected one drawn off screen.
    expect(kept.inView).toBe(1);
    expect(partition([...crowd, lone], WHOLE_PLANE, 1000, 800, { keep: new Set([3]) }).inView).toBe(10_001);
    // Some ideas alone (a search's matches) are counted the same way.
    expect(countInView([...crowd, lone], new Set([3, 20_000]), zoomed, 1000, 800)).toBe(1);
    expect(countInView([...crowd, lone], new Set([3, 20_000, 99_999]), WHOLE_PLANE, 1000, 800)).toBe(2);
    // At most so many are elements of their own.
    const spread = Array.from({ length: 2_000 }, (_, i) => at(i + 1, (i % 50) / 5, Math.floor(i / 50) / 4));
    expect(partition(spread, WHOLE_PLANE, 5000, 5000, { maxSingles: 100 }).singles).toHaveLength(100);
  });

  it("shows the ideas it prefers (a search's matches) one by one where they are in the window", () => {
    const crowd = Array.from({ length: 40 }, (_, i) => at(i + 1, 2, 2));
    const { singles, cells } = partition(crowd, WHOLE_PLANE, 1000, 800, { prefer: new Set([7, 9]) });
    expect(singles.map((i) => i.id).sort()).toEqual([7, 9]);
    expect(cells).toHaveLength(1);
    expect(cells[0]?.ideas).toHaveLength(38);
    // Out of the window, they are left to the counts beside them, unlike the ideas kept.
    const zoomed = zoomAt(WHOLE_PLANE, 8, { x: 0.9, y: 0.1 });
    expect(partition(crowd, zoomed, 1000, 800, { prefer: new Set([7]) }).singles).toEqual([]);
  });

  it("keeps a crowded cell's badge whole inside the window, also on the plane's edges and corners", () => {
    const corner = [at(1, 10, 0), at(2, 10, 0)];
    const edge = [at(3, 0, 5), at(4, 0, 5), at(5, 0, 5)];
    const { cells } = partition([...corner, ...edge], WHOLE_PLANE, 1000, 800, { cellSize: 28 });
    expect(cells).toHaveLength(2);
    for (const { badge } of cells) {
      expect(badge.left).toBeGreaterThanOrEqual(0);
      expect(badge.top).toBeGreaterThanOrEqual(0);
      expect(badge.left + badge.width).toBeLessThanOrEqual(1000);
      expect(badge.top + badge.height).toBeLessThanOrEqual(800);
    }
  });

  it("keeps each crowded cell's badge inside its own cell: no two counts cover each other", () => {
    // Two crowds either side of the line between two cells (28 px a cell, 1000 px for 10 points of cost/risk).
    const line = [at(1, 5, 0.27), at(2, 5, 0.27), at(3, 5, 0.29), at(4, 5, 0.29)];
    const { cells } = partition(line, WHOLE_PLANE, 1000, 800, { cellSize: 28 });
    expect(cells).toHaveLength(2);
    const [a, b] = cells.map((c) => c.badge);
    if (!a || !b) throw new Error("two cells");
    expect(overlaps(a, b)).toBe(false);

    // A board of 2,000 ideas scattered at one decimal: not one pair of badges overlaps, and each is centred in its
    // cell.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const board = Array.from({ length: 2_000 }, (_, i) =>
      at(i + 1, Math.round(random() * 100) / 10, Math.round(random() * 100) / 10),
    );
    const crowded = partition(board, WHOLE_PLANE, 580, 480, { cellSize: 28 }).cells;
    expect(crowded.length).toBeGreaterThan(100);
    for (const [i, cell] of crowded.entries()) {
      const { badge, box } = cell;
      const [cx, cy] = [badge.left + badge.width / 2, badge.top + badge.height / 2];
      expect(cx).toBeGreaterThanOrEqual(box.left);
      expect(cx).toBeLessThanOrEqual(box.left + box.width);
      expect(cy).toBeGreaterThanOrEqual(box.top);
      expect(cy).toBeLessThanOrEqual(box.top + box.height);
      for (const other of crowded.slice(i + 1)) expect(overlaps(badge, other.badge)).toBe(false);
    }
  });

  it("centres a count on its ideas at a whole score, on a cell's edge, where no other count is near", () => {
    // 1000 × 800 px, 25 px cells: payoff 4 and cost/risk 2 fall on the corner of four cells.
    const pair = [at(1, 4, 2), at(2, 4, 2)];
    const { cells } = partition(pair, WHOLE_PLANE, 1000, 800, { cellSize: 25 });
    const [cell] = cells;
    if (!cell) throw new Error("one cell");
    expect(cell.badge.left + cell.badge.width / 2).toBeCloseTo(200);
    expect(cell.badge.top + cell.badge.height / 2).toBeCloseTo(480);
    // A crowd just across the edge: each count steps into its own cell, clear of the other.
    const across = [...pair, at(3, 4.05, 1.95), at(4, 4.05, 1.95)];
    const [a, b] = partition(across, WHOLE_PLANE, 1000, 800, { cellSize: 25 }).cells.map((c) => c.badge);
    if (!a || !b) throw new Error("two cells");
    expect(overlaps(a, b)).toBe(false);
  });

  it("says which counts lie under a quadrant name, what they count, and which cells no zoom can split", () => {
    const corner = [at(1, 10, 0), at(2, 10, 0), at(3, 10, 0)];
    const near = [at(4, 5, 5), at(5, 5.05, 5)];
    const { cells } = partition([...corner, ...near], WHOLE_PLANE, 1000, 800, { cellSize: 28 });
    const [top, middle] = [...cells].sort((a, b) => a.badge.top - b.badge.top);
    if (!top || !middle) throw new Error("two cells");
    const implementName = { left: 0, top: 0, width: 180, height: 40 };
    expect(underName(top, [implementName])).toBe(true);
    expect(underName(middle, [implementName])).toBe(false);
    expect(cellCount(top, null)).toBe(3);
    expect(cellCount(top, new Set([1, 3, 4]))).toBe(2);
    expect(atOneSpot(top)).toBe(true);
    expect(atOneSpot(middle)).toBe(false);
  });

  it("zooms onto a point of the plane, bringing it to the window's middle as far as the edges allow", () => {
    const onto = zoomOnto(WHOLE_PLANE, 4, { x: 0.3, y: 0.4 });
    expect(onto.k).toBe(4);
    expect(toWindow(onto, { x: 0.3, y: 0.4 }).x).toBeCloseTo(0.5);
    expect(toWindow(onto, { x: 0.3, y: 0.4 }).y).toBeCloseTo(0.5);
    // Near a corner the window stops at the plane's edge.
    const corner = zoomOnto(WHOLE_PLANE, 4, { x: 0.02, y: 0.98 });
    expect(corner).toEqual({ k: 4, x: 0, y: 0.75 });
  });

  it("lets markers reach past the window only at the plane's own edges", () => {
    // The whole plane: every edge is on screen.
    expect(contentClip(WHOLE_PLANE, 800, 600, 12)).toBe("inset(-12px -12px -12px -12px)");
    // Zoomed ×4 into the top-left corner: the plane goes on to the right and below.
    expect(contentClip({ x: 0, y: 0, k: 4 }, 800, 600, 12)).toBe("inset(-12px 2400px 1800px -12px)");
    // Zoomed ×2 into the middle: no edge on screen, the content stops at the window on every side.
    expect(contentClip({ x: 0.25, y: 0.25, k: 2 }, 800, 600, 12)).toBe("inset(300px 400px 300px 400px)");
    // At the bottom-right corner, within rounding.
    expect(contentClip(clampView({ x: 1, y: 1, k: 2 }), 800, 600, 12)).toBe("inset(600px -12px -12px 800px)");
  });

  it("finds the ideas under a rectangle", () => {
    const ideas = [at(1, 9, 1), at(2, 1, 9), at(3, 8, 2)];
    const box = { left: 0, top: 0, width: 250, height: 250 };
    const found = ideasIn(ideas, { box, view: WHOLE_PLANE, width: 1000, height: 1000, spots: [] });
    expect(found.map((i) => i.id)).toEqual([1, 3]);
  });

  it("takes in the stack a rectangle was begun on, and only such a count's own spot", () => {
    // Two ideas at payoff 8, cost/risk 2 (window 200, 200 on a 1,000 px plane); their count's badge 180–220, its cell's
    // square 160–240. The drag went right and down to 320, 320.
    const stack = [at(1, 8, 2), at(2, 8, 2)];
    const badge = { left: 180, top: 180, width: 40, height: 40 };
    const cell = { key: "4,4", box: { left: 160, top: 160, width: 80, height: 80 }, badge, ideas: stack };
    // Idea 5 is under the count's badge, beside the stack, outside the rectangle as drawn.
    const ideas = [...stack, at(3, 7, 3), at(5, 8, 1.9)];
    const listed = (cells: Cell[], start: { x: number; y: number }) => {
      const box = boxAround([start, { x: 320, y: 320 }]);
      const area = {
        box,
        view: WHOLE_PLANE,
        width: 1000,
        height: 1000,
        spots: spotsTakenIn(cells, box, start),
      };
      return ideasIn(ideas, area).map((i) => i.id);
    };
    // Begun on the count's badge. Its whole badge taken in listed idea 5 too: a crowded plane's count, drawn beside
    // its spot, took in a column of ideas outside the rectangle, and the same rectangle dragged the other way fewer.
    expect(listed([cell], { x: 205, y: 205 })).toEqual([1, 2, 3]);
    // Begun in the count's square but beside its badge: it is the rectangle as drawn.
    expect(listed([cell], { x: 228, y: 228 })).toEqual([3]);
    // Begun on a count of ideas apart, or on none, it is the rectangle as drawn.
    const apart = { ...cell, ideas: [stack[0], at(4, 7.9, 2.1)].filter((i) => i !== undefined) };
    expect(listed([apart], { x: 205, y: 205 })).toEqual([3]);
    expect(listed([], { x: 205, y: 205 })).toEqual([3]);
  });

  it("takes in a count drawn inside the plane off its spot at the edge when the rectangle covers its badge", () => {
    // Ten ideas at payoff 10 (the plane's top edge, window y 0), their count drawn pulled into the plane: badge 40–60.
    const top = Array.from({ length: 10 }, (_, k) => at(k + 1, 10, 2));
    const cell = {
      key: "4,0",
      box: { left: 160, top: 0, width: 80, height: 80 },
      badge: { left: 180, top: 40, width: 40, height: 20 },
      ideas: top,
    };
    const box = { left: 170, top: 30, width: 60, height: 40 };
    // A rectangle around the count listed "0 ideas": their scores lie above it, on the edge.
    const area = {
      box,
      view: WHOLE_PLANE,
      width: 1000,
      height: 1000,
      spots: spotsTakenIn([cell], box, { x: 170, y: 30 }),
    };
    expect(ideasIn(top, area)).toHaveLength(10);
    // One covering a corner of the badge, not its middle, does not take it in.
    const corner = { left: 150, top: 30, width: 40, height: 20 };
    const cornerArea = { ...area, box: corner, spots: spotsTakenIn([cell], corner, { x: 150, y: 30 }) };
    expect(ideasIn(top, cornerArea)).toHaveLength(0);
  });
});

describe("a list beside the plane", () => {
  const at = (id: number, payoff: number, cost: number) => ({
    ...idea(id, `idea ${id}`, "implement"),
    position: { payoff, cost },
  });

  it("follows the board: an idea moved away from a spot or out of a rectangle leaves it, one moved in joins it", () => {
    const [one, two, three, four] = [at(1, 4, 4), at(2, 4, 4), at(3, 4, 4), at(4, 8, 2)];
    const before = [one, two, three, four];
    const spot = listOf("at payoff 4, cost/risk 4", [one, two, three], { spot: { payoff: 4, cost: 4 } });
    // The rectangle around payoff 7.5–8.5, cost/risk 1.5–2.5 on a 1,000 × 1,000 plane, the whole plane in view.
    const area = {
      box: { left: 150, top: 150, width: 100, height: 100 },
      view: WHOLE_PLANE,
      width: 1000,
      height: 1000,
      spots: [],
    };
    const rectangle = listOf("in the rectangle", [four], { area });
    expect(listed(spot, before, null).title).toBe("3 ideas at payoff 4, cost/risk 4");
    expect(listed(rectangle, before, null).title).toBe("1 idea in the rectangle");

    // Idea 2 moves from the spot into the rectangle; idea 4 moves out of it.
    const after = [at(1, 4, 4), at(2, 8, 2.2), at(3, 4, 4), at(4, 3, 9)];
    const spotNow = listed(spot, after, null);
    expect(spotNow.title).toBe("2 ideas at payoff 4, cost/risk 4");
    expect(spotNow.ideas.map((i) => i.id)).toEqual([1, 3]);
    const rectangleNow = listed(rectangle, after, null);
    expect(rectangleNow.title).toBe("1 idea in the rectangle");
    expect(rectangleNow.ideas.map((i) => [i.id, i.position?.cost])).toEqual([[2, 2.2]]);

    // A list of ideas close together keeps its ideas, with their scores as they are now; a deleted one goes.
    const close = listOf("close together", [one, four]);
    expect(listed(close, [at(1, 4.2, 4), at(2, 4, 4)], null)).toEqual({
      title: "1 idea close together",
      ideas: [at(1, 4.2, 4)],
    });
    // While searching, the matches come first and are counted.
    expect(listed(spot, before, new Set([3])).title).toBe("3 ideas at payoff 4, cost/risk 4 · 1 match");
  });
});
