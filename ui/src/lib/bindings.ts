// Generated from Rust by src-tauri/src/bindings.rs. Do not edit: run
// `UPDATE_BINDINGS=1 cargo test -p pickboard bindings` after changing a command or a type.
import type { Channel } from "@tauri-apps/api/core";

export type { Channel };

export type ErrorKind = "invalid" | "notFound" | "databaseTooNew" | "databaseCorrupt" | "databaseUnavailable" | "alreadyOpen" | "diskFull" | "readOnly" | "storage" | "preferences" | "file" | "cancelled" | "noCredentialStore" | "mattermost";

export type ErrorPayload = { kind: ErrorKind, message: string, 
/**
 * The file the error is about, when there is one (the database that cannot be opened).
 */
path: string | null, 
/**
 * Which refusal of Mattermost's it is, for a `mattermost` error (the UI reacts to a deleted post once, not at
 * every call that meets it).
 */
problem: Problem | null, };

export type Score = number;

export type Position = { 
/**
 * Payoff (return on investment): 0 = none, 10 = very high. The vertical axis.
 */
payoff: Score, 
/**
 * Cost and risk: 0 = easy, 10 = very hard. The horizontal axis.
 */
cost: Score, };

export type Thresholds = { 
/**
 * Payoff at or above this is high.
 */
payoff: Score, 
/**
 * Cost/risk at or above this is hard.
 */
cost: Score, };

export type Quadrant = "implement" | "challenge" | "possible" | "kill";

export type Zone = "unsorted" | "implement" | "challenge" | "possible" | "kill";

export type Idea = { id: number, boardId: number, title: string, notes: string, 
/**
 * `None` while the idea waits in the Unsorted tray.
 */
position: Position | null, 
/**
 * Where the idea is shown; follows from `position` and the board's thresholds (the database's copy, kept for its
 * index, is never read as the idea's).
 */
zone: Zone, 
/**
 * Orders ideas within a zone; only the order matters, not the values.
 */
rank: number, 
/**
 * Who drives it; free text (a Mattermost username works best).
 */
owner: string, 
/**
 * An http or https address, or empty.
 */
link: string, tags: Array<string>, createdAt: number, updatedAt: number, };

export type IdeaEdit = { title: string, notes: string, owner: string, link: string, tags: Array<string>, };

export type Board = { id: number, name: string, thresholds: Thresholds, ideas: Array<Idea>, createdAt: number, updatedAt: number, canUndo: boolean, canRedo: boolean, };

export type BoardSummary = { id: number, name: string, ideaCount: number, updatedAt: number, };

export type DeletedBoard = { id: number, name: string, ideaCount: number, deletedAt: number, };

export type Theme = "system" | "light" | "dark";

export type Preferences = { theme: Theme, 
/**
 * The board shown when the app starts.
 */
lastBoardId: number | null, 
/**
 * The boards last shown as the chart, which open on it again; the others open on the quadrants.
 */
chartBoards: Array<number>, };

export type ZoomChange = "in" | "out" | "reset";

export type OpenStatus = { dataDir: string, databasePath: string, };

export type Boot = { status: OpenStatus, preferences: Preferences, boards: Array<BoardSummary>, 
/**
 * The board shown first: the one open last, else the first in the list; `None` without boards.
 */
board: Board | null, 
/**
 * When this was read (ms since 1970): a page loaded again later reads everything afresh.
 */
readAt: number, };

export type EventKind = "added" | "edited" | "moved" | "deleted" | "restored" | "thresholds" | "imported" | "renamed";

export type EventSummary = { 
/**
 * The idea's title (after the change, or before a delete).
 */
title: string | null, from: Zone | null, to: Zone | null, 
/**
 * Which details changed: "title", "notes", "owner", "link", "tags", "scores".
 */
fields: Array<string>, thresholdsBefore: Thresholds | null, thresholdsAfter: Thresholds | null, 
/**
 * How many ideas an import brought (its `title` is the file's name).
 */
count: number | null, 
/**
 * The board's name before a rename.
 */
nameBefore: string | null, 
/**
 * The ideas a team round placed at its medians, in one edit.
 */
round?: RoundSettled, };

export type Event = { id: number, boardId: number, ideaId: number | null, kind: EventKind, summary: EventSummary, at: number, };

