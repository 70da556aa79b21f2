// Short forms of user text for the places with room for a line of it: toasts, the history's feed, a list of columns.

/** `text`, cut to at most `max` characters with "…" at the end when it is longer. Characters, not UTF-16 units: an
 * emoji is never cut in half. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}
