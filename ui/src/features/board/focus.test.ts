import { describe, expect, it } from "vitest";

import { boxBeside, cardStep } from "./focus";

const box = (left: number, top: number, width = 100, height = 100) => ({
  left,
  right: left + width,
  top,
  bottom: top + height,
});

describe("boxBeside", () => {
  // The tray down the left; the quadrants two by two beside it.
  const tray = box(0, 0, 50, 210);
  const implement = box(60, 0);
  const challenge = box(170, 0);
  const possible = box(60, 110);
  const kill = box(170, 110);
  const zones = [tray, implement, challenge, possible, kill];

  it("takes the box level with the one it starts from, not the one diagonally across", () => {
    const card = box(175, 120, 90, 20); // in Kill
    expect(boxBeside(card, zones, "left")).toBe(3);
    expect(boxBeside(box(65, 10, 90, 20), zones, "right")).toBe(2);
  });

  it("takes the nearest of the boxes on that side, and none past the edge", () => {
    expect(boxBeside(box(175, 10, 90, 20), zones, "left")).toBe(1);
    expect(boxBeside(box(65, 10, 90, 20), zones, "left")).toBe(0);
    expect(boxBeside(box(5, 10, 40, 20), zones, "left")).toBeNull();
    expect(boxBeside(box(175, 10, 90, 20), zones, "right")).toBeNull();
  });
});

describe("cardStep", () => {
  const key = (
    k: string,
    held: Partial<Record<"altKey" | "ctrlKey" | "metaKey" | "shiftKey", boolean>> = {},
  ) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...held,
  });

  it("reads the arrows, Home and End, and leaves them alone with a modifier held", () => {
    expect(cardStep(key("ArrowDown"))).toBe("down");
    expect(cardStep(key("End"))).toBe("last");
    expect(cardStep(key("ArrowLeft", { shiftKey: true }))).toBeNull();
    expect(cardStep(key("Home", { ctrlKey: true }))).toBeNull();
    expect(cardStep(key("a"))).toBeNull();
  });
});
