// The fields of an idea's details as the panel edits them: which can be saved as typed, and, for one that cannot,
// what to type instead. The rules are the backend's (src-tauri/src/domain.rs, `clean_title` and `clean_link`), checked
// here first so that a value the backend would refuse is never sent: it stays at its field, marked, and holds back
// nothing else.
import type { IdeaEdit } from "../../lib/bindings";
import { sameItems } from "../../lib/lists";

/** The fields the details panel saves with `update_idea`, each as its own edit. */
export type Field = keyof IdeaEdit;
export const FIELDS: readonly Field[] = ["title", "notes", "owner", "link", "tags"];

/** The two score boxes of the details, saved together with `set_position`. */
export type ScoreAxis = "payoff" | "cost";

/** The toasts' group of "the `field` of idea `id` was not saved": a later save of that field ends it. */
export function notSaved(id: number, field: Field | ScoreAxis): string {
  return `not-saved-${String(id)}-${field}`;
}

/** A field whose value on screen is not the saved one, and why it cannot be saved as it is (null: it can). */
export interface UnsavedField {
  field: Field | ScoreAxis;
  problem: string | null;
}

/** A title as one line: the line breaks in it (pasted text) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ");
}

const SCORE_NAMES: Record<ScoreAxis, string> = { payoff: "Payoff", cost: "Cost/risk" };

/** A score box's text as the score it means (0 to 10, rounded to one decimal, as `domain::Score`), or null when it is
 * not one: empty, not a plain number, or out of range. A decimal comma counts as a point. */
export function parseScore(text: string): number | null {
  const plain = text.trim().replace(",", ".");
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return null;
  // Rounded first, then held to the scale: 10.04 is 10, as 9.96 is.
  const n = Math.round(Number(plain) * 10) / 10;
  if (!Number.isFinite(n) || n < 0 || n > 10) return null;
  return n;
}

/** Why a score box's text cannot be saved, or null when it can. */
export function scoreProblem(axis: ScoreAxis, text: string): string | null {
  return parseScore(text) === null ? `${SCORE_NAMES[axis]} is a number from 0 to 10, e.g. 6.5` : null;
}

const MAX_LINK_CHARS = 2000;
const EXAMPLE_LINK = "https://www.example.com";

/** `clean_link`'s check: empty, or an http or https address with a host, with no spaces, of at most 2,000 characters. */
export function linkProblem(raw: string): string | null {
  const link = raw.trim();
  if (link === "") return null;
  const scheme = ["https://", "http://"].find((s) => link.startsWith(s));
  if (scheme === undefined) return `Start the link with https:// — for example ${suggestLink(link)}`;
  if (/[\s\p{Cc}]/u.test(link))
    return "Take the spaces out of the link: a web address has none (write %20 for one).";
  const host = link.slice(scheme.length).split(/[/?#]/)[0];
  if (!host) return `Put the site's address after ${scheme} — for example ${EXAMPLE_LINK}`;
  const length = Array.from(link).length;
  if (length > MAX_LINK_CHARS)
    return `Shorten the link to at most ${MAX_LINK_CHARS.toLocaleString("en")} characters (it has ${length.toLocaleString("en")}).`;
  return null;
}

/** What a link without its scheme was probably meant to be: "www.example.com" → "https://www.example.com". */
function suggestLink(link: string): string {
  const rest = link.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  const looksLikeAHost = /^[^\s/?#:@.]+(\.[^\s/?#:@.]+)+([/?#:]\S*)?$/u.test(rest);
  return looksLikeAHost && rest.length <= 80 ? `https://${rest}` : EXAMPLE_LINK;
}

/** Why `field` cannot be saved with the value it has in `edit`, or null when it can. */
export function fieldProblem(field: Field, edit: IdeaEdit): string | null {
  if (field === "title" && edit.title.replace(/[\s\p{Cc}]/gu, "") === "")
    return "An idea needs a title. The saved title is kept until you type one.";
  if (field === "link") return linkProblem(edit.link);
  return null;
}

/** Whether `a` and `b` are the same value of `field` once stored: the backend keeps a field's text in one form
 * (domain.rs: `clean_title`, `clean_notes`, `clean_owner`, `clean_link`). Compared as typed, notes ending in a new line
 * (a paste) or a title ending in a space were saved without it, and the panel went on saying "Not saved yet", kept
 * that text after an undo, and saved it again when it was next left. */
export function sameValue(field: Field, a: IdeaEdit[Field], b: IdeaEdit[Field]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return sameItems(a, b);
  if (typeof a === "string" && typeof b === "string") return stored(field, a) === stored(field, b);
  return a === b;
}

/** `text` as the backend stores it in `field`. */
function stored(field: Field, text: string): string {
  switch (field) {
    case "title":
      return words(text);
    case "owner": {
      const line = words(text);
      return line.startsWith("@") ? line.slice(1).trimStart() : line;
    }
    case "notes":
      return withoutBidiControls(text.replace(/[^\P{Cc}\n\t]/gu, "")).trimEnd();
    case "link":
      return text.trim();
    default:
      return text;
  }
}

/** Runs of spaces, line breaks and other control characters as one space, without any at the ends, and without the
 * characters that draw nothing (text.rs: `is_invisible`). */
function words(text: string): string {
  return withoutBidiControls(text)
    .replace(/[\u200B\u2060-\u2064\uFEFF\u180E]/g, "")
    .split(/[\s\p{Cc}]+/u)
    .filter((w) => w !== "")
    .join(" ");
}

/** `text` without the bidirectional controls (U+202A–U+202E, U+2066–U+2069), which the backend drops from what it
 * keeps (text.rs). */
function withoutBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, "");
}
