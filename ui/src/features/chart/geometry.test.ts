import { describe, expect, it } from "vitest";

import {
  isHidden,
  labelBox,
  inDirection,
  placeLabels,
  scoresClass,
  type Box,
  type LabelPlace,
} from "./geometry";
import { fractionOf, scoresAt } from "./scale";

describe("plane geometry", () => {
  it("turns points into scores with one decimal, clamped to 0–10", () => {
    expect(scoresAt({ x: 200, y: 100 }, 1000, 500)).toEqual({ cost: 2, payoff: 8 });
    expect(scoresAt({ x: -50, y: 900 }, 1000, 500)).toEqual({ cost: 0, payoff: 0 });
    expect(scoresAt({ x: 123, y: 0 }, 1000, 500)).toEqual({ cost: 1.2, payoff: 10 });
    expect(fractionOf(10, 0)).toEqual({ x: 0, y: 0 });
  });
});

describe("placeLabels", () => {
  const label = { width: 100, height: 18 };
  const overlap = (a: Box, b: Box) =>
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height;
  const inside = (b: Box, w: number, h: number) =>
    b.left >= 0 && b.top >= 0 && b.left + b.width <= w && b.top + b.height <= h;

  it("keeps a title inside the plane: a marker at payoff 10 is not cut at the top, one at the right edge goes left", () => {
    const sides = placeLabels(
      [
        { id: 1, at: { x: 200, y: 0 }, label },
        { id: 2, at: { x: 795, y: 300 }, label },
      ],
      800,
      600,
    );
    // At the top edge the title slides down beside its dot; at the right edge it goes left.
    expect(sides.get(1)).toMatchObject({ side: "right", shift: 9 });
    expect(sides.get(2)?.side).toBe("left");
  });

  it("gives each title the room to show whole on hover without leaving the plane", () => {
    const places = placeLabels(
      [
        { id: 1, at: { x: 600, y: 300 }, label },
        { id: 2, at: { x: 795, y: 100 }, label },
        { id: 3, at: { x: 100, y: 500 }, label: { width: 790, height: 18 } },
        { id: 4, at: { x: 200, y: 200 }, label },
      ],
      800,
      600,
    );
    // On the right, to the right edge (less the gap to the dot and a margin); on the left, to the left edge.
    expect(places.get(1)).toMatchObject({ side: "right", room: 800 - 600 - 11 - 4 });
    expect(places.get(2)).toMatchObject({ side: "left", room: 795 - 11 - 4 });
    // Above or below, centred where it slid to: twice the distance to the nearer edge.
    expect(places.get(3)).toMatchObject({ side: "above", shift: 295, room: 2 * 395 - 4 });
    // A title that fits nowhere, not even cut narrow (a plane 80 px wide), shows when hovered on the side of its dot
    // with more room: it is given at least a few words' room.
    const nowhere = { width: 900, height: 18 };
    expect(placeLabels([{ id: 5, at: { x: 10, y: 300 }, label: nowhere }], 80, 600).get(5)).toMatchObject({
      side: "hidden",
      room: 80,
    });
    // In the plane's right half, on the left: on the right of a dot at the plane's right edge, it showed nothing.
    expect(placeLabels([{ id: 7, at: { x: 70, y: 300 }, label: nowhere }], 80, 600).get(7)).toMatchObject({
      side: "hidden-left",
      room: 80,
    });
    // A marker panned off the plane (kept because it is selected) has no title on the plane.
    expect(placeLabels([{ id: 6, at: { x: -9, y: 300 }, label }], 800, 600).get(6)?.side).toBe("off");
  });

  it("never covers a dot, another title or a quadrant name, and hides a title with no room", () => {
    const names: Box[] = [{ left: 0, top: 0, width: 180, height: 50 }];
    const markers = [
      { id: 1, at: { x: 100, y: 100 }, label },
      { id: 2, at: { x: 160, y: 100 }, label },
      { id: 3, at: { x: 130, y: 70 }, label },
      { id: 4, at: { x: 20, y: 30 }, label },
    ];
    const sides = placeLabels(markers, 800, 600, names);
    const boxes = markers
      .filter((m) => !isHidden(sides.get(m.id)?.side))
      .map((m) => {
        const { side, shift } = sides.get(m.id) ?? { side: "right", shift: 0 };
        const box = labelBox(m.at, m.label, side);
        return side === "right" || side === "left"
          ? { ...box, top: box.top + shift }
          : { ...box, left: box.left + shift };
      });
    for (const [i, box] of boxes.entries()) {
      expect(inside(box, 800, 600)).toBe(true);
      for (const m of markers) {
        const dot = { left: m.at.x - 8, top: m.at.y - 8, width: 16, height: 16 };
        expect(overlap(box, dot)).toBe(false);
      }
      for (const other of [...boxes.slice(i + 1), ...names]) {
        expect(overlap(box, other)).toBe(false);
      }
    }
    expect(isHidden(sides.get(4)?.side)).toBe(true);
  });

  it("keeps titles off the quadrant names where it can, and names an idea in a name's corner all the same", () => {
    const names: Box[] = [{ left: 0, top: 0, width: 180, height: 50 }];
    // In the corner, under the name: every side covers it.
    const corner = { id: 1, at: { x: 0, y: 0 }, label };
    expect(placeLabels([corner], 800, 600, [], names).get(1)?.side).toBe("right");
    // At the name's lower edge: right and above cover it, left leaves the plane, below is clear.
    const beside = { id: 2, at: { x: 100, y: 40 }, label };
    expect(placeLabels([beside], 800, 600, [], names).get(2)?.side).toBe("below");
    // A second idea in the name's corner: the name has a title over it already, and stays readable.
    const second = { id: 3, at: { x: 20, y: 30 }, label };
    expect(placeLabels([second], 800, 600, [], names).get(3)?.side).toBe("right");
    expect(placeLabels([corner, second], 800, 600, [], names).get(3)?.side).toBe("hidden");
  });

  describe("titles cut at other widths", () => {
    const whole = { width: 260, height: 18 };
    const widthOf = (place: LabelPlace | undefined) =>
      place?.cap === undefined ? label.width : Math.min(whole.width, place.cap);
    const boxOf = (at: { x: number; y: number }, place: LabelPlace | undefined) => {
      const { side, shift } = place ?? { side: "right", shift: 0 };
      const box = labelBox(at, { width: widthOf(place), height: 18 }, side);
      return side === "right" || side === "left"
        ? { ...box, top: box.top + shift }
        : { ...box, left: box.left + shift };
    };

    it("draws a title whole where its side has room, and as much of it as fits where it has less", () => {
      // Alone on a wide plane: the whole title fits right of the dot.
      expect(placeLabels([{ id: 1, at: { x: 100, y: 100 }, label, whole }], 800, 600).get(1)).toMatchObject({
        side: "right",
        cap: 280,
      });
      // A dot 280 px to its right: 200 px of the title fit before the room kept beside it, the whole would not.
      const room = placeLabels(
        [
          { id: 1, at: { x: 100, y: 100 }, label, whole },
          { id: 2, at: { x: 380, y: 100 }, label },
        ],
        800,
        600,
      );
      expect(room.get(1)).toMatchObject({ side: "right", cap: 200 });
      // A dot 190 px to its right: the usual cap, no wider.
      const tight = placeLabels(
        [
          { id: 1, at: { x: 100, y: 100 }, label: { width: 120, height: 18 }, whole },
          { id: 2, at: { x: 290, y: 100 }, label },
        ],
        800,
        600,
      );
      expect(tight.get(1)?.cap).toBeUndefined();
      // A title whose whole length is the usual cap's is not marked.
      expect(
        placeLabels([{ id: 3, at: { x: 100, y: 100 }, label, whole: label }], 800, 600).get(3)?.cap,
      ).toBe(undefined);
    });

    it("keeps a title clear of another dot, where it read as that dot's title", () => {
      // A Kill idea near the plane's right edge, its title too long for the right; a Possible idea's dot to the left,
      // at the same height, where the title put left of its own dot began just right of it.
      const markers = [
        { id: 1, at: { x: 380, y: 150 }, label: { width: 250, height: 18 } },
        { id: 2, at: { x: 100, y: 150 }, label: { width: 40, height: 18 } },
      ];
      expect(placeLabels(markers, 400, 300).get(1)?.side).not.toBe("left");
      // Further off, the left is its side again.
      const further = markers.map((m) => (m.id === 2 ? { ...m, at: { x: 60, y: 150 } } : m));
      expect(placeLabels(further, 400, 300).get(1)?.side).toBe("left");
    });

    it("gives a few words to a title with no room at the usual cap rather than none", () => {
      // Dots close on the right and above and below, the plane's edge 110 px to the left: 150 px fit nowhere.
      const markers = [
        { id: 1, at: { x: 110, y: 300 }, label, whole },
        { id: 2, at: { x: 140, y: 300 }, label: { width: 40, height: 18 } },
        { id: 3, at: { x: 110, y: 270 }, label: { width: 40, height: 18 } },
        { id: 4, at: { x: 110, y: 330 }, label: { width: 40, height: 18 } },
      ];
      expect(placeLabels(markers, 800, 600).get(1)).toMatchObject({ side: "left", cap: 90 });
    });

    it("hides no title to make room for another's, and covers no dot, title, count or name", () => {
      // A grid of markers 120 px apart, some rows offset: long titles everywhere.
      const markers = Array.from({ length: 40 }, (_, i) => ({
        id: i + 1,
        at: { x: 40 + (i % 6) * 120 + (Math.floor(i / 6) % 2) * 50, y: 40 + Math.floor(i / 6) * 60 },
        label,
        whole,
      }));
      const count: Box = { left: 300, top: 200, width: 30, height: 30 };
      const name: Box = { left: 560, top: 0, width: 240, height: 40 };
      const counts = [count];
      const names = [name];
      const short = placeLabels(
        markers.map(({ id, at }) => ({ id, at, label })),
        800,
        600,
        counts,
        names,
      );
      const places = placeLabels(markers, 800, 600, counts, names);
      for (const m of markers) {
        const before = short.get(m.id)?.side;
        if (!isHidden(before)) expect(places.get(m.id)?.side).toBe(before);
      }
      expect([...places.values()].some((p) => p.cap !== undefined && p.cap > 150)).toBe(true);
      const shown = markers
        .filter((m) => !isHidden(places.get(m.id)?.side))
        .map((m) => ({ id: m.id, at: m.at, box: boxOf(m.at, places.get(m.id)) }));
      for (const { id, at, box } of shown) {
        expect(inside(box, 800, 600)).toBe(true);
        for (const m of markers) {
          const dot = { left: m.at.x - 8, top: m.at.y - 8, width: 16, height: 16 };
          expect(overlap(box, dot)).toBe(false);
        }
        for (const other of shown) if (other.id !== id) expect(overlap(box, other.box)).toBe(false);
        expect(overlap(box, count)).toBe(false);
        const wasHidden = isHidden(short.get(id)?.side);
        if (!wasHidden && !overlap(boxOf(at, short.get(id)), name)) expect(overlap(box, name)).toBe(false);
      }
    });
  });
});

