// Pure helpers over a board's ideas: grouping them into zones in rank order, and a move within those lists (a guess
// shown until the backend answers with the real rank: the rank rule lives in Rust only).
import type { Idea, Zone } from "../../lib/bindings";
import { sameListOr } from "../../lib/lists";
import { ZONE_INFO } from "../../lib/zones";

export type Columns = Record<Zone, Idea[]>;

export function emptyColumns(): Columns {
  return { unsorted: [], implement: [], challenge: [], possible: [], kill: [] };
}

function byRank(a: Idea, b: Idea): number {
  return a.rank - b.rank || a.id - b.id;
}

/** The ideas of each zone, in rank order. */
export function groupByZone(ideas: readonly Idea[]): Columns {
  const columns = emptyColumns();
  for (const idea of [...ideas].sort(byRank)) columns[idea.zone].push(idea);
  return columns;
}

/**
 * `next`, where each zone that holds the same ideas as in `previous` keeps `previous`'s list (and `previous` itself
 * when no zone changed): a zone whose list is the same is not drawn again, so that a move re-renders the two zones it
 * touches, not the whole board.
 */
export function keepUnchanged(previous: Columns, next: Columns): Columns {
  const kept = emptyColumns();
  let changed = false;
  for (const zone of Object.keys(kept) as Zone[]) {
    const was = previous[zone];
    const now = next[zone];
    kept[zone] = sameListOr(was, now);
    changed ||= kept[zone] !== was;
  }
  return changed ? kept : previous;
}

/** Where idea `id` is in `columns`, as a screen reader is told after a move or a drag's step: "“Rotate certs” is in
 * Kill, position 2 of 3." Empty when it is not there. */
export function placeOf(columns: Columns, id: number): string {
  const found = findIdea(columns, id);
  if (!found) return "";
  const { zone, index, idea } = found;
  return `“${idea.title}” is in ${ZONE_INFO[zone].name}, position ${String(index + 1)} of ${String(columns[zone].length)}.`;
}

export function findIdea(columns: Columns, id: number): { zone: Zone; index: number; idea: Idea } | null {
  for (const [zone, list] of Object.entries(columns) as [Zone, Idea[]][]) {
    const index = list.findIndex((i) => i.id === id);
    const idea = list[index];
    if (idea) return { zone, index, idea };
  }
  return null;
}

/** Moves an idea to `index` of `zone` (counted without the idea itself). */
export function moveInColumns(columns: Columns, id: number, zone: Zone, index: number): Columns {
  const found = findIdea(columns, id);
  if (!found) return columns;
  const next = { ...columns, [found.zone]: columns[found.zone].filter((i) => i.id !== id) };
  const target = [...next[zone]];
  target.splice(Math.min(Math.max(index, 0), target.length), 0, { ...found.idea, zone });
  next[zone] = target;
  return next;
}
