import { describe, expect, it } from "vitest";

import { saveIndicator } from "./BoardToolbar";
import { fieldProblem, linkProblem, oneLine, parseScore, sameValue, scoreProblem } from "./fields";
import { unsavedLabel } from "./unsaved";

describe("oneLine", () => {
  it("turns every kind of line break into a space", () => {
    expect(oneLine("Rotate\ncerts\r\nbefore\rthey expire")).toBe("Rotate certs before they expire");
    expect(oneLine("one line")).toBe("one line");
  });
});

describe("sameValue", () => {
  it("compares texts as the backend keeps them, without bidirectional controls", () => {
    // Kept as typed, the title with an override was saved without it, and the panel went on saying "Not saved yet".
    expect(sameValue("title", "Evil \u202Eedoc\u202C RTL", "Evil edoc RTL")).toBe(true);
    expect(sameValue("notes", "a\u2066b\u2069\n", "ab")).toBe(true);
    expect(sameValue("owner", "\u202Eana", "ana")).toBe(true);
    expect(sameValue("title", "Evil edoc", "Evil code")).toBe(false);
  });
});

describe("linkProblem", () => {
  it("accepts what the backend accepts", () => {
    for (const ok of [
      "",
      "   ",
      "https://jira.example.com/browse/OPS-1",
      " http://intranet.local/x?a=1#b ",
    ]) {
      expect(linkProblem(ok), ok).toBeNull();
    }
  });

  it("says what to type instead of a link without https://", () => {
    expect(linkProblem("www.example.com")).toBe(
      "Start the link with https:// — for example https://www.example.com",
    );
    expect(linkProblem("jira.example.com/browse/OPS-1")).toContain("https://jira.example.com/browse/OPS-1");
    expect(linkProblem("HTTPS://Example.com")).toContain("for example https://Example.com");
    expect(linkProblem("ftp://files.example.com/a")).toContain("for example https://files.example.com/a");
    expect(linkProblem("see the wiki")).toContain("for example https://www.example.com");
    expect(linkProblem("javascript:alert(1)")).toContain("for example https://www.example.com");
  });

  it("refuses spaces, a missing site and more than 2,000 characters", () => {
    expect(linkProblem("https://example.com/a b")).toMatch(/spaces/);
    expect(linkProblem("https://")).toMatch(/after https:\/\//);
    expect(linkProblem("http:///path")).toMatch(/after http:\/\//);
    expect(linkProblem(`https://example.com/${"a".repeat(2000)}`)).toMatch(/at most 2,000 characters/);
  });

  it("asks for a title when there is none to save", () => {
    const edit = { title: " \t ", notes: "", owner: "", link: "", tags: [] };
    expect(fieldProblem("title", edit)).toMatch(/needs a title/);
    expect(fieldProblem("owner", edit)).toBeNull();
  });
});

describe("score boxes", () => {
  it("read a number from 0 to 10 with one decimal", () => {
    expect(parseScore("7.5")).toBe(7.5);
    expect(parseScore(" 10 ")).toBe(10);
    expect(parseScore("0")).toBe(0);
    expect(parseScore(".5")).toBe(0.5);
    expect(parseScore("6,5")).toBe(6.5);
    expect(parseScore("8.46")).toBe(8.5);
    expect(parseScore("3.")).toBe(3);
    // Rounded before the scale is checked: 10.04 is 10, 10.05 is 10.1 and too large.
    expect(parseScore("10.04")).toBe(10);
    expect(parseScore("10.05")).toBeNull();
  });

  it("refuse an empty box, a negative or too large number and anything else", () => {
    for (const bad of ["", " ", "-2", "-0", "10.1", "11", "1e1", "abc", "7.5.1", "Infinity", "0x5"]) {
      expect(parseScore(bad), bad).toBeNull();
    }
    expect(scoreProblem("payoff", "")).toBe("Payoff is a number from 0 to 10, e.g. 6.5");
    expect(scoreProblem("cost", "-2")).toBe("Cost/risk is a number from 0 to 10, e.g. 6.5");
    expect(scoreProblem("cost", "2")).toBeNull();
  });
});

describe("the save indicator", () => {
  const link = { field: "link" as const, problem: "Start the link with https://" };
  const title = { field: "title" as const, problem: null };

  it("never says all is saved while a field on screen is not", () => {
    expect(saveIndicator("saved", []).text).toBe("All changes saved");
    expect(saveIndicator("saved", [link]).text).toBe("1 field not saved: fix the link");
    expect(saveIndicator("saving", [link]).tone).toBe("invalid");
    expect(saveIndicator("saved", [title]).text).toBe("Not saved yet: editing the title");
    expect(saveIndicator("saving", [title]).text).toBe("Saving…");
    expect(saveIndicator("waiting", [link]).text).toBe("Not saved yet: retrying");
  });

  it("counts and names every field to fix", () => {
    expect(unsavedLabel([link, { field: "title", problem: "An idea needs a title." }])?.text).toBe(
      "2 fields not saved: fix the link and title",
    );
    expect(
      unsavedLabel([{ field: "cost", problem: "Cost/risk is a number from 0 to 10, e.g. 6.5" }])?.text,
    ).toBe("1 field not saved: fix the cost/risk");
  });

  it("counts a field that waits for the one to fix", () => {
    const payoff = { field: "payoff" as const, problem: "Payoff is a number from 0 to 10, e.g. 6.5" };
    expect(unsavedLabel([payoff, { field: "cost", problem: null }])?.text).toBe(
      "2 fields not saved: fix the payoff",
    );
  });
});
