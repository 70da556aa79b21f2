// Drag and drop on @dnd-kit, loaded with the first input (BoardDrag.tsx): the board's body under a `DndContext`, the
// hooks its cards, lists and the chart's plane drag and drop with, and the card that follows the pointer.
import { DndContext, DragOverlay, useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";

import type { Zone } from "../../lib/bindings";
import { ideaDragId, PLANE_DROP_ID, zoneDropId } from "../../lib/dnd";
import type { BoardDragProps } from "./BoardDrag";
import { replayPress, restoreHandover, type Handover } from "./bodyHandover";
import { useBoardDnd } from "./dnd";
import { DragHooksContext, type CardDrag, type DragHooks, type DropTarget } from "./dragHooks";
import { DraggedCard } from "./IdeaCard";

// For the body drawn before drag and drop, as it leaves the page (BoardDrag.tsx).
export { captureHandover } from "./bodyHandover";

function useSortableCard(id: number): CardDrag {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: ideaDragId(id),
  });
  return {
    attributes,
    listeners,
    setNodeRef,
    transform: CSS.Translate.toString(transform),
    transition,
    isDragging,
  };
}

function useDrop(id: string): DropTarget {
  const { setNodeRef, isOver } = useDroppable({ id });
  return { setNodeRef, isOver };
}

function SortableList({ items, children }: { items: string[]; children: ReactNode }) {
  return (
    <SortableContext items={items} strategy={verticalListSortingStrategy}>
      {children}
    </SortableContext>
  );
}

const LIVE_HOOKS: DragHooks = {
  useCard: useSortableCard,
  useZone: (zone: Zone) => useDrop(zoneDropId(zone)),
  usePlane: () => useDrop(PLANE_DROP_ID),
  List: SortableList,
};

interface DragLayerProps extends BoardDragProps {
  /** What the body drawn without drag and drop left to this one, once; null when drag and drop was there first. */
  takeHandover: () => Handover | null;
}

export function DragLayer({
  columns,
  onMove,
  onPlaneDrop,
  keyboardPlaneSpot,
  say,
  children,
  takeHandover,
}: DragLayerProps) {
  const dnd = useBoardDnd(columns, onMove, say, onPlaneDrop, keyboardPlaneSpot);

  const handover = useRef<Handover | null>(null);
  useLayoutEffect(() => {
    handover.current = takeHandover();
    if (handover.current) restoreHandover(handover.current);
  }, [takeHandover]);
  // After the cards' own effects, which register them with @dnd-kit.
  useEffect(() => {
    const press = handover.current?.press;
    if (press) replayPress(press);
  }, [takeHandover]);

  return (
    <DndContext {...dnd.dndContextProps}>
      <DragHooksContext value={LIVE_HOOKS}>{children(dnd)}</DragHooksContext>
      <DragOverlay dropAnimation={null}>
        {dnd.activeIdea && <DraggedCard idea={dnd.activeIdea} />}
      </DragOverlay>
    </DndContext>
  );
}
