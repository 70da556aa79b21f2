import { describe, expect, it } from "vitest";

import type { Draft, RoundIdea } from "../../lib/bindings";
import { quadrantOf } from "../../lib/zones";
import { idea } from "../../test/fakeBackend";
import {
  ballotStanding,
  BALLOT_BURST_MS,
  ballotFrom,
  type Ballot,
  BallotSteps,
  ballotSummary,
  countBallot,
  place,
  sameBallot,
  settledMessage,
  changedSince,
  toggleNoOpinion,
  unplace,
  voterNameClass,
} from "./ballot";

const ideas: RoundIdea[] = ["1", "2", "3"].map((key) => ({ key, title: `Idea ${key}`, notes: "", link: "" }));

describe("a ballot", () => {
  it("keeps only the round's ideas from a saved draft", () => {
    const ballot = ballotFrom({ "1": { kind: "noOpinion" }, "9": { kind: "noOpinion" } }, ideas);
    expect(Object.keys(ballot)).toEqual(["1"]);
  });

  it("counts placed, no opinion and open ideas", () => {
    let ballot = place({}, "1", 7.5, 2.5);
    ballot = toggleNoOpinion(ballot, "2");
    expect(countBallot(ballot, ideas)).toEqual({ placed: 1, noOpinion: 1, open: 1 });
    expect(ballotSummary(countBallot(ballot, ideas))).toBe("1 placed · 1 no opinion · 1 not placed yet");
  });

  it("takes a no-opinion mark back, and an idea off the plane", () => {
    const marked = toggleNoOpinion({}, "2");
    expect(toggleNoOpinion(marked, "2")).toEqual({});
    expect(unplace(place({}, "1", 1, 1), "1")).toEqual({});
  });

  it("tells an unchanged ballot from a changed one", () => {
    const a = place({}, "1", 7.5, 2.5);
    expect(sameBallot(a, place({}, "1", 7.5, 2.5))).toBe(true);
    expect(sameBallot(a, place({}, "1", 7.5, 2.6))).toBe(false);
    expect(sameBallot(a, toggleNoOpinion(a, "2"))).toBe(false);
    expect(sameBallot({}, {})).toBe(true);
  });
});

describe("quadrantOf", () => {
  it("counts a score on the threshold as high (payoff) and hard (cost/risk)", () => {
    const t = { payoff: 5, cost: 5 };
    expect(quadrantOf(5, 4.9, t)).toBe("implement");
    expect(quadrantOf(5, 5, t)).toBe("challenge");
    expect(quadrantOf(4.9, 4.9, t)).toBe("possible");
    expect(quadrantOf(0, 10, t)).toBe("kill");
  });
});

/** A ballot from empty, with its steps: `change` makes a change at a time (ms), `now` is the ballot as it is. */
function stepper() {
  const steps = new BallotSteps();
  let ballot = ballotFrom(undefined, ideas);
  return {
    steps,
    change: (at: number, update: (b: Ballot) => Ballot) => {
      const after = update(ballot);
      steps.changing(ballot, after, at);
      ballot = after;
    },
    now: () => ballot,
  };
}

