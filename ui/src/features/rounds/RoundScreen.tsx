// One round, as this Pickboard sees it: everyone's own ballot on the plane (saved here as a draft while it changes,
// sent sealed when asked); for the facilitator, who voted so far (read again every 3 seconds), the reveal, settling
// and closing; for a closed round, checking every published ballot against what was sealed.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef, useState } from "react";

import { ConfirmDialog } from "../../components/Modal";
import { useToast } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import type { Board, RoundView, Verification } from "../../lib/bindings";
import { formatDateTime, formatTime } from "../../lib/dates";
import { AppError } from "../../lib/ipc";
import { keys } from "../../lib/queries";
import { useSingleFlight } from "../../lib/useSingleFlight";
import { FormStatus, type FormStatusValue } from "../post/FormStatus";
import {
  ballotFrom,
  BallotSteps,
  ballotSummary,
  countBallot,
  sameBallot,
  type Ballot,
  type StepsBack,
} from "./ballot";
import { BallotPlane } from "./BallotPlane";
import { counted } from "../../lib/numbers";

const RevealView = lazy(async () => ({ default: (await import("./RevealView")).RevealView }));

/** How often the facilitator's view reads the thread again while the round is open. */
const STATUS_EVERY_MS = 3000;
/** How often a member's view reads the thread again, to learn of the reveal and the close. */
const MEMBER_EVERY_MS = 10_000;
const DRAFT_SAVE_DELAY = 500;
const COPIED = "The round's link is copied: paste it for the team.";
const CLOSED_TEXT = "This round is closed: its result and every ballot are in the thread.";

interface RoundScreenProps {
  board: Board;
  round: RoundView;
  /** The round changed state (revealed, closed): the view as it is now. */
  onRound: (round: RoundView) => void;
  /** Moves one idea of the board (the facilitator's final spot). */
  onPlaceIdea: (ideaId: number, payoff: number, cost: number) => void;
  /** The board's Undo of the edit `expected` (Place all at the medians), while it is still the board's latest. */
  onUndo: (expected: number) => void;
  /** Takes this screen's ballot undo and redo, which Ctrl+Z and Edit › Undo take first (`null` once it goes). */
  onBallotSteps?: ((steps: StepsBack | null) => void) | undefined;
}

type Draft = { state: "saved" | "saving" } | { state: "failed"; message: string };

