// A voter's ballot as the round view edits it: each idea of the round is not placed yet, placed at an estimate, or
// marked "no opinion". Pure functions, so that the rules are tested without a window.
import type { Draft, Estimate, Estimates, Idea, RoundIdea, SettleOutcome } from "../../lib/bindings";
import { shorten } from "../../lib/text";
import { counted, formatCount } from "../../lib/numbers";

export type Ballot = Readonly<Record<string, Estimate>>;

/** The ballot as saved (a draft), keeping only the round's ideas. */
export function ballotFrom(estimates: Estimates | undefined, ideas: readonly RoundIdea[]): Ballot {
  const out: Record<string, Estimate> = {};
  for (const idea of ideas) {
    const estimate = estimates?.[idea.key];
    if (estimate) out[idea.key] = estimate;
  }
  return out;
}

export function place(ballot: Ballot, key: string, payoff: number, cost: number): Ballot {
  return { ...ballot, [key]: { kind: "placed", payoff, cost } };
}

/** Marks "no opinion", or takes the mark back (the idea is then not placed). */
export function toggleNoOpinion(ballot: Ballot, key: string): Ballot {
  return ballot[key]?.kind === "noOpinion"
    ? unplace(ballot, key)
    : { ...ballot, [key]: { kind: "noOpinion" } };
}

/** Takes an idea off the plane. */
export function unplace(ballot: Ballot, key: string): Ballot {
  return Object.fromEntries(Object.entries(ballot).filter(([k]) => k !== key));
}

export interface BallotCount {
  placed: number;
  noOpinion: number;
  /** Ideas neither placed nor marked "no opinion". */
  open: number;
}

export function countBallot(ballot: Ballot, ideas: readonly RoundIdea[]): BallotCount {
  let placed = 0;
  let noOpinion = 0;
  for (const idea of ideas) {
    const kind = ballot[idea.key]?.kind;
    if (kind === "placed") placed++;
    else if (kind === "noOpinion") noOpinion++;
  }
  return { placed, noOpinion, open: ideas.length - placed - noOpinion };
}

/** What the Send button says about the ballot before it goes. */
export function ballotSummary({ placed, noOpinion, open }: BallotCount): string {
  const parts = [`${formatCount(placed)} placed`];
  if (noOpinion > 0) parts.push(`${formatCount(noOpinion)} no opinion`);
  if (open > 0) parts.push(`${formatCount(open)} not placed yet`);
  return parts.join(" · ");
}

export function sameBallot(a: Ballot, b: Ballot): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x?.kind !== y?.kind) return false;
    if (x?.kind === "placed" && y?.kind === "placed" && (x.payoff !== y.payoff || x.cost !== y.cost))
      return false;
  }
  return true;
}

/** How often a revealed round's reveal reads the thread again, for ballots sent after it. */
export const REREAD_MS = 10_000;

/** Undo and redo of what is on screen, taken before the board's own: each says whether it took a step. */
export interface StepsBack {
  undo: () => boolean;
  redo: () => boolean;
}

/** Moves of one placed dot within this long of the one before are one step: arrows held on it, a burst of nudges. */
export const BALLOT_BURST_MS = 600;
const MAX_BALLOT_STEPS = 100;

/** The idea a change moved on the plane (placed before and after), if it changed that alone: what a burst is of. */
function movedAlone(before: Ballot, after: Ballot): string | null {
  const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  const [key] = changed;
  return changed.length === 1 &&
    key !== undefined &&
    before[key]?.kind === "placed" &&
    after[key]?.kind === "placed"
    ? key
    : null;
}

/** A ballot's steps back and forth: the ballot before each change (a burst counting once), and those undone. */
export class BallotSteps {
  private back: Ballot[] = [];
  private forward: Ballot[] = [];
  private lastAt = -Infinity;
  private lastMoved: string | null = null;

  /** `before` is about to become `after`, at time `at` (ms). Only moves of one dot make a burst: placing another
   * idea, or taking one off, quickly after is a step of its own (one undo took back several). */
  changing(before: Ballot, after: Ballot, at: number) {
    const moved = movedAlone(before, after);
    const burst = moved !== null && moved === this.lastMoved && at - this.lastAt <= BALLOT_BURST_MS;
    if (!burst) this.back = [...this.back.slice(1 - MAX_BALLOT_STEPS), before];
    this.forward = [];
    this.lastAt = at;
    this.lastMoved = moved;
  }

  /** The ballot to show instead of `now` on an undo, if there is one. */
  undo(now: Ballot): Ballot | null {
    return this.step(this.back, this.forward, now);
  }

  /** The ballot to show instead of `now` on a redo, if there is one. */
  redo(now: Ballot): Ballot | null {
    return this.step(this.forward, this.back, now);
  }

