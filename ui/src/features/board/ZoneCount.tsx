// A zone's count in its header: how many ideas it holds, and while searching, how many of them match ("12 of 514"):
// the four counts stayed at their totals beside "500 of 2,000 match".
import type { Idea } from "../../lib/bindings";
import { counted, formatCount } from "../../lib/numbers";

interface ZoneCountProps {
  ideas: readonly Idea[];
  /** The ideas that match the search and the chips, or null when nothing is searched for. */
  matches: ReadonlySet<number> | null;
}

export function ZoneCount({ ideas, matches }: ZoneCountProps) {
  if (!matches || ideas.length === 0) {
    return (
      <span className="zone-count" aria-label={counted(ideas.length, "idea")}>
        {formatCount(ideas.length)}
      </span>
    );
  }
  const matching = ideas.reduce((n, idea) => n + (matches.has(idea.id) ? 1 : 0), 0);
  return (
    <span
      className="zone-count zone-count-matching"
      aria-label={`${formatCount(matching)} of ${counted(ideas.length, "idea")} match`}
    >
      {formatCount(matching)} of {formatCount(ideas.length)}
    </span>
  );
}