export type UndoOutcome = { board: Board, event: Event | null, };

export type HistoryState = { canUndo: boolean, canRedo: boolean, 
/**
 * The event an undo would take back now.
 */
lastEvent: number | null, };

export type Edited<T> = { value: T, history: HistoryState, 
/**
 * The whole board, when the edit changed its other ideas too: a move between neighbours whose ranks left no room
 * renumbers the board, and the window would keep the other ideas in their old places.
 */
board?: Board, };

export type AddedIdeas = { board: Board, ids: Array<number>, };

export type PostOptions = { quadrants: Array<Quadrant>, includeScores: boolean, includeOwners: boolean, includeLinks: boolean, includeChanges: boolean, 
/**
 * A note from the facilitator, shown under the heading.
 */
note: string, 
/**
 * Mention each idea's owner (`@owner`) on purpose; nothing else ever pings.
 */
notifyOwners: boolean, };

export type ChannelSettings = { webhookMasked: string, 
/**
 * Plain http sends the message (and the secret address) unencrypted.
 */
plainHttp: boolean, channel: string, username: string, iconUrl: string, };

export type ChannelSettingsInput = { webhookUrl: string, channel: string, username: string, iconUrl: string, };

export type PostStatus = "pending" | "posted" | "failed" | "discarded";

export type Post = { id: number, boardId: number, status: PostStatus, message: string, parts: number, partsSent: number, error: Failure | null, createdAt: number, postedAt: number | null, 
/**
 * Posted as the account: the link to the post in Mattermost (`<server>/<team>/pl/<id>`), once it is there.
 */
permalink: string | null, 
/**
 * Whether it updates an earlier outcome in place instead of adding a new post.
 */
updatesEarlier: boolean, 
/**
 * The Mattermost channel it goes to as the account; `None` through the webhook. The board's "last post" is
 * the last one to where it posts now: after a change of channel, the dialog offered "Post again" to a channel
 * never posted to, and said nothing had changed since a post made elsewhere.
 */
channelId: string | null, 
/**
 * An earlier post that this one, on its way, waits behind because that one is held up: posts go out in the order
 * they were made. The Post dialog said "Posting…" for as long as the earlier post was held, with no word of it.
 */
heldBehind: HeldBehind | null, };

export type HeldBehind = { postId: number, 
/**
 * Why it has not gone out yet.
 */
error: Failure, };

export type Problem = "wrongWebhook" | "notMattermost" | "webhooksDisabled" | "channelNotFound" | "channelLocked" | "noPermission" | "tooLarge" | "rateLimited" | "serverError" | "refused" | "timeout" | "serverNotFound" | "tls" | "offline" | "noAnswer" | "notSignedIn" | "notMattermostServer" | "notAllowed" | "channelGone" | "postGone" | "notConnected" | "otherServer" | "otherAccount" | "credentialStoreUnavailable";

export type Failure = { problem: Problem, 
/**
 * What happened and what to do, for the user.
 */
message: string, 
/**
 * Mattermost's request id, for the server's admin to find in the logs.
 */
requestId: string | null, 
/**
 * The server's own message, with the webhook id (or the token) removed.
 */
detail: string | null, 
/**
 * Mattermost's error id (`api.post.create_post.…`), for a support question.
 */
errorId: string | null, 
/**
 * Whether the post is retried in the background (network trouble, rate limits, server errors), or waits for the
 * user to fix the settings and press Retry.
 */
retry: boolean, 
/**
 * How long the server asked us to wait (`Retry-After`), in milliseconds.
 */
retryAfterMs: number | null, };

export type StartupMark = { step: string, atMs: number, };

export type Keeping = "credentialStore" | "session";

export type Account = { server: string, userId: string, username: string, 
/**
 * "First Last" or the nickname, when the user set one.
 */
displayName: string, keeping: Keeping, 
/**
 * `None` when the token is not at hand: kept for an earlier session only, or missing from the credential store.
 */
tokenMasked: string | null, 
/**
 * A team round's ballot of this account waits on this computer to go out (it goes once connected).
 */
ballotsWaiting: boolean, };

