// The search box, the tag and owner chips, and how many ideas match.
import { forwardRef, useRef } from "react";

import { MAX_CHIPS } from "../../lib/firstFrameRules";
import { focusAsByTab } from "../../lib/tabRing";
import { LiveRegion } from "../../components/LiveRegion";
import { formatCount } from "../../lib/numbers";
import { isFiltering, NO_FILTER, type Filter } from "./filter";

import "./search.css";

interface SearchBarProps {
  filter: Filter;
  tags: string[];
  owners: string[];
  matchCount: number;
  total: number;
  onChange: (filter: Filter) => void;
  /** Enter: the focus goes to the first match on the board. */
  onFirstMatch: () => void;
  /** Escape in an empty search: the focus goes back to the board, to `cameFrom` (what had it before) if it is still
   * there. */
  onLeave: (cameFrom: HTMLElement | null) => void;
}

export const SearchBar = forwardRef<HTMLInputElement, SearchBarProps>(function SearchBar(props, ref) {
  const { filter, tags, owners, matchCount, total, onChange, onFirstMatch, onLeave } = props;
  const cameFrom = useRef<HTMLElement | null>(null);
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const chips = [
    ...tags.slice(0, MAX_CHIPS).map((tag) => ["tags", tag] as const),
    ...owners.slice(0, MAX_CHIPS).map((owner) => ["owners", owner] as const),
  ];

  return (
    <div className="search-bar" role="search">
      <input
        ref={ref}
        type="search"
        className="search-input"
        aria-label="Search ideas"
        placeholder="Search ideas (Ctrl+F)"
        value={filter.query}
        onChange={(e) => {
          onChange({ ...filter, query: e.target.value });
        }}
        onFocus={(e) => {
          cameFrom.current = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
        }}
        onKeyDown={(e) => {
          // Escape takes the search back and leaves the focus here for the next one, as a search field does; in an
          // empty search, it goes back to the board (it went to the page, and Tab started over at the top).
          if (e.key === "Escape") {
            e.preventDefault();
            if (isFiltering(filter)) onChange(NO_FILTER);
            else onLeave(cameFrom.current);
          }
          // Enter goes to the first match: "1 of 751" in a quadrant whose match lay out of sight, below the others.
          if (e.key === "Enter") {
            e.preventDefault();
            onFirstMatch();
          }
        }}
      />
      {/* One line that scrolls sideways, however many tags and owners: as a new owner or tag came, the chips wrapped
          to another line and moved the board down under the pointer. One Tab stop, the first chip, and the arrows go
          from chip to chip, Home and End to the ends (a toolbar): up to 24 chips, each a Tab stop, stood between the
          search and the board. */}
      <div
        className="search-chips"
        role="toolbar"
        aria-label="Tags and owners"
        onWheel={(e) => {
          if (e.deltaX === 0) e.currentTarget.scrollLeft += e.deltaY;
        }}
        onKeyDown={(e) => {
          const [chip, bar] = [e.target as HTMLElement, e.currentTarget];
          const to = {
            ArrowLeft: chip.previousElementSibling,
            ArrowRight: chip.nextElementSibling,
            Home: bar.firstElementChild,
            End: bar.lastElementChild,
          }[e.key];
          if (to instanceof HTMLElement) {
            e.preventDefault();
            focusAsByTab(to);
          }
        }}
      >
        {chips.map(([kind, value], at) => (
          <button
            key={`${kind}:${value}`}
            type="button"
            className={kind === "tags" ? "chip" : "chip chip-owner"}
            tabIndex={at ? -1 : 0}
            aria-pressed={filter[kind].includes(value)}
            onClick={() => {
              onChange({ ...filter, [kind]: toggle(filter[kind], value) });
            }}
          >
            {kind === "tags" ? "#" : "@"}
            {value}
          </button>
        ))}
      </div>
      {/* There before a search begins, so that its first count is said too (LiveRegion). */}
      <LiveRegion
        className="match-count"
        message={
          isFiltering(filter)
            ? `${formatCount(matchCount)} of ${formatCount(total)} ${total === 1 ? "idea matches" : "ideas match"}` +
              // The chips chosen, named: one scrolled out of sight filtered the board with nothing to say so.
              [...filter.tags.map((t) => ` · #${t}`), ...filter.owners.map((o) => ` · @${o}`)].join("")
            : ""
        }
      />
      {isFiltering(filter) && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            onChange(NO_FILTER);
          }}
        >
          Clear
        </button>
      )}
    </div>
  );
});
