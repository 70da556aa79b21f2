// The ideas of one zone as a sortable, droppable list, with a teaching empty state. A long zone renders its first
// ideas and more as the list scrolls to its end, so that a board of 10,000 ideas opens as fast as a small one.
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useEffect, useRef, useState } from "react";

import type { Idea, Zone } from "../../lib/bindings";
import { ideaDragId, zoneDropId } from "../../lib/dnd";
import { ZONE_INFO } from "../../lib/zones";
import { IdeaCard } from "./IdeaCard";

/** How many cards a zone renders at first, and how many more each time its list reaches the end. */
export const CARDS_PER_PAGE = 60;

interface ZoneListProps {
  zone: Zone;
  ideas: Idea[];
  selectedId: number | null;
  matches: Set<number> | null;
  isTarget: boolean;
  onOpen: (id: number) => void;
  onDelete: (id: number) => void;
}

export function ZoneList({ zone, ideas, selectedId, matches, isTarget, onOpen, onDelete }: ZoneListProps) {
  const { setNodeRef } = useDroppable({ id: zoneDropId(zone) });
  const [limit, setLimit] = useState(CARDS_PER_PAGE);
  const moreRef = useRef<HTMLButtonElement>(null);
  const shown = ideas.length > limit ? ideas.slice(0, limit) : ideas;
  const hidden = ideas.length - shown.length;
  const hasMore = hidden > 0;

  // Show more when the end of the list scrolls into view (the button does the same by click or keyboard).
  useEffect(() => {
    const more = moreRef.current;
    if (!more || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setLimit((l) => l + CARDS_PER_PAGE);
    });
    observer.observe(more);
    return () => {
      observer.disconnect();
    };
  }, [hasMore]);

  return (
    <SortableContext items={shown.map((i) => ideaDragId(i.id))} strategy={verticalListSortingStrategy}>
      <div ref={setNodeRef} className={`zone-list${isTarget ? " zone-list-target" : ""}`} data-zone={zone}>
        {ideas.length === 0 && <p className="zone-empty">{ZONE_INFO[zone].hint}</p>}
        {shown.map((idea) => (
          <IdeaCard
            key={idea.id}
            idea={idea}
            selected={idea.id === selectedId}
            dimmed={matches !== null && !matches.has(idea.id)}
            onOpen={onOpen}
            onDelete={onDelete}
          />
        ))}
        {hasMore && (
          <button
            ref={moreRef}
            type="button"
            className="zone-more"
            onClick={() => {
              setLimit((l) => l + CARDS_PER_PAGE);
            }}
          >
            Show {Math.min(hidden, CARDS_PER_PAGE).toLocaleString()} more of {hidden.toLocaleString()}
          </button>
        )}
      </div>
    </SortableContext>
  );
}
