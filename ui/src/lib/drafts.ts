// What is typed in an idea's details and not saved yet (the fields save when they are left), kept in the web view's
// own storage as it is typed. When the window goes without the field being left (the window closed, its page's
// process ended under it, the computer stopped), the text comes back the next time the board opens: the idea's
// details open again with it, and it is saved. Saved, taken back, or the details closed, it goes.
import type { IdeaEdit } from "./bindings";

/** The details' text fields a draft keeps. */
export type DraftField = "title" | "notes" | "owner" | "link";
export const DRAFT_FIELDS: readonly DraftField[] = ["title", "notes", "owner", "link"];

export interface KeptDraft {
  boardId: number;
  ideaId: number;
  fields: Partial<Pick<IdeaEdit, DraftField>>;
  /** When it was last typed (ms since 1970). */
  at: number;
}

/** The database the drafts belong to: the web view's storage is shared by every data folder on the computer. */
let scope = "";

export function setDraftScope(databasePath: string) {
  scope = databasePath;
}

const PREFIX = "pickboard.draft:";
const keyOf = (ideaId: number) => `${PREFIX}${scope}:${String(ideaId)}`;

/** Keeps `fields` (those that differ from the saved idea) for the idea; none: forgets it. */
export function keepDraft(boardId: number, ideaId: number, fields: KeptDraft["fields"]) {
  if (Object.keys(fields).length === 0) {
    dropDraft(ideaId);
    return;
  }
  const kept: KeptDraft = { boardId, ideaId, fields, at: Date.now() };
  try {
    localStorage.setItem(keyOf(ideaId), JSON.stringify(kept));
  } catch {
    // Storage full or refused: the text is still on screen, and saved when the field is left.
  }
}

export function dropDraft(ideaId: number) {
  try {
    localStorage.removeItem(keyOf(ideaId));
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** The draft kept for an idea, if any (a damaged one counts as none). */
export function keptDraft(ideaId: number): KeptDraft | null {
  try {
    return parse(localStorage.getItem(keyOf(ideaId)));
  } catch {
    return null;
  }
}

/** The newest draft kept for an idea of the board, if any. */
export function keptDraftOn(boardId: number): KeptDraft | null {
  let newest: KeptDraft | null = null;
  try {
    const mine = `${PREFIX}${scope}:`;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(mine)) continue;
      const kept = parse(localStorage.getItem(key));
      if (kept?.boardId === boardId && (!newest || kept.at > newest.at)) newest = kept;
    }
  } catch {
    return null;
  }
  return newest;
}

function parse(text: string | null): KeptDraft | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<KeptDraft>;
    if (typeof value.ideaId !== "number" || typeof value.boardId !== "number" || typeof value.at !== "number")
      return null;
    const fields: KeptDraft["fields"] = {};
    for (const f of DRAFT_FIELDS) {
      const v = (value.fields as Record<string, unknown> | undefined)?.[f];
      if (typeof v === "string") fields[f] = v;
    }
    return { boardId: value.boardId, ideaId: value.ideaId, fields, at: value.at };
  } catch {
    return null;
  }
}

// What is typed in a board's New idea field and not added yet, kept the same way: the field adds on Enter, not when it
// is left, so quitting (or the window going) dropped it. It is in the field again the next time the board opens.
const NEW_IDEA = "pickboard.new-idea:";
const newIdeaKey = (boardId: number) => `${NEW_IDEA}${scope}:${String(boardId)}`;

/** Keeps `text` as the board's New idea typed and not added; empty: forgets it. */
export function keepNewIdea(boardId: number, text: string) {
  try {
    if (text === "") localStorage.removeItem(newIdeaKey(boardId));
    else localStorage.setItem(newIdeaKey(boardId), text);
  } catch {
    // Storage full or refused: the text is still on screen.
  }
}

/** The board's New idea typed and not added when its window last went, if any ("" for none). */
export function keptNewIdea(boardId: number): string {
  try {
    return localStorage.getItem(newIdeaKey(boardId)) ?? "";
  } catch {
    return "";
  }
}
