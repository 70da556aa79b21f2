// Dates as people read them, in the user's locale (a post's title and an export's header: lib/titleDate.ts).

/** Today (or `at`) in the user's locale, e.g. "Nov 25, 2025". */
export function localDate(at = new Date()): string {
  return at.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** Today (or `at`) as year-month-day in the user's time zone, e.g. "2025-11-25": for file names, which sort by it and
 * carry no comma or space. */
export function fileDate(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

// Made at first use, not when the bundle loads: a date format is the page's first use of ICU's locale data, which
// costs the first frame milliseconds and the web process megabytes.
let dateTime: Intl.DateTimeFormat | undefined;

/** A moment (ms since 1970) in the user's locale, e.g. "Dec 14, 2026, 5:00 PM". */
export function formatDateTime(ms: number): string {
  dateTime ??= new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  return dateTime.format(new Date(ms));
}

let time: Intl.DateTimeFormat | undefined;

/** A moment's time of day to the second in the user's locale, e.g. "5:00:12 PM": for "tried again at". */
export function formatTime(ms: number): string {
  time ??= new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
  return time.format(new Date(ms));
}
