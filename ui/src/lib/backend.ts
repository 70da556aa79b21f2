// The one place in the UI that talks to the Rust backend. Every command is typed from the generated bindings, and
// every failure arrives as an `AppError` with a kind the UI can branch on and a message it can show.
import { invoke } from "@tauri-apps/api/core";

import type {
  BackupInfo,
  Board,
  ColumnMapping,
  CsvPreview,
  ExportFormat,
  ImportOutcome,
  ImportStart,
  ImportTarget,
  ChannelSettings,
  ChannelSettingsInput,
  Post,
  PostOptions,
  BoardSummary,
  ErrorKind,
  ErrorPayload,
  Event,
  Idea,
  IdeaEdit,
  OpenStatus,
  Preferences,
  Thresholds,
  UndoOutcome,
  Zone,
} from "./bindings";

export class AppError extends Error {
  /** `unexpected` when the failure did not come from our backend (a bug, or the IPC bridge itself). */
  readonly kind: ErrorKind | "unexpected";
  readonly path: string | null;

  constructor(payload: { kind: ErrorKind | "unexpected"; message: string; path?: string | null }) {
    super(payload.message);
    this.name = "AppError";
    this.kind = payload.kind;
    this.path = payload.path ?? null;
  }

  static from(raw: unknown): AppError {
    if (raw instanceof AppError) return raw;
    if (isPayload(raw)) return new AppError(raw);
    const detail = raw instanceof Error ? raw.message : String(raw);
    return new AppError({ kind: "unexpected", message: `Something went wrong inside Pickboard: ${detail}` });
  }
}

