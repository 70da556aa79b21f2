// Team rounds of a board, in place of the board's body: start a round in the board's Mattermost channel, join one by
// its link, come back to an open one, or verify a closed one. A round, once opened, fills the screen.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";

import { swallowRestOfDoubleClick } from "../../components/doubleClick";
import { ConfirmDialog } from "../../components/Modal";
import { backend } from "../../lib/backend";
import type { Board, RoundView } from "../../lib/bindings";
import { formatDateTime } from "../../lib/dates";
import { counted, formatCount } from "../../lib/numbers";
import { AppError } from "../../lib/ipc";
import { listKeyTarget } from "../../lib/listKeys";
import { keys } from "../../lib/queries";
import { useSingleFlight } from "../../lib/useSingleFlight";
import { isTextField } from "../board/useShortcuts";
import { isConnected, useAccount, useAccountChannel } from "../post/AccountForm";
import { FormStatus, type FormStatusValue } from "../post/FormStatus";
import { ballotStanding, type StepsBack } from "./ballot";
import { RoundScreen } from "./RoundScreen";

import "./rounds.css";

interface RoundsScreenProps {
  board: Board;
  /** The idea selected on the board, offered with the Unsorted tray. */
  selectedId: number | null;
  onBack: () => void;
  /** Opens the Post dialog, where the account is connected and the channel chosen. */
  onConnect: () => void;
  onPlaceIdea: (ideaId: number, payoff: number, cost: number) => void;
  /** The board's Undo of the edit `expected` (Place all at the medians), while it is still the board's latest. */
  onUndo: (expected: number) => void;
  /** Takes an open ballot's undo and redo (see `RoundScreen`). */
  onBallotSteps?: ((steps: StepsBack | null) => void) | undefined;
}

export function RoundsScreen({
  board,
  selectedId,
  onBack,
  onConnect,
  onPlaceIdea,
  onUndo,
  onBallotSteps,
}: RoundsScreenProps) {
  const { data: account, isPending } = useAccount();
  const connected = isConnected(account);
  const channel = useAccountChannel(board.id, connected);
  // The round open, as read for the account connected when it was opened. Another account connected since (or none)
  // closes it: its ballot was that account's, and Send sent it as the next one.
  const who = connected ? `${account.server} ${account.userId}` : null;
  const [opened, setOpened] = useState<{ round: RoundView; as: string | null } | null>(null);
  if (opened && opened.as !== who) setOpened(null);
  const round = opened?.round ?? null;
  const setRound = useCallback(
    (next: RoundView | null) => {
      setOpened(next && { round: next, as: who });
    },
    [who],
  );
  // Opening a round, or going back to the list, draws a new screen: the focus goes to its heading.
  const titleRef = useRef<HTMLHeadingElement>(null);
  const shown = round?.rootPostId ?? null;
  useEffect(() => {
    titleRef.current?.focus();
  }, [shown]);
  const back = useCallback(() => {
    if (round) setOpened(null);
    else onBack();
  }, [round, onBack]);
  // Escape goes back as "←" does: from a round to all rounds, from there to the board, as it closes a panel over the
  // board. Not from a field, a dialog, a side panel or a dot being moved, whose Escape is their own.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || e.altKey || isTextField(e.target)) return;
      if (document.querySelector("[role=dialog], aside.details")) return;
      e.preventDefault();
      back();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
    };
  }, [back]);

  return (
    <section className="rounds" aria-label="Team rounds">
      <header className="rounds-header">
        <button type="button" className="button" onClick={back}>
          ← {round ? "All rounds" : "Back to the board"}
        </button>
        <h2 className="rounds-title" ref={titleRef} tabIndex={-1} data-focus-after-dialog>
          {round ? `Round on “${round.board}”` : "Team rounds"}
        </h2>
        {account && connected && (
          <span className="rounds-who">
            as @{account.username}
            {/* The board's channel, where rounds are posted: chosen or changed in the Connect dialog. Not on a round
                someone else started, whose members have nothing to set up ("Choose the board's channel…" read as a
                step to take before voting). */}
            {(!round || round.amFacilitator) && (
              <>
                {" · "}
                <button type="button" className="link-button" onClick={onConnect}>
                  {channel.data ? `in ${channel.data.channelDisplay}` : "Choose the board's channel…"}
                </button>
              </>
            )}
          </span>
        )}
      </header>
      {isPending ? null : !connected ? (
        <div className="rounds-empty">
          <h3>Estimate together, blind</h3>
          <p>
            Every member places each idea on their own chart; nobody sees anyone&apos;s estimates until you
            reveal them. Rounds run in a Mattermost channel, as you: connect your Mattermost account first. To
            join a round, that is all; to start one, also choose the board&apos;s channel.
          </p>
          {/* A token kept for a session only is gone after a restart: what waits for it is said here. */}
          {account?.ballotsWaiting && (
            <p className="field-hint" role="status">
              A ballot of yours waits on this computer to go out: connect again, and Pickboard sends it.
            </p>
          )}
          <button type="button" className="button button-primary" onClick={onConnect}>
            Connect to Mattermost…
          </button>
        </div>
      ) : round ? (
        <RoundScreen
          key={round.rootPostId}
          board={board}
          round={round}
          onRound={setRound}
          onPlaceIdea={onPlaceIdea}
          onUndo={onUndo}
          onBallotSteps={onBallotSteps}
        />
      ) : (
        <RoundsHome
          board={board}
          selectedId={selectedId}
          channelId={channel.data?.channelId ?? null}
          onOpen={setRound}
        />
      )}
    </section>
  );
}

