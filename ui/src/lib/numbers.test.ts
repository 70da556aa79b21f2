import { describe, expect, it } from "vitest";
import { formatCount } from "./numbers";

describe("formatCount", () => {
  it("groups thousands as the chart's English counts do", () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 1234567890]) {
      expect(formatCount(n)).toBe(n.toLocaleString("en"));
    }
  });

  it("keeps the sign of a negative count", () => {
    expect(formatCount(-12345)).toBe("-12,345");
  });
});