describe("a ballot's steps", () => {
  it("takes back each change, a burst of nudges as one, and does them again", () => {
    const { steps, change, now: ballot } = stepper();
    change(0, (b) => place(b, "1", 5, 5));
    // Arrows held on the dot: three nudges, 100 ms apart, are one step.
    change(2000, (b) => place(b, "1", 5.1, 5));
    change(2100, (b) => place(b, "1", 5.2, 5));
    change(2200, (b) => place(b, "1", 5.3, 5));
    change(2200 + BALLOT_BURST_MS + 1, (b) => toggleNoOpinion(b, "2"));

    const undone = steps.undo(ballot());
    expect(undone).toEqual({ "1": ballot()["1"] });
    const twice = steps.undo(undone ?? ballot());
    expect(twice).toEqual({ "1": { kind: "placed", payoff: 5, cost: 5 } });
    const empty = steps.undo(twice ?? ballot());
    expect(empty).toEqual({});
    expect(steps.undo(empty ?? ballot())).toBeNull();
    expect(steps.redo(empty ?? ballot())).toEqual(twice);

    // A new change after an undo drops what could be redone.
    steps.changing(twice ?? ballot(), ballot(), 9000);
    expect(steps.redo(ballot())).toBeNull();
  });

  it("makes a burst of one dot's moves only: other ideas placed or taken off quickly are steps of their own", () => {
    const { steps, change, now: ballot } = stepper();
    change(0, (b) => place(b, "1", 5, 5));
    change(100, (b) => place(b, "1", 5.1, 5));
    change(200, (b) => place(b, "2", 5, 5));
    change(300, (b) => unplace(b, "2"));
    // Off the plane again: one undo brings idea 2 back, the next takes its placing back, not everything.
    const back = steps.undo(ballot());
    expect(back).toEqual({
      "1": { kind: "placed", payoff: 5.1, cost: 5 },
      "2": { kind: "placed", payoff: 5, cost: 5 },
    });
    expect(steps.undo(back ?? ballot())).toEqual({ "1": { kind: "placed", payoff: 5.1, cost: 5 } });
  });

  it("says what Place all at the medians moved, naming ideas gone from the board and counting those nobody placed", () => {
    const skipped = (key: string, title: string) => ({ key, title, reason: "" });
    const settled = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ideaId: i,
        title: `Idea ${i}`,
        payoff: 5,
        cost: 5,
        votes: 3,
        line: "",
      }));
    const history = { canUndo: true, canRedo: false, lastEvent: 9 };
    const votes = new Map([
      ["1", 2],
      ["2", 0],
      ["3", 0],
      ["4", 1],
    ]);
    expect(
      settledMessage(
        {
          settled: settled(2),
          moved: 2,
          skipped: [skipped("2", "B"), skipped("3", "C"), skipped("4", "Gone")],
          eventId: 9,
          history,
        },
        votes,
      ),
    ).toBe(
      "Placed 2 ideas at the team's medians. Not placed: “Gone” is not on the board any more; nobody placed 2 ideas, which stay where they are.",
    );
    expect(
      settledMessage(
        { settled: settled(1), moved: 1, skipped: [skipped("2", "B")], eventId: 9, history },
        votes,
      ),
    ).toBe("Placed 1 idea at the team's medians. Not placed: nobody placed 1 idea, which stays where it is.");
    // Thousands grouped, as everywhere else.
    const many = Array.from({ length: 1_999 }, (_, i) => skipped(String(100 + i), `Idea ${String(i)}`));
    expect(settledMessage({ settled: settled(1), moved: 1, skipped: many, eventId: 9, history }, votes)).toBe(
      "Placed 1 idea at the team's medians. Not placed: nobody placed 1,999 ideas, which stay where they are.",
    );
    expect(
      settledMessage(
        { settled: [], moved: 0, skipped: [skipped("4", "Gone")], eventId: null, history },
        votes,
      ),
    ).toBe("Nothing placed: “Gone” is not on the board any more.");
    expect(
      settledMessage({ settled: [], moved: 0, skipped: [skipped("2", "B")], eventId: null, history }, votes),
    ).toBe("No idea has a vote: nothing to place.");
    expect(
      settledMessage({ settled: settled(1), moved: 0, skipped: [], eventId: null, history }, votes),
    ).toBe("Every voted idea already sits at its medians.");
    // Medians of one estimate are one voter's, and said to be.
    const lone = (votes: number) => ({ ideaId: votes, title: "Idea", payoff: 5, cost: 5, votes, line: "" });
    expect(
      settledMessage({ settled: [lone(1), lone(3)], moved: 2, skipped: [], eventId: 9, history }, votes),
    ).toBe(
      "Placed 2 ideas at the team's medians. 1 of them had one estimate only: it sits where that voter put it.",
    );
    expect(settledMessage({ settled: [lone(1)], moved: 1, skipped: [], eventId: 9, history }, votes)).toBe(
      "Placed 1 idea at the team's medians. It had one estimate only: it sits where that voter put it.",
    );
    // Only those it moved are said to be placed.
    expect(settledMessage({ settled: settled(4), moved: 1, skipped: [], eventId: 9, history }, votes)).toBe(
      "Placed 1 idea at the team's medians; 3 ideas were there already.",
    );
  });

  it("says which of the round's ideas were renamed or are gone from the board, as the board is now", () => {
    const round = [
      { key: "1", title: "Cache builds", notes: "", link: "" },
      { key: "2", title: "Drop Jenkins", notes: "", link: "" },
      { key: "3", title: "Tune probes", notes: "", link: "" },
    ];
    const board = [{ ...idea(1, "Cache builds", "unsorted") }, { ...idea(3, "Tune the probes", "kill") }];
    expect(changedSince(round, board)).toEqual([
      "“Drop Jenkins” is not on the board any more.",
      "“Tune probes” is now called “Tune the probes” on the board.",
    ]);
    // Brought back by an undo: nothing to say of it.
    expect(changedSince(round, [...board, idea(2, "Drop Jenkins", "possible")])).toHaveLength(1);
  });
});

