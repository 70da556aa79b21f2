// Drag and drop of ideas between the Unsorted tray and the quadrants, with the pointer or the keyboard, on
// @dnd-kit's pointer-event sensors (native HTML5 drag and drop is not used: it cannot be driven under Xvfb and
// collides with the webview's own file drops).
//
// While a drag is under way the hook keeps its own copy of the columns, so that the card can travel between zones
// without touching the saved board; on drop it reports one move (zone + index) and lets go of the copy.
import {
  closestCenter,
  getFirstCollision,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import type { Zone } from "../../lib/bindings";
import { ideaDragId, parseIdeaId, parseZoneId, PLANE_DROP_ID, zoneDropId } from "../../lib/dnd";
import { actsOnIdea, switchesView } from "../../lib/carrying";
import { isUndoOrRedo } from "../../lib/text";
import { NEIGHBOURS } from "../../lib/zones";
import { findIdea, moveInColumns, placeOf, type Columns } from "./columns";
import { refocusCard } from "./focus";
import { createPointerStore, type Point } from "./pointerStore";

const ARROWS: Record<string, "up" | "down" | "left" | "right"> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

export const SCREEN_READER_INSTRUCTIONS =
  "To pick up an idea, press Space or Enter. Move it with the arrow keys: up and down within a quadrant, left and " +
  "right between the Unsorted tray and the quadrants. Press Space or Enter to drop it, or Escape to cancel. " +
  "Press E to edit the idea, Delete to delete it.";

/** A few pixels of travel before a drag starts, so that a click still opens the idea. */
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };

interface Drag {
  id: number;
  from: { zone: Zone; index: number };
  columns: Columns;
  keyboard: boolean;
}

/**
 * Where a card moved into `zone` with the keyboard goes: to the slot of the first card its list shows whole, where
 * the card is drawn while it moves. A long list's end is out of sight (and, past its first cards, not even rendered):
 * a card sent there vanished from view, although it was drawn at the top of the list. `null` where the list is not
 * laid out.
 */
function firstSlotInView(
  zone: Zone,
  cols: Columns,
  measure: (id: UniqueIdentifier) => DOMRect | undefined,
): { index: number; spot: { x: number; y: number } } | null {
  const list = measure(zoneDropId(zone));
  if (!list || list.height === 0) return null;
  const ideas = cols[zone];
  if (ideas.length === 0) return { index: 0, spot: { x: list.left + 12, y: list.top + 6 } };
  for (const [index, idea] of ideas.entries()) {
    const card = measure(ideaDragId(idea.id));
    if (card && card.top >= list.top && card.top < list.bottom) {
      return { index, spot: { x: card.left, y: card.top } };
    }
  }
  return null;
}

/** The list of the zone whose box (its heading included) is under the pointer, if any. */
function zoneAround(pointer: { x: number; y: number } | null): string | null {
  if (!pointer) return null;
  for (const element of document.elementsFromPoint(pointer.x, pointer.y)) {
    const zone = element.closest("section.zone")?.querySelector<HTMLElement>(".zone-list")?.dataset.zone;
    const parsed = zone === undefined ? null : parseZoneId(`zone:${zone}`);
    if (parsed) return zoneDropId(parsed);
  }
  return null;
}

/** Whether `pointer` is over the board's lists or its plane (`.board-body`): a card let go of anywhere else (over the
 * toolbar, out of the window) goes back. It went into the last list it passed over. */
function overTheBoard(pointer: { x: number; y: number } | null): boolean {
  const body = document.querySelector(".board-body");
  return !pointer || !body || within(pointer, body.getBoundingClientRect());
}

/** Whether `point` is inside `box`, its edges included. */
function within(point: Point, box: DOMRect): boolean {
  return point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom;
}

/** Where a card let go of at `pointer` lands by what is under the pointer itself: on the chart's plane; or in the
 * list there, before the first of its other cards whose middle is below the pointer, else at its end. `null` over
 * neither (a gap between the lists). */
type Landing = { plane: true } | { plane: false; zone: Zone; index: number };
function landingAt(cols: Columns, id: number, pointer: Point): Landing | null {
  if (document.elementsFromPoint(pointer.x, pointer.y).some((el) => el.closest(".plane")))
    return { plane: true };
  const zoneId = zoneAround(pointer);
  const zone = zoneId === null ? null : parseZoneId(zoneId);
  if (!zone) return null;
  const others = cols[zone].filter((i) => i.id !== id);
  for (const card of document.querySelectorAll<HTMLElement>(
    `.zone-list[data-zone="${zone}"] .card[data-idea-id]`,
  )) {
    const index = others.findIndex((i) => String(i.id) === card.dataset.ideaId);
    const box = card.getBoundingClientRect();
    if (index >= 0 && pointer.y < box.top + box.height / 2) return { plane: false, zone, index };
  }
  return { plane: false, zone, index: others.length };
}