export type AccountChannel = { teamId: string, 
/**
 * The team's URL name.
 */
teamName: string, 
/**
 * The team's display name ("Infrastructure"); empty for a channel chosen before Pickboard kept it.
 */
teamDisplay: string, channelId: string, channelName: string, channelDisplay: string, };

export type ChannelChoice = { 
/**
 * `team/channel`, what `set_account_channel` takes.
 */
path: string, displayName: string, private: boolean, };

export type TeamChannels = { teamName: string, teamDisplay: string, channels: Array<ChannelChoice>, };

export type ExportFormat = "json" | "csv" | "markdown" | "png" | "svg";

export type CsvSource = "jira" | "pickboard" | "spreadsheet";

export type ColumnMapping = { title: number | null, notes: number | null, 
/**
 * Payoff and cost/risk on the 0–10 scale; an idea with both goes where they put it, with neither to Unsorted.
 */
payoff: number | null, cost: number | null, owner: number | null, link: number | null, 
/**
 * Tag columns: a Jira export has one `Labels` column per label; a cell may also hold several, split by , or ;.
 */
tags: Array<number>, 
/**
 * An issue key (Jira's `Issue key`): it becomes the link when `link_prefix` is set, a line in the notes if not.
 */
key: number | null, 
/**
 * For example `https://jira.example.com/browse/`; the link is this followed by the key.
 */
linkPrefix: string, 
/**
 * A row whose scores cannot be read ("high", 15, one of the two) goes to Unsorted without them, instead of being
 * a row with a problem.
 */
unreadableScoresToUnsorted: boolean, };

export type ImportTarget = { "kind": "newBoard", name: string, } | { "kind": "board", id: number, } | { "kind": "boardNamed", name: string, };

export type RowProblem = { row: number, 
/**
 * The column's header, when the problem is in one cell.
 */
column: string | null, message: string, 
/**
 * The problem is the row's scores: it can go to Unsorted without them (`unreadable_scores_to_unsorted`).
 */
scores: boolean, };

export type PreviewIdea = { row: number, title: string, position: Position | null, owner: string, tags: Array<string>, };

export type CsvPreview = { source: CsvSource, 
/**
 * `,`, `;` or a tab.
 */
delimiter: string, headers: Array<string>, mapping: ColumnMapping, 
/**
 * The first rows' cells, shortened for display.
 */
sample: Array<Array<string>>, ideas: Array<PreviewIdea>, rows: number, 
/**
 * Rows that will become ideas: placed on the chart, and waiting in Unsorted.
 */
placed: number, unsorted: number, 
/**
 * The first problems (at most [`MAX_SHOWN_PROBLEMS`]), and how many there are in all.
 */
problems: Array<RowProblem>, problemCount: number, 
/**
 * Scores written with more decimals than the one a score keeps, said in a sentence with the first of them
 * ("2 scores have more decimals…: row 3's 7.25 becomes 7.3."); `None` when every score fits.
 */
rounding: string | null, };

export type ImportOutcome = { boardId: number, imported: number, 
/**
 * The rows left out because the user chose to skip bad rows.
 */
skipped: Array<RowProblem>, };

export type BoardFileSummary = { name: string, ideas: number, events: number, 
/**
 * Scores in the file with more decimals than a score keeps, in a sentence; `None` when every score fits.
 */
rounding: string | null, };

export type ImportStart = { fileName: string, 
/**
 * The name a new board gets, free among the boards (the dialog offered "big" and made "big (2)" without a word).
 */
boardName: string, boardFile: BoardFileSummary | null, csv: CsvPreview | null, };

export type BackupInfo = { fileName: string, 
/**
 * When it was made (Unix time, milliseconds).
 */
createdAt: number, bytes: number, boards: number | null, ideas: number | null, 
/**
 * Made automatically before a restore.
 */
beforeRestore: boolean, 
/**
 * Why it cannot be restored, when it cannot.
 */
problem: string | null, };

export type Restored = { 
/**
 * The backup of the state before the restore (its file name).
 */
safety: string, 
/**
 * The boards made since the backup that were kept for their posts or team rounds, by name.
 */
kept: Array<string>, };

export type SettledIdea = { ideaId: number, title: string, payoff: Score, cost: Score, votes: number, 
/**
 * For the idea's timeline: "settled by team round: median 7.5 / 3, 6 votes".
 */
line: string, };

