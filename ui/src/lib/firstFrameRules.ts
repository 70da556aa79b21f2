// The rules that React's components and the first frame drawn before them (src/firstFrame) both follow, kept here so
// that the two draw the same board: neither imports the other, and this module imports neither React nor dnd-kit.
import type { Boot, Theme } from "./bindings";
import { formatCount } from "./numbers";

/** Below this width the sidebar starts folded and opens over the board rather than beside it. */
export const NARROW_WINDOW = "(max-width: 1099px)";

/** Below this width (px) the toolbar folds Activity, the shortcuts and the board's menu into "More". */
export const COMPACT_BELOW = 1000;

/** The most tag chips, and the most owner chips, the search bar shows. */
export const MAX_CHIPS = 12;

/** The most tags a card shows; the rest are counted after them ("+2"), and named on hover. */
export const CARD_TAGS = 3;

/** A card's tags past CARD_TAGS: how many, and their names for the count's tooltip; null when it shows them all. */
export function tagsNotShown(tags: readonly string[]): { count: number; names: string } | null {
  const rest = tags.slice(CARD_TAGS);
  return rest.length > 0 ? { count: rest.length, names: rest.map((t) => `#${t}`).join(" ") } : null;
}

/** What the save indicator says when everything on screen is saved. */
export const ALL_SAVED = "All changes saved";

export const THEMES: readonly { value: Theme; label: string }[] = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** The theme the document shows for the chosen one: light, dark, or the system's preference. */
export function resolveTheme(theme: Theme, systemDark: boolean): "light" | "dark" {
  if (theme === "system") return systemDark ? "dark" : "light";
  return theme;
}

/** How many cards a zone renders at first: more than a zone shows in a tall window. Every card rendered costs memory
 * and time at each move (a sortable list draws all its cards again when one joins or leaves it): 60 a zone took the
 * web process from 126 to 153 MiB on a 1,000-idea board (docs/benchmarks.md). */
export const FIRST_CARDS = 12;

/** How many more cards a zone renders when its list nears its end, or its "Show more" button is pressed. */
export const CARDS_PER_PAGE = 24;

/** A zone's "Show more" button with `hidden` cards not drawn: "Show 24 more · 130 not shown", or "Show the last 2"
 * when one page draws them all ("Show 2 more of 2" read as a puzzle); of the search's `matches`: "Show 24 more · 130
 * matches not shown", "Show the last 2 matches"; while a search has no match left to show, of the `others`: "Show 24
 * more · 468 not matching" (it read "468 not shown" beside "0 of 2,000", as if matches were hidden). Not "of 130":
 * beside the zone's count of all its cards (143), the number read as a second count of them. */
export function showMoreLabel(hidden: number, of: "cards" | "matches" | "others" = "cards"): string {
  if (of === "others") {
    if (hidden > CARDS_PER_PAGE)
      return `Show ${formatCount(CARDS_PER_PAGE)} more · ${formatCount(hidden)} not matching`;
    return `Show the last ${hidden === 1 ? "one" : formatCount(hidden)}, not matching`;
  }
  const what = of === "matches" ? (hidden === 1 ? " match" : " matches") : "";
  if (hidden > CARDS_PER_PAGE)
    return `Show ${formatCount(CARDS_PER_PAGE)} more · ${formatCount(hidden)}${what} not shown`;
  if (hidden === 1) return of === "matches" ? "Show the last match" : "Show the last one";
  return `Show the last ${formatCount(hidden)}${what}`;
}

/** The height of the smallest card with the gap below it: a list shows at most its height / SMALLEST_CARD cards. */
const SMALLEST_CARD = 45;

/** How many cards the app's first frame draws in a zone list `height` px high (measured with no card in it): only
 * those it has room for; a list not laid out yet (0) gets the first cards at once. */
export function cardsThatFit(height: number): number {
  return height > 0 ? Math.min(FIRST_CARDS, Math.ceil(height / SMALLEST_CARD)) : FIRST_CARDS;
}

/** "ana" → "AN", "Ana Ruiz" → "AR". */
export function initials(name: string): string {
  // Letters and digits, with their marks (Devanagari's vowel signs): "<b>own</b>" was "<B". A name of none (emoji
  // alone) keeps its first characters.
  const words = (between: RegExp) => name.split(between).filter(Boolean);
  const lettered = words(/[^\p{L}\p{M}\p{N}]+/u);
  const parts = lettered.length > 0 ? lettered : words(/\s+/);
  const first = Array.from(parts[0] ?? "");
  const second = Array.from(parts[1] ?? "");
  const letters = second.length > 0 ? [first[0], second[0]] : first.slice(0, 2);
  return letters.join("").toUpperCase();
}

/** Set on #root while it shows the first frame drawn before React (src/firstFrame), and taken off by React's own. */
export const FIRST_FRAME_ATTRIBUTE = "data-first-frame";

/**
 * What the window adds to the page's address when it loads the page again after WebKit's web process ended under it
 * (src-tauri/src/page_restarts.rs): what the window handed the page at start is out of date by then.
 */
export const RESTARTED_QUERY = "restarted";

/** Whether this page was loaded again after its web process ended. */
export function pageRestarted(search: string = window.location.search): boolean {
  return new URLSearchParams(search).has(RESTARTED_QUERY);
}

declare global {
  interface Window {
    /** Defined by the window's initialization script (src-tauri/src/boot.rs) before the page's scripts run. */
    __PICKBOARD_BOOT__?: Boot;
  }
}

/**
 * What the window handed this page as it opened, read by the first frame (firstFrame/main.ts) and once by React's
 * bundle (`handedAtStart` in lib/startup.ts): `null` when it handed nothing, or when the page was loaded again after
 * its process ended (what was handed is out of date then).
 */
export function handedBoot(): Boot | null {
  return pageRestarted() ? null : (window.__PICKBOARD_BOOT__ ?? null);
}
