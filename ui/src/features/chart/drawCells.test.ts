import { beforeEach, describe, expect, it, vi } from "vitest";

import { idea } from "../../test/fakeBackend";
import { dotStart, drawCells, releasePixels } from "./drawCells";
import { WHOLE_PLANE, type Cell } from "./view";

const box = { left: 10, top: 10, width: 28, height: 28 };
const crowded: Cell = { key: "0,0", box, badge: box, ideas: [idea(1, "A", "kill"), idea(2, "B", "kill")] };

describe("drawCells", () => {
  // jsdom has no 2D context: what is checked here is the canvas's size, which decides what its pixels take.
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  });

  it("leaves the canvas without pixels when no cell is crowded", () => {
    const canvas = document.createElement("canvas");
    canvas.width = 1300;
    canvas.height = 850;
    drawCells(canvas, [], WHOLE_PLANE, 1300, 850, null, new Set());
    expect([canvas.width, canvas.height]).toEqual([0, 0]);
  });

  it("sizes the canvas to the plane when a cell is crowded", () => {
    const canvas = document.createElement("canvas");
    drawCells(canvas, [crowded], WHOLE_PLANE, 1300, 850, null, new Set());
    expect([canvas.width, canvas.height]).toEqual([1300, 850]);
    releasePixels(canvas);
    expect([canvas.width, canvas.height]).toEqual([0, 0]);
  });

  it("draws in the screen's pixels on a zoomed page", () => {
    // At 150 %, a 1,536 px window holds a page of 1,024.
    const outer = vi.spyOn(window, "outerWidth", "get").mockReturnValue(1536);
    const inner = vi.spyOn(window, "innerWidth", "get").mockReturnValue(1024);
    try {
      const canvas = document.createElement("canvas");
      drawCells(canvas, [crowded], WHOLE_PLANE, 1000, 600, null, new Set());
      expect([canvas.width, canvas.height]).toEqual([1500, 900]);
    } finally {
      outer.mockRestore();
      inner.mockRestore();
    }
  });

  it("draws a dot at either end of an axis wholly on the canvas, and none out of view", () => {
    // 4 pixels wide on a 1,000-pixel axis: at 0 and at 1 (scores 0 and 10) whole, not half cut off by the edge.
    expect(dotStart(0, 1000, 4)).toBe(0);
    expect(dotStart(1, 1000, 4)).toBe(996);
    expect(dotStart(1 + 1e-9, 1000, 4)).toBe(996);
    expect(dotStart(0.5, 1000, 4)).toBe(498);
    // Zoomed in, an idea past the view's edge is not drawn as a dot at its border.
    expect(dotStart(1.01, 1000, 4)).toBeNull();
    expect(dotStart(-0.2, 1000, 4)).toBeNull();
  });
});