export function useBoardDnd(
  columns: Columns,
  onMove: (id: number, zone: Zone, index: number) => void,
  /** Tells a screen reader of the drag. */
  setLiveMessage: (message: string) => void,
  onPlaneDrop?: (id: number, clientX: number, clientY: number) => void,
  /** Where on the chart's plane (viewport coordinates) an idea moved into `zone` by the keyboard lands; `null` when
   * the plane is not on screen (the quadrants view), where it goes into the quadrant's list instead. */
  keyboardPlaneSpot?: (zone: Zone) => Point | null,
) {
  const [drag, setDrag] = useState<Drag | null>(null);
  // Where the pointer is while it drags an idea over the chart's plane, for the ghost marker: a store of its own, so
  // that a pointer move re-renders the ghost alone, not the board.
  const [planePointer] = useState(createPointerStore);
  const view = drag?.columns ?? columns;

  // Sensors and collision detection are called outside React's render; they read the latest state from refs.
  const dragRef = useRef<Drag | null>(null);
  /** Where the pointer was last seen (viewport coordinates). */
  const pointerRef = useRef<Point | null>(null);
  const viewRef = useRef(view);
  const lastOverId = useRef<UniqueIdentifier | null>(null);
  const movedToNewZone = useRef(false);
  useEffect(() => {
    dragRef.current = drag;
    viewRef.current = view;
    movedToNewZone.current = false;
  }, [drag, view]);

  const updateDrag = useCallback((next: Drag | null) => {
    dragRef.current = next;
    if (next) viewRef.current = next.columns;
    setDrag(next);
  }, []);

  const keyboardCoordinates: KeyboardCoordinateGetter = useCallback(
    (event, { currentCoordinates, context }) => {
      const direction = ARROWS[event.code] ?? ARROWS[event.key];
      const current = dragRef.current;
      if (!direction || !current) return undefined;
      event.preventDefault();
      const cols = current.columns;
      const here = findIdea(cols, current.id);
      if (!here) return currentCoordinates;

      let target: { zone: Zone; index: number } | null = null;
      /** Where the card is drawn for the new place, when not at the top of its list. */
      let spot: { x: number; y: number } | null = null;
      const size = cols[here.zone].length;
      if (direction === "up" && here.index > 0) target = { zone: here.zone, index: here.index - 1 };
      else if (direction === "down" && here.index < size - 1)
        target = { zone: here.zone, index: here.index + 1 };
      else {
        const next = NEIGHBOURS[here.zone][direction];
        // Measured now: the rects @dnd-kit keeps can be a move or a scroll old.
        const measure = (id: UniqueIdentifier) =>
          context.droppableContainers.get(id)?.node.current?.getBoundingClientRect();
        const slot = next && firstSlotInView(next, cols, measure);
        if (next && slot) {
          target = { zone: next, index: slot.index };
          spot = slot.spot;
        } else if (next) target = { zone: next, index: direction === "down" ? 0 : cols[next].length };
      }
      if (!target) {
        setLiveMessage(`${placeOf(cols, current.id)} It cannot move further ${direction}.`);
        return currentCoordinates;
      }
      const moved = moveInColumns(cols, current.id, target.zone, target.index);
      updateDrag({ ...current, columns: moved });
      // On the chart, the ghost marker shows the spot in the quadrant where the idea will land, with its scores.
      planePointer.set(keyboardPlaneSpot?.(target.zone) ?? null);
      setLiveMessage(placeOf(moved, current.id));
      const rect = context.droppableRects.get(zoneDropId(target.zone));
      return spot ?? (rect ? { x: rect.left + 8, y: rect.top + 40 } : currentCoordinates);
    },
    [updateDrag, planePointer, keyboardPlaneSpot, setLiveMessage],
  );

  // The same sensors from one render to the next: new ones would give every card's `useSortable` new activators,
  // and opening or moving one idea would draw every card on the board again.
  const keyboardOptions = useMemo(() => ({ coordinateGetter: keyboardCoordinates }), [keyboardCoordinates]);
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  const collisionDetection: CollisionDetection = useCallback((args) => {
    const current = dragRef.current;
    if (current?.keyboard) {
      const here = findIdea(current.columns, current.id);
      return here ? [{ id: zoneDropId(here.zone) }] : [];
    }
    if (!overTheBoard(args.pointerCoordinates)) {
      lastOverId.current = null;
      return [];
    }
    // The lists and the plane say where the pointer is, not the cards: a card scrolled out of its list's view keeps
    // its place beyond the list's edge, over the quadrant beside it on screen, and took the drop meant for that one.
    const places = {
      ...args,
      droppableContainers: args.droppableContainers.filter((c) => parseIdeaId(c.id) === null),
    };
    // Over a quadrant's heading, that quadrant; elsewhere, the list the dragged card overlaps most.
    let overId =
      getFirstCollision(pointerWithin(places), "id") ??
      zoneAround(args.pointerCoordinates) ??
      getFirstCollision(rectIntersection(places), "id");
    if (overId == null) {
      // Just moved to a new zone: the layout is catching up, keep the last target to avoid flicker.
      if (movedToNewZone.current) lastOverId.current = args.active.id;
      return lastOverId.current ? [{ id: lastOverId.current }] : [];
    }
    const zone = parseZoneId(overId);
    const list = zone && args.droppableRects.get(overId);
    if (zone && list) {
      // Then the card of that list nearest the pointer, among those it shows whole: before a card cut by the list's
      // top edge, the dropped card would land mostly out of view. Where none shows whole (a list lower than a card),
      // among those it shows at all.
      const items = new Set(viewRef.current[zone].map((i) => ideaDragId(i.id)));
      const cards = args.droppableContainers.flatMap((c) => {
        const box = items.has(String(c.id)) ? args.droppableRects.get(c.id) : undefined;
        return box && box.bottom > list.top && box.top < list.bottom ? [{ c, box }] : [];
      });
      const whole = cards.filter(({ box }) => box.top >= list.top && box.bottom <= list.bottom);
      const inView = (whole.length > 0 ? whole : cards).map(({ c }) => c);
      if (inView.length > 0) {
        overId = closestCenter({ ...args, droppableContainers: inView })[0]?.id ?? overId;
      }
    }
    lastOverId.current = overId;
    return [{ id: overId }];
  }, []);

  const onDragStart = useCallback(
    ({ active, activatorEvent }: DragStartEvent) => {
      const id = parseIdeaId(active.id);
      const here = id === null ? null : findIdea(columns, id);
      if (id === null || !here) return;
      updateDrag({
        id,
        from: { zone: here.zone, index: here.index },
        columns,
        keyboard: activatorEvent instanceof KeyboardEvent,
      });
    },
    [columns, updateDrag],
  );

  const onDragOver = useCallback(
    ({ active, over }: DragOverEvent) => {
      const current = dragRef.current;
      if (!current || current.keyboard) return;
      const cols = current.columns;
      const here = findIdea(cols, current.id);
      if (!over) {
        // Off the board: the card shows back where it came from, where letting go leaves it.
        const { zone, index } = current.from;
        if (here && (here.zone !== zone || here.index !== index))
          updateDrag({ ...current, columns: moveInColumns(cols, current.id, zone, index) });
        return;
      }
      const overIdea = parseIdeaId(over.id);
      const overFound = overIdea === null ? null : findIdea(cols, overIdea);
      const toZone = overFound?.zone ?? parseZoneId(over.id);
      if (!here || !toZone || toZone === here.zone) return;
      let index = cols[toZone].length;
      if (overFound) {
        const translated = active.rect.current.translated;
        const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
        index = overFound.index + (below ? 1 : 0);
      }
      movedToNewZone.current = true;
      updateDrag({ ...current, columns: moveInColumns(cols, current.id, toZone, index) });
    },
    [updateDrag],
  );

  const onDragMove = useCallback(
    ({ over, activatorEvent, delta }: DragMoveEvent) => {
      if (dragRef.current?.keyboard) return; // the keyboard's spot is set as it moves
      // The pointer's own place: @dnd-kit's delta keeps the scroll of a list the card left (the view switched to the
      // chart mid-drag), and the ghost, and the drop, were a list's scroll away from the pointer.
      planePointer.set(
        over?.id === PLANE_DROP_ID ? (pointerRef.current ?? pointerAt(activatorEvent, delta)) : null,
      );
    },
    [planePointer],
  );

  // Where the pointer is, read from its own events: @dnd-kit reports moves a render later, and its scrolling runs
  // between them.
  useEffect(() => {
    const track = (e: PointerEvent) => {
      pointerRef.current = { x: e.clientX, y: e.clientY };
    };
    window.addEventListener("pointermove", track, { capture: true, passive: true });
    window.addEventListener("pointerdown", track, { capture: true, passive: true });
    window.addEventListener("pointerup", track, { capture: true, passive: true });
    return () => {
      window.removeEventListener("pointermove", track, { capture: true });
      window.removeEventListener("pointerdown", track, { capture: true });
      window.removeEventListener("pointerup", track, { capture: true });
    };
  }, []);

  // @dnd-kit scrolls a list while the pointer is near its edge or past it, so a card dragged out of a long list
  // scrolled that list on and on (hundreds of cards in a second) and shifted where the card was measured to be. A list
  // scrolls only while the pointer is over it; a keyboard drag scrolls as @dnd-kit does.
  const autoScroll = useMemo(
    () => ({
      canScroll: (element: Element) => {
        const pointer = pointerRef.current;
        if (!pointer || dragRef.current?.keyboard) return true;
        return within(pointer, element.getBoundingClientRect());
      },
    }),
    [],
  );

  /** Drops a card dragged with the pointer by what is under the pointer where it was let go of (`at`), where that
   * tells another place than @dnd-kit's `over`, which can be a move old. Returns whether the drop is made (nothing
   * moves off the board). */
  const dropAtPointer = useCallback(
    (current: Drag, at: Point | null, over: { id: UniqueIdentifier } | null): boolean => {
      if (!at) return false;
      if (!overTheBoard(at)) return true;
      const landing = landingAt(current.columns, current.id, at);
      if (landing?.plane === true) {
        if (over?.id === PLANE_DROP_ID || !onPlaneDrop) return false;
        onPlaneDrop(current.id, at.x, at.y);
        return true;
      }
      const here = findIdea(current.columns, current.id);
      if (!landing || !here || landing.zone === here.zone) return false;
      const { zone, index } = current.from;
      if (landing.zone !== zone || landing.index !== index) onMove(current.id, landing.zone, landing.index);
      return true;
    },
    [onMove, onPlaneDrop],
  );

  /** Moves a card dragged with the pointer within its own list to where the pointer let go of it, when @dnd-kit's
   * word (a move old) left it where it was: a flick within a list did nothing. */
  const reorderAtPointer = useCallback(
    (current: Drag, at: Point | null) => {
      const landing = at && overTheBoard(at) ? landingAt(current.columns, current.id, at) : null;
      const { zone, index } = current.from;
      if (landing?.plane === false && landing.zone === zone && landing.index !== index)
        onMove(current.id, zone, landing.index);
    },
    [onMove],
  );

  const onDragEnd = useCallback(
    ({ over, activatorEvent, delta }: DragEndEvent) => {
      const current = dragRef.current;
      const keyboardSpot = current?.keyboard ? planePointer.get() : null;
      updateDrag(null);
      planePointer.set(null);
      lastOverId.current = null;
      if (!current) return;
      // The card was drawn anew in each list it passed through: the focus follows it to where it lands.
      if (current.keyboard) refocusCard(current.id);
      // Where the pointer let go of a card it dragged (none for the keyboard's).
      const at = current.keyboard ? null : (pointerRef.current ?? pointerAt(activatorEvent, delta));
      if (!current.keyboard && dropAtPointer(current, at, over)) return;
      if (!current.keyboard && !over) return; // dropped outside the board: nothing moves
      // On the plane, the idea lands under the pointer, wherever the card was grabbed; moved by the keyboard, where
      // its ghost showed.
      const pointer = keyboardSpot ?? at;
      if ((keyboardSpot !== null || over?.id === PLANE_DROP_ID) && onPlaneDrop && pointer) {
        onPlaneDrop(current.id, pointer.x, pointer.y);
        return;
      }
      let cols = current.columns;
      const here = findIdea(cols, current.id);
      if (!here) return;
      const overIdea = current.keyboard ? null : parseIdeaId(over?.id);
      const overFound = overIdea === null ? null : findIdea(cols, overIdea);
      if (overFound && overFound.zone === here.zone && overFound.index !== here.index) {
        cols = { ...cols, [here.zone]: arrayMove(cols[here.zone], here.index, overFound.index) };
      }
      const final = findIdea(cols, current.id);
      if (!final) return;
      if (final.zone !== current.from.zone || final.index !== current.from.index) {
        onMove(current.id, final.zone, final.index);
      } else if (!current.keyboard) {
        reorderAtPointer(current, at);
      }
    },
    [onMove, onPlaneDrop, updateDrag, planePointer, dropAtPointer, reorderAtPointer],
  );

  // A press, a flick and a release within a frame or two: @dnd-kit lets go of a drag it has not taken in yet without
  // a word to `onDragEnd` or `onDragCancel`. The card stayed where it was, and the list it had been over stayed lit
  // as the drop's target until the next drag. The drop is made here then, from where the pointer was let go of.
  const dragEnded = useRef<(current: Drag, at: Point) => void>(() => undefined);
  useEffect(() => {
    dragEnded.current = (current, at) => {
      updateDrag(null);
      planePointer.set(null);
      lastOverId.current = null;
      if (!dropAtPointer(current, at, null)) reorderAtPointer(current, at);
    };
  });
  useEffect(() => {
    const up = (e: PointerEvent) => {
      const current = dragRef.current;
      if (!current || current.keyboard) return;
      const at = { x: e.clientX, y: e.clientY };
      // After @dnd-kit's own handler, which runs after this one (on the window, not captured).
      window.setTimeout(() => {
        if (dragRef.current === current) dragEnded.current(current, at);
      }, 0);
    };
    window.addEventListener("pointerup", up, { capture: true, passive: true });
    return () => {
      window.removeEventListener("pointerup", up, { capture: true });
    };
  }, []);

  // While a card is carried, Ctrl+Z and Ctrl+Y wait: pressed mid-drag, they undid an earlier change of the board, and
  // the drop was saved after it all the same. So do the keys that act on an idea (`actsOnIdea`), and V while the card
  // is carried with the keys (`switchesView`).
  const carrying = drag === null ? null : drag.keyboard ? "keys" : "pointer";
  useEffect(() => {
    if (!carrying) return;
    const onKey = (e: KeyboardEvent) => {
      if (isUndoOrRedo(e) || actsOnIdea(e) || (carrying === "keys" && switchesView(e))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
    };
  }, [carrying]);

  const onDragCancel = useCallback(() => {
    updateDrag(null);
    planePointer.set(null);
    lastOverId.current = null;
  }, [updateDrag, planePointer]);

  // Said in the board's live region, not @dnd-kit's own, whose text changes in place: WebKitGTK tells screen readers
  // nothing of that (LiveRegion), and the two held different words at once. @dnd-kit is given nothing to say.
  const announcements: Announcements = useMemo(() => {
    const say = (id: UniqueIdentifier, what: string, cols: Columns): string | undefined => {
      const idea = parseIdeaId(id);
      if (idea !== null) setLiveMessage(`${what} ${placeOf(cols, idea)}`);
      return undefined;
    };
    return {
      onDragStart: ({ active }) => say(active.id, "Picked up.", viewRef.current),
      // A drag by the pointer is not followed step by step: the board would be drawn again at each list it passes.
      // The keys' steps are said as they move it (keyboardCoordinates).
      onDragOver: () => undefined,
      onDragEnd: ({ active }) => say(active.id, "Dropped.", viewRef.current),
      onDragCancel: ({ active }) => say(active.id, "Move cancelled.", columns),
    };
  }, [columns, setLiveMessage]);

  const activeIdea = drag ? (findIdea(drag.columns, drag.id)?.idea ?? null) : null;
  const overZone = drag ? (findIdea(drag.columns, drag.id)?.zone ?? null) : null;

  return {
    view,
    activeIdea,
    overZone,
    planePointer,
    dndContextProps: {
      sensors,
      autoScroll,
      collisionDetection,
      onDragStart,
      onDragMove,
      onDragOver,
      onDragEnd,
      onDragCancel,
      accessibility: {
        announcements,
        screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS },
      },
    },
  };
}

/** Where the pointer that started a drag is now (viewport coordinates); `null` for a keyboard drag. */
function pointerAt(activatorEvent: Event | null, delta: Point): Point | null {
  if (!(activatorEvent instanceof PointerEvent || activatorEvent instanceof MouseEvent)) return null;
  return { x: activatorEvent.clientX + delta.x, y: activatorEvent.clientY + delta.y };
}