export type RoundSettled = { roundId: string, ideas: Array<SettledIdea>, 
/**
 * Who voted in the round (display names), for the board's activity.
 */
voters: Array<string>, };

export type Estimate = { "kind": "placed", payoff: Score, cost: Score, } | { "kind": "noOpinion" };

export type Estimates = { [key in string]?: Estimate };

export type RoundIdea = { 
/**
 * The idea's key in ballots: its id on the facilitator's board.
 */
key: string, title: string, notes: string, link: string, };

export type RoundState = "open" | "revealed" | "closed";

export type Draft = { rootPostId: string, roundId: string, board: string, estimates: { [key in string]: Estimate }, 
/**
 * The ballot's post, once it was sent.
 */
sentPostId: string | null, 
/**
 * The estimates of the ballot sent last, to tell whether the draft changed since.
 */
sentEstimates: { [key in string]: Estimate } | null, 
/**
 * Sending failed because Mattermost could not be reached: Pickboard sends these estimates by itself.
 */
waiting: boolean, 
/**
 * Why a waiting ballot was given up (Mattermost refused it), for the round's view.
 */
sendError: string | null, updatedAt: number, };

export type RoundView = { roundId: string, rootPostId: string, 
/**
 * The round's link, when this Pickboard started it (it knows the team).
 */
permalink: string | null, board: string, ideas: Array<RoundIdea>, thresholds: Thresholds, deadline: number | null, note: string, 
/**
 * The facilitator's user id (who posted the round).
 */
facilitator: string, 
/**
 * This Pickboard started the round and holds its key: it can reveal it.
 */
amFacilitator: boolean, 
/**
 * The facilitator's board the round was started on (this Pickboard's), for the facilitator.
 */
boardId: number | null, 
/**
 * When this Pickboard started the round (milliseconds since 1970), for the facilitator: it tells apart two
 * rounds of one board.
 */
startedAt: number | null, 
/**
 * For a voter, "open" until the round is closed (the reveal is the facilitator's).
 */
state: RoundState, 
/**
 * This voter's ballot, as saved here.
 */
draft: Draft | null, };

export type Voter = { userId: string, 
/**
 * "First Last", else the username.
 */
name: string, 
/**
 * When their counted ballot was sent; `None` for those who have not voted.
 */
at: number | null, 
/**
 * Their ballot's post was edited in Mattermost after it was sent.
 */
edited: boolean, };

export type Issue = "notInChannel" | "afterReveal" | "unreadable" | "notItsOwn" | "copied" | "repeated" | "cannotOpen" | "commitmentMismatch" | "notABallot";

export type NotCounted = { postId: string, userId: string, 
/**
 * Who posted it, as Mattermost names them ("First Last", else the username); its user id until named.
 */
name: string, issue: Issue, 
/**
 * What happened, in words.
 */
message: string, };

export type RoundStatus = { roundId: string, state: RoundState, voted: Array<Voter>, notVoted: Array<Voter>, notCounted: Array<NotCounted>, 
/**
 * "1 of 2 voted".
 */
summary: string, 
/**
 * The thread's newest change, to poll with.
 */
updatedAt: number, };

export type Submitted = { 
/**
 * The ballot's post; `None` while it waits.
 */
postId: string | null, 
/**
 * Why it waits (Mattermost cannot be reached now): Pickboard sends it by itself.
 */
waiting: string | null, 
/**
 * The ideas placed (not "no opinion").
 */
count: number, };

export type AxisStats = { median: number, q1: number, q3: number, 
/**
 * `q3 - q1`.
 */
iqr: number, min: number, max: number, 
/**
 * Estimates fall on both sides of the board's threshold on this axis.
 */
split: boolean, 
/**
 * Who estimated lowest and highest (display names; several on a tie).
 */
lowest: Array<string>, highest: Array<string>, };

export type Dot = { voter: string, payoff: Score, cost: Score, };

export type IdeaStats = { key: string, title: string, 
/**
 * Votes that placed the idea ("no opinion" is not a vote).
 */
votes: number, noOpinion: number, 
/**
 * `None` without votes.
 */
payoff: AxisStats | null, cost: AxisStats | null, 
/**
 * The team disagrees about the quadrant: split on either axis.
 */
split: boolean, 
/**
 * Where the medians place it, rounded to one decimal (half up); `None` without votes.
 */
medianPosition: [Score, Score] | null, dots: Array<Dot>, };

