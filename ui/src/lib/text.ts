// Short forms of user text for the places with room for a line of it: toasts, the history's feed, a list of columns.

/** `text`, cut to at most `max` characters with "…" at the end when it is longer. Characters as a reader sees them
 * (grapheme clusters), not UTF-16 units or code points: an emoji, a family of them joined into one (👩‍👩‍👧) or a letter
 * with its accents is never cut in half. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = graphemes(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** Notes written in Markdown as a line of plain text, for a place with room for a glimpse of them: a link reads as its
 * words, and the marks of emphasis, code, headings and lists go ("see [x](https://example.com) now" showed as is). */
export function markdownAsText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}\s+|[-*+]\s+\[[ xX]\]\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/gm, "")
    .replace(/(\*\*|__|~~|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Made at the first long text, not as the module loads: this module is in the first bundle, and a segmenter loads
 * ICU's break rules into the page (memory at start-up, docs/benchmarks.md). */
let segmenter: Intl.Segmenter | null | undefined;

function graphemes(text: string): string[] {
  segmenter ??=
    typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** `text` cut to at most `max` characters as the backend counts them (`charCount`: an emoji is one), between
 * characters as a reader sees them, and at the last space of its last 60 characters when there is one, so that its
 * last word is not cut in half. */
export function cutAtWord(text: string, max: number): string {
  if (charCount(text) <= max) return text;
  let kept = "";
  let count = 0;
  for (const char of graphemes(text)) {
    count += charCount(char);
    if (count > max) break;
    kept += char;
  }
  const space = kept.search(/\s\S*$/);
  return space >= kept.length - 60 && space > 0 ? kept.slice(0, space).trimEnd() : kept;
}

/** The most characters an idea's title has (the backend's limit too). */
export const TITLE_MAX = 500;

/** The most characters an idea's notes have (the backend's limit too). */
export const NOTES_MAX = 50_000;

/** The most characters a tag has (the backend's limit too). */
export const TAG_MAX = 40;

/** The most ideas one paste adds, one per line (the backend's limit too). */
export const PASTED_LIST_MAX = 200;

/** A list mark at a line's start: "- ", "* ", "• ", "1. ", "2) ", with or without a box ("- [ ] ", "[x] "). */
const LIST_MARK = /^\s*(?:(?:[-*+•·]|\d{1,3}[.)])\s+)?(?:\[[ xX]\]\s+)?/;

/** The lines of pasted text as a list's items: each without its list mark and outer spaces, blank ones left out. */
export function listItems(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(LIST_MARK, "").trim())
    .filter((line) => line !== "");
}

/** A toast of `group` saying that `what` is at most `max` characters long, and `then` what became of the rest. */
export const atMost = (what: string, max: number, then: string, group: string) => ({
  message: `${what} can be at most ${String(max)} characters: ${then}`,
  group,
});

/** The toast for a paste longer than a title can be (the field keeps its first `TITLE_MAX` characters). */
export const TITLE_CUT = atMost(
  "An idea's title",
  TITLE_MAX,
  "the rest was left out. Put longer text in its notes.",
  "title-cut",
);

/** The toast for a paste longer than a new idea's title can be: the title keeps the start, its notes the whole. */
export const TITLE_CUT_TO_NOTES = atMost(
  "An idea's title",
  TITLE_MAX,
  "the title keeps the start, and the whole text goes in its notes.",
  "title-cut",
);

/** The toast for a paste too long for a new idea even in its notes: nothing is pasted, and the clipboard still holds
 * it all. */
export function tooLongForAnIdea(chars: number) {
  return {
    message: `Nothing was pasted: ${chars.toLocaleString("en")} characters are more than one idea holds (its notes take up to ${NOTES_MAX.toLocaleString("en")}). Paste a shorter part, or import a longer text as a CSV file of several ideas.`,
    group: "title-cut",
  };
}

/** The text a key pressed in a field types: its character (an emoji is one, of two UTF-16 units), or "" for a key that
 * types none (Enter, an arrow, Ctrl+C). */
export function typedBy(event: KeyboardEvent): string {
  const typesOne = Array.from(event.key).length === 1;
  return typesOne && !event.ctrlKey && !event.metaKey && !event.altKey ? event.key : "";
}

/** Whether `event` is Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y (Cmd on a Mac): an undo or a redo. */
export function isUndoOrRedo(event: KeyboardEvent | React.KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && ["z", "y"].includes(event.key.toLowerCase());
}

/** How many characters `text` has as the backend counts them: an emoji is one, where a field's `maxLength` counts two
 * UTF-16 units. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/**
 * Whether pasting `pasted` into `field` (or typing it: `typedBy`) goes past `max` characters, as the backend counts
 * them; the field keeps the first ones and drops the rest without a word, so the caller says so. Called before the
 * text goes in, it sets the field's `maxLength`, which counts UTF-16 units, to what `max` characters take there: at
 * `maxLength={max}`, a title of 500 characters with two emoji was cut to 498.
 */
export function pasteCut(
  field: HTMLInputElement | HTMLTextAreaElement,
  pasted: string,
  max: number,
): boolean {
  const [from, to] = [field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length];
  const kept = field.value.slice(0, from) + field.value.slice(to);
  // Whole characters as a reader sees them: a family emoji is five, and half of one is another emoji.
  let fits = "";
  let room = max - charCount(kept);
  for (const char of graphemes(pasted)) {
    room -= charCount(char);
    if (room < 0) break;
    fits += char;
  }
  const cut = fits.length < pasted.length;
  // Exactly what fits when some is left out; else at least `max` (a key typed through an input method says nothing
  // of its text beforehand).
  field.maxLength = cut ? kept.length + fits.length : Math.max(kept.length + fits.length, max);
  return cut;
}
