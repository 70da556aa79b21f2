// The reveal, for the facilitator: per idea, every member's estimate as a dot around the medians, the spread and a
// split flag where the team disagrees about the quadrant, the ideas ordered by disagreement. The facilitator settles:
// all at the medians (one edit, one undo), or one idea's final spot dragged on the plane with the dots still shown.
// Once the round is closed, its result is published in the thread: the reveal is only to look at.
import { useQuery } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";

import { historyToasts, useToast } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import type { AxisStats, Board, IdeaStats, RoundView } from "../../lib/bindings";
import { AppError } from "../../lib/ipc";
import { keys, useAfterChange } from "../../lib/queries";
import { styleRef } from "../../lib/styleAttribute";
import { useSingleFlight } from "../../lib/useSingleFlight";
import { fractionOf } from "../chart/scale";
import { PlaneFrame } from "../chart/PlaneFrame";
import { quadrantOf } from "../../lib/zones";
import { changedSince, REREAD_MS, settledMessage, voterNameClass } from "./ballot";
import { EstimateDot } from "./EstimateDot";

interface RevealViewProps {
  board: Board;
  round: RoundView;
  onPlaceIdea: (ideaId: number, payoff: number, cost: number) => void;
  /** The board's Undo of the edit `expected` (Place all at the medians), while it is still the board's latest. */
  onUndo: (expected: number) => void;
  /** Close the round…; none once it is closed (the reveal stays to look at, not to settle: the thread has the
   *  result, and Place all at the medians made the board say something else). */
  onClose?: (() => void) | undefined;
}

/** One axis of an idea's spread in words; `placed`: where the medians put it on the board (one decimal). */
function axis(stats: AxisStats | null, placed?: number): string {
  if (!stats) return "no votes";
  // No spread to tell: "range 5–5 (lowest Bo, highest Bo)" said nothing.
  if (stats.min === stats.max) {
    const who = [...new Set([...stats.lowest, ...stats.highest])];
    return who.length === 1 ? `${stats.min} (${who.join("")} alone)` : `all at ${stats.min}`;
  }
  const names = (list: string[]) => list.join(", ");
  // A median between two scores (6.75) is placed at one decimal: the marker's 6.8 is said beside it.
  const median =
    placed === undefined || placed === stats.median
      ? `${stats.median}`
      : `${stats.median} (placed at ${placed})`;
  return `median ${median} · middle half within ${stats.iqr} · range ${stats.min}–${stats.max} (lowest ${names(stats.lowest)}, highest ${names(stats.highest)})`;
}

