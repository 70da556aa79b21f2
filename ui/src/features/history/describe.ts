// Events in words, for the timeline, the activity feed and the undo toast.
import type { Event } from "../../lib/bindings";
import { counted } from "../../lib/numbers";
import { shorten } from "../../lib/text";
import { ZONE_INFO } from "../../lib/zones";

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  notes: "notes",
  owner: "owner",
  link: "link",
  tags: "tags",
  scores: "scores",
};

/**
 * `withTitle`: name the idea (in the board's activity); `ideaId`: the idea whose timeline this is, for the line a
 * team round's settling wrote for it.
 */
export function describeEvent(
  event: Event,
  options: { withTitle?: boolean; ideaId?: number | null } = {},
): string {
  const { summary } = event;
  const title = options.withTitle && summary.title ? ` “${shorten(summary.title, 48)}”` : "";
  const from = summary.from ? ZONE_INFO[summary.from].name : null;
  const to = summary.to ? ZONE_INFO[summary.to].name : null;
  switch (event.kind) {
    case "added":
      // A pasted list, added one idea per line in one edit.
      if (summary.count !== null && summary.count > 1)
        return `added ${summary.count} ideas to ${to ?? "the board"}, one per line`;
      return `added${title} to ${to ?? "the board"}`;
    case "restored":
      return `restored${title} to ${to ?? "the board"}`;
    case "deleted":
      return `deleted${title} from ${from ?? "the board"}`;
    case "moved":
      if (summary.round) {
        const line = summary.round.ideas.find((i) => i.ideaId === options.ideaId)?.line;
        if (line) return line;
        const n = summary.round.ideas.length;
        const voters = summary.round.voters.length > 0 ? ` (voted: ${summary.round.voters.join(", ")})` : "";
        return `placed ${n} idea${n === 1 ? "" : "s"} at a team round's medians${voters}`;
      }
      if (from && to && from !== to) return `moved${title} ${from} → ${to}`;
      if (summary.fields.includes("scores")) return `rescored${title} within ${to ?? "its quadrant"}`;
      return `reordered${title} within ${to ?? "its quadrant"}`;
    case "edited":
      return `edited${title} (${summary.fields.map((f) => FIELD_NAMES[f] ?? f).join(", ")})`;
    case "imported": {
      const count = summary.count ?? 0;
      return `imported ${counted(count, "idea")} from ${summary.title ?? "a file"}`;
    }
    case "renamed":
      return `renamed the board to “${shorten(summary.title ?? "", 48)}”${summary.nameBefore ? ` (was “${shorten(summary.nameBefore, 48)}”)` : ""}`;
    case "thresholds": {
      const b = summary.thresholdsBefore;
      const a = summary.thresholdsAfter;
      if (!a) return "changed the thresholds";
      return `changed the thresholds to payoff ≥ ${a.payoff}, cost/risk ≥ ${a.cost}${b ? ` (were ${b.payoff} and ${b.cost})` : ""}`;
    }
  }
}

// Made at first use (see lib/dates.ts): the board's first frame needs no date.
let timeFormat: Intl.DateTimeFormat | undefined;
let dayFormat: Intl.DateTimeFormat | undefined;
let yearFormat: Intl.DateTimeFormat | undefined;

/** "14:02" today, "3 Nov 14:02" before, "3 Nov 2025 14:02" in another year (without it, a change of last December
 * read as this week's). */
export function eventTime(at: number, now = Date.now()): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
  const day = new Date(at);
  const today = new Date(now);
  if (day.toDateString() === today.toDateString()) return timeFormat.format(at);
  const date =
    day.getFullYear() === today.getFullYear()
      ? (dayFormat ??= new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" }))
      : (yearFormat ??= new Intl.DateTimeFormat(undefined, {
          day: "numeric",
          month: "short",
          year: "numeric",
        }));
  return `${date.format(at)} ${timeFormat.format(at)}`;
}
