import { describe, expect, it } from "vitest";

import type { Event } from "../../lib/bindings";
import { historyEvent } from "../../test/fakeBackend";
import { describeEvent, eventTime } from "./describe";

function event(kind: Event["kind"], summary: Partial<Event["summary"]>): Event {
  return historyEvent(kind, { title: "Rotate certs", ...summary });
}

describe("describeEvent", () => {
  it("gives a team round's settling its idea's own line, and a count on the board", () => {
    const round = {
      roundId: "r1",
      voters: ["Ana Ribeiro", "Bo Lind"],
      ideas: [
        {
          ideaId: 2,
          title: "Rotate certs",
          payoff: 7.5,
          cost: 3,
          votes: 6,
          line: "settled by team round: median 7.5 / 3, 6 votes",
        },
        {
          ideaId: 3,
          title: "Drop Jenkins",
          payoff: 4,
          cost: 8,
          votes: 5,
          line: "settled by team round: median 4 / 8, 5 votes",
        },
      ],
    };
    const settled = event("moved", { round, title: null });
    expect(describeEvent(settled, { ideaId: 2 })).toBe("settled by team round: median 7.5 / 3, 6 votes");
    expect(describeEvent(settled, { withTitle: true, ideaId: null })).toBe(
      "placed 2 ideas at a team round's medians (voted: Ana Ribeiro, Bo Lind)",
    );
  });

  it("says what happened in words", () => {
    expect(describeEvent(event("moved", { from: "challenge", to: "implement", fields: ["scores"] }))).toBe(
      "moved Challenge → Implement",
    );
    expect(describeEvent(event("moved", { from: "kill", to: "kill", fields: [] }))).toBe(
      "reordered within Kill",
    );
    expect(describeEvent(event("edited", { fields: ["title", "tags"] }), { withTitle: true })).toBe(
      "edited “Rotate certs” (title, tags)",
    );
    expect(describeEvent(event("added", { to: "unsorted" }))).toBe("added to Unsorted");
    expect(describeEvent(event("added", { to: "kill", count: 3 }), { withTitle: true })).toBe(
      "added 3 ideas to Kill, one per line",
    );
    expect(describeEvent(event("imported", { title: "backlog.csv", count: 2000 }))).toBe(
      "imported 2,000 ideas from backlog.csv",
    );
    expect(
      describeEvent(
        event("thresholds", {
          thresholdsBefore: { payoff: 5, cost: 5 },
          thresholdsAfter: { payoff: 6, cost: 5 },
        }),
      ),
    ).toBe("changed the thresholds to payoff ≥ 6, cost/risk ≥ 5 (were 5 and 5)");
    expect(describeEvent(event("renamed", { title: "Platform", nameBefore: "Infra" }))).toBe(
      "renamed the board to “Platform” (was “Infra”)",
    );
  });

  it("shows the time today and the date before", () => {
    const now = new Date(2026, 10, 24, 15, 0).getTime();
    expect(eventTime(new Date(2026, 10, 24, 14, 2).getTime(), now)).toMatch(/(14|2).02/);
    expect(eventTime(new Date(2026, 10, 3, 9, 5).getTime(), now)).toMatch(/3/);
    expect(eventTime(new Date(2026, 10, 3, 9, 5).getTime(), now)).not.toMatch(/2026/);
  });

  it("gives the year of a change made in another year", () => {
    const now = new Date(2027, 11, 10, 15, 0).getTime();
    expect(eventTime(new Date(2026, 11, 9, 0, 0).getTime(), now)).toMatch(/2026/);
    expect(eventTime(new Date(2027, 11, 9, 0, 0).getTime(), now)).not.toMatch(/2027/);
  });
});
