// Dragging a dot on the plane with the pointer, or moving it with the arrow keys (0.1; Shift: 1). While it moves,
// `live` holds the scores it would get; it is placed once, on drop. The keys either nudge the dot at once, a burst
// of nudges placed as one change (`onArrowKey`), or move it once picked up with Space or Enter, as a card on the
// quadrants is: Space or Enter puts it down, and leaving it does too (`onPickUpKey`). Escape puts back a move not
// placed yet: the dot returns to where it was and nothing is saved.
import { useEffect, useRef, useState } from "react";

import { actsOnIdea, switchesView } from "../../lib/carrying";
import { isUndoOrRedo } from "../../lib/text";
import { scoresAt, type Point } from "./scale";

export interface Scores {
  payoff: number;
  cost: number;
}

interface PlaneDragOptions {
  /** Where the dot sits now. */
  saved: Scores;
  planeRect: () => DOMRect | null;
  /** The dot was grabbed or nudged (e.g. to select it). */
  onGrab?: (() => void) | undefined;
  onPlace: (payoff: number, cost: number) => void;
  /** Place a burst of nudges as one change, half a second after the last (the default), or each nudge at once. */
  batchNudges?: boolean | undefined;
}

const NUDGE_SAVE_DELAY = 500;

/** How far the pointer goes, in pixels, before a press on a dot becomes a drag (as a card's on the quadrants): a
 * click that slipped 4 pixels moved the dot, across a quadrant's line when it sat near one. */
const DRAG_SLOP_PX = 5;

/** How far past the plane's edge the pointer may go with the dot pinned at the edge (a drag to a 10 overshoots it).
 * Further, over the toolbar or the tray, the dot goes back, and letting go there places nothing: it was placed at the
 * edge, and the idea moved to another quadrant. */