interface RoundsHomeProps {
  board: Board;
  selectedId: number | null;
  channelId: string | null;
  onOpen: (round: RoundView) => void;
}

/** How many times the lists were read anew, for every opening of Team rounds: counted from 0 at each, the next
 * opening asked for the lists kept before the first was read anew, and a round closed elsewhere was listed open. */
let rereads = 0;

function RoundsHome({ board, selectedId, channelId, onOpen }: RoundsHomeProps) {
  const queryClient = useQueryClient();
  // Rounds joined here and closed (or revealed) elsewhere since: read again from Mattermost as the page opens, so that
  // they move to Closed rounds without being opened. Out of reach, the lists stay as kept here. The lists are read
  // anew once it changed something (an invalidation would join a first reading still on its way, and keep its answer).
  const [reread, setReread] = useState(rereads);
  useEffect(() => {
    let gone = false;
    backend.refreshJoinedRounds().then(
      (closedSince) => {
        if (gone || closedSince === 0) return;
        rereads += 1;
        setReread(rereads);
      },
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, [board.id]);
  const rounds = useQuery({
    queryKey: [...keys.rounds(board.id), "open", reread],
    queryFn: () => backend.listOpenRounds(board.id),
    placeholderData: keepPreviousData,
  });
  const closed = useQuery({
    queryKey: [...keys.rounds(board.id), "closed", reread],
    queryFn: () => backend.listClosedRounds(board.id),
    placeholderData: keepPreviousData,
  });
  const inOpenRound = useMemo(
    () =>
      new Set(
        (rounds.data ?? [])
          .filter((r) => r.amFacilitator && r.boardId === board.id)
          .flatMap((r) => r.ideas.map((i) => Number(i.key))),
      ),
    [rounds.data, board.id],
  );
  const [link, setLink] = useState("");
  const [joinStatus, setJoinStatus] = useState<FormStatusValue | null>(null);
  /** What opening a listed round said, shown at the list (not at the Join form). */
  const [listStatus, setListStatus] = useState<FormStatusValue | null>(null);
  const [removing, setRemoving] = useState<RoundView | null>(null);
  // A round removed, and where it was in the list: the focus was on its Remove…, gone with it, and fell to the top of
  // the window. It goes to the round now in its place (else the one before it, else the list's heading).
  const removed = useRef<{ id: string; at: number } | null>(null);
  const openRounds = useRef<HTMLElement>(null);
  useEffect(() => {
    const gone = removed.current;
    if (gone === null || !rounds.data || rounds.data.some((r) => r.rootPostId === gone.id)) return;
    removed.current = null;
    const active = document.activeElement;
    if (active !== null && active !== document.body && active.isConnected) return;
    const items = openRounds.current?.querySelectorAll<HTMLElement>(".rounds-list-item") ?? [];
    (items[Math.min(gone.at, items.length - 1)] ?? openRounds.current?.querySelector("h3"))?.focus();
  }, [rounds.data]);
  const linkId = useId();
  const once = useSingleFlight();

  /** Reads the round `target` points to and opens it; what went wrong is said by `say`. */
  async function open(target: string, say: (status: FormStatusValue | null) => void) {
    say({ tone: "progress", text: "Reading the round from Mattermost…" });
    try {
      const found = await backend.findRound(target.trim());
      say(null);
      void queryClient.invalidateQueries({ queryKey: keys.rounds(board.id) });
      onOpen(found);
    } catch (raw) {
      say({ tone: "error", text: AppError.from(raw).message });
    }
  }

  async function join(target: string) {
    if (!target.trim()) {
      setJoinStatus({
        tone: "error",
        text: "Paste the link of the round's post first (in Mattermost: ··· › Copy Link).",
      });
      return;
    }
    setListStatus(null);
    await open(target, setJoinStatus);
  }

  async function remove(round: RoundView) {
    setRemoving(null);
    try {
      await backend.forgetRound(round.rootPostId);
      setListStatus({ tone: "ok", text: `Removed the round on “${round.board}” from this list.` });
      const at = rounds.data?.findIndex((r) => r.rootPostId === round.rootPostId) ?? -1;
      removed.current = { id: round.rootPostId, at: Math.max(at, 0) };
    } catch (raw) {
      setListStatus({ tone: "error", text: AppError.from(raw).message });
    }
    void queryClient.invalidateQueries({ queryKey: keys.rounds(board.id) });
  }

  /** A listed round: opens it, or removes it from this computer after asking. */
  const row = (r: RoundView) => (
    <li key={r.rootPostId} className="rounds-list-row">
      <button
        type="button"
        className="rounds-list-item"
        onClick={() => {
          setJoinStatus(null);
          void once(() => open(r.rootPostId, setListStatus));
        }}
      >
        <span className="rounds-list-board" title={r.board}>
          {r.board}
        </span>
        <span className="field-hint">
          {r.amFacilitator ? "You started it" : "Joined"}
          {/* Two rounds of one board (or of boards of one name) tell apart by when they were started, or joined
              and last touched here. */}
          {r.startedAt !== null ? ` ${formatDateTime(r.startedAt)}` : ""}
          {!r.amFacilitator && r.draft ? ` · ${ballotStanding(r.draft, formatDateTime)}` : ""}
          {r.ideas.length > 0 ? ` · ${counted(r.ideas.length, "idea")}` : ""}
          {r.deadline !== null ? ` · vote by ${formatDateTime(r.deadline)}` : ""}
          {r.state === "revealed" ? " · revealed" : ""}
        </span>
      </button>
      <button
        type="button"
        className="button rounds-list-remove"
        aria-label={`Remove the round on “${r.board}” from this list`}
        onClick={() => {
          setRemoving(r);
        }}
      >
        Remove…
      </button>
    </li>
  );

  return (
    <div className="rounds-home">
      <StartRound
        board={board}
        selectedId={selectedId}
        inOpenRound={inOpenRound}
        channelId={channelId}
        onStarted={onOpen}
      />
      <div className="rounds-side">
        <form
          className="rounds-card"
          onSubmit={(e) => {
            e.preventDefault();
            void once(() => join(link));
          }}
        >
          <h3>Join a round</h3>
          <label htmlFor={linkId} className="field-label">
            The round post&apos;s link
          </label>
          <input
            id={linkId}
            value={link}
            placeholder="https://chat.example.com/team/pl/…"
            onChange={(e) => {
              setLink(e.target.value);
              if (joinStatus?.tone === "error") setJoinStatus(null);
            }}
          />
          {/* Below the button, so that the button stays where it is when the reason goes at the next edit (the
              click after the edit missed it). */}
          <button type="submit" className="button">
            Join round
          </button>
          <FormStatus status={joinStatus} />
        </form>
        <section className="rounds-card" aria-label="Open rounds" ref={openRounds}>
          <h3 tabIndex={-1}>Open rounds</h3>
          {rounds.error ? (
            <p className="field-error">{AppError.from(rounds.error).message}</p>
          ) : !rounds.data ? (
            <p className="field-hint">Reading…</p>
          ) : rounds.data.length === 0 ? (
            <p className="field-hint">No open round: start one, or join one by its link.</p>
          ) : (
            <ul className="rounds-list">{rounds.data.map((r) => row(r))}</ul>
          )}
          <FormStatus status={listStatus} />
        </section>
        {closed.data && closed.data.length > 0 && (
          <section className="rounds-card" aria-label="Closed rounds">
            <h3>Closed rounds</h3>
            <p className="field-hint">
              Those started here keep their reveal, to look at and verify; those joined, their result to
              verify.
            </p>
            <ul className="rounds-list">{closed.data.map((r) => row(r))}</ul>
          </section>
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title="Remove the round from this list?"
          message={
            removing.amFacilitator ? (
              <p>
                You started the round on “{removing.board}”: its key goes with it, so its ballots can no
                longer be revealed from this computer. The round&apos;s thread in Mattermost stays as it is.
              </p>
            ) : (
              <p>
                Your estimates for the round on “{removing.board}” go from this computer; a ballot you sent
                stays in the thread. While the round is open, its link joins it again.
              </p>
            )
          }
          confirmLabel="Remove"
          onCancel={() => {
            setRemoving(null);
          }}
          onConfirm={() => void once(() => remove(removing))}
        />
      )}
    </div>
  );
}

interface StartRoundProps {
  board: Board;
  selectedId: number | null;
  /** The board's ideas in a round started here and still open: not picked for another one by themselves. */
  inOpenRound: ReadonlySet<number>;
  /** The board's channel, where the round is posted (`null`: none chosen yet). */
  channelId: string | null;
  onStarted: (round: RoundView) => void;
}

/** More ideas than this in one round, and Start round asks first: a tray of 2,000 freshly imported ideas, picked
 * by default, went out as one round at a click. */
const MANY_IDEAS = 100;

/** Today's date and time as a `datetime-local` value, a week ahead, at 17:00. */
function defaultDeadline(): string {
  const at = new Date(Date.now() + 7 * 86_400_000);
  at.setHours(17, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T17:00`;
}

function StartRound({ board, selectedId, inOpenRound, channelId, onStarted }: StartRoundProps) {
  const queryClient = useQueryClient();
  /** The ideas "Unsorted only" picks: those of the tray that no open round has already. */
  const unsortedFree = (ideas: readonly Board["ideas"][number][]) =>
    ideas.filter((i) => i.zone === "unsorted" && !inOpenRound.has(i.id)).map((i) => i.id);
  const [picked, setPicked] = useState<ReadonlySet<number>>(
    () => new Set([...unsortedFree(board.ideas), ...(selectedId === null ? [] : [selectedId])]),
  );
  // The open rounds are read after the form shows: their ideas, picked as the tray's, are left out once known (a
  // second round on the same three ideas was one click away, and nothing said so).
  // And a round closed or removed since the list shown first was read gives its tray ideas back to the picks, unless
  // the person changed them (Team rounds opened again after a close showed "Ideas (0 of 7)", the tray unticked).
  const [busySeen, setBusySeen] = useState<ReadonlySet<number>>(new Set());
  const [pickedByHand, setPickedByHand] = useState(false);
  const newlyBusy = [...inOpenRound].filter((id) => !busySeen.has(id));
  const freed = [...busySeen].filter((id) => !inOpenRound.has(id));
  if (newlyBusy.length > 0 || freed.length > 0) {
    setBusySeen(new Set(inOpenRound));
    const back = pickedByHand ? [] : unsortedFree(board.ideas.filter((i) => freed.includes(i.id)));
    // The idea selected on the board too: picked by itself, it went into a second round ticked beside its own "in
    // an open round".
    setPicked((now) => new Set([...[...now].filter((id) => !newlyBusy.includes(id)), ...back]));
  }
  const [withDeadline, setWithDeadline] = useState(false);
  const [deadline, setDeadline] = useState(defaultDeadline);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<FormStatusValue | null>(null);
  const ids = { pick: useId(), deadline: useId(), note: useId() };
  // Ideas that come to the board while the form shows (an import, another window) are offered as those at the start
  // were: the unsorted ones picked.
  const [known, setKnown] = useState<ReadonlySet<number>>(() => new Set(board.ideas.map((i) => i.id)));
  const arrived = board.ideas.filter((i) => !known.has(i.id));
  if (arrived.length > 0) {
    setKnown(new Set(board.ideas.map((i) => i.id)));
    const unsorted = unsortedFree(arrived);
    if (unsorted.length > 0) {
      setPicked((now) => new Set([...now, ...unsorted]));
      setStatus((now) => (now?.tone === "error" ? null : now));
    }
  }
  // A channel chosen (or changed) answers what Start round said about it: "Choose the board's channel first" stayed.
  const [channelSeen, setChannelSeen] = useState(channelId);
  if (channelSeen !== channelId) {
    setChannelSeen(channelId);
    setStatus((now) => (now?.tone === "error" ? null : now));
  }
  const once = useSingleFlight();
  /** Start round asked about a round of more than MANY_IDEAS ideas, or of ideas an open round has already. */
  const [asking, setAsking] = useState(false);
  /** The picked ideas the board still has (one deleted meanwhile, from another window, is not sent). */
  const chosen = board.ideas.filter((i) => picked.has(i.id)).map((i) => i.id);
  /** Those of them an open round has: a second round on them went out without a word (All ticks them). */
  const busyChosen = chosen.filter((id) => inOpenRound.has(id)).length;

  /** What the last Start round said went wrong is answered by a change to the form: it goes then, not at the next try
   * (a server out of reach said so long after it was back). */
  const changed = useCallback(() => {
    setStatus((now) => (now?.tone === "error" ? null : now));
  }, []);
  /** Picks exactly `ids`: by hand, or as the tray's own picks are made (Unsorted only), which a closed round adds to. */
  const pickOnly = (ids: readonly number[], byHand: boolean) => {
    setPickedByHand(byHand);
    setPicked(new Set(ids));
  };
  // The same function at every render, so that the list is not drawn again for a key typed in the note.
  const toggle = useCallback(
    (id: number) => {
      changed();
      setPickedByHand(true);
      setPicked((now) => {
        const next = new Set(now);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    [changed],
  );

  /** Checks the form, asks first about a round of many ideas (unless `confirmed`), and posts the round. */
  async function start(confirmed = false) {
    setAsking(false);
    if (chosen.length === 0) {
      setStatus({ tone: "error", text: "Pick at least one idea for the round." });
      return;
    }
    let at: number | null = null;
    if (withDeadline) {
      at = new Date(deadline).getTime();
      if (Number.isNaN(at)) {
        setStatus({ tone: "error", text: "Type the deadline as a date and a time." });
        return;
      }
      if (isPast(at)) {
        setStatus({ tone: "error", text: "The deadline has passed already: pick a later one." });
        return;
      }
    }
    if (!confirmed && (chosen.length > MANY_IDEAS || busyChosen > 0)) {
      setAsking(true);
      return;
    }
    setStatus({ tone: "progress", text: "Posting the round in the board's channel…" });
    try {
      const started = await backend.startRound(board.id, chosen, at, note.trim());
      setStatus(null);
      void queryClient.invalidateQueries({ queryKey: keys.rounds(board.id) });
      // The round opens where the button was: a double click's second click marked "No opinion" on its ballot.
      swallowRestOfDoubleClick();
      onStarted(started);
    } catch (raw) {
      setStatus({ tone: "error", text: AppError.from(raw).message });
    }
  }

  // The idea selected on the board first (it is picked at the start, and was ticked out of sight below the tray's
  // ideas, in a round of ideas the person never picked), then the tray's, then the rest.
  const ordered = useMemo(() => {
    const rank = (idea: Board["ideas"][number]) =>
      idea.id === selectedId ? 0 : idea.zone === "unsorted" ? 1 : 2;
    return [...board.ideas].sort((a, b) => rank(a) - rank(b));
  }, [board.ideas, selectedId]);
  return (
    <>
      <form
        className="rounds-card rounds-start"
        // The deadline is checked here, in words: a date still being typed made the browser refuse Start round silently.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void once(start);
        }}
      >
        <h3>Start a round</h3>
        <p className="field-hint">
          Pickboard posts the round in the board&apos;s channel. Members open it with Team › Team rounds… ›
          Join round and the post&apos;s link; their estimates stay sealed until you reveal them.
        </p>
        {/* A group, not a fieldset: WebKit laid the fieldset out once with its legend's height twice, and "Set a
          deadline" below it moved up at the first tick. */}
        <div className="rounds-pick" role="group" aria-labelledby={ids.pick}>
          <span id={ids.pick} className="field-label">
            Ideas ({formatCount(chosen.length)} of {formatCount(board.ideas.length)})
          </span>
          <div className="rounds-pick-actions">
            <button
              type="button"
              className="link-button"
              onClick={() => {
                changed();
                pickOnly(unsortedFree(board.ideas), false);
              }}
            >
              Unsorted only
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                changed();
                pickOnly(
                  board.ideas.map((i) => i.id),
                  true,
                );
              }}
            >
              All
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                pickOnly([], true);
              }}
            >
              None
            </button>
          </div>
          <PickList ideas={ordered} picked={picked} inOpenRound={inOpenRound} onToggle={toggle} />
        </div>
        <label className="rounds-check">
          <input
            type="checkbox"
            checked={withDeadline}
            onChange={(e) => {
              changed();
              setWithDeadline(e.target.checked);
            }}
          />
          Set a deadline
        </label>
        {withDeadline && (
          <>
            <label htmlFor={ids.deadline} className="field-label">
              Vote by
            </label>
            <input
              id={ids.deadline}
              type="datetime-local"
              value={deadline}
              onChange={(e) => {
                changed();
                setDeadline(e.target.value);
              }}
            />
          </>
        )}
        <label htmlFor={ids.note} className="field-label">
          Note for the team (optional)
        </label>
        <textarea
          id={ids.note}
          rows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => {
            changed();
            setNote(e.target.value);
          }}
        />
        {/* What Start round says comes below it (and is scrolled into view): above it, a message pushed the button
          out of a 768 px window. */}
        <button type="submit" className="button button-primary">
          Start round
        </button>
        <FormStatus status={status} />
      </form>
      {asking && (
        <ConfirmDialog
          title={`Start a round of ${counted(chosen.length, "idea")}?`}
          message={
            <>
              {busyChosen > 0 && (
                <p>
                  {busyChosen === chosen.length
                    ? `${chosen.length === 1 ? "It is" : "They are all"} in an open round already`
                    : `${formatCount(busyChosen)} of them ${busyChosen === 1 ? "is" : "are"} in an open round already`}
                  : members would estimate {busyChosen === 1 ? "it" : "them"} in two threads, and each round
                  can settle {busyChosen === 1 ? "it" : "them"} on the board. Untick{" "}
                  {busyChosen === 1 ? "it" : "them"} in the list above, or start the round as it is.
                </p>
              )}
              {chosen.length > MANY_IDEAS && (
                <p>
                  Every member places each of them before voting is done, and the round&apos;s post lists them
                  all. A round of a few dozen ideas is easier to vote on: pick fewer with the list above, or
                  start it as it is.
                </p>
              )}
            </>
          }
          confirmLabel="Start round"
          tone="proceeds"
          onCancel={() => {
            setAsking(false);
          }}
          onConfirm={() => void once(() => start(true))}
        />
      )}
    </>
  );
}

interface PickListProps {
  ideas: readonly Board["ideas"][number][];
  picked: ReadonlySet<number>;
  inOpenRound: ReadonlySet<number>;
  onToggle: (id: number) => void;
}

/** The board's ideas to tick for a round. Drawn again only when they or the picks change: on a 2,000-idea board,
 * drawing it at each key typed in the note took longer than the key, and a click on Start round straight after typing
 * came before the last keys (WebKit queues keys and clicks apart), so the round went out with its note cut short. */
const PickList = memo(function PickList({ ideas, picked, inOpenRound, onToggle }: PickListProps) {
  // One Tab stop for the list (the idea the focus was on last), and the arrows, Home and End from idea to idea: Tab
  // went through every idea's box to reach Start round, 2,000 presses on a big board.
  const [current, setCurrent] = useState(0);
  if (ideas.length === 0) return <p className="field-hint">The board has no ideas yet: add some first.</p>;
  const stop = Math.min(current, ideas.length - 1);
  const onKeyDown = (e: React.KeyboardEvent<HTMLUListElement>) => {
    const boxes = [...e.currentTarget.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
    const at = e.target instanceof HTMLInputElement ? boxes.indexOf(e.target) : -1;
    const next = at < 0 ? undefined : listKeyTarget(e.key, boxes, at);
    if (!next) return;
    e.preventDefault();
    next.focus();
  };
  return (
    <ul className="rounds-pick-list" onKeyDown={onKeyDown}>
      {ideas.map((idea, index) => (
        <li key={idea.id}>
          <label>
            <input
              type="checkbox"
              checked={picked.has(idea.id)}
              tabIndex={index === stop ? 0 : -1}
              onFocus={() => {
                setCurrent(index);
              }}
              onChange={() => {
                onToggle(idea.id);
              }}
            />
            <span className="rounds-pick-title" title={idea.title}>
              {idea.title}
            </span>
            {inOpenRound.has(idea.id) && <span className="rounds-pick-busy">in an open round</span>}
          </label>
        </li>
      ))}
    </ul>
  );
});

/** Whether the moment `at` (ms since 1970) has come: read when Start round is pressed, never while drawing. */
function isPast(at: number): boolean {
  return at <= Date.now();
}
