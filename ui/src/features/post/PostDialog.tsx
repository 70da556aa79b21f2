// "Post to channel": choose what to include, see the message as Mattermost will show it, post it with one click and
// follow it until the server has taken every part.
import { useQuery } from "@tanstack/react-query";
import { Fragment, useEffect, useId, useMemo, useRef, useState } from "react";

import { LazyMarkdown as Markdown } from "../../components/LazyMarkdown";
import { Modal } from "../../components/Modal";
import { useToast } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import { keys, useAfterChange } from "../../lib/queries";
import type { HeldBehind, Post, PostOptions, Quadrant } from "../../lib/bindings";
import { formatDateTime, formatTime } from "../../lib/dates";
import { titleDate } from "../../lib/titleDate";
import { useScrollableFocus } from "../../lib/useScrollableFocus";
import { formatCount } from "../../lib/numbers";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";
import { isConnected, useAccount, useAccountChannel } from "./AccountForm";
import { DestinationForm, type PostMode } from "./DestinationForm";
import { FormStatus } from "./FormStatus";

import "./post.css";

export const DEFAULT_OPTIONS: PostOptions = {
  quadrants: [...QUADRANTS],
  includeScores: true,
  includeOwners: true,
  includeLinks: true,
  includeChanges: true,
  note: "",
  notifyOwners: false,
};

/** The emoji codes the message uses, as Mattermost shows them. */
/** How many lines of a long outcome the preview shows before "Show the whole message". */
const PREVIEW_LINES = 150;

const EMOJI: Record<string, string> = {
  ":large_green_circle:": "🟢",
  ":large_yellow_circle:": "🟡",
  ":large_blue_circle:": "🔵",
  ":red_circle:": "🔴",
};

/** The longest note, in characters (UTF-16 units, as the field counts them). */
const NOTE_MAX_CHARS = 4000;

/** Whether Notify owners can mention `owner`: the message's rule for a Mattermost username (`mention` in Rust). */
export function isUsername(owner: string): boolean {
  const name = owner.trim().replace(/^@/, "");
  // Never the whole channel's: `all`, `channel` and `here` are no one's username.
  if (["all", "channel", "here"].includes(name)) return false;
  return name.length > 0 && name.length <= 64 && /^[a-z0-9._-]+$/.test(name);
}

export function withEmoji(markdown: string): string {
  return markdown.replace(
    /:(large_green_circle|large_yellow_circle|large_blue_circle|red_circle):/g,
    (code) => EMOJI[code] ?? code,
  );
}

interface PostDialogProps {
  boardId: number;
  /** Opened to connect the account (from Team rounds): the account's form first, whatever the board posts through. */
  connectFirst?: boolean;
  onClose: () => void;
  onPosted: (post: Post) => void;
}

/** Where a sent post stands, from the outbox as last read. */
type Sending =
  | { state: "idle" }
  | { state: "sending"; post: Post }
  | { state: "failed"; post: Post }
  /** On its way, behind an earlier post that is held up: posts go out in the order they were made. */
  | { state: "held"; post: Post; behind: HeldBehind };

