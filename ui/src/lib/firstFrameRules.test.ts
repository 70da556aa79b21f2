import { describe, expect, it } from "vitest";
import { initials, showMoreLabel } from "./firstFrameRules";

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

  it("says the cards left are not matching while a search has no match left to show", () => {
    expect(showMoreLabel(468, "others")).toBe("Show 24 more · 468 not matching");
    expect(showMoreLabel(2, "others")).toBe("Show the last 2, not matching");
    expect(showMoreLabel(1, "others")).toBe("Show the last one, not matching");
  });
});

describe("initials", () => {
  it("takes the first letters of the first two words, or the first two of one", () => {
    expect(initials("ana")).toBe("AN");
    expect(initials("Ana Ruiz")).toBe("AR");
    expect(initials("ana.smith")).toBe("AS");
    expect(initials("Seán O'Brien")).toBe("SO");
    expect(initials("अनिल कुमार")).toBe("अक");
  });

  it("leaves out what is not a letter or a digit, unless the name has nothing else", () => {
    expect(initials("<b>own</b>")).toBe("BO");
    expect(initials("@@ops")).toBe("OP");
    expect(initials("🚀")).toBe("🚀");
  });
});