describe("ballotStanding", () => {
  const placed = { kind: "placed", payoff: 7, cost: 3 } as const;
  const draft: Draft = {
    rootPostId: "p1",
    roundId: "r1",
    board: "Platform",
    estimates: { a: placed },
    sentPostId: "b1",
    sentEstimates: { a: placed },
    waiting: false,
    sendError: null,
    updatedAt: 5,
  };
  const when = (ms: number) => `at ${String(ms)}`;

  it("says a ballot sent and left alone was sent, not that it changed", () => {
    expect(ballotStanding(draft, when)).toBe("your ballot sent at 5");
  });

  it("says a ballot edited after it was sent, or never sent, is not sent", () => {
    expect(ballotStanding({ ...draft, estimates: { a: { ...placed, cost: 4 } } }, when)).toBe(
      "your ballot edited at 5, not sent",
    );
    expect(ballotStanding({ ...draft, sentPostId: null, sentEstimates: null }, when)).toBe(
      "your ballot edited at 5, not sent",
    );
  });

  it("says a ballot that waits for Mattermost waits", () => {
    expect(ballotStanding({ ...draft, waiting: true }, when)).toBe("your ballot waits to go out");
  });
});

describe("voterNameClass", () => {
  it("writes a name after its dot, before it near the right edge, and below it where the idea's title is", () => {
    expect(voterNameClass({ x: 0.3, y: 0.5 }, null)).toBe("vote-dot-name");
    expect(voterNameClass({ x: 0.9, y: 0.5 }, null)).toBe("vote-dot-name vote-dot-name-before");
    // Level with the spot and on its title's side (after it; before it in the plane's right part).
    expect(voterNameClass({ x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 })).toBe("vote-dot-name vote-dot-name-below");
    expect(voterNameClass({ x: 0.7, y: 0.52 }, { x: 0.5, y: 0.5 })).toBe("vote-dot-name vote-dot-name-below");
    expect(voterNameClass({ x: 0.6, y: 0.5 }, { x: 0.9, y: 0.5 })).toBe("vote-dot-name vote-dot-name-below");
    // Away from it: as without a spot.
    expect(voterNameClass({ x: 0.3, y: 0.5 }, { x: 0.5, y: 0.5 })).toBe("vote-dot-name");
    expect(voterNameClass({ x: 0.5, y: 0.8 }, { x: 0.5, y: 0.5 })).toBe("vote-dot-name");
  });
});
