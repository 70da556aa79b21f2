// Generated from Rust by src-tauri/src/bindings.rs. Do not edit: run
// `UPDATE_BINDINGS=1 cargo test -p pickboard bindings` after changing a command or a type.
import type { Channel, ChannelSettingsInput, ColumnMapping, Estimates, EventMessage, ExportFormat, IdeaEdit, ImportTarget, Keeping, PostOptions, Preferences, Score, Thresholds, Zone, ZoomChange } from "./bindings";
import { call } from "./ipc";

/** The backend's commands, one function each. Every failure is an `AppError` (see `ipc.ts`). */
export const backend = {
  /** Who Pickboard is connected as, if anyone; the token masked, or `None` when it is not at hand. */
  getAccount: () => call("get_account", {}),
  /** Checks the address and token with Mattermost (`GET /users/me`), keeps the token as asked, and remembers who it is. */
  connectAccount: (server: string, token: string, keeping: Keeping) => call("connect_account", { server, token, keeping }),
  /** Forgets the account: its token leaves the credential store and memory. Boards keep their channels. */
  disconnectAccount: () => call("disconnect_account", {}),
  /** The account's teams and their public and private channels, by team and then by name. */
  listAccountChannels: () => call("list_account_channels", {}),
  /** The channel the board posts to as the account, if it does. */
  getAccountChannel: (boardId: number) => call("get_account_channel", { boardId }),
  /** The board posts as the account to `channel` (`team/channel`, or the channel's address), checked with Mattermost. */
  setAccountChannel: (boardId: number, channel: string) => call("set_account_channel", { boardId, channel }),
  /** The board posts through its incoming webhook again. */
  clearAccountChannel: (boardId: number) => call("clear_account_channel", { boardId }),
  /** The page has drawn its first frame (the board, or the welcome screen): the work that waited for it starts. */
  firstFrameShown: () => call("first_frame_shown", {}),
  /** Sends the backend's events to this page through `events`, until the page closes or is loaded again. */
  listenToBackend: (events: Channel<EventMessage>) => call("listen_to_backend", { events }),
  /** The steps of this start-up so far, for `scripts/bench.sh`. */
  startupTimeline: () => call("startup_timeline", {}),
  openStatus: () => call("open_status", {}),
  getPreferences: () => call("get_preferences", {}),
  /** Zooms the window by `change`, as View's Zoom items do, for the keys their menu cannot take: Ctrl++ where + is a key of its own or needs Shift, and the keypad's + − 0. */
  zoom: (change: ZoomChange) => call("zoom", { change }),
  /** Runs on the main thread, unlike the other commands: there the calls run one at a time in the order the page sent them, so that the last theme clicked is the one saved and shown. (On the async runtime a quick run of clicks could finish out of order and leave the window in an earlier theme.) Saving is a write of a few bytes. */
  setPreferences: (preferences: Preferences) => call("set_preferences", { preferences }),
  /** Opens an idea's link (http or https only) in the system browser; the webview itself never navigates away. */
  openLink: (url: string) => call("open_link", { url }),
  /** Closes Pickboard, once the page has saved what was being typed (or from a window that found its data folder already open in another). The day's work is backed up first. */
  quitApp: () => call("quit_app", {}),
  /** Keeps Pickboard open after a quit was asked for: changes are still waiting to be saved, and the page asks the person whether to quit without them (see `quit.rs`). */
  keepOpen: () => call("keep_open", {}),
  listBoards: () => call("list_boards", {}),
  createBoard: (name: string) => call("create_board", { name }),
  createSampleBoard: () => call("create_sample_board", {}),
  renameBoard: (id: number, name: string) => call("rename_board", { id, name }),
  duplicateBoard: (id: number) => call("duplicate_board", { id }),
  /** The Undo of a duplicate: the copy goes for good, unless it was changed since. */
  discardCopy: (id: number) => call("discard_copy", { id }),
  /** Deletes a board; [`restore_board`] brings it back for 30 days. */
  deleteBoard: (id: number) => call("delete_board", { id }),
  /** The Undo of a board's delete, and Deleted boards' Restore. */
  restoreBoard: (id: number) => call("restore_board", { id }),
  /** The boards deleted in the last 30 days, the latest deleted first. */
  listDeletedBoards: () => call("list_deleted_boards", {}),
  /** Deletes deleted boards for good, before their 30 days are up: one, or all that Deleted boards lists. */
  deleteBoardsForGood: (ids: number[]) => call("delete_boards_for_good", { ids }),
  getBoard: (id: number) => call("get_board", { id }),
  setThresholds: (boardId: number, thresholds: Thresholds) => call("set_thresholds", { boardId, thresholds }),
  /** Undoes the board's latest edit. With `expectedEvent` (a toast's Undo, which names the edit it offers to take back), only when that edit is still the latest. */
  undo: (boardId: number, expectedEvent: number | null) => call("undo", { boardId, expectedEvent }),
  redo: (boardId: number) => call("redo", { boardId }),
  listEvents: (boardId: number, ideaId: number | null) => call("list_events", { boardId, ideaId }),
  /** Asks where to save the board in `format` and saves it there. Returns the file's path, or `None` when the user cancelled. `date` (the user's local YYYY-MM-DD) heads the Markdown and the pictures. */
  exportBoard: (boardId: number, format: ExportFormat, date: string) => call("export_board", { boardId, format, date }),
  /** Asks for a file to import and reads it. `None` when the user cancelled. */
  chooseImportFile: () => call("choose_import_file", {}),
  /** Reads the file last dropped onto the window. `None` when nothing was dropped. */
  openDroppedFile: () => call("open_dropped_file", {}),
  previewImport: (mapping: ColumnMapping) => call("preview_import", { mapping }),
  /** How many of the open CSV file's ideas have the title of one on board `board_id` already. */
  importAlreadyOnBoard: (boardId: number, mapping: ColumnMapping) => call("import_already_on_board", { boardId, mapping }),
  /** Imports the open file, reporting its progress as an event; all of it, or nothing. */
  runImport: (mapping: ColumnMapping, target: ImportTarget, skipBadRows: boolean) => call("run_import", { mapping, target, skipBadRows }),
  /** Stops a running import; it rolls back, and `run_import` fails with `cancelled`. */
  cancelImport: () => call("cancel_import", {}),
  /** Forgets the open file (the dialog was closed). */
  closeImport: () => call("close_import", {}),
  /** Asks where to save a backup and makes it. Returns the file's path, or `None` when the user cancelled. */
  backUpNow: (date: string) => call("back_up_now", { date }),
  listBackups: () => call("list_backups", {}),
  /** Puts the damaged database aside and the backup named `file_name` in its place (with none, leaves the place to a new, empty database), then starts Pickboard again on it. Returns where the damaged file is kept. */
  recoverDatabase: (fileName: string | null) => call("recover_database", { fileName }),
  /** Backs up the current state, then restores the backup named `file_name`: what it did. */
  restoreBackup: (fileName: string) => call("restore_backup", { fileName }),
  /** Asks for a backup file anywhere (one made with "Back up now…") and reads what it holds, for the restore's confirmation. `None` when the user cancelled. */
  chooseBackupFile: () => call("choose_backup_file", {}),
  /** Backs up the current state, then restores the backup file chosen with `choose_backup_file`: what it did. */
  restoreChosenBackup: () => call("restore_chosen_backup", {}),
  addIdea: (boardId: number, title: string, zone: Zone) => call("add_idea", { boardId, title, zone }),
  /** Adds several ideas at once (the lines of a pasted list), as one edit. */
  addIdeas: (boardId: number, titles: string[], zone: Zone) => call("add_ideas", { boardId, titles, zone }),
  updateIdea: (id: number, edit: IdeaEdit) => call("update_idea", { id, edit }),
  moveIdea: (id: number, zone: Zone, index: number) => call("move_idea", { id, zone, index }),
  setScores: (id: number, payoff: Score, cost: Score) => call("set_scores", { id, payoff, cost }),
  deleteIdea: (id: number) => call("delete_idea", { id }),
  getChannelSettings: (boardId: number) => call("get_channel_settings", { boardId }),
  saveChannelSettings: (boardId: number, settings: ChannelSettingsInput) => call("save_channel_settings", { boardId, settings }),
  /** The message as Mattermost will get it; `date` is the user's local date, already formatted. `update_last`: as an update of the board's last outcome post, whose changes are those since the post before it. */
  previewPost: (boardId: number, options: PostOptions, date: string, updateLast: boolean) => call("preview_post", { boardId, options, date, updateLast }),
  /** Stores the post in the outbox and wakes the sender; the UI follows it in the Posts list. Posting as the account, `update_last` updates the board's last outcome post in place instead of adding a new one. */
  postToChannel: (boardId: number, options: PostOptions, date: string, updateLast: boolean) => call("post_to_channel", { boardId, options, date, updateLast }),
  listPosts: (boardId: number) => call("list_posts", { boardId }),
  /** The board's posts that wait in the outbox, oldest first (see `outbox::waiting`). */
  waitingPosts: (boardId: number) => call("waiting_posts", { boardId }),
  /** How many posts of all boards wait in the outbox (see `outbox::waiting_count`). */
  waitingPostCount: () => call("waiting_post_count", {}),
  /** The post that "Update the last post" would update in place, if there is one (see `outbox::updatable`). */
  updatablePost: (boardId: number) => call("updatable_post", { boardId }),
  retryPost: (postId: number) => call("retry_post", { postId }),
  discardPost: (postId: number) => call("discard_post", { postId }),
  /** Sends a short message to the board's channel now, to check the settings (as the account when the board posts as the account); fails with what Mattermost said. */
  sendTestMessage: (boardId: number) => call("send_test_message", { boardId }),
  /** Posts a round of `idea_ids` (empty: the Unsorted tray) in the board's channel; `deadline` in ms since 1970. */
  startRound: (boardId: number, ideaIds: number[], deadline: number | null, note: string) => call("start_round", { boardId, ideaIds, deadline, note }),
  /** The round a pasted link (or post id) points to. */
  findRound: (link: string) => call("find_round", { link }),
  /** The rounds of the board started here that are not closed, and the rounds joined here. */
  listOpenRounds: (boardId: number) => call("list_open_rounds", { boardId }),
  /** The rounds of the board started here and closed (their reveal stays to look at and settle), then those joined here and closed (their result to verify), newest first. */
  listClosedRounds: (boardId: number) => call("list_closed_rounds", { boardId }),
  /** Reads again whether the rounds joined here and last seen open were revealed or closed since; how many were closed. */
  refreshJoinedRounds: () => call("refresh_joined_rounds", {}),
  /** Removes a round from this computer's open rounds (its draft; if started here, the round and its key). */
  forgetRound: (rootPostId: string) => call("forget_round", { rootPostId }),
  /** How many rounds started on the board are not closed (their private keys go with the board); no account needed. */
  countOpenRounds: (boardId: number) => call("count_open_rounds", { boardId }),
  /** Keeps the voter's ballot on this computer, to come back to. */
  saveDraftBallot: (rootPostId: string, estimates: Estimates) => call("save_draft_ballot", { rootPostId, estimates }),
  /** Seals the ballot and posts it in the round's thread (a later ballot replaces an earlier one); when Mattermost cannot be reached now, it waits here and the background worker sends it. */
  submitBallot: (rootPostId: string, estimates: Estimates) => call("submit_ballot", { rootPostId, estimates }),
  /** Who voted and who of the channel has not; never anyone's estimates. */
  roundStatus: (rootPostId: string) => call("round_status", { rootPostId }),
  /** Opens the ballots (the facilitator's Pickboard only) and shows the spread per idea. */
  revealRound: (rootPostId: string) => call("reveal_round", { rootPostId }),
  /** Places every voted idea at its medians: one edit, one undo. */
  settleAtMedians: (rootPostId: string) => call("settle_at_medians", { rootPostId }),
  /** Posts the result and every ballot's estimates and nonce in the thread; returns the result's post id. */
  closeRound: (rootPostId: string) => call("close_round", { rootPostId }),
  /** Checks each published ballot of a closed round against the commitment its voter posted. */
  verifyRound: (link: string) => call("verify_round", { link }),
};

export type Backend = typeof backend;
