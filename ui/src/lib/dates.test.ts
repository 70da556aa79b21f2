import { afterEach, describe, expect, it, vi } from "vitest";

import { fileDate, localDate } from "./dates";
import { titleDate } from "./titleDate";

describe("localDate", () => {
  it("names the local day, with the year, whatever the time of day", () => {
    const late = new Date(2025, 10, 25, 23, 59);
    expect(localDate(late)).toBe(localDate(new Date(2025, 10, 25, 0, 1)));
    expect(localDate(late)).not.toBe(localDate(new Date(2025, 10, 26, 0, 1)));
    expect(localDate(late)).toContain("2025");
    expect(localDate(late)).toContain("25");
  });
});

describe("titleDate", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("writes today in English whatever the user's locale, as the command line does", () => {
    vi.useFakeTimers({ now: new Date(2027, 0, 12, 9, 0) });
    // The page in a German locale.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its `this` below
    const own = Date.prototype.toLocaleDateString;
    vi.spyOn(Date.prototype, "toLocaleDateString").mockImplementation(function (
      this: Date,
      locales?: Intl.LocalesArgument,
      options?: Intl.DateTimeFormatOptions,
    ) {
      return own.call(this, locales ?? "de-DE", options);
    });
    expect(localDate()).toBe("12. Jan. 2027");
    expect(titleDate()).toBe("Jan 12, 2027");
  });
});

describe("fileDate", () => {
  it("names the local day as year-month-day, with nothing a file name should not have", () => {
    expect(fileDate(new Date(2026, 11, 2, 23, 59))).toBe("2026-12-02");
    expect(fileDate(new Date(2027, 0, 9, 0, 1))).toBe("2027-01-09");
  });
});