export function PostDialog({ boardId, connectFirst = false, onClose, onPosted }: PostDialogProps) {
  const [editing, setEditing] = useState(connectFirst);
  const toast = useToast();
  /** A channel picked or typed in the form and not saved yet. */
  const [pending, setPending] = useState(false);
  /** The way of posting the destination form shows, once it is drawn. */
  const [formMode, setFormMode] = useState<PostMode | null>(null);
  const [options, setOptions] = useState<PostOptions>(DEFAULT_OPTIONS);
  const [previewOptions, setPreviewOptions] = useState<PostOptions>(DEFAULT_OPTIONS);
  const [error, setError] = useState<string | null>(null);
  /** The post this dialog sent, while it follows it. */
  const [sent, setSent] = useState<Post | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // When Retry now last sent the held-up post again: failing the same way, the dialog read exactly as before, as if
  // the click had done nothing.
  const [retriedAt, setRetriedAt] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [updateLast, setUpdateLast] = useState(false);
  const afterChange = useAfterChange();
  // A long preview scrolls: Tab stops at it then, so that the arrows and Page Down read the rest.
  const previewRef = useRef<HTMLDivElement>(null);
  useScrollableFocus(previewRef);

  const channel = useQuery({
    queryKey: keys.channel(boardId),
    queryFn: () => backend.getChannelSettings(boardId),
  });
  const settings = channel.data;
  const accountChannelQuery = useAccountChannel(boardId);
  const accountChannel = accountChannelQuery.data;
  const { data: account } = useAccount();
  const connected = isConnected(account);
  // The team's name as Mattermost shows it, kept with the channel ("infra › Planning" read differently offline). A
  // channel chosen before it was kept asks the account's channels for it (failing that, the team's URL name).
  const teams = useQuery({
    queryKey: keys.accountChannels,
    queryFn: backend.listAccountChannels,
    enabled: !!accountChannel && !accountChannel.teamDisplay && connected,
  });
  const teamDisplay =
    accountChannel?.teamDisplay ||
    teams.data?.find((t) => t.teamName === accountChannel?.teamName)?.teamDisplay ||
    accountChannel?.teamName;
  const content = useQuery({ queryKey: keys.content(boardId), queryFn: () => backend.getBoard(boardId) });
  // When the board last changed, read at each opening: the board above is kept up to date idea by idea, not its time.
  const lastChange = useQuery({
    queryKey: [...keys.board(boardId), "lastChange"],
    queryFn: async () => (await backend.listBoards()).find((b) => b.id === boardId)?.updatedAt ?? null,
    staleTime: 0,
    gcTime: 0,
  });
  // Owners that Notify owners cannot mention: a mention is a Mattermost username, not a person's full name.
  const notUsernames = useMemo(() => {
    const owners = new Set(
      (content.data?.ideas ?? [])
        .filter((i) => i.zone !== "unsorted" && i.owner.trim() !== "")
        .map((i) => i.owner.trim()),
    );
    return [...owners].filter((o) => !isUsername(o)).sort();
  }, [content.data]);

  // The preview follows the options a moment after the last change to them.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setPreviewOptions(options);
    }, 150);
    return () => {
      window.clearTimeout(timer);
    };
  }, [options]);

  // The board's posts: whether there is one to update in place, then the post this dialog sent, followed until it is
  // posted or needs the user.
  const followed = useQuery({
    queryKey: keys.posts(boardId),
    queryFn: () => backend.listPosts(boardId),
    refetchInterval: (q) => {
      if (!sent) return false;
      const post = q.state.data?.find((p) => p.id === sent.id);
      // Held up (it waits to be sent again by itself): read now and then, besides the outbox's own word when it
      // goes out (the dialog said "will be sent again" long after it was).
      if (post?.status === "pending" && (post.error || post.heldBehind)) return 2000;
      return post && post.status !== "pending" ? false : 100;
    },
  });
  const latest = sent ? (followed.data?.find((p) => p.id === sent.id) ?? sent) : null;
  const sending: Sending =
    latest === null
      ? { state: "idle" }
      : latest.status === "failed" || latest.error
        ? { state: "failed", post: latest }
        : latest.heldBehind
          ? { state: "held", post: latest, behind: latest.heldBehind }
          : { state: "sending", post: latest };
  // The post an update was for is gone from the channel: the same outcome can only go as a new post, and the failed
  // update, sent again, failed again however often it was retried.
  const postGone = sending.state === "failed" && sending.post.error?.problem === "postGone";
  const asAccount = !!accountChannel;
  // Posting as the account, its own last outcome in the channel can be updated in place (Mattermost lets only a
  // post's author edit it). Read at each opening: the outbox may have posted one since, in the background.
  // A channel changed in this dialog has its own last post, or none: read for it, and the box starts unticked.
  const channelId = accountChannel?.channelId ?? null;
  const updatable = useQuery({
    queryKey: [...keys.updatablePost(boardId), channelId],
    queryFn: () => backend.updatablePost(boardId),
    enabled: asAccount,
    staleTime: 0,
  });
  const [updateFor, setUpdateFor] = useState(channelId);
  if (updateFor !== channelId) {
    setUpdateFor(channelId);
    setUpdateLast(false);
  }
  const canUpdate = asAccount && updatable.data != null && updatable.data !== sent?.id;
  // A newer outcome to this channel waits in the outbox as a new post: none is updated in place until it is out
  // (an update rewrote the older post with the newest outcome, and the waiting one went out below it).
  const newerWaiting =
    followed.data?.some((p) => p.status === "pending" && !p.updatesEarlier && p.channelId === channelId) ??
    false;
  // As an update in place, the changes are those since the post before the one updated.
  const updating = !postGone && asAccount && canUpdate && updateLast;
  const previewQuery = useQuery({
    queryKey: [...keys.board(boardId), "preview", previewOptions, updating],
    queryFn: () => backend.previewPost(boardId, previewOptions, titleDate(), updating),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
  const preview = previewQuery.data ?? "";
  // A long outcome's preview shows its start until asked for the rest: the whole of a 2,000-idea board's took the
  // window 1.5–2.5 s to draw, and the dialog showed nothing meanwhile (keys typed went to the board).
  const [wholePreview, setWholePreview] = useState(false);
  const previewLines = useMemo(() => preview.split("\n"), [preview]);
  const previewCut = !wholePreview && previewLines.length > PREVIEW_LINES;
  const shownPreview = useMemo(
    () => withEmoji(previewCut ? previewLines.slice(0, PREVIEW_LINES).join("\n") : preview),
    [preview, previewLines, previewCut],
  );
  const loadError = channel.error ?? accountChannelQuery.error ?? previewQuery.error;
  const shownError = error ?? (loadError ? AppError.from(loadError).message : null);
  const loading = settings === undefined || accountChannel === undefined;
  useEffect(() => {
    if (sent && latest?.status === "posted") onPosted(latest);
  }, [latest, sent, onPosted]);

  const toggleQuadrant = (q: Quadrant) => {
    setOptions((o) => ({
      ...o,
      quadrants: o.quadrants.includes(q) ? o.quadrants.filter((x) => x !== q) : [...o.quadrants, q],
    }));
  };
  // A board where no idea has an owner posts no Owner column (and mentions nobody): its two boxes would do nothing.
  const noOwners = content.data !== undefined && !content.data.ideas.some((i) => i.owner.trim() !== "");
  const check = (
    key: "includeScores" | "includeOwners" | "includeLinks" | "includeChanges" | "notifyOwners",
    label: string,
    disabled = false,
  ) => (
    <label className="check">
      <input
        type="checkbox"
        disabled={disabled}
        // What does not apply shows unchecked: dimmed and checked, "Owners (no idea has one)" read as included.
        checked={!disabled && options[key]}
        onChange={(e) => {
          setOptions({ ...options, [key]: e.target.checked });
        }}
      />
      {label}
    </label>
  );

  /**
   * Posts the outcome; while this dialog's post is held up (a rate limit, a server error, a wrong webhook), the same
   * entry of the outbox is sent again instead, so that the channel never gets the outcome twice. A second click while
   * the first is on its way does nothing.
   */
  async function post() {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      if (sending.state === "held") {
        // The earlier post, sent again at once: this one follows it.
        await backend.retryPost(sending.behind.postId);
        await afterChange({ board: boardId, posts: true });
        setRetriedAt(Date.now());
        return;
      }
      const retrying = sending.state === "failed" && !postGone;
      const queued = retrying
        ? await backend.retryPost(sending.post.id)
        : await backend.postToChannel(boardId, options, titleDate(), updating);
      if (postGone) setUpdateLast(false);
      await afterChange({ board: boardId, posts: true });
      setSent(queued);
      setRetriedAt(retrying ? Date.now() : null);
    } catch (raw) {
      setError(AppError.from(raw).message);
    } finally {
      setSubmitting(false);
    }
  }

  const needsChannel = (settings === null && accountChannel === null) || editing;
  // What the missing destination is, for the way of posting the form shows: "Enter the incoming webhook address" stood
  // under "As yourself" chosen, before and after connecting.
  const missing =
    (formMode ?? (asAccount ? "account" : "webhook")) === "webhook"
      ? "Enter the incoming webhook address first."
      : connected
        ? "Choose where to post first."
        : "Connect your account first.";
  const cannotPost = asAccount && account !== undefined && !connected;
  // A board with nothing in its quadrants (a new one, or "Team rounds" made by Join) posted an outcome of 0 ideas.
  const nothingPlaced = content.data !== undefined && !content.data.ideas.some((i) => i.zone !== "unsorted");
  // Why Post is dimmed, beside it: with the channel form open it did nothing, and said nothing. With the webhook
  // chosen, what is missing is its address: "Choose where to post" read as if the choice above had not been made.
  const postHint = loading
    ? null
    : editing || (needsChannel && pending)
      ? "Save the channel first."
      : needsChannel
        ? missing
        : cannotPost
          ? "Connect your account first."
          : nothingPlaced && sending.state === "idle"
            ? "Nothing to post yet: the outcome lists the ideas placed in the four quadrants."
            : null;
  // Nothing on the board changed since its last post: Post again posted the same outcome once more, without a word.
  // Its last post to where it posts now, as the changes the post lists are: after a change of channel, Post again
  // was offered for a channel never posted to, with the time of a post made to the other one.
  const here = accountChannel?.channelId ?? null;
  const lastPosted = (followed.data ?? [])
    .filter((p) => p.status === "posted" && p.channelId === here)
    .reduce<Post | null>((last, p) => (last && (last.postedAt ?? 0) >= (p.postedAt ?? 0) ? last : p), null);
  // A board never posted there has no changes since a post to list: the box, ticked, did nothing.
  const neverPosted = followed.data !== undefined && accountChannel !== undefined && lastPosted === null;
  const changedAt = lastChange.data;
  const unchangedSince =
    lastPosted && changedAt != null && changedAt <= lastPosted.createdAt
      ? (lastPosted.postedAt ?? lastPosted.createdAt)
      : null;
  // Not while another channel is being picked: "Post again" was about the channel being left.
  const repeating = unchangedSince !== null && sending.state === "idle" && !editing;
  const hint =
    postHint ??
    (repeating
      ? `Nothing on this board has changed since its last post, ${formatDateTime(unchangedSince)}.`
      : null);
  const postHintId = useId();
  const channelFormId = useId();
  return (
    <Modal
      title={connectFirst ? "Connect to Mattermost" : "Post to channel"}
      onCancel={onClose}
      // Wide for the message's preview beside the options; choosing where to post is a form of one column, which left
      // the wide dialog's right third empty.
      wide={loading || !needsChannel}
      footer={
        connectFirst ? (
          pending && connected ? (
            // A channel picked and not saved: the way out saves it (Done threw it away without a word), and one that
            // Mattermost refused can still be left behind, said so (Escape alone got out).
            <>
              <button type="button" className="button" onClick={onClose}>
                Close without saving
              </button>
              <button type="submit" form={channelFormId} className="button button-primary">
                Save channel and close
              </button>
            </>
          ) : (
            // The way out once connected; before, Connect is the button to press.
            <button
              type="button"
              className={connected ? "button button-primary" : "button"}
              onClick={onClose}
            >
              Done
            </button>
          )
        ) : (
          <>
            {hint && (
              <p id={postHintId} className="modal-footer-hint">
                {hint}
              </p>
            )}
            <button type="button" className="button" onClick={onClose}>
              {sending.state === "failed" || sending.state === "held" ? "Close" : "Cancel"}
            </button>
            <button
              type="button"
              className="button button-primary"
              aria-describedby={hint ? postHintId : undefined}
              disabled={
                loading ||
                needsChannel ||
                cannotPost ||
                (nothingPlaced && sending.state === "idle") ||
                submitting ||
                sending.state === "sending"
              }
              onClick={() => void post()}
            >
              {sending.state === "sending" || submitting
                ? "Posting…"
                : postGone
                  ? "Post as a new post"
                  : sending.state === "failed" || sending.state === "held"
                    ? "Retry now"
                    : repeating && !(canUpdate && updateLast)
                      ? "Post again"
                      : "Post"}
            </button>
          </>
        )
      }
    >
      {connectFirst && (
        <p className="field-hint connect-intro">
          Team rounds run as you: connect your Mattermost account. That is all a member needs to join a round;
          to start rounds on this board, also choose its channel.
        </p>
      )}
      {loading && !shownError && <p className="field-hint">Loading…</p>}
      {notice && !needsChannel && (
        <p className="field-ok" role="status">
          {notice}
        </p>
      )}
      {!loading && accountChannel && !editing && (
        <p className="post-target">
          {connected ? (
            <>
              Posts as <strong>@{account.username}</strong> to{" "}
              <strong>
                {teamDisplay} › {accountChannel.channelDisplay}
              </strong>
            </>
          ) : (
            <span className="field-error">
              Posts as your Mattermost account to {teamDisplay} › {accountChannel.channelDisplay}, but
              Pickboard is not connected: connect again to post.
            </span>
          )}{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEditing(true);
            }}
          >
            {connected ? "Change" : "Connect"}
          </button>
        </p>
      )}
      {!loading && settings && !accountChannel && !editing && (
        <p className="post-target">
          To <strong>{settings.channel ? `~${settings.channel}` : "the webhook's channel"}</strong> via{" "}
          <code>{settings.webhookMasked}</code>{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEditing(true);
            }}
          >
            Change
          </button>
        </p>
      )}
      {editing && !connectFirst && !loading && (settings || accountChannel) && (
        <p className="post-target">
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEditing(false);
            }}
          >
            Keep the channel it had
          </button>
        </p>
      )}
      {needsChannel && !loading && (
        <DestinationForm
          boardId={boardId}
          webhook={settings}
          accountChannel={accountChannel}
          accountOnly={connectFirst}
          channelFormId={channelFormId}
          onPending={setPending}
          onMode={setFormMode}
          onSaved={(message) => {
            // Connecting for Team rounds ends with the channel chosen: back to the rounds, saying what happened (a
            // test message's outcome closed the dialog unsaid).
            if (connectFirst) {
              if (message) toast({ message });
              onClose();
              return;
            }
            setNotice(message);
            setEditing(false);
            setPending(false);
          }}
        />
      )}
      {!needsChannel && (
        <div className="post-layout">
          <fieldset className="post-options">
            <legend>Include</legend>
            {QUADRANTS.map((q) => (
              <label key={q} className="check">
                <input
                  type="checkbox"
                  checked={options.quadrants.includes(q)}
                  onChange={() => {
                    toggleQuadrant(q);
                  }}
                />
                {ZONE_INFO[q].name}
              </label>
            ))}
            {check("includeScores", "Scores")}
            {check("includeOwners", noOwners ? "Owners (no idea has one)" : "Owners", noOwners)}
            {check("includeLinks", "Links")}
            {check(
              "includeChanges",
              neverPosted ? "Changes since the last post (none posted yet)" : "Changes since the last post",
              neverPosted,
            )}
            {check("notifyOwners", "Notify owners (mentions their usernames)", noOwners)}
            {/* Always there when posting as the account, dimmed while there is no post to update: shown only
                once the post to update was read, it pushed Post down under a click on its way. */}
            {asAccount && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={canUpdate && updateLast}
                  disabled={!canUpdate}
                  onChange={(e) => {
                    setUpdateLast(e.target.checked);
                  }}
                />
                {canUpdate || updatable.isPending
                  ? "Update the last post instead of adding a new one"
                  : newerWaiting
                    ? "Update the last post (a newer one waits in the outbox)"
                    : "Update the last post (none of yours is in this channel)"}
              </label>
            )}
            {/* Mattermost notifies mentions in new posts only: the owners were told nothing of an update. */}
            {options.notifyOwners && updating && (
              <p className="field-hint" role="note">
                An updated post notifies nobody: Mattermost tells people of their mentions in new posts only.
                To notify the owners, add a new post.
              </p>
            )}
            {options.notifyOwners && notUsernames.length > 0 && (
              <p className="field-hint" role="note">
                Owners are mentioned by their Mattermost username (like <code>ana.smith</code>). Not
                mentioned, as they are not usernames:{" "}
                {/* Each name isolated: a Hebrew name beside an Arabic one took the comma between them along. */}
                {notUsernames.map((name, k) => (
                  <Fragment key={name}>
                    {k > 0 && ", "}
                    <bdi>{name}</bdi>
                  </Fragment>
                ))}
                .
              </p>
            )}
            <label className="note-label">
              Note from the facilitator
              <textarea
                rows={3}
                value={options.note}
                maxLength={NOTE_MAX_CHARS}
                onChange={(e) => {
                  setOptions({ ...options, note: e.target.value });
                }}
              />
            </label>
            {/* The field keeps no more: a longer text typed or pasted was cut without a word. */}
            {options.note.length >= NOTE_MAX_CHARS && (
              <p className="field-hint" role="note">
                A note holds at most {formatCount(NOTE_MAX_CHARS)} characters: what went past them was not
                kept.
              </p>
            )}
            {/* The post shows them as written, and notifies nobody: "@cy please review" looked like a mention in
                the preview, and cy was never told. */}
            {/(^|[^\w`])@[\w.-]/.test(options.note) && (
              <p className="field-hint" role="note">
                A name after @ in the note shows as written, without notifying anyone: Pickboard&apos;s posts
                notify nobody but the owners, with Notify owners. Mention people in the thread once it is
                posted.
              </p>
            )}
          </fieldset>
          <div className="post-preview" role="region" aria-label="Message preview" ref={previewRef}>
            <Markdown text={shownPreview} />
            {previewCut && (
              <p className="post-preview-more">
                The preview shows the first {formatCount(PREVIEW_LINES)} of {formatCount(previewLines.length)}{" "}
                lines; the post carries them all.{" "}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setWholePreview(true);
                  }}
                >
                  Show the whole message
                </button>
              </p>
            )}
          </div>
        </div>
      )}
      {/* Brought into view: below a long preview, a failure was written under the buttons, out of sight. */}
      {sending.state === "failed" && (
        <FormStatus
          status={{
            tone: "error",
            text:
              (sending.post.error?.message ?? "") +
              (sending.post.error?.requestId
                ? ` (Mattermost request id ${sending.post.error.requestId})`
                : "") +
              (postGone
                ? ""
                : // Disconnected since (Change › Disconnect), Retry now is dimmed: the post waits for the account.
                  cannotPost
                  ? sending.post.error?.retry
                    ? " It stays in the outbox and goes out by itself once your account is connected again."
                    : " Once your account is connected again and that is fixed, Retry now sends this same post."
                  : sending.post.error?.retry
                    ? " It stays in the outbox and goes out by itself; Retry now sends this same post at once."
                    : " Retry now sends this same post again once that is fixed.") +
              (retriedAt === null ? "" : ` Last tried again at ${formatTime(retriedAt)}.`),
          }}
        />
      )}
      {sending.state === "held" && (
        <FormStatus
          status={{
            tone: "error",
            text:
              `It waits in the outbox behind an earlier post that has not gone out: ${sending.behind.error.message} ` +
              "Posts go out in the order they were made, so this one goes out by itself right after it; Retry now " +
              "sends that one at once." +
              (retriedAt === null ? "" : ` Last tried again at ${formatTime(retriedAt)}.`),
          }}
        />
      )}
      {shownError && <FormStatus status={{ tone: "error", text: shownError }} />}
    </Modal>
  );
}
