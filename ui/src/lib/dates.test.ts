import { describe, expect, it } from "vitest";

import { fileDate, localDate } from "./dates";

describe("localDate", () => {
  it("names the local day, with the year, whatever the time of day", () => {
    const late = new Date(2025, 10, 25, 23, 59);
    expect(localDate(late)).toBe(localDate(new Date(2025, 10, 25, 0, 1)));
    expect(localDate(late)).not.toBe(localDate(new Date(2025, 10, 26, 0, 1)));
    expect(localDate(late)).toContain("2025");
    expect(localDate(late)).toContain("25");
  });
});

describe("fileDate", () => {
  it("names the local day as year-month-day, with nothing a file name should not have", () => {
    expect(fileDate(new Date(2026, 11, 2, 23, 59))).toBe("2026-12-02");
    expect(fileDate(new Date(2027, 0, 9, 0, 1))).toBe("2027-01-09");
  });
});
