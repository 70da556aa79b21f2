// The date in a post's title and an export's header, apart from lib/dates.ts: only the dialogs loaded later use it.

/** Today in English, e.g. "Nov 25, 2025", as the command line writes it. In the user's locale, one channel read
 * "12. Jan. 2027" from the window and "Jan 12, 2027" from the command line, or Arabic digits in an English title. */
export function titleDate(): string {
  return new Date().toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" });
}
