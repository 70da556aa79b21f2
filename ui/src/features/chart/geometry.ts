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
 * Groups placed ideas whose markers would overlap: an idea joins the first cluster whose centre lies within `reach`
 * points on both axes, or starts its own. A cluster of one is a plain marker.
 */
export function clusters(ideas: readonly Idea[], reach = 0.35): Cluster[] {
  const found: { ideas: Idea[]; payoff: number; cost: number; first: Idea }[] = [];
  for (const idea of ideas) {
    const p = idea.position;
    if (!p) continue;
    const near = found.find(
      (c) => Math.abs(c.payoff - p.payoff) <= reach && Math.abs(c.cost - p.cost) <= reach,
    );
    if (near) {
      near.ideas.push(idea);
      const n = near.ideas.length;
      near.payoff += (p.payoff - near.payoff) / n;
      near.cost += (p.cost - near.cost) / n;
    } else {
      found.push({ ideas: [idea], payoff: p.payoff, cost: p.cost, first: idea });
    }
  }
  return found.map((c) => ({ key: `c${c.first.id}`, ideas: c.ideas, payoff: c.payoff, cost: c.cost }));
}

/** Offsets (in pixels) that fan `n` markers out in a circle around their cluster's centre. */
export function fanOffsets(n: number): Point[] {
  const radius = 26 + n * 5;
  return Array.from({ length: n }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: Math.round(Math.cos(angle) * radius), y: Math.round(Math.sin(angle) * radius) };
  });
}
