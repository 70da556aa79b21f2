import { describe, expect, it } from "vitest";

import { charCount, cutAtWord, listItems, markdownAsText, pasteCut, shorten } from "./text";

describe("shorten", () => {
  it("leaves short text as it is and cuts long text to the length asked, ellipsis included", () => {
    expect(shorten("Rotate certs", 12)).toBe("Rotate certs");
    expect(shorten("Rotate the certificates", 12)).toBe("Rotate the …");
    expect(shorten("Rotate the certificates", 12)).toHaveLength(12);
  });

  it("never cuts an emoji in half", () => {
    // Each rocket is two UTF-16 units: cut by units, the fifth would be left half a character.
    expect(shorten("🚀🚀🚀🚀🚀🚀", 5)).toBe("🚀🚀🚀🚀…");
    expect(shorten("🚀🚀🚀", 3)).toBe("🚀🚀🚀");
    // A family is one character of four people joined: it stays whole, as do letters with accents added.
    expect(shorten("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", 2)).toBe("👩‍👩‍👧…");
    expect(shorten("e\u0301e\u0301e\u0301", 2)).toBe("e\u0301…");
  });
});

describe("cutAtWord", () => {
  it("keeps text that fits, and cuts longer text at its last space near the end", () => {
    expect(cutAtWord("Short title", 20)).toBe("Short title");
    expect(cutAtWord("Migrate the CI runners to arm64", 20)).toBe("Migrate the CI");
  });

  it("cuts where it must when no space is near the end, never inside a character", () => {
    expect(cutAtWord("A".repeat(90), 50)).toBe("A".repeat(50));
    // A family emoji is 5 characters (three people joined by two joiners): it does not fit in the last 3, and is left
    // out whole.
    expect(cutAtWord(`${"B".repeat(97)}👩‍👩‍👧`, 100)).toBe("B".repeat(97));
  });
});

describe("listItems", () => {
  it("takes a pasted list's lines without their marks, and leaves the rest of a line as it is", () => {
    expect(
      listItems("- Rotate certs\r\n* Patch bastion\r• Drop VPN\n\n 1. One\n2) Two\n- [x] Done\n[ ] Open"),
    ).toEqual(["Rotate certs", "Patch bastion", "Drop VPN", "One", "Two", "Done", "Open"]);
    // Not marks: a number that starts a title, a dash inside a word, a lone dash.
    expect(listItems("2024 budget\n3.5 GHz hosts\n-rf flag\n-")).toEqual([
      "2024 budget",
      "3.5 GHz hosts",
      "-rf flag",
      "-",
    ]);
    expect(listItems("  \n\n")).toEqual([]);
  });
});

describe("markdownAsText", () => {
  it("reads a link as its words and drops the marks of emphasis, code, headings and lists", () => {
    expect(markdownAsText("see [the runbook](https://example.com/r) now")).toBe("see the runbook now");
    expect(markdownAsText("## Why\n- **fast** builds\n- `cache` hits\n1. ~~old~~ new")).toBe(
      "Why fast builds cache hits old new",
    );
    expect(markdownAsText("a * b and 2 * 3")).toBe("a * b and 2 * 3");
  });
});

describe("cutAtWord, counting as the backend does", () => {
  it("counts an emoji as one character", () => {
    const pasted = `${"a".repeat(480)}${"😀".repeat(21)}`;
    expect(cutAtWord(pasted, 500)).toBe(`${"a".repeat(480)}${"😀".repeat(20)}`);
  });
});

describe("pasteCut", () => {
  function field(value: string, at = value.length) {
    const input = document.createElement("textarea");
    input.value = value;
    input.setSelectionRange(at, at);
    return input;
  }

  it("counts an emoji as one character, as the backend does, and makes room for it in the field", () => {
    const title = `${"a".repeat(498)}🚀🔥`;
    expect(charCount(title)).toBe(500);
    const empty = field("");
    expect(pasteCut(empty, title, 500)).toBe(false);
    // The field's limit counts UTF-16 units: two more for the two emoji.
    expect(empty.maxLength).toBe(502);
  });

  it("says when the text goes past the limit, and lets the field keep exactly the characters that fit", () => {
    const full = field(`${"b".repeat(497)}🚀`);
    expect(pasteCut(full, "🔥🔥🔥", 500)).toBe(true);
    // 498 characters kept, room for two more emoji: 499 + 4 units.
    expect(full.maxLength).toBe(503);
    // A selection is replaced: its characters make room.
    const selected = field("c".repeat(500), 0);
    selected.setSelectionRange(0, 10);
    expect(pasteCut(selected, "🔥".repeat(10), 500)).toBe(false);
    expect(pasteCut(field("d".repeat(500)), "e", 500)).toBe(true);
    // Whole characters as a reader sees them: not the man and the woman of a family emoji, nor one letter of a flag.
    const family = "👨‍👩‍👧";
    const tight = field("d".repeat(497));
    expect(pasteCut(tight, family.repeat(3), 500)).toBe(true);
    expect(tight.maxLength).toBe(497);
    const flag = field("e".repeat(499));
    expect(pasteCut(flag, "🇫🇷", 500)).toBe(true);
    expect(flag.maxLength).toBe(499);
  });
});