  /** Takes the last ballot of `from`, keeping `now` on `to`; the next change is a step of its own. */
  private step(from: Ballot[], to: Ballot[], now: Ballot): Ballot | null {
    const shown = from.pop();
    if (!shown) return null;
    to.push(now);
    this.lastAt = -Infinity;
    this.lastMoved = null;
    return shown;
  }
}

/**
 * What Place all at the medians says: how many ideas it placed, and why others were not. Ideas nobody placed are
 * counted, not listed (a round of many such ideas made a toast that covered the plane); those deleted from the board
 * meanwhile are named, a few at most. `votes`: each idea's votes, by key.
 */
export function settledMessage(outcome: SettleOutcome, votes: ReadonlyMap<string, number>): string {
  const n = outcome.settled.length;
  // Those it moved: "Placed 4 ideas" when one moved and three sat there already said more than happened.
  const already = n - outcome.moved;
  const gone = outcome.skipped.filter((s) => (votes.get(s.key) ?? 0) > 0);
  const unvoted = outcome.skipped.length - gone.length;
  const named = gone.slice(0, 3).map((s) => `“${shorten(s.title, 48)}”`);
  if (gone.length > 3) named.push(`${formatCount(gone.length - 3)} more`);
  const goneText =
    gone.length === 0
      ? ""
      : `${named.length === 1 ? named.join("") : `${named.slice(0, -1).join(", ")} and ${named.at(-1) ?? ""}`} ${gone.length === 1 ? "is" : "are"} not on the board any more`;
  if (outcome.eventId === null) {
    if (n > 0)
      return `Every voted idea already sits at its medians.${goneText ? ` ${capital(goneText)}.` : ""}`;
    return goneText ? `Nothing placed: ${goneText}.` : "No idea has a vote: nothing to place.";
  }
  const notPlaced = [
    goneText,
    unvoted > 0
      ? `nobody placed ${counted(unvoted, "idea, which stays where it is", "ideas, which stay where they are")}`
      : "",
  ].filter(Boolean);
  const placed = `Placed ${counted(outcome.moved, "idea")} at the team's medians${already > 0 ? `; ${counted(already, "idea was", "ideas were")} there already` : ""}.`;
  // A "median" of one estimate is one voter's view, not the team's: said, where it was not.
  const lone = outcome.settled.filter((s) => s.votes === 1).length;
  const loneText =
    lone === 0
      ? ""
      : lone === n && n === 1
        ? " It had one estimate only: it sits where that voter put it."
        : lone === n
          ? " Each had one estimate only: they sit where their one voter put them."
          : ` ${formatCount(lone)} of them had one estimate only: ${lone === 1 ? "it sits where that voter put it" : "they sit where their one voter put them"}.`;
  return `${placed}${loneText}${notPlaced.length > 0 ? ` Not placed: ${notPlaced.join("; ")}.` : ""}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The round's ideas changed on the board since the round started, in words: renamed, or gone. Worked out from the
 * board as it is now, so that an idea brought back (an undo) is no longer said to be gone. */
export function changedSince(round: readonly RoundIdea[], board: readonly Idea[]): string[] {
  return round.flatMap((idea) => {
    const now = board.find((i) => String(i.id) === idea.key);
    if (!now) return [`“${idea.title}” is not on the board any more.`];
    return now.title === idea.title ? [] : [`“${idea.title}” is now called “${now.title}” on the board.`];
  });
}

/** A voter's name beside their dot at `at` (fractions of the plane): before the dot in the plane's right fifth, where
 * after it the name ran past the plane's edge and was cut; below it, level with the idea's spot (`spot`) and within
 * reach of its title, which goes after the spot, or before it in the plane's right part (EstimateDot): the two were
 * written over each other. */
export function voterNameClass(at: { x: number; y: number }, spot: { x: number; y: number } | null): string {
  const titleBefore = spot !== null && spot.x > 0.7;
  const overTitle =
    spot !== null &&
    Math.abs(at.y - spot.y) < 0.05 &&
    (titleBefore
      ? at.x > spot.x - 0.45 && at.x < spot.x + 0.05
      : at.x > spot.x - 0.05 && at.x < spot.x + 0.45);
  if (overTitle) return "vote-dot-name vote-dot-name-below";
  return at.x > 0.8 ? "vote-dot-name vote-dot-name-before" : "vote-dot-name";
}

/** Where a member's ballot stands, for the list of rounds: "your ballot changed …" read, on a ballot sent and never
 * touched again, as if something had gone wrong with it. */
export function ballotStanding(draft: Draft, when: (ms: number) => string): string {
  if (draft.waiting) return "your ballot waits to go out";
  const sent =
    draft.sentPostId !== null &&
    draft.sentEstimates !== null &&
    sameBallot(draft.estimates, draft.sentEstimates);
  return sent
    ? `your ballot sent ${when(draft.updatedAt)}`
    : `your ballot edited ${when(draft.updatedAt)}, not sent`;
}
