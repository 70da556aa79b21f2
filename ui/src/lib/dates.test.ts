import { describe, expect, it } from "vitest";

import { localDate } from "./dates";

describe("localDate", () => {
  it("names the local day, with the year, whatever the time of day", () => {
    const late = new Date(2025, 10, 25, 23, 59);
    expect(localDate(late)).toBe(localDate(new Date(2025, 10, 25, 0, 1)));
    expect(localDate(late)).not.toBe(localDate(new Date(2025, 10, 26, 0, 1)));
    expect(localDate(late)).toContain("2025");
    expect(localDate(late)).toContain("25");
  });
});
