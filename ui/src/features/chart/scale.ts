// Scores ↔ points on the PICK plane. The board drags ideas onto the chart and the chart places them with these, so
// this module is in the first bundle; the rest of the plane's geometry (geometry.ts) loads with the chart.

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