function isPayload(raw: unknown): raw is ErrorPayload {
  if (typeof raw !== "object" || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return typeof r.kind === "string" && typeof r.message === "string";
}

/** Each command's arguments and result, named as in `src-tauri/src/commands.rs`. */
interface Commands {
  open_status: [Record<string, never>, OpenStatus];
  get_preferences: [Record<string, never>, Preferences];
  set_preferences: [{ preferences: Preferences }, null];
  list_boards: [Record<string, never>, BoardSummary[]];
  create_board: [{ name: string }, BoardSummary];
  create_sample_board: [Record<string, never>, BoardSummary];
  rename_board: [{ id: number; name: string }, BoardSummary];
  duplicate_board: [{ id: number }, BoardSummary];
  delete_board: [{ id: number }, null];
  get_board: [{ id: number }, Board];
  add_idea: [{ boardId: number; title: string; zone: Zone }, Idea];
  update_idea: [{ id: number; edit: IdeaEdit }, Idea];
  move_idea: [{ id: number; zone: Zone; index: number }, Idea];
  delete_idea: [{ id: number }, Idea];
  restore_idea: [{ idea: Idea }, Idea];
  set_scores: [{ id: number; payoff: number; cost: number }, Idea];
  set_thresholds: [{ boardId: number; thresholds: Thresholds }, Board];
  undo: [{ boardId: number }, UndoOutcome];
  redo: [{ boardId: number }, UndoOutcome];
  list_events: [{ boardId: number; ideaId: number | null }, Event[]];
  open_link: [{ url: string }, null];
  get_channel_settings: [{ boardId: number }, ChannelSettings | null];
  save_channel_settings: [{ boardId: number; settings: ChannelSettingsInput }, ChannelSettings];
  send_test_message: [{ boardId: number }, null];
  preview_post: [{ boardId: number; options: PostOptions; date: string }, string];
  post_to_channel: [{ boardId: number; options: PostOptions; date: string }, Post];
  list_posts: [{ boardId: number }, Post[]];
  retry_post: [{ postId: number }, Post];
  discard_post: [{ postId: number }, Post];
  export_board: [{ boardId: number; format: ExportFormat; date: string }, string | null];
  choose_import_file: [Record<string, never>, ImportStart | null];
  open_dropped_file: [Record<string, never>, ImportStart | null];
  preview_import: [{ mapping: ColumnMapping }, CsvPreview];
  run_import: [{ mapping: ColumnMapping; target: ImportTarget; skipBadRows: boolean }, ImportOutcome];
  cancel_import: [Record<string, never>, null];
  close_import: [Record<string, never>, null];
  back_up_now: [{ date: string }, string | null];
  list_backups: [Record<string, never>, BackupInfo[]];
  restore_backup: [{ fileName: string }, string];
}

export type Command = keyof Commands;

async function call<C extends Command>(command: C, args: Commands[C][0]): Promise<Commands[C][1]> {
  try {
    return await invoke<Commands[C][1]>(command, args);
  } catch (raw) {
    throw AppError.from(raw);
  }
}

const none = {} as Record<string, never>;

export const backend = {
  openStatus: () => call("open_status", none),
  getPreferences: () => call("get_preferences", none),
  setPreferences: (preferences: Preferences) => call("set_preferences", { preferences }),
  listBoards: () => call("list_boards", none),
  createBoard: (name: string) => call("create_board", { name }),
  createSampleBoard: () => call("create_sample_board", none),
  renameBoard: (id: number, name: string) => call("rename_board", { id, name }),
  duplicateBoard: (id: number) => call("duplicate_board", { id }),
  deleteBoard: (id: number) => call("delete_board", { id }),
  getBoard: (id: number) => call("get_board", { id }),
  addIdea: (boardId: number, title: string, zone: Zone) => call("add_idea", { boardId, title, zone }),
  updateIdea: (id: number, edit: IdeaEdit) => call("update_idea", { id, edit }),
  moveIdea: (id: number, zone: Zone, index: number) => call("move_idea", { id, zone, index }),
  deleteIdea: (id: number) => call("delete_idea", { id }),
  restoreIdea: (idea: Idea) => call("restore_idea", { idea }),
  setScores: (id: number, payoff: number, cost: number) => call("set_scores", { id, payoff, cost }),
  setThresholds: (boardId: number, thresholds: Thresholds) => call("set_thresholds", { boardId, thresholds }),
  undo: (boardId: number) => call("undo", { boardId }),
  redo: (boardId: number) => call("redo", { boardId }),
  listEvents: (boardId: number, ideaId: number | null) => call("list_events", { boardId, ideaId }),
  openLink: (url: string) => call("open_link", { url }),
  getChannelSettings: (boardId: number) => call("get_channel_settings", { boardId }),
  saveChannelSettings: (boardId: number, settings: ChannelSettingsInput) =>
    call("save_channel_settings", { boardId, settings }),
  sendTestMessage: (boardId: number) => call("send_test_message", { boardId }),
  previewPost: (boardId: number, options: PostOptions, date: string) =>
    call("preview_post", { boardId, options, date }),
  postToChannel: (boardId: number, options: PostOptions, date: string) =>
    call("post_to_channel", { boardId, options, date }),
  listPosts: (boardId: number) => call("list_posts", { boardId }),
  retryPost: (postId: number) => call("retry_post", { postId }),
  discardPost: (postId: number) => call("discard_post", { postId }),
  /** Asks where to save (a native dialog); `null` when the user cancelled. */
  exportBoard: (boardId: number, format: ExportFormat, date: string) =>
    call("export_board", { boardId, format, date }),
  /** Asks which file to import (a native dialog) and reads it; `null` when the user cancelled. */
  chooseImportFile: () => call("choose_import_file", none),
  openDroppedFile: () => call("open_dropped_file", none),
  previewImport: (mapping: ColumnMapping) => call("preview_import", { mapping }),
  runImport: (mapping: ColumnMapping, target: ImportTarget, skipBadRows: boolean) =>
    call("run_import", { mapping, target, skipBadRows }),
  cancelImport: () => call("cancel_import", none),
  closeImport: () => call("close_import", none),
  backUpNow: (date: string) => call("back_up_now", { date }),
  listBackups: () => call("list_backups", none),
  restoreBackup: (fileName: string) => call("restore_backup", { fileName }),
};

export type Backend = typeof backend;