const PAST_EDGE_PX = 40;

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [1, 0],
  ArrowDown: [-1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

export function usePlaneDrag({ saved, planeRect, onGrab, onPlace, batchNudges = true }: PlaneDragOptions) {
  const [live, setLive] = useState<Scores | null>(null);
  const drag = useRef<{
    pointerId: number;
    moved: boolean;
    grab: Point;
    from: Point;
    /** The chart's window on the plane (`.plane`), which is what is on screen of a plane zoomed in. */
    shown: Element | null;
  } | null>(null);
  const nudgeTimer = useRef<number | null>(null);
  /** Picked up with the keyboard: the arrows move it until it is put down. */
  const [pickedUp, setPickedUp] = useState(false);

  useEffect(
    () => () => {
      if (nudgeTimer.current !== null) window.clearTimeout(nudgeTimer.current);
    },
    [],
  );

  // While a move is under way, Escape is its own, wherever the focus is (a dragged dot need not have it): it does not
  // reach the page's other keys, which would close a panel or drop the selection as well.
  const moving = live !== null;
  useEffect(() => {
    if (!moving) return;
    const onKey = (e: KeyboardEvent) => {
      // The keys that act on an idea wait, and so does V (lib/carrying.ts).
      if (actsOnIdea(e) || switchesView(e)) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      // Undo or redo while the dot is moved (dragged, picked up with the keys, or nudged and not placed yet) puts it
      // back too, and leaves the board's history alone: the board's last change was undone under it, and putting it
      // down brought that change back with the move.
      if (e.key !== "Escape" && !isUndoOrRedo(e)) return;
      e.preventDefault();
      e.stopPropagation();
      drag.current = null;
      if (nudgeTimer.current !== null) window.clearTimeout(nudgeTimer.current);
      nudgeTimer.current = null;
      setLive(null);
      setPickedUp(false);
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
    };
  }, [moving]);

  /** The scores the dot gets under the pointer, or `null` where letting go places nothing (far off the plane). */
  function scoresFor(clientX: number, clientY: number) {
    const rect = planeRect();
    if (!rect || !drag.current) return null;
    const on = drag.current.shown?.getBoundingClientRect() ?? rect;
    const off =
      clientX < on.left - PAST_EDGE_PX ||
      clientX > on.right + PAST_EDGE_PX ||
      clientY < on.top - PAST_EDGE_PX ||
      clientY > on.bottom + PAST_EDGE_PX;
    if (off) return null;
    // The dot stays in what is on screen: past the edge of a plane zoomed in, it was placed just out of sight.
    const within = (v: number, from: number, to: number) => Math.min(to, Math.max(from, v));
    const x = within(clientX - drag.current.grab.x, on.left, on.right) - rect.left;
    const y = within(clientY - drag.current.grab.y, on.top, on.bottom) - rect.top;
    return scoresAt({ x, y }, rect.width, rect.height);
  }

  function nudge(dPayoff: number, dCost: number) {
    const next = moved(live ?? saved, dPayoff, dCost);
    if (!batchNudges) {
      onPlace(next.payoff, next.cost);
      return;
    }
    setLive(next);
    if (nudgeTimer.current !== null) window.clearTimeout(nudgeTimer.current);
    nudgeTimer.current = window.setTimeout(() => {
      nudgeTimer.current = null;
      onPlace(next.payoff, next.cost);
      setLive(null);
    }, NUDGE_SAVE_DELAY);
  }

  const handlers = {
    onPointerDown: (e: React.PointerEvent<HTMLElement>) => {
      if (e.button !== 0) return;
      const rect = e.currentTarget.getBoundingClientRect();
      // Where inside the dot the pointer grabbed it, so the dot does not jump under the pointer.
      const dot = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      drag.current = {
        pointerId: e.pointerId,
        moved: false,
        grab: { x: e.clientX - dot.x, y: e.clientY - dot.y },
        from: { x: e.clientX, y: e.clientY },
        shown: e.currentTarget.closest(".plane"),
      };
      e.currentTarget.setPointerCapture(e.pointerId);
      setPickedUp(false);
      onGrab?.();
    },
    onPointerMove: (e: React.PointerEvent<HTMLElement>) => {
      const current = drag.current;
      if (current?.pointerId !== e.pointerId) return;
      if (!current.moved && Math.hypot(e.clientX - current.from.x, e.clientY - current.from.y) < DRAG_SLOP_PX)
        return;
      current.moved = true;
      // Off the plane, the dot shows back where it was.
      setLive(scoresFor(e.clientX, e.clientY));
    },
    onPointerUp: (e: React.PointerEvent<HTMLElement>) => {
      const current = drag.current;
      if (current?.pointerId !== e.pointerId) return;
      const next = current.moved ? scoresFor(e.clientX, e.clientY) : null;
      drag.current = null;
      if (next && (next.payoff !== saved.payoff || next.cost !== saved.cost)) onPlace(next.payoff, next.cost);
      setLive(null);
    },
    onPointerCancel: () => {
      drag.current = null;
      setLive(null);
    },
  };

  /** Handles an arrow key (returns true), else leaves the key alone. */
  function onArrowKey(e: React.KeyboardEvent): boolean {
    const move = ARROWS[e.key];
    if (!move) return false;
    e.preventDefault();
    const step = e.shiftKey ? 1 : 0.1;
    onGrab?.();
    nudge(move[0] * step, move[1] * step);
    return true;
  }

  /** Puts a dot picked up with the keyboard down where it is now: placed there when it moved. */
  function putDown() {
    if (!pickedUp) return;
    setPickedUp(false);
    setLive(null);
    if (live && (live.payoff !== saved.payoff || live.cost !== saved.cost)) onPlace(live.payoff, live.cost);
  }

  /** Space or Enter picks the dot up and puts it down; while it is up, the arrows move it. Returns whether the key
   * was one of these (the others, such as the arrows of a dot not picked up, are left to the page). */
  function onPickUpKey(e: React.KeyboardEvent): boolean {
    // Undo and redo while the dot is up: the window's keys above, as while it moves.
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === " " || e.key === "Enter") {
      e.preventDefault();
      if (pickedUp) {
        putDown();
      } else {
        onGrab?.();
        setPickedUp(true);
        setLive(saved);
      }
      return true;
    }
    const move = ARROWS[e.key];
    if (!pickedUp || !move) return false;
    e.preventDefault();
    const step = e.shiftKey ? 1 : 0.1;
    setLive(moved(live ?? saved, move[0] * step, move[1] * step));
    return true;
  }

  return { live, pickedUp, handlers, onArrowKey, onPickUpKey, putDown };
}

/** `from` moved by the given amounts, in tenths, within 0–10. */
function moved(from: Scores, dPayoff: number, dCost: number): Scores {
  return {
    payoff: Math.round(Math.min(10, Math.max(0, from.payoff + dPayoff)) * 10) / 10,
    cost: Math.round(Math.min(10, Math.max(0, from.cost + dCost)) * 10) / 10,
  };
}
