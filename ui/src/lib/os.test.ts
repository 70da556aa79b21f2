import { describe, expect, it } from "vitest";

import { isDeleteKey, osOf } from "./os";

describe("osOf", () => {
  it("tells the three webviews apart by their user agents", () => {
    expect(
      osOf(
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.0 Safari/605.1.15",
      ),
    ).toBe("linux");
    expect(
      osOf("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"),
    ).toBe("mac");
    expect(
      osOf(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      ),
    ).toBe("windows");
  });

  it("takes an agent it does not know for Linux, whose font choice suits any desktop", () => {
    expect(osOf("")).toBe("linux");
  });
});

describe("isDeleteKey", () => {
  it("takes Delete everywhere, and Backspace on macOS only, where the keyboard names it delete", () => {
    expect(isDeleteKey("Delete", "linux")).toBe(true);
    expect(isDeleteKey("Delete", "windows")).toBe(true);
    expect(isDeleteKey("Backspace", "linux")).toBe(false);
    expect(isDeleteKey("Backspace", "windows")).toBe(false);
    expect(isDeleteKey("Backspace", "mac")).toBe(true);
    expect(isDeleteKey("d", "mac")).toBe(false);
  });
});
