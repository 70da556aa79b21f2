import { describe, expect, it } from "vitest";
import { showMoreLabel } from "./firstFrameRules";

describe("showMoreLabel", () => {
  it("says how many a press shows and how many are left", () => {
    expect(showMoreLabel(130)).toBe("Show 24 more · 130 not shown");
    expect(showMoreLabel(1976)).toBe("Show 24 more · 1,976 not shown");
  });

  it("names the last cards when one press shows them all", () => {
    expect(showMoreLabel(24)).toBe("Show the last 24");
    expect(showMoreLabel(2)).toBe("Show the last 2");
    expect(showMoreLabel(1)).toBe("Show the last one");
  });
});
