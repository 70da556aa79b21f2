import { describe, expect, it, vi } from "vitest";

import { idea } from "../../test/fakeBackend";
import { facets, matchesFilter, matchingIds, NO_FILTER } from "./filter";

const a = { ...idea(1, "Rotate TLS certificates", "implement"), tags: ["security", "q3"], owner: "ana" };
const b = {
  ...idea(2, "Move CI to arm64", "challenge"),
  tags: ["ci"],
  owner: "bo",
  notes: "cheaper runners",
};

describe("filter", () => {
  it("matches every word of the query in title, notes, owner or tags", () => {
    expect(matchesFilter(a, { ...NO_FILTER, query: "tls rotate" })).toBe(true);
    expect(matchesFilter(b, { ...NO_FILTER, query: "RUNNERS" })).toBe(true);
    expect(matchesFilter(b, { ...NO_FILTER, query: "ana" })).toBe(false);
  });

  it("ignores case the same in every language, Turkish's i included", () => {
    // The page in a Turkish locale: its own lower case of "I" is "ı".
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its `this` below
    const own = String.prototype.toLocaleLowerCase;
    const turkish = vi.spyOn(String.prototype, "toLocaleLowerCase").mockImplementation(function (
      this: string,
    ) {
      return own.call(this, "tr-TR");
    });
    try {
      const c = { ...idea(3, "IAM cleanup", "possible"), tags: ["İSTANBUL"], owner: "ılgın" };
      expect(matchesFilter(c, { ...NO_FILTER, query: "iam" })).toBe(true);
      expect(matchesFilter(c, { ...NO_FILTER, query: "istanbul" })).toBe(true);
      expect(matchesFilter(c, { ...NO_FILTER, query: "ilgin" })).toBe(true);
      expect(matchesFilter(c, { ...NO_FILTER, tags: ["istanbul"] })).toBe(true);
    } finally {
      turkish.mockRestore();
    }
  });

  it("needs every chosen tag and one of the chosen owners", () => {
    expect(matchesFilter(a, { ...NO_FILTER, tags: ["Security", "q3"] })).toBe(true);
    expect(matchesFilter(a, { ...NO_FILTER, tags: ["security", "ci"] })).toBe(false);
    expect(matchesFilter(b, { ...NO_FILTER, owners: ["ana", "bo"] })).toBe(true);
  });

  it("filters nothing when empty, and lists tags and owners by use", () => {
    expect(matchingIds([a, b], NO_FILTER)).toBeNull();
    expect(matchingIds([a, b], { ...NO_FILTER, tags: ["ci"] })).toEqual(new Set([2]));
    expect(facets([a, b, { ...b, id: 3 }])).toEqual({
      tags: ["ci", "q3", "security"],
      owners: ["bo", "ana"],
    });
  });
});
