// Pure geometry of the PICK plane: scores ↔ points, and which markers sit too close to read.
import type { Idea } from "../../lib/bindings";

export interface Point {
  x: number;
  y: number;
}

/** Scores (0–10, one decimal) for a point inside a plane of the given size; x is cost/risk, y is payoff (up). */
export function scoresAt(point: Point, width: number, height: number): { payoff: number; cost: number } {
  const round = (v: number) => Math.round(Math.min(10, Math.max(0, v)) * 10) / 10;
  return { cost: round((point.x / width) * 10), payoff: round(10 - (point.y / height) * 10) };
}

/** Where scores sit, as fractions (0–1) of the plane from its top left. */
export function fractionOf(payoff: number, cost: number): Point {
  return { x: cost / 10, y: 1 - payoff / 10 };
}

export interface Cluster {
  key: string;
  ideas: Idea[];
  /** The cluster's centre, in scores. */
  payoff: number;
  cost: number;
}

/**
 * Groups placed ideas whose markers would overlap: those within `cell` points of each other on both axes fall in one
 * cluster. A cluster of one is a plain marker.
 */
export function clusters(ideas: readonly Idea[], cell = 0.6): Cluster[] {
  const byCell = new Map<string, Idea[]>();
  for (const idea of ideas) {
    if (!idea.position) continue;
    const key = `${Math.round(idea.position.cost / cell)}:${Math.round(idea.position.payoff / cell)}`;
    const list = byCell.get(key);
    if (list) list.push(idea);
    else byCell.set(key, [idea]);
  }
  return [...byCell.entries()].map(([key, list]) => ({
    key,
    ideas: list,
    payoff: list.reduce((s, i) => s + (i.position?.payoff ?? 0), 0) / list.length,
    cost: list.reduce((s, i) => s + (i.position?.cost ?? 0), 0) / list.length,
  }));
}

/** Offsets (in pixels) that fan `n` markers out in a circle around their cluster's centre. */
export function fanOffsets(n: number): Point[] {
  const radius = 26 + n * 5;
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: Math.round(Math.cos(angle) * radius), y: Math.round(Math.sin(angle) * radius) };
  });
}
