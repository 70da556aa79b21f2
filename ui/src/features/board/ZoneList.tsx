// The ideas of one zone as a sortable, droppable list, with a teaching empty state.
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";

import type { Idea, Zone } from "../../lib/bindings";
import { ZONE_INFO } from "../../lib/zones";
import { ideaDragId, zoneDropId } from "./dnd";
import { IdeaCard } from "./IdeaCard";

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
  return (
    <SortableContext items={ideas.map((i) => ideaDragId(i.id))} strategy={verticalListSortingStrategy}>
      <div ref={setNodeRef} className={`zone-list${isTarget ? " zone-list-target" : ""}`} data-zone={zone}>
        {ideas.length === 0 && <p className="zone-empty">{ZONE_INFO[zone].hint}</p>}
        {ideas.map((idea) => (
          <IdeaCard
            key={idea.id}
            idea={idea}
            selected={idea.id === selectedId}
            dimmed={matches !== null && !matches.has(idea.id)}
            onOpen={onOpen}
            onDelete={onDelete}
          />
        ))}
      </div>
    </SortableContext>
  );
}
