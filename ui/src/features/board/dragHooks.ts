// What the board's cards, lists and the chart's plane need from drag and drop, behind a context. @dnd-kit is loaded
// with the first input (BoardDrag.tsx): until then the board is drawn with the still hooks below, which call no hook
// at all and do nothing; once it is loaded, dragLayer.tsx provides hooks on @dnd-kit. The board's body is mounted anew
// when the context changes (it gains a `DndContext` above it), so that no component sees both sets of hooks.
import type { DraggableAttributes, DraggableSyntheticListeners } from "@dnd-kit/core";
import { createContext, type ReactNode } from "react";

import type { Zone } from "../../lib/bindings";

/** One card's part in a drag. */
export interface CardDrag {
  /** Its role, tab stop and the id of the instructions that say how to drag it. */
  attributes: Omit<DraggableAttributes, "aria-describedby"> & { "aria-describedby"?: string };
  listeners: DraggableSyntheticListeners;
  setNodeRef: (node: HTMLElement | null) => void;
  /** The CSS `transform` and `transition` that move the card aside while another card is dragged past it. */
  transform: string | undefined;
  transition: string | undefined;
  isDragging: boolean;
}

/** The drop target a list or the plane is. */
export interface DropTarget {
  setNodeRef: (node: HTMLElement | null) => void;
  isOver: boolean;
}

export interface DragHooks {
  useCard: (id: number) => CardDrag;
  useZone: (zone: Zone) => DropTarget;
  usePlane: () => DropTarget;
  /** The sortable list of a zone's cards, by their drag ids. */
  List: (props: { items: string[]; children: ReactNode }) => ReactNode;
}

function ignore(): void {
  // Nothing is dragged yet.
}

/** What @dnd-kit's `useSortable` gives a card that is not dragged, without the id of its instructions. */
const STILL_CARD: CardDrag = {
  attributes: {
    role: "button",
    tabIndex: 0,
    "aria-disabled": false,
    "aria-pressed": undefined,
    "aria-roledescription": "sortable",
  },
  listeners: undefined,
  setNodeRef: ignore,
  transform: undefined,
  transition: undefined,
  isDragging: false,
};

const STILL_TARGET: DropTarget = { setNodeRef: ignore, isOver: false };

/** The hooks before @dnd-kit is loaded: the board drawn as it is, nothing to drag. */
export const STILL_HOOKS: DragHooks = {
  useCard: () => STILL_CARD,
  useZone: () => STILL_TARGET,
  usePlane: () => STILL_TARGET,
  List: ({ children }) => children,
};

export const DragHooksContext = createContext<DragHooks>(STILL_HOOKS);