describe("inDirection", () => {
  const nextInDirection = (...args: Parameters<typeof inDirection>) => inDirection(...args)[0] ?? null;
  const from = { x: 100, y: 100 };

  it("goes to the nearest point ahead, counting a point off to the side as farther", () => {
    const points = [
      { x: 160, y: 100 }, // straight right, 60 away
      { x: 130, y: 140 }, // right and below: 30 ahead, 40 aside
      { x: 40, y: 100 }, // left
      { x: 100, y: 20 }, // up
    ];
    expect(nextInDirection(from, points, "right")).toBe(0);
    expect(nextInDirection(from, points, "left")).toBe(2);
    expect(nextInDirection(from, points, "up")).toBe(3);
    expect(nextInDirection(from, points, "down")).toBe(1);
  });

  it("finds nothing where nothing lies ahead, and skips a point at the same spot", () => {
    expect(nextInDirection(from, [{ x: 40, y: 100 }], "right")).toBeNull();
    expect(nextInDirection(from, [{ x: 100.5, y: 100 }], "right")).toBeNull();
    // Far below and a little to the right is down, not right.
    expect(nextInDirection(from, [{ x: 130, y: 340 }], "right")).toBeNull();
    expect(nextInDirection(from, [{ x: 130, y: 340 }], "down")).toBe(0);
    expect(nextInDirection(from, [], "up")).toBeNull();
  });

  it("ranks every point ahead, nearest first, for the next to be tried when the nearest is covered", () => {
    const points = [
      { x: 160, y: 100 }, // 60 ahead
      { x: 40, y: 100 }, // behind
      { x: 120, y: 105 }, // 20 ahead, 5 aside: 30
      { x: 300, y: 100 }, // 200 ahead
    ];
    expect(inDirection(from, points, "right")).toEqual([2, 0, 3]);
  });
});

describe("scoresClass", () => {
  it("puts a moving dot's scores where its title is not", () => {
    const middle = { x: 0.5, y: 0.5 };
    expect(scoresClass(middle, "right")).toBe("marker-scores marker-scores-end");
    expect(scoresClass(middle, "hidden")).toBe("marker-scores marker-scores-end");
    expect(scoresClass(middle, "left")).toBe("marker-scores");
    expect(scoresClass(middle, "hidden-left")).toBe("marker-scores");
    // A title above: the tag goes below; one below: the tag stays above, near the top too.
    expect(scoresClass(middle, "above")).toBe("marker-scores marker-scores-below");
    expect(scoresClass({ x: 0.5, y: 0.02 }, "below")).toBe("marker-scores");
    // Inside the plane at its edges, whatever the title's side.
    expect(scoresClass({ x: 0.05, y: 0.5 }, "right")).toBe("marker-scores");
    expect(scoresClass({ x: 0.95, y: 0.5 }, "left")).toBe("marker-scores marker-scores-end");
    expect(scoresClass({ x: 0.5, y: 0.02 }, "left")).toBe("marker-scores marker-scores-below");
  });
});
