// Pure helpers over a board's ideas: grouping them into zones, and where a move puts an idea in rank order.
import type { Idea, Zone } from "../../lib/bindings";

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

/**
 * The idea as it will look after a move, for showing the move before the backend confirms it: a rank between its
 * new neighbours (the backend computes the real one, and the position).
 */
export function optimisticMove(ideas: readonly Idea[], id: number, zone: Zone, index: number): Idea[] {
  const moving = ideas.find((i) => i.id === id);
  if (!moving) return [...ideas];
  const others = groupByZone(ideas.filter((i) => i.id !== id))[zone];
  const before = others[index - 1]?.rank;
  const after = others[index]?.rank;
  let rank = moving.rank;
  if (before !== undefined && after !== undefined) rank = (before + after) / 2;
  else if (before !== undefined) rank = before + 1;
  else if (after !== undefined) rank = after - 1;
  return ideas.map((i) => (i.id === id ? { ...i, zone, rank } : i));
}