export type Reveal = { roundId: string, ideas: Array<IdeaStats>, counted: number, notCounted: Array<NotCounted>, 
/**
 * Mattermost could not be reached: this is what was kept here at the reveal, without the ballots sent since.
 */
offline: boolean, };

export type Skipped = { key: string, title: string, reason: string, };

export type SettleOutcome = { 
/**
 * Every idea with votes on the board, at its medians now.
 */
settled: Array<SettledIdea>, 
/**
 * How many of them it moved: the others sat at their medians already.
 */
moved: number, skipped: Array<Skipped>, 
/**
 * The event to undo, `None` when every idea already sat at its medians.
 */
eventId: number | null, history: HistoryState, };

export type Mismatch = { postId: string, voter: string, 
/**
 * The voter as Mattermost names them ("First Last", else the username); their user id until named.
 */
name: string, reason: string, };

export type Verification = { roundId: string, 
/**
 * The published ballots checked.
 */
checked: number, mismatches: Array<Mismatch>, 
/**
 * "All 6 ballots match what was sealed." or what does not.
 */
summary: string, };

export type ImportProgress = { done: number, total: number, };

export type FileDrag = { over: boolean, };

export type FileDropped = { fileName: string, };

export type MenuCommand = "new-board" | "import" | "export-json" | "export-csv" | "export-markdown" | "export-png" | "export-svg" | "back-up" | "restore" | "deleted-boards" | "undo" | "redo" | "view-quadrants" | "view-chart" | "theme-system" | "theme-light" | "theme-dark" | "search" | "shortcuts" | "post-to-channel" | "team-rounds" | "mattermost-account" | "quit";

export type DatabaseChanged = Record<symbol, never>;

export type OutboxChanged = Record<symbol, never>;

export type BackupFailed = { 
/**
 * Why, in words, and what it means for the person's boards.
 */
message: string, };

