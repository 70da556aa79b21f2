// The ideas under a dragged rectangle (or at one crowded spot), as a list beside the plane: click one to select it
// (it then shows as a marker of its own, ready to drag), double-click or press Enter or E to open its details.
import { useEffect, useRef } from "react";

import type { Idea } from "../../lib/bindings";
import { listKeyTarget } from "../../lib/listKeys";

interface IdeaListProps {
  title: string;
  ideas: readonly Idea[];
  /** The ideas that match the search, while searching: the others are dimmed, as on the plane. */
  matches?: ReadonlySet<number> | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onClose: () => void;
}

/** More than this many are summed up: a longer list is read by nobody and costs the page. */
const SHOWN = 200;

export function IdeaList({
  title,
  ideas,
  matches = null,
  selectedId,
  onSelect,
  onOpen,
  onClose,
}: IdeaListProps) {
  // The list takes the focus as it opens (another opening is another list: ChartView keys it), not when its ideas
  // change: an idea moved from the details opened out of it took the focus from them.
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  // While searching, the matches come first: the first 200 were taken in the plane's order, and two of 20 matches were
  // left out under 180 ideas that do not match.
  const listed =
    matches === null
      ? ideas
      : [...ideas].sort((a, b) => Number(matches.has(b.id)) - Number(matches.has(a.id)));
  return (
    <section
      className="chart-list"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          onClose();
          return;
        }
        // The arrows go from idea to idea (from the heading, Down to the first), Home and End to the first and last:
        // Down scrolled the list and left the focus where it was, so Enter opened the first idea, not the one in view.
        const items = [...e.currentTarget.querySelectorAll<HTMLElement>(".chart-list-item")];
        const at = items.indexOf(document.activeElement as HTMLElement);
        if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
        const next = listKeyTarget(e.key, items, at);
        if (!next) return;
        e.preventDefault();
        next.focus();
      }}
    >
      <header className="chart-list-header">
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label="Close the list" onClick={onClose}>
          ×
        </button>
      </header>
      {ideas.length === 0 ? (
        <p className="chart-list-empty">No idea there. Drag across some markers or counts.</p>
      ) : (
        <ul role="list">
          {listed.slice(0, SHOWN).map((idea) => (
            <li key={idea.id}>
              <button
                type="button"
                className={`chart-list-item zone-${idea.zone}${matches !== null && !matches.has(idea.id) ? " dimmed" : ""}`}
                aria-pressed={idea.id === selectedId}
                // Where the focus goes back to when the idea's details close (BoardScreen's closeDetails).
                data-listed-idea-id={idea.id}
                onClick={() => {
                  onSelect(idea.id);
                }}
                onDoubleClick={() => {
                  onOpen(idea.id);
                }}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === "e" || e.key === "E") {
                    e.preventDefault();
                    onOpen(idea.id);
                  }
                }}
              >
                <span className="chart-list-dot" aria-hidden="true" />
                <span className="chart-list-title">{idea.title}</span>
                <span className="chart-list-scores">
                  P {idea.position?.payoff ?? 0} · C {idea.position?.cost ?? 0}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {ideas.length > SHOWN && (
        <p className="chart-list-more">
          and {(ideas.length - SHOWN).toLocaleString("en")} more: zoom in, or drag a smaller rectangle
        </p>
      )}
    </section>
  );
}