export function RevealView({ board, round, onPlaceIdea, onUndo, onClose }: RevealViewProps) {
  const afterChange = useAfterChange();
  const toast = useToast();
  const planeRef = useRef<HTMLDivElement | null>(null);
  const planeRect = useCallback(() => planeRef.current?.getBoundingClientRect() ?? null, []);
  const reveal = useQuery({
    queryKey: keys.reveal(round.rootPostId),
    queryFn: () => backend.revealRound(round.rootPostId),
    // Ballots sent after the reveal are listed, never counted: the thread is read again now and then until the round
    // is closed, and as the view opens again. Read once, a ballot sent a minute later was never shown.
    staleTime: REREAD_MS,
    refetchInterval: round.state === "revealed" ? REREAD_MS : false,
  });
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [settling, setSettling] = useState(false);
  const once = useSingleFlight();

  // A reading again that failed leaves the reveal read before on screen.
  if (reveal.error && !reveal.data) {
    return (
      <div className="board-message" role="alert">
        <p>{AppError.from(reveal.error).message}</p>
        <button type="button" className="button" onClick={() => void reveal.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!reveal.data) return <div className="round-loading" aria-busy="true" />;
  const { ideas, counted, notCounted, offline } = reveal.data;
  const changed = changedSince(round.ideas, board.ideas);
  const selected: IdeaStats | undefined = ideas.find((i) => i.key === selectedKey) ?? ideas[0];
  const onBoard = selected ? board.ideas.find((i) => String(i.id) === selected.key) : undefined;
  const finalSpot = onBoard?.position ?? null;
  const median = selected?.medianPosition ?? null;
  // The idea's final spot: where it is on the board, else at the medians; an idea in the tray that nobody placed has
  // none (it stood at 5 / 5 as if voted there, and an arrow key placed it on the board).
  const spot = onBoard ? (finalSpot ?? (median ? { payoff: median[0], cost: median[1] } : null)) : null;
  const spotAt = spot && fractionOf(spot.payoff, spot.cost);
  const closed = round.state === "closed";

  async function settleAll() {
    setSettling(true);
    try {
      const outcome = await backend.settleAtMedians(round.rootPostId);
      await afterChange({ board: board.id });
      const placed = outcome.eventId;
      toast({
        message: settledMessage(outcome, new Map(ideas.map((i) => [i.key, i.votes]))),
        // One of the board's history toasts: an undo's toast takes its place, and its Undo takes back this edit
        // alone. It stayed after Ctrl+Z, offering to undo the change before.
        group: historyToasts(board.id),
        ...(placed === null
          ? {}
          : {
              action: {
                label: "Undo",
                run: () => {
                  onUndo(placed);
                },
              },
            }),
      });
    } catch (raw) {
      toast({ tone: "error", message: AppError.from(raw).message });
    } finally {
      setSettling(false);
    }
  }

  return (
    <div className="reveal">
      <section className="reveal-list" aria-label="Ideas by disagreement">
        <p className="reveal-counted">
          {counted} {counted === 1 ? "ballot" : "ballots"} counted. Most disagreement first.
        </p>
        {offline && (
          <p className="field-hint" role="status">
            Mattermost could not be reached: this is the reveal as kept on this computer. Ballots sent since
            are not listed.
          </p>
        )}
        {changed.length > 0 && (
          <ul className="round-not-counted" aria-label="Changed on the board since the round started">
            {changed.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {notCounted.length > 0 && (
          <ul className="round-not-counted" aria-label="Ballots not counted">
            {notCounted.map((n) => (
              <li key={n.postId}>
                {n.name}: {n.message}
              </li>
            ))}
          </ul>
        )}
        <ol className="reveal-ideas">
          {ideas.map((idea) => (
            <li key={idea.key}>
              <button
                type="button"
                className="reveal-idea"
                aria-pressed={idea.key === selected?.key}
                onClick={() => {
                  setSelectedKey(idea.key);
                }}
              >
                <span className="reveal-idea-title" title={idea.title}>
                  {idea.title}
                </span>
                {idea.split && <span className="reveal-split">Split</span>}
                <span className="reveal-idea-votes">
                  {idea.votes} {idea.votes === 1 ? "vote" : "votes"}
                  {idea.noOpinion > 0 ? ` · ${idea.noOpinion} no opinion` : ""}
                </span>
                <span className="reveal-axis">Payoff: {axis(idea.payoff, idea.medianPosition?.[0])}</span>
                <span className="reveal-axis">Cost/risk: {axis(idea.cost, idea.medianPosition?.[1])}</span>
              </button>
            </li>
          ))}
        </ol>
        {!closed && (
          <div className="reveal-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={settling}
              onClick={(e) => {
                // A double click's second click, once the first had placed them all, said "Every voted idea
                // already sits at its medians." under "Placed 2 ideas…".
                if (e.detail < 2) void once(settleAll);
              }}
            >
              Place all at the medians
            </button>
            {onClose && (
              <button type="button" className="button" onClick={onClose}>
                Close the round…
              </button>
            )}
          </div>
        )}
      </section>
      <PlaneFrame
        thresholds={round.thresholds}
        planeRef={planeRef}
        label={selected ? `Estimates for “${selected.title}”` : "Estimates"}
      >
        {selected?.dots.map((dot, i) => {
          const at = fractionOf(dot.payoff, dot.cost);
          return (
            <span
              key={`${dot.voter}-${i}`}
              className="vote-dot"
              ref={styleRef({ left: `${at.x * 100}%`, top: `${at.y * 100}%` })}
              title={`${dot.voter}: payoff ${dot.payoff}, cost/risk ${dot.cost}`}
              role="img"
              aria-label={`${dot.voter}: payoff ${dot.payoff}, cost/risk ${dot.cost}`}
            >
              <span className={voterNameClass(at, spotAt)} aria-hidden="true">
                {dot.voter}
              </span>
            </span>
          );
        })}
        {median && (
          <span
            className="median-mark"
            ref={styleRef({
              left: `${fractionOf(median[0], median[1]).x * 100}%`,
              top: `${fractionOf(median[0], median[1]).y * 100}%`,
            })}
            role="img"
            aria-label={`Median: payoff ${median[0]}, cost/risk ${median[1]}`}
          />
        )}
        {selected && onBoard && spot && (
          <EstimateDot
            title={selected.title}
            what="final spot"
            hollow
            payoff={spot.payoff}
            cost={spot.cost}
            zone={
              onBoard.zone === "unsorted"
                ? quadrantOf(spot.payoff, spot.cost, round.thresholds)
                : onBoard.zone
            }
            selected
            planeRect={planeRect}
            onPlace={
              closed
                ? undefined
                : (payoff, cost) => {
                    onPlaceIdea(onBoard.id, payoff, cost);
                  }
            }
          />
        )}
      </PlaneFrame>
    </div>
  );
}