/** Every command of the backend: the arguments `invoke` sends and the result it answers with. */
export interface Commands {
  get_account: { args: Record<string, never>; result: Account | null };
  connect_account: { args: { server: string; token: string; keeping: Keeping }; result: Account };
  disconnect_account: { args: Record<string, never>; result: null };
  list_account_channels: { args: Record<string, never>; result: TeamChannels[] };
  get_account_channel: { args: { boardId: number }; result: AccountChannel | null };
  set_account_channel: { args: { boardId: number; channel: string }; result: AccountChannel };
  clear_account_channel: { args: { boardId: number }; result: null };
  first_frame_shown: { args: Record<string, never>; result: null };
  listen_to_backend: { args: { events: Channel<EventMessage> }; result: null };
  startup_timeline: { args: Record<string, never>; result: StartupMark[] };
  open_status: { args: Record<string, never>; result: OpenStatus };
  get_preferences: { args: Record<string, never>; result: Preferences };
  zoom: { args: { change: ZoomChange }; result: null };
  set_preferences: { args: { preferences: Preferences }; result: null };
  open_link: { args: { url: string }; result: null };
  quit_app: { args: Record<string, never>; result: null };
  keep_open: { args: Record<string, never>; result: null };
  list_boards: { args: Record<string, never>; result: BoardSummary[] };
  create_board: { args: { name: string }; result: BoardSummary };
  create_sample_board: { args: Record<string, never>; result: BoardSummary };
  rename_board: { args: { id: number; name: string }; result: Edited<BoardSummary> };
  duplicate_board: { args: { id: number }; result: BoardSummary };
  discard_copy: { args: { id: number }; result: null };
  delete_board: { args: { id: number }; result: null };
  restore_board: { args: { id: number }; result: BoardSummary };
  list_deleted_boards: { args: Record<string, never>; result: DeletedBoard[] };
  delete_boards_for_good: { args: { ids: number[] }; result: null };
  get_board: { args: { id: number }; result: Board };
  set_thresholds: { args: { boardId: number; thresholds: Thresholds }; result: Board };
  undo: { args: { boardId: number; expectedEvent: number | null }; result: UndoOutcome };
  redo: { args: { boardId: number }; result: UndoOutcome };
  list_events: { args: { boardId: number; ideaId: number | null }; result: Event[] };
  export_board: { args: { boardId: number; format: ExportFormat; date: string }; result: string | null };
  choose_import_file: { args: Record<string, never>; result: ImportStart | null };
  open_dropped_file: { args: Record<string, never>; result: ImportStart | null };
  preview_import: { args: { mapping: ColumnMapping }; result: CsvPreview };
  import_already_on_board: { args: { boardId: number; mapping: ColumnMapping }; result: number };
  run_import: { args: { mapping: ColumnMapping; target: ImportTarget; skipBadRows: boolean }; result: ImportOutcome };
  cancel_import: { args: Record<string, never>; result: null };
  close_import: { args: Record<string, never>; result: null };
  back_up_now: { args: { date: string }; result: string | null };
  list_backups: { args: Record<string, never>; result: BackupInfo[] };
  recover_database: { args: { fileName: string | null }; result: string };
  restore_backup: { args: { fileName: string }; result: Restored };
  choose_backup_file: { args: Record<string, never>; result: BackupInfo | null };
  restore_chosen_backup: { args: Record<string, never>; result: Restored };
  add_idea: { args: { boardId: number; title: string; zone: Zone }; result: Edited<Idea> };
  add_ideas: { args: { boardId: number; titles: string[]; zone: Zone }; result: Edited<AddedIdeas> };
  update_idea: { args: { id: number; edit: IdeaEdit }; result: Edited<Idea> };
  move_idea: { args: { id: number; zone: Zone; index: number }; result: Edited<Idea> };
  set_scores: { args: { id: number; payoff: Score; cost: Score }; result: Edited<Idea> };
  delete_idea: { args: { id: number }; result: Edited<Idea> };
  get_channel_settings: { args: { boardId: number }; result: ChannelSettings | null };
  save_channel_settings: { args: { boardId: number; settings: ChannelSettingsInput }; result: ChannelSettings };
  preview_post: { args: { boardId: number; options: PostOptions; date: string; updateLast: boolean }; result: string };
  post_to_channel: { args: { boardId: number; options: PostOptions; date: string; updateLast: boolean }; result: Post };
  list_posts: { args: { boardId: number }; result: Post[] };
  waiting_posts: { args: { boardId: number }; result: Post[] };
  waiting_post_count: { args: Record<string, never>; result: number };
  updatable_post: { args: { boardId: number }; result: number | null };
  retry_post: { args: { postId: number }; result: Post };
  discard_post: { args: { postId: number }; result: Post };
  send_test_message: { args: { boardId: number }; result: null };
  start_round: { args: { boardId: number; ideaIds: number[]; deadline: number | null; note: string }; result: RoundView };
  find_round: { args: { link: string }; result: RoundView };
  list_open_rounds: { args: { boardId: number }; result: RoundView[] };
  list_closed_rounds: { args: { boardId: number }; result: RoundView[] };
  refresh_joined_rounds: { args: Record<string, never>; result: number };
  forget_round: { args: { rootPostId: string }; result: null };
  count_open_rounds: { args: { boardId: number }; result: number };
  save_draft_ballot: { args: { rootPostId: string; estimates: Estimates }; result: Draft };
  submit_ballot: { args: { rootPostId: string; estimates: Estimates }; result: Submitted };
  round_status: { args: { rootPostId: string }; result: RoundStatus };
  reveal_round: { args: { rootPostId: string }; result: Reveal };
  settle_at_medians: { args: { rootPostId: string }; result: SettleOutcome };
  close_round: { args: { rootPostId: string }; result: string };
  verify_round: { args: { link: string }; result: Verification };
}

/** Every event the backend sends to the window, with its payload. */
export interface Events {
  "import-progress": ImportProgress;
  "file-drag": FileDrag;
  "file-dropped": FileDropped;
  "menu-command": MenuCommand;
  "database-changed": DatabaseChanged;
  "outbox-changed": OutboxChanged;
  "backup-failed": BackupFailed;
}

/** An event as it travels to the page: its name and its payload. */
export type EventMessage = { [E in keyof Events]: { event: E; payload: Events[E] } }[keyof Events];
