// Which ideas match the search box and the tag and owner chips.
import type { Idea } from "../../lib/bindings";

export interface Filter {
  query: string;
  tags: string[];
  owners: string[];
}

export const NO_FILTER: Filter = { query: "", tags: [], owners: [] };

export function isFiltering(filter: Filter): boolean {
  return filter.query.trim() !== "" || filter.tags.length > 0 || filter.owners.length > 0;
}

/** Lower case, the same in every language, with Turkish's dotted and dotless i read as i: in a Turkish locale "iam"
 * found no "IAM", and in the others "istanbul" found no "İSTANBUL". */
const fold = (text: string) =>
  text
    .toLowerCase()
    .replace(/ı/g, "i")
    .replace(/\u0307/g, "");

/**
 * Every word of the query must appear (ignoring case) in the title, notes, owner or tags; the idea must carry every
 * chosen tag, and belong to one of the chosen owners.
 */
export function matchesFilter(idea: Idea, filter: Filter): boolean {
  const haystack = fold([idea.title, idea.notes, idea.owner, ...idea.tags].join("\n"));
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  if (!words.every((w) => haystack.includes(w))) return false;
  const tags = idea.tags.map(fold);
  if (!filter.tags.every((t) => tags.includes(fold(t)))) return false;
  if (filter.owners.length > 0 && !filter.owners.includes(idea.owner)) return false;
  return true;
}

/** The ids of the matching ideas, or `null` when nothing is filtered. */
export function matchingIds(ideas: readonly Idea[], filter: Filter): Set<number> | null {
  if (!isFiltering(filter)) return null;
  return new Set(ideas.filter((i) => matchesFilter(i, filter)).map((i) => i.id));
}

/** The board's tags and owners, most used first, for the chips. */
export function facets(ideas: readonly Idea[]): { tags: string[]; owners: string[] } {
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  };
  return {
    tags: count(ideas.flatMap((i) => i.tags)),
    owners: count(ideas.map((i) => i.owner).filter(Boolean)),
  };
}
