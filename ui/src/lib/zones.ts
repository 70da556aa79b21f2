// What each zone of the PICK chart is called and means. The quadrant rule itself lives in Rust (domain.rs); the UI
// shows the zone the backend computed, and follows the same rule only for what the backend has not placed yet (an
// estimate, a row about to be imported).
import type { Quadrant, Thresholds, Zone } from "./bindings";

export interface ZoneInfo {
  zone: Zone;
  name: string;
  meaning: string;
  /** The empty-state line: what belongs here. */
  hint: string;
}

export const QUADRANTS: readonly Quadrant[] = ["implement", "challenge", "possible", "kill"];
export const ZONES: readonly Zone[] = ["unsorted", ...QUADRANTS];

export const ZONE_INFO: Record<Zone, ZoneInfo> = {
  unsorted: {
    zone: "unsorted",
    name: "Unsorted",
    meaning: "New ideas, not yet placed",
    hint: "Type an idea above and press Enter. Then drag it onto the chart.",
  },
  implement: {
    zone: "implement",
    name: "Implement",
    meaning: "High payoff, easy: quick wins",
    hint: "Quick wins go here: worth a lot, cost little. Do these first.",
  },
  challenge: {
    zone: "challenge",
    name: "Challenge",
    meaning: "High payoff, hard: worth the effort",
    hint: "Big bets go here: worth a lot, but costly or risky. Plan them.",
  },
  possible: {
    zone: "possible",
    name: "Possible",
    meaning: "Low payoff, easy: maybe later",
    hint: "Nice-to-haves go here: cheap, but little gain. Do them when there is slack.",
  },
  kill: {
    zone: "kill",
    name: "Kill",
    meaning: "Low payoff, hard: drop it",
    hint: "Ideas that cost a lot and give little go here. Say no to them.",
  },
};

/** Grid neighbours for keyboard moves: the tray sits left of the chart, Implement top left, Kill bottom right. */
export const NEIGHBOURS: Record<Zone, Partial<Record<"left" | "right" | "up" | "down", Zone>>> = {
  unsorted: { right: "implement" },
  implement: { left: "unsorted", right: "challenge", down: "possible" },
  challenge: { left: "implement", down: "kill" },
  possible: { left: "unsorted", right: "kill", up: "implement" },
  kill: { left: "possible", up: "challenge" },
};

/** The quadrant scores fall in: payoff and cost/risk at or above their thresholds are high and hard (domain.rs). */
export function quadrantOf(payoff: number, cost: number, thresholds: Thresholds): Quadrant {
  const high = payoff >= thresholds.payoff;
  const hard = cost >= thresholds.cost;
  if (high) return hard ? "challenge" : "implement";
  return hard ? "kill" : "possible";
}