export function RoundScreen({ board, round, onRound, onPlaceIdea, onUndo, onBallotSteps }: RoundScreenProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [ballot, setBallot] = useState<Ballot>(() => ballotFrom(round.draft?.estimates, round.ideas));
  const saved = useRef<Ballot>(ballot);
  const [draft, setDraft] = useState<Draft>({ state: "saved" });
  const [sentBallot, setSentBallot] = useState<Ballot | null>(() =>
    round.draft?.sentEstimates ? ballotFrom(round.draft.sentEstimates, round.ideas) : null,
  );
  const [sendStatus, setSendStatus] = useState<FormStatusValue | null>(null);
  const [sentNote, setSentNote] = useState<string | null>(null);
  /** The ballot waits for Mattermost: since when, why, and how many sends from here found it still out of reach. */
  const [waiting, setWaiting] = useState<{ since: number; why: string; tries: number } | null>(
    round.draft?.waiting
      ? { since: 0, why: "Mattermost could not be reached when you sent it.", tries: 0 }
      : null,
  );
  const [givenUp, setGivenUp] = useState<string | null>(round.draft?.sendError ?? null);
  // Sending, revealing, closing and verifying: one at a time, whatever is clicked twice.
  const once = useSingleFlight();
  const [confirm, setConfirm] = useState<"reveal" | "close" | null>(null);
  const [working, setWorking] = useState<FormStatusValue | null>(null);
  /** What Verify round is doing, or what stopped it: said where its result comes, below the plane. */
  const [verifying, setVerifying] = useState<FormStatusValue | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  /** What said the round's post is gone from Mattermost, when an action met it: said once, above the plane, not
   * at who voted, Reveal and the ballot each. */
  const [goneFound, setGoneFound] = useState<string | null>(null);
  const open = round.state === "open";

  /** The message of a failure `raw`, or `null` when it is the round's post gone, which the screen says once. */
  function failure(raw: unknown): string | null {
    const error = AppError.from(raw);
    if (error.problem !== "postGone") return error.message;
    setGoneFound(error.message);
    return null;
  }

  // The draft is kept on this computer a moment after each change, so that the voter can stop and come back.
  useEffect(() => {
    if (sameBallot(ballot, saved.current)) return;
    setDraft({ state: "saving" });
    const timer = window.setTimeout(() => {
      const estimates = { ...ballot };
      backend.saveDraftBallot(round.rootPostId, estimates).then(
        () => {
          saved.current = estimates;
          setDraft({ state: "saved" });
        },
        (raw: unknown) => {
          setDraft({ state: "failed", message: AppError.from(raw).message });
        },
      );
    }, DRAFT_SAVE_DELAY);
    return () => {
      window.clearTimeout(timer);
    };
  }, [ballot, round.rootPostId]);
  // Leaving the round (All rounds, Back to the board) keeps the last change too.
  const latest = useRef(ballot);
  useEffect(() => {
    latest.current = ballot;
  });

  // Ctrl+Z and Edit › Undo take back the ballot's last change while the round is open (placing, moving, taking off,
  // "no opinion"); Redo does it again. With none left, they go on to the board's own.
  const [steps] = useState(() => new BallotSteps());
  const changeBallot = (update: (ballot: Ballot) => Ballot) => {
    // From the newest ballot, also when two changes come before the screen is drawn again.
    const before = latest.current;
    const after = update(before);
    steps.changing(before, after, performance.now());
    latest.current = after;
    setBallot(after);
  };
  useEffect(() => {
    if (!onBallotSteps) return;
    const step = (take: (now: Ballot) => Ballot | null) => () => {
      const shown = open ? take(latest.current) : null;
      if (shown) setBallot(shown);
      return shown !== null;
    };
    onBallotSteps({
      undo: step((now) => steps.undo(now)),
      redo: step((now) => steps.redo(now)),
    });
    return () => {
      onBallotSteps(null);
    };
  }, [onBallotSteps, open, steps]);
  useEffect(
    () => () => {
      if (!sameBallot(latest.current, saved.current)) {
        void backend.saveDraftBallot(round.rootPostId, { ...latest.current }).catch(() => undefined);
      }
    },
    [round.rootPostId],
  );

  const status = useQuery({
    queryKey: keys.roundStatus(round.rootPostId),
    queryFn: () => backend.roundStatus(round.rootPostId),
    enabled: round.amFacilitator,
    // A post that is gone does not come back: reading it every 3 seconds would only say so again.
    refetchInterval: (query) =>
      open && !goneFound && !isPostGone(query.state.error) ? STATUS_EVERY_MS : false,
  });

  // A member's view learns of the reveal and the close from the thread, now and then (the facilitator's own view
  // follows its status above): a ballot changed after the reveal does not count, and the view says so.
  const seen = useQuery({
    queryKey: [...keys.roundStatus(round.rootPostId), "member"],
    queryFn: () => backend.findRound(round.rootPostId),
    enabled: !round.amFacilitator && round.state !== "closed",
    initialData: round,
    staleTime: MEMBER_EVERY_MS,
    refetchInterval: (query) => (isPostGone(query.state.error) ? false : MEMBER_EVERY_MS),
  });
  // The round's post gone from Mattermost, as an action, the facilitator's reading or a member's found it.
  const gone =
    goneFound ??
    [status.error, seen.error].map((e) => (isPostGone(e) ? AppError.from(e).message : null)).find(Boolean) ??
    null;
  useEffect(() => {
    const now = seen.data.state;
    if (now !== round.state && !round.amFacilitator) onRound({ ...round, state: now });
  }, [seen.data, round, onRound]);

  // While the ballot waits, this computer's list of rounds says when it went out (nothing is asked of Mattermost).
  const kept = useQuery({
    queryKey: keys.rounds(board.id),
    queryFn: () => backend.listOpenRounds(board.id),
    enabled: waiting !== null,
    refetchInterval: waiting !== null ? STATUS_EVERY_MS : false,
  });
  const keptDraft = kept.data?.find((r) => r.rootPostId === round.rootPostId)?.draft;
  // The waiting ballot went out, or was given up, after it was queued.
  const settled =
    waiting && keptDraft && !keptDraft.waiting && keptDraft.updatedAt >= waiting.since ? keptDraft : null;
  // A send that failed for good (the round's post deleted since) is what the footer says, not the wait before it:
  // "Waiting for Mattermost: your ballot goes out by itself" stood beside "This round's post is not in Mattermost".
  const sendFailed = sendStatus?.tone === "error";
  const waitingWhy = settled || sendFailed ? null : (waiting?.why ?? null);
  const givenUpWhy = settled?.sendError ?? givenUp;
  const sentText =
    settled?.sentPostId && !settled.sendError ? "Sent: the ballot that waited went out, sealed." : sentNote;

  const count = countBallot(ballot, round.ideas);
  const changedSinceSent = sentBallot !== null && !sameBallot(ballot, sentBallot);
  // Once a waiting ballot has gone out by itself, it is the one sent: sending it again only adds a notice.
  const unchangedSinceSent =
    sentBallot !== null && !changedSinceSent && !waitingWhy && !givenUpWhy && !sendFailed;

  const cannotSend =
    (count.placed + count.noOpinion === 0 && !sentBallot) || unchangedSinceSent || gone !== null;

  async function send() {
    setSendStatus({
      tone: "progress",
      text: "Sealing your estimates and posting them in the round's thread…",
    });
    const estimates = { ...ballot };
    try {
      const sent = await backend.submitBallot(round.rootPostId, estimates);
      saved.current = estimates;
      setSentBallot(estimates);
      setSendStatus(null);
      setGivenUp(null);
      const why = sent.waiting;
      if (why !== null) {
        setSentNote(null);
        setWaiting((before) => ({ since: Date.now(), why, tries: (before?.tries ?? 0) + 1 }));
        return;
      }
      setWaiting(null);
      const noOpinion = Object.values(estimates).filter((e) => e.kind === "noOpinion").length;
      setSentNote(
        sent.count > 0
          ? `Sent: ${sent.count} ${sent.count === 1 ? "estimate" : "estimates"}, sealed. Only the facilitator's Pickboard can open them, at the reveal. You can change them and send again until then.`
          : noOpinion > 0
            ? `Sent: no opinion on ${counted(noOpinion, "idea")}, sealed. You can change it and send again until the reveal.`
            : "Sent: your earlier estimates are taken back; none of yours count now. You can place ideas and send again until the reveal.",
      );
      void queryClient.invalidateQueries({ queryKey: keys.roundStatus(round.rootPostId) });
      void queryClient.invalidateQueries({ queryKey: keys.rounds(board.id) });
    } catch (raw) {
      // The round's post gone is said above the plane; here only what it means for the ballot.
      setSendStatus({ tone: "error", text: failure(raw) ?? "Your ballot was not sent." });
    }
  }

  async function reveal() {
    setConfirm(null);
    setWorking({ tone: "progress", text: "Opening the ballots…" });
    try {
      const revealed = await backend.revealRound(round.rootPostId);
      queryClient.setQueryData(keys.reveal(round.rootPostId), revealed);
      setWorking(null);
      // The lists say "revealed" at once, not after the round is opened again; who voted is read once more.
      void queryClient.invalidateQueries({ queryKey: keys.rounds(board.id) });
      void queryClient.invalidateQueries({ queryKey: keys.roundStatus(round.rootPostId) });
      onRound({ ...round, state: "revealed" });
    } catch (raw) {
      const message = failure(raw);
      setWorking(message === null ? null : { tone: "error", text: message });
    }
  }

  async function close() {
    setConfirm(null);
    setWorking({ tone: "progress", text: "Posting the result in the thread…" });
    try {
      await backend.closeRound(round.rootPostId);
      setWorking(null);
      void queryClient.invalidateQueries({ queryKey: keys.rounds(board.id) });
      onRound({ ...round, state: "closed" });
    } catch (raw) {
      const message = failure(raw);
      setWorking(message === null ? null : { tone: "error", text: message });
    }
  }

  async function verify() {
    setVerifying({ tone: "progress", text: "Reading the thread and checking every ballot…" });
    try {
      setVerification(await backend.verifyRound(round.rootPostId));
      setVerifying(null);
    } catch (raw) {
      const message = failure(raw);
      setVerifying(message === null ? null : { tone: "error", text: message });
    }
  }

  const who = status.data;
  // The facilitator's own round, revealed or closed: its reveal, to look at and, until it is closed, to settle (the
  // voter's plane is not).
  const revealedHere = round.amFacilitator && (round.state === "revealed" || round.state === "closed");
  const verifyButton = (
    <button type="button" className="button" onClick={() => void once(verify)}>
      Verify round
    </button>
  );
  const verified = verifying ? (
    <FormStatus status={verifying} />
  ) : (
    verification && (
      <div
        className={verification.mismatches.length === 0 ? "round-verified" : "round-mismatch"}
        role="status"
      >
        <p>{verification.summary}</p>
        {verification.mismatches.length > 0 && (
          <ul>
            {verification.mismatches.map((m) => (
              <li key={m.postId}>
                {m.name}: {m.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
    )
  );

  return (
    <div className="round">
      <div className="round-bar">
        <div className="round-facts">
          <span>{counted(round.ideas.length, "idea")}</span>
          {/* Rounds of one board read alike by their title: when it was started tells them apart. */}
          {round.startedAt !== null && <span>Started {formatDateTime(round.startedAt)}</span>}
          {round.deadline !== null && (
            <span>
              Vote by {formatDateTime(round.deadline)}
              {/* "Now" as of the last reading of the round (every few seconds), not a clock of the render's own. */}
              {round.state === "open" && Math.max(status.dataUpdatedAt, seen.dataUpdatedAt) > round.deadline
                ? ": passed (ballots still count until the reveal)"
                : ""}
            </span>
          )}
          <span className={`round-state round-state-${round.state}`}>{STATE_LABEL[round.state]}</span>
          {round.permalink && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                navigator.clipboard.writeText(round.permalink ?? "").then(
                  () => {
                    // A toast: a line above the plane pushed it down.
                    toast({ message: COPIED, duration: 4000 });
                  },
                  () => {
                    setWorking({ tone: "error", text: `Copy this link by hand: ${round.permalink ?? ""}` });
                  },
                );
              }}
            >
              Copy the round's link
            </button>
          )}
        </div>
        {round.note && <p className="round-note">{round.note}</p>}
        {gone && (
          <p className="field-error round-gone" role="alert">
            {gone}
          </p>
        )}
        {round.amFacilitator && (
          <div className="round-status">
            {/* Who voted, and what is said of it, beside Reveal…: a line added there (a ballot not counted, "Not up to
                date") no longer moves the button while it is aimed at. */}
            <div className="round-status-info" aria-live="polite">
              {who ? (
                <>
                  <strong className="round-summary">{who.summary}</strong>
                  <ul className="round-voters" role="list" aria-label="Members of the channel">
                    {who.voted.map((v) => {
                      // A ballot after the deadline still counts (the facilitator reveals when they choose); it says so.
                      const late = round.deadline !== null && v.at !== null && v.at > round.deadline;
                      return (
                        <li
                          key={v.userId}
                          aria-label={`${v.name}: voted${late ? " after the deadline" : ""}${v.edited ? " (edited in Mattermost)" : ""}`}
                          className="round-voter round-voter-done"
                          title={v.edited ? "Their ballot's post was edited in Mattermost" : undefined}
                        >
                          ✓ {v.name}
                          {late ? " (late)" : ""}
                          {v.edited ? " (edited)" : ""}
                        </li>
                      );
                    })}
                    {who.notVoted.map((v) => (
                      <li key={v.userId} className="round-voter" aria-label={`${v.name}: not yet`}>
                        {v.name}
                      </li>
                    ))}
                  </ul>
                  {/* Only while it is read again: revealed, it is no longer, and an old failure stayed. */}
                  {open && status.error && !gone && (
                    <span className="field-hint" role="status">
                      Not up to date: {firstSentence(AppError.from(status.error).message)}
                    </span>
                  )}
                  {/* Once revealed, the reveal lists them (once). */}
                  {open && who.notCounted.length > 0 && (
                    <ul className="round-not-counted" aria-label="Ballots not counted">
                      {who.notCounted.map((n) => (
                        <li key={n.postId}>
                          {n.name}: {n.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              ) : gone ? null : status.error ? (
                <span className="field-error">{AppError.from(status.error).message}</span>
              ) : (
                <span className="field-hint">Reading who voted…</span>
              )}
            </div>
            {open && (
              <button
                type="button"
                className="button button-primary"
                // Not while it reveals: a second Enter on the question asked it again.
                disabled={!who || who.voted.length === 0 || working?.tone === "progress" || gone !== null}
                title={who && who.voted.length === 0 ? "Nobody has voted yet" : undefined}
                onClick={() => {
                  setConfirm("reveal");
                }}
              >
                Reveal…
              </button>
            )}
          </div>
        )}
        {/* An action's failure ("could not be reached") is overtaken by the round's post found gone since. */}
        <FormStatus status={gone && working?.tone === "error" ? null : working} />
      </div>

      {revealedHere && round.boardId !== null && round.boardId !== board.id ? (
        <p className="rounds-empty" role="status">
          This round was started on the board “{round.board}”: open that board to see the reveal and settle it
          there.
        </p>
      ) : revealedHere ? (
        <>
          <Suspense fallback={<div className="round-loading" aria-busy="true" />}>
            <RevealView
              board={board}
              round={round}
              onPlaceIdea={onPlaceIdea}
              onUndo={onUndo}
              onClose={
                round.state === "revealed"
                  ? () => {
                      setConfirm("close");
                    }
                  : undefined
              }
            />
          </Suspense>
          {round.state === "closed" && (
            <>
              <footer className="round-footer">
                <span className="round-draft">
                  {CLOSED_TEXT} To change where its ideas are, move them on the board.
                </span>
                {verifyButton}
              </footer>
              {/* Room kept for what Verify round says: the plane above shrank as it came. */}
              <div className="round-verify-room">{verified}</div>
            </>
          )}
        </>
      ) : (
        <>
          <BallotPlane
            ideas={round.ideas}
            thresholds={round.thresholds}
            // Once voting has ended, the ballot that was counted: the draft changed after it was sent stood as
            // "your estimates", and what was counted showed nowhere.
            ballot={open ? ballot : (sentBallot ?? ballot)}
            ended={
              open
                ? null
                : sentBallot
                  ? "Voting has ended: these are the estimates you sent."
                  : "Voting has ended before these estimates were sent: they were not counted."
            }
            onChange={changeBallot}
          />
          <footer className="round-footer">
            {open ? (
              <>
                <span className="round-draft" role="status">
                  {draft.state === "failed"
                    ? `Draft not saved: ${draft.message}`
                    : draft.state === "saving"
                      ? "Saving the draft…"
                      : waitingWhy
                        ? // The count beside it is the draft's: a ballot changed since it was sent went out as sent.
                          changedSinceSent
                          ? "Waiting for Mattermost: your ballot goes out by itself as you sent it. Try now sends it with your changes."
                          : "Waiting for Mattermost: your ballot goes out by itself."
                        : givenUpWhy || sendFailed
                          ? "Not sent: your draft is kept on this computer."
                          : changedSinceSent
                            ? "Changed since you sent it: send again to count the changes."
                            : sentBallot
                              ? "Sent. Your draft is kept on this computer."
                              : "Draft kept on this computer: nobody sees it until you send it."}
                </span>
                <span className="round-count">{ballotSummary(count)}</span>
                <button
                  type="button"
                  className="button button-primary"
                  // The ballot as sent, unchanged: sending it again would only add a notice to the thread. An empty
                  // ballot goes out only after one was sent: it takes those estimates back.
                  // The round's post gone, no ballot can go: "Try again" could never succeed.
                  // Dimmed, not disabled: a disabled button lost the focus it had as Send turned into "Send again".
                  aria-disabled={cannotSend}
                  title={
                    gone !== null
                      ? "The round's post is gone from Mattermost: a ballot cannot be sent to it"
                      : unchangedSinceSent
                        ? "Nothing has changed since you sent it"
                        : undefined
                  }
                  onClick={() => {
                    if (!cannotSend) void once(send);
                  }}
                >
                  {waitingWhy
                    ? "Try now"
                    : givenUpWhy || sendFailed
                      ? "Try again"
                      : sentBallot
                        ? "Send again"
                        : "Send my estimates"}
                </button>
              </>
            ) : (
              <>
                <span className="round-draft">
                  {round.state === "closed"
                    ? CLOSED_TEXT
                    : "The facilitator has revealed this round: ballots sent now are not counted."}
                </span>
                {round.state === "closed" && verifyButton}
              </>
            )}
          </footer>
          {/* Room kept for two lines of what sending or verifying says: the plane above shrank as each appeared,
              and the buttons moved under the pointer (a double click landed on the text). */}
          <div className="round-messages">
            <FormStatus status={sendStatus} />
            {waitingWhy && !sendStatus && (
              <p className="field-hint round-waiting" role="status">
                {/* What the footer does not say already: why, and that a restart loses nothing (the footer says the
                    ballot goes out by itself; this line said so again at twice the length). */}
                Not sent yet. {firstSentence(waitingWhy)}
                {/* Try now, with the server still away, says it tried: the line would read the same otherwise. */}
                {waiting && waiting.tries > 1
                  ? ` Tried again at ${formatTime(waiting.since)}: still no answer.`
                  : ""}{" "}
                It is kept on this computer, through a restart too.
              </p>
            )}
            {givenUpWhy && !sendStatus && (
              <p className="field-error" role="alert">
                Your ballot was not sent: {givenUpWhy}
              </p>
            )}
            {sentText && !sendStatus && open && (
              <p className="field-ok" role="status">
                {sentText}
              </p>
            )}
            {verified}
          </div>
        </>
      )}

      {confirm === "reveal" && (
        <ConfirmDialog
          title="Reveal the round?"
          message={
            <p>
              Pickboard opens the ballots sent so far
              {/* The count shown is the last one read: Mattermost may have more by now. */}
              {who ? ` (${who.summary}${status.error ? ", as last read" : ""})` : ""}. Ballots sent after the
              reveal are not counted. The estimates stay on this computer until you close the round.
              {!sentBallot || waitingWhy || sendFailed ? (
                <strong> Your own estimates are not sent: send them first if they should count.</strong>
              ) : (
                // Sent, then changed: what was sent counts, and the dialog said nothing was.
                changedSinceSent && (
                  <strong>
                    {" "}
                    Your latest changes are not sent: the estimates you sent before them count. Send again
                    first if the changes should.
                  </strong>
                )
              )}
            </p>
          }
          confirmLabel="Reveal"
          tone="proceeds"
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => void once(reveal)}
        />
      )}
      {confirm === "close" && (
        <ConfirmDialog
          title="Close the round?"
          message={
            <p>
              Pickboard replies in the thread with the result and every ballot&apos;s estimates, so that
              everyone can check their ballot was counted as sealed. This cannot be taken back.
            </p>
          }
          confirmLabel="Close and publish"
          tone="proceeds"
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => void once(close)}
        />
      )}
    </div>
  );
}

/** "The server had a problem." of "The server had a problem. The post will be sent again shortly." */
function isPostGone(error: unknown): boolean {
  return error !== null && AppError.from(error).problem === "postGone";
}

function firstSentence(text: string): string {
  return text.split(/(?<=\.)\s/)[0] ?? text;
}

const STATE_LABEL = { open: "Open", revealed: "Revealed", closed: "Closed" } as const;
