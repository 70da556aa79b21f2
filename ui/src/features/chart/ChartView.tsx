// The board as a plane: cost/risk to the right, payoff up, the thresholds as the quadrant borders. Placed ideas are
// markers; ideas from the Unsorted tray can be dropped anywhere on it.
//
// It stays readable and quick with thousands of ideas: the plane zooms and pans (wheel, pinch, keys, buttons), and
// where markers are too many to show one by one they are drawn on a canvas, shaded and counted per cell, each cell a
// button of its own for the keyboard and screen readers (it zooms in). Real marker elements are made only for what
// is shown one by one, selected or focused, so the page holds a few hundred elements whatever the board's size.
import { useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";

import type { Board, Idea } from "../../lib/bindings";
import { styleRef, type Declarations } from "../../lib/styleAttribute";
import {
  contains,
  DIRECTIONS,
  inDirection,
  overlaps,
  placeLabels,
  type Box,
  type Direction,
  type LabelPlace,
} from "./geometry";
import { fractionOf, type Point } from "./scale";
import {
  atOneSpot,
  boxAround,
  cellCount,
  cellGrid,
  clampView,
  countInView,
  contentClip,
  fitView,
  follow,
  ideasIn,
  listed,
  listOf,
  MAX_ZOOM,
  middleOf,
  NEIGHBOURS,
  panBy,
  partition,
  spotsTakenIn,
  toWindow,
  underName,
  WHOLE_PLANE,
  zoomAt,
  zoomOnto,
  type Cell,
  type ListOf,
  type View,
} from "./view";
import { DragHooksContext } from "../board/dragHooks";
import type { PointerStore } from "../board/pointerStore";
import { keyForBoard } from "../board/useShortcuts";
import { drawCells, releasePixels } from "./drawCells";
import { IdeaList } from "./IdeaList";
import { Marker } from "./Marker";
import { PlaneFrame } from "./PlaneFrame";
import { PlaneGhost } from "./PlaneGhost";

import "./chart.css";

interface ChartViewProps {
  board: Board;
  selectedId: number | null;
  /** Ideas that match the search; `null` when nothing is filtered. */
  matches: Set<number> | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onPlace: (id: number, payoff: number, cost: number) => void;
  /** The whole plane at the current zoom (it may reach beyond the window): its rectangle maps points to scores. */
  planeRef: React.RefObject<HTMLDivElement | null>;
  /** An idea being dragged onto the plane from the tray, and where the pointer is. */
  incoming?: { title: string; pointer: PointerStore } | null;
  /** The idea whose card had the focus as the view switched to the chart (V): its marker is drawn to take it, in a
   * crowded cell too. */
  arriving?: number | null;
  /** An idea to bring into the window (Enter in the search, its first match outside the window zoomed in). */
  reveal?: { id: number } | null;
}

const DEFAULT_PLACE: LabelPlace = { side: "right", shift: 0 };
/** A marker whose title is left out (one that does not match the search): shown on hover and focus. */
const UNTITLED: LabelPlace = { side: "hidden", shift: 0 };
/** A title's box as `.marker-label` draws it: its text's width plus padding, at most 150 pixels, one line high; at
 * as much of its whole length, up to 280, as its side has room for (`.marker-cap-*`). */
const LABEL_MAX_WIDTH = 150;
const LABEL_WIDE_WIDTH = 280;
const LABEL_HEIGHT = 18;
/** Cells of this many pixels count their markers when they hold more than one. */
const CELL_SIZE = 36;
/** At most this many markers are real elements (besides the selected and the focused one). */
const MAX_SINGLES = 250;
/** A pointer that moves less than this between press and release clicks. */
const CLICK_SLOP = 4;
const ZOOM_STEP = 2;
/** How far a marker may reach past the window at an edge of the plane: `--plane-bleed` in chart.css. */
const PLANE_BLEED = 12;

let measureContext: CanvasRenderingContext2D | null | undefined;
function labelSizes(title: string): Record<"label" | "whole", { width: number; height: number }> {
  if (measureContext === undefined) {
    measureContext = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    if (measureContext) {
      const style = getComputedStyle(document.documentElement);
      measureContext.font = `${style.getPropertyValue("--font-xs").trim() || "12px"} ${style.fontFamily}`;
    }
  }
  const text = measureContext?.measureText(title).width ?? title.length * 7;
  const width = Math.ceil(text) + 12;
  return {
    label: { width: Math.min(width, LABEL_MAX_WIDTH), height: LABEL_HEIGHT },
    whole: { width: Math.min(width, LABEL_WIDE_WIDTH), height: LABEL_HEIGHT },
  };
}

const scoresText = (idea: Idea) =>
  `payoff ${idea.position?.payoff ?? 0}, cost/risk ${idea.position?.cost ?? 0}`;

/** A cell's accessible name: how many, where, and the first few titles. */
function cellLabel(cell: Cell): string {
  const n = cell.ideas.length;
  const first = cell.ideas.slice(0, 5).map((i) => i.title);
  const more = n > first.length ? `; and ${n - first.length} more` : "";
  const at = cell.ideas[0] ? ` near ${scoresText(cell.ideas[0])}` : "";
  return `${n} ideas${at}: ${first.join("; ")}${more}. ${atOneSpot(cell) ? "Press to list them." : "Press to zoom in."}`;
}

/** The plane's inside (its padding box, without the border) on screen: what markers and cells are placed in. */
function insideBox(plane: HTMLElement): Box {
  const rect = plane.getBoundingClientRect();
  const style = getComputedStyle(plane);
  const [left, right] = [parseFloat(style.borderLeftWidth) || 0, parseFloat(style.borderRightWidth) || 0];
  const [top, bottom] = [parseFloat(style.borderTopWidth) || 0, parseFloat(style.borderBottomWidth) || 0];
  return {
    left: rect.left + left,
    top: rect.top + top,
    width: rect.width - left - right,
    height: rect.height - top - bottom,
  };
}

/** The part of the plane each board's chart showed when it was left, while the app runs: switching to the quadrants
 * and back returns to it, where it came back to the whole plane. */
const lastPlaneViews = new Map<number, View>();

type Gesture =
  | { kind: "rect"; pointerId: number; start: Point; end: Point }
  | { kind: "pan"; pointerId: number; start: Point; view: View; moved: boolean }
  | { kind: "click"; pointerId: number; start: Point };

export function ChartView({
  board,
  selectedId,
  matches,
  onSelect,
  onOpen,
  onPlace,
  planeRef,
  incoming = null,
  arriving = null,
  reveal = null,
}: ChartViewProps) {
  const { setNodeRef, isOver } = useContext(DragHooksContext).usePlane();
  const windowRef = useRef<HTMLDivElement | null>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const rectCache = useRef<DOMRect | null>(null);
  const { payoff: tp, cost: tc } = board.thresholds;
  // The same object while the borders stay: each marker would be drawn again at every change of the board.
  const thresholds = useMemo(() => ({ payoff: tp, cost: tc }), [tp, tc]);
  const [view, setViewState] = useState<View>(() => lastPlaneViews.get(board.id) ?? WHOLE_PLANE);
  const viewRef = useRef(view);
  const [hover, setHover] = useState<{ cell: Cell; at: Point } | null>(null);
  // A zoom or a pan puts another cell under the pointer: its list shows at the pointer's next move.
  // Kept for the board at once, not after the next frame: a wheel turned as drag and drop arrived and drew the chart
  // anew (bodyHandover.ts) was lost with the chart it zoomed.
  const setView = useCallback(
    (next: View | ((v: View) => View)) => {
      setHover(null);
      const value = clampView(typeof next === "function" ? next(viewRef.current) : next);
      viewRef.current = value;
      lastPlaneViews.set(board.id, value);
      setViewState(value);
    },
    [board.id],
  );
  /** Where a point of the plane shows in the window now: a moving marker's scores tag keeps inside the window. */
  const inWindow = useCallback((p: Point) => toWindow(viewRef.current, p), []);
  const [focusedId, setFocusedId] = useState<number | null>(arriving);
  const [focusedCell, setFocusedCell] = useState<string | null>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const gestureRef = useRef<Gesture | null>(null);
  const [list, setList] = useState<ListOf | null>(null);
  const listOpener = useRef<HTMLElement | null>(null);
  /** Where (window fractions) the focus should land after the view changes, e.g. inside a cell zoomed into. */
  const pendingFocus = useRef<Point | null>(null);
  const [theme, setTheme] = useState(() => document.documentElement.dataset.theme ?? "");

  // Another board shows what its chart showed last, or the whole plane.
  const [shownBoard, setShownBoard] = useState(board.id);
  if (shownBoard !== board.id) {
    setShownBoard(board.id);
    setHover(null);
    setViewState(() => {
      const shown = lastPlaneViews.get(board.id) ?? WHOLE_PLANE;
      viewRef.current = shown;
      return shown;
    });
    setList(null);
  }

  // The selected idea moved (nudged by the keys, undone) out of the window: the window follows it. Choosing another
  // idea, or zooming elsewhere, leaves the window where it is.
  // Found once per board and selection, not at each frame of a pan or zoom (10,000 ideas).
  const chosen = useMemo(
    () => board.ideas.find((i) => i.id === selectedId)?.position,
    [board.ideas, selectedId],
  );
  const followed = useRef<{
    id: number | null;
    payoff?: number | undefined;
    cost?: number | undefined;
    reveal?: { id: number } | null;
  }>({ id: null });
  // A marker carried with the keys, before it is put down: the window follows it too.
  const followCarried = useCallback(
    (payoff: number, cost: number) => {
      setView((v) => follow(v, fractionOf(payoff, cost)));
    },
    [setView],
  );
  useEffect(() => {
    const before = followed.current;
    followed.current = { id: selectedId, payoff: chosen?.payoff, cost: chosen?.cost, reveal };
    // Or chosen and asked to be shown (`reveal`, once).
    const asked = reveal !== before.reveal && reveal?.id === selectedId;
    if (!chosen || (!asked && before.id !== selectedId)) return;
    if (!asked && before.payoff === chosen.payoff && before.cost === chosen.cost) return;
    setView((v) => follow(v, fractionOf(chosen.payoff, chosen.cost)));
  }, [selectedId, chosen, setView, reveal]);

  useEffect(() => {
    const observer = new MutationObserver(() => {
      setTheme(document.documentElement.dataset.theme ?? "");
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => {
      observer.disconnect();
    };
  }, []);

  const setWindowRefs = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      windowRef.current = node;
    },
    [setNodeRef],
  );
  const planeRect = useCallback(() => {
    rectCache.current = planeRef.current?.getBoundingClientRect() ?? rectCache.current;
    return rectCache.current;
  }, [planeRef]);

  // The window's size and where its quadrant names stand, measured after layout, for placing the titles.
  const [layout, setLayout] = useState<{ width: number; height: number; names: Box[] } | null>(null);
  useLayoutEffect(() => {
    const plane = windowRef.current;
    if (!plane) return;
    const measure = () => {
      const rect = insideBox(plane);
      const names = [...plane.querySelectorAll(".plane-quadrant-name")].map((n) => {
        const r = n.getBoundingClientRect();
        return { left: r.left - rect.left, top: r.top - rect.top, width: r.width, height: r.height };
      });
      setLayout((old) =>
        old &&
        old.width === rect.width &&
        old.height === rect.height &&
        JSON.stringify(old.names) === JSON.stringify(names)
          ? old
          : { width: rect.width, height: rect.height, names },
      );
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(plane);
    return () => {
      observer.disconnect();
    };
  }, [tp, tc, view]);

  const placed = useMemo(() => board.ideas.filter((i) => i.position), [board.ideas]);
  // The list as the board is now: an idea moved shows its new scores, or leaves a list of one spot's ideas (the list
  // said "22 ideas" of a spot that had 21, with the moved one still at its old scores).
  const shownList = useMemo(() => list && listed(list, placed, matches), [list, placed, matches]);
  const keep = useMemo(() => {
    const ids = new Set<number>();
    for (const id of [selectedId, focusedId]) {
      if (id !== null && placed.some((i) => i.id === id)) ids.add(id);
    }
    return ids;
  }, [selectedId, focusedId, placed]);

  // A search's matches, when not too many, each with its title: counted in cells, they were bubbles of "1" among the
  // others, and a click listed the whole cell without saying which idea matched. (More matches than that lay out as
  // no search does, without laying the plane out again at each key typed.)
  const prefer = matches !== null && matches.size <= MAX_SINGLES ? matches : undefined;
  const { singles, cells, inView } = useMemo(
    () =>
      layout
        ? partition(placed, view, layout.width, layout.height, {
            cellSize: CELL_SIZE,
            maxSingles: MAX_SINGLES,
            keep,
            prefer,
          })
        : { singles: [], cells: [], inView: 0 },
    [placed, view, layout, keep, prefer],
  );
  // With a search on, the hint counts its matches: it counted the ideas the search dims too.
  const matchesInView = useMemo(
    () => matches && layout && countInView(placed, matches, view, layout.width, layout.height),
    [placed, matches, view, layout],
  );
  const placedMatches = useMemo(
    () => matches && placed.reduce((n, i) => n + (matches.has(i.id) ? 1 : 0), 0),
    [placed, matches],
  );
  const cellsByKey = useMemo(() => new Map(cells.map((c) => [c.key, c])), [cells]);
  /** The cells whose count lies under the selected or focused idea's marker, kept out of them: the marker hid the
   * count of the ideas around it. Their buttons write it, at the badge's corner away from the marker. */
  const underMarker = useMemo(() => {
    const under = new Map<string, string>();
    if (!layout || keep.size === 0) return under;
    for (const idea of singles) {
      if (!keep.has(idea.id)) continue;
      const w = toWindow(view, fractionOf(idea.position?.payoff ?? 0, idea.position?.cost ?? 0));
      const [x, y] = [w.x * layout.width, w.y * layout.height];
      const dot = { left: x - 7, top: y - 7, width: 14, height: 14 };
      for (const cell of cells) {
        if (!overlaps(cell.badge, dot)) continue;
        const { left, top, width, height } = cell.badge;
        const corner = `${y < top + height / 2 ? "bottom" : "top"}-${x < left + width / 2 ? "right" : "left"}`;
        under.set(cell.key, corner);
      }
    }
    return under;
  }, [singles, cells, keep, view, layout]);
  /** The counts the cells' buttons write, by cell: under a quadrant name, where the canvas beneath the names cannot,
   * and under a marker kept out of them. */
  const countedByButton = useMemo(() => {
    const counts = new Map<string, number>();
    if (!layout) return counts;
    for (const cell of cells)
      if (underName(cell, layout.names) || underMarker.has(cell.key))
        counts.set(cell.key, cellCount(cell, matches));
    return counts;
  }, [cells, layout, matches, underMarker]);

  // Each title on the side of its dot where it stays in the window and covers no dot, title or count, and no quadrant
  // name where it can.
  // While searching, only the matches (and the selected idea) have titles, placed over the dimmed rest: on a board of
  // thousands, the counts around left a match no room for its title.
  const labels = useMemo(() => {
    if (!layout) return new Map<number, LabelPlace>();
    const titled = (id: number) => matches === null || matches.has(id) || id === selectedId;
    const markers = singles
      .filter((idea) => titled(idea.id))
      .map((idea) => {
        const w = toWindow(view, fractionOf(idea.position?.payoff ?? 0, idea.position?.cost ?? 0));
        return {
          id: idea.id,
          at: { x: w.x * layout.width, y: w.y * layout.height },
          ...labelSizes(idea.title),
        };
      });
    markers.sort((a, b) => Number(b.id === selectedId) - Number(a.id === selectedId));
    const counts = cells.filter((c) => cellCount(c, matches) > 0).map((c) => c.badge);
    const places = placeLabels(markers, layout.width, layout.height, counts, layout.names);
    for (const idea of singles) if (!titled(idea.id)) places.set(idea.id, UNTITLED);
    return places;
  }, [singles, cells, view, layout, selectedId, matches]);

  // The crowded cells, drawn before the frame is painted.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !layout) return;
    drawCells(canvas, cells, view, layout.width, layout.height, matches, countedByButton);
  }, [cells, view, layout, matches, theme, countedByButton]);
  // The canvas's pixels go with the chart, not with the next garbage collection: a plane's worth each time the chart
  // is left, which waited in memory until JavaScriptCore next collected the element.
  useEffect(() => {
    const canvas = canvasRef.current;
    return () => {
      if (canvas) releasePixels(canvas);
    };
  }, []);

  // The focus, after a zoom into a cell: the marker or cell nearest to where it was.
  useLayoutEffect(() => {
    const at = pendingFocus.current;
    const plane = windowRef.current;
    if (!at || !plane || !layout) return;
    pendingFocus.current = null;
    const rect = insideBox(plane);
    let best: HTMLElement | null = null;
    let bestDistance = Infinity;
    for (const el of plane.querySelectorAll<HTMLElement>(IN_REACH)) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(
        r.left + r.width / 2 - rect.left - at.x * rect.width,
        r.top + r.height / 2 - rect.top - at.y * rect.height,
      );
      if (d < bestDistance) [best, bestDistance] = [el, d];
    }
    (best ?? plane).focus(KEYBOARD_FOCUS);
  });

  const zoomIntoCell = useCallback(
    (cell: Cell, focus: boolean) => {
      if (!layout) return;
      // Ideas with the same scores stay one cell at any zoom: they are listed at once.
      const oneSpot = atOneSpot(cell);
      if (viewRef.current.k >= MAX_ZOOM || oneSpot) {
        const [first] = cell.ideas;
        const where = first && oneSpot ? `at ${scoresText(first)}` : "close together";
        // The list gives the focus back to the count it was opened from (Tab went on from the first count again).
        const from = document.activeElement;
        listOpener.current = from instanceof HTMLElement && from.closest(".plane-cell") ? from : null;
        setList(listOf(where, cell.ideas, { spot: oneSpot ? (first?.position ?? null) : null }));
        return;
      }
      // Onto the middle of its ideas, brought to the window's middle where they have room to spread: kept where it
      // was on screen, a cell near an edge opened into a corner of an empty window.
      const middle = middleOf(cell.ideas) ?? { x: 0.5, y: 0.5 };
      const next = zoomOnto(viewRef.current, 4, middle);
      setView(next);
      if (focus) pendingFocus.current = toWindow(next, middle);
    },
    [layout, setView],
  );

  /** The focused marker or count, when the focus is on one: where it is drawn in the window (fractions of it), and
   * where its ideas are on the plane (fractions of the whole plane; a count's badge is drawn off them at an edge). */
  const focused = useCallback((): { at: Point; ideas: Point } | null => {
    const plane = windowRef.current;
    const active = document.activeElement;
    if (!plane || !(active instanceof HTMLElement) || active === plane || !plane.contains(active))
      return null;
    if (!active.matches(".marker, .plane-cell")) return null;
    const r = active.getBoundingClientRect();
    const p = insideBox(plane);
    const at = {
      x: Math.min(1, Math.max(0, (r.left + r.width / 2 - p.left) / p.width)),
      y: Math.min(1, Math.max(0, (r.top + r.height / 2 - p.top) / p.height)),
    };
    const id = Number(active.dataset.ideaId);
    const key = active.dataset.cellKey;
    const its = key !== undefined ? cellsByKey.get(key)?.ideas : placed.filter((i) => i.id === id);
    const now = viewRef.current;
    const ideas = middleOf(its ?? []) ?? { x: now.x + at.x / now.k, y: now.y + at.y / now.k };
    return { at, ideas };
  }, [cellsByKey, placed]);

  const fit = useCallback(() => {
    const shown = matches ? placed.filter((i) => matches.has(i.id)) : placed;
    const next = fitView(shown.map((i) => fractionOf(i.position?.payoff ?? 0, i.position?.cost ?? 0)));
    // A focused marker is counted with its neighbours once the view is whole again, and a count drawn anew: the focus
    // goes to what is nearest its ideas (0 after a zoom left the focus nowhere, and the arrows did nothing).
    const from = focused();
    if (from) pendingFocus.current = toWindow(next, from.ideas);
    setView(next);
  }, [matches, placed, setView, focused]);

  /** Zooms by `factor` around the focused marker or cell when there is one, else around the window's middle; the
   * focused one's ideas stay in sight (a count at cost/risk 10, drawn a little inside the edge, zoomed into left its
   * ideas past the window's right edge). */
  const zoomBy = useCallback(
    (factor: number) => {
      const from = focused();
      setView((v) => {
        if (!from) return zoomAt(v, factor);
        const next = clampView(follow(zoomAt(v, factor, from.at), from.ideas));
        // A focused count is gone once zoomed into: the focus goes to what is nearest its ideas (+ on a count left
        // the focus nowhere, and the arrows did nothing).
        pendingFocus.current = toWindow(next, from.ideas);
        return next;
      });
    },
    [setView, focused],
  );

  /** + and − zoom in and out, 0 fits: whether `key` was one of them. */
  const zoomKey = useCallback(
    (key: string) => {
      if (key === "+" || key === "=") zoomBy(ZOOM_STEP);
      else if (key === "-" || key === "_") zoomBy(1 / ZOOM_STEP);
      else if (key === "0") fit();
      else return false;
      return true;
    },
    [zoomBy, fit],
  );
  // They work with the focus anywhere on the board too (a card of the tray, the toolbar), not only on the plane, which
  // takes them first; never while typing, in a side panel or under a dialog.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || !keyForBoard(e)) return;
      if (e.target instanceof Element && e.target.closest(".chart-list")) return;
      if (zoomKey(e.key)) e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, [zoomKey]);

  // The wheel zooms around the pointer (a pinch on a touchpad arrives as a wheel with Ctrl); sideways, or with
  // Shift, it pans. React's wheel handler is passive, so this one is added by hand.
  useEffect(() => {
    const plane = windowRef.current;
    if (!plane) return;
    const onWheel = (e: WheelEvent) => {
      // Over the list of ideas, the wheel scrolls the list: it zoomed the chart behind it.
      if (e.target instanceof Element && e.target.closest(".chart-list")) return;
      e.preventDefault();
      const rect = insideBox(plane);
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.height : 1;
      const [dx, dy] = [e.deltaX * unit, e.deltaY * unit];
      if (e.shiftKey || Math.abs(dx) > Math.abs(dy)) {
        const [px, py] = e.shiftKey && dx === 0 ? [dy, 0] : [dx, dy];
        setView((v) => panBy(v, px / rect.width, py / rect.height));
        return;
      }
      const at = { x: (e.clientX - rect.left) / rect.width, y: (e.clientY - rect.top) / rect.height };
      setView((v) => zoomAt(v, Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.002)), at));
    };
    plane.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      plane.removeEventListener("wheel", onWheel);
    };
  }, [setView]);

  // Two fingers on a touch screen pinch to zoom.
  const touches = useRef(new Map<number, Point>());
  const pinch = useRef<{ distance: number; view: View } | null>(null);

  const windowPoint = (e: React.PointerEvent): Point => {
    const rect = windowRef.current ? insideBox(windowRef.current) : null;
    return rect ? { x: e.clientX - rect.left, y: e.clientY - rect.top } : { x: 0, y: 0 };
  };
  const cellAt = (p: Point): Cell | null => {
    const v = viewRef.current;
    if (!layout) return null;
    const { col, row } = cellGrid(v, layout.width, layout.height, CELL_SIZE).at(
      p.x + v.x * layout.width * v.k,
      p.y + v.y * layout.height * v.k,
    );
    // A count centred on its ideas may reach into the square beside its own: the pointer over it is over its cell.
    for (const [dc, dr] of NEIGHBOURS) {
      const near = cellsByKey.get(`${String(col + dc)},${String(row + dr)}`);
      if (near && contains(near.badge, p)) return near;
    }
    return cellsByKey.get(`${String(col)},${String(row)}`) ?? null;
  };
  const startGesture = (g: Gesture | null) => {
    gestureRef.current = g;
    setGesture(g);
  };

  const onPlanePointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    // Markers, the list and its buttons handle their own pointer.
    const target = e.target as HTMLElement;
    if (target.closest(".marker, .chart-list, button")) return;
    if (e.pointerType === "touch") {
      touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (touches.current.size === 2) {
        const [a, b] = [...touches.current.values()] as [Point, Point];
        pinch.current = { distance: Math.hypot(a.x - b.x, a.y - b.y), view: viewRef.current };
        startGesture(null);
        return;
      }
    }
    const at = windowPoint(e);
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // A press handed over by the body drawn before drag and drop arrived (bodyHandover.ts), once the pointer is up.
    }
    setHover(null);
    if (e.button === 1 || (e.button === 0 && (e.shiftKey || e.pointerType === "touch"))) {
      e.preventDefault();
      startGesture({ kind: "pan", pointerId: e.pointerId, start: at, view: viewRef.current, moved: false });
    } else if (e.button === 0) {
      startGesture({ kind: "click", pointerId: e.pointerId, start: at });
    }
  };

  const onPlanePointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const g = gestureRef.current;
    // A marker being dragged, or the pointer over a marker or the list: nothing to do here (and nothing measured,
    // which would cost the dragged marker its frame).
    if (
      !g &&
      !touches.current.has(e.pointerId) &&
      (e.target as HTMLElement).closest(".marker, .chart-list, .chart-hover")
    ) {
      if (hover) setHover(null);
      return;
    }
    const rect = windowRef.current ? insideBox(windowRef.current) : null;
    if (!rect) return;
    if (touches.current.has(e.pointerId)) {
      touches.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (pinch.current && touches.current.size === 2) {
        const [a, b] = [...touches.current.values()] as [Point, Point];
        const mid = {
          x: ((a.x + b.x) / 2 - rect.left) / rect.width,
          y: ((a.y + b.y) / 2 - rect.top) / rect.height,
        };
        const { distance, view: from } = pinch.current;
        setView(zoomAt(from, Math.hypot(a.x - b.x, a.y - b.y) / Math.max(1, distance), mid));
        return;
      }
    }
    const at = windowPoint(e);
    if (!g || g.pointerId !== e.pointerId) {
      // Hovering: the cell under the pointer lists its ideas.
      const cell = cellAt(at);
      if (cell?.key !== hover?.cell.key) setHover(cell ? { cell, at } : null);
      return;
    }
    if (g.kind === "pan") {
      const dx = (at.x - g.start.x) / rect.width;
      const dy = (at.y - g.start.y) / rect.height;
      setView(panBy(g.view, -dx, -dy));
      if (!g.moved && Math.hypot(at.x - g.start.x, at.y - g.start.y) > CLICK_SLOP) {
        startGesture({ ...g, moved: true });
      }
    } else if (g.kind === "click") {
      if (Math.hypot(at.x - g.start.x, at.y - g.start.y) > CLICK_SLOP) {
        startGesture({ kind: "rect", pointerId: g.pointerId, start: g.start, end: at });
      }
    } else {
      startGesture({ ...g, end: at });
    }
  };

  const onPlanePointerUp = (e: React.PointerEvent<HTMLDivElement>) => {
    touches.current.delete(e.pointerId);
    if (touches.current.size < 2) pinch.current = null;
    const g = gestureRef.current;
    if (!g || g.pointerId !== e.pointerId) return;
    startGesture(null);
    if (g.kind === "click") {
      const cell = cellAt(g.start);
      if (cell) zoomIntoCell(cell, false);
      else setList(null);
    } else if (g.kind === "rect" && layout) {
      const box = boxAround([g.start, windowPoint(e)]);
      const area = {
        box,
        view: viewRef.current,
        width: layout.width,
        height: layout.height,
        spots: spotsTakenIn(cells, box, g.start),
      };
      setList(listOf("in the rectangle", ideasIn(placed, area), { area }));
    }
  };

  const onPlaneKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement;
    if (target.closest(".chart-list")) return;
    // The first or last marker or count, in reading order.
    const toEnd = (first: boolean) => {
      const all = windowRef.current?.querySelectorAll<HTMLElement>(IN_REACH) ?? [];
      const to = first ? all[0] : all[all.length - 1];
      to?.focus(KEYBOARD_FOCUS);
      return to !== undefined;
    };
    if (zoomKey(e.key)) {
      e.preventDefault();
    } else if (e.key === "Home" || e.key === "End") {
      if (toEnd(e.key === "Home")) e.preventDefault();
    } else {
      const direction = ARROW_DIRECTIONS[e.key];
      if (!direction || !windowRef.current) return;
      e.preventDefault();
      // On a marker or a count, the arrows go to the next one that way; on the plane, or with none further that way
      // in the window, they move across by a fifth of the window (Shift: a whole window).
      const from = target.closest<HTMLElement>(".marker, .plane-cell");
      if (from && focusNextInDirection(windowRef.current, from, direction)) return;
      const step = e.shiftKey ? 1 : 0.2;
      const { x, y } = DIRECTIONS[direction];
      const panned = panBy(viewRef.current, x * step, y * step);
      const moves = panned.x !== viewRef.current.x || panned.y !== viewRef.current.y;
      // On the plane with nothing to pan that way (the whole chart in view), the arrows step onto the markers, from
      // the first (down, right) or the last (up, left): they did nothing until Home.
      if (!from && !moves) toEnd(direction === "down" || direction === "right");
      else setView(panned);
    }
  };

  const zoomPercent = Math.round(view.k * 100);
  const tools = (
    <>
      <div className="chart-zoom" role="group" aria-label="Zoom">
        <button
          type="button"
          className="button"
          aria-label="Zoom out"
          title="Zoom out (−)"
          disabled={view.k <= 1}
          onClick={() => {
            zoomBy(1 / ZOOM_STEP);
          }}
        >
          −
        </button>
        <output className="chart-zoom-level" aria-live="polite" aria-label={`Zoom ${zoomPercent}%`}>
          {zoomPercent}%
        </output>
        <button
          type="button"
          className="button"
          aria-label="Zoom in"
          title="Zoom in (+)"
          disabled={view.k >= MAX_ZOOM}
          onClick={() => {
            zoomBy(ZOOM_STEP);
          }}
        >
          +
        </button>
        <button type="button" className="button" title="Show every idea (0)" onClick={fit}>
          Fit
        </button>
      </div>
      <span
        className="chart-hint"
        title="Wheel: zoom · Shift+drag: pan · Drag: list the ideas in a rectangle"
      >
        {/* Short enough for a window 1024 pixels wide, with 10,000 ideas; the tooltip says it whole. */}
        {(matchesInView ?? inView).toLocaleString("en")} of{" "}
        {(placedMatches ?? placed.length).toLocaleString("en")}
        {placedMatches === null ? "" : " matches"} in view · Wheel: zoom · Shift+drag: pan · Drag: list ideas
      </span>
    </>
  );

  // Markers and cells in reading order (top to bottom, then left to right), so that Tab follows the plane.
  const items = useMemo(() => {
    if (!layout) return [];
    // A row of the cells' grid at a time, markers and cells alike.
    const grid = cellGrid(view, layout.width, layout.height, CELL_SIZE);
    const [dx, dy] = [view.x * layout.width * view.k, view.y * layout.height * view.k];
    const row = (x: number, y: number) => grid.at(x + dx, y + dy).row;
    const all: { top: number; left: number; idea?: Idea; cell?: Cell; shown: boolean }[] = [];
    for (const idea of singles) {
      const w = toWindow(view, fractionOf(idea.position?.payoff ?? 0, idea.position?.cost ?? 0));
      const [x, y] = [w.x * layout.width, w.y * layout.height];
      // A selected or focused idea is kept as a marker when the window leaves it.
      const shown = w.x >= 0 && w.x <= 1 && w.y >= 0 && w.y <= 1;
      all.push({ top: row(x, y), left: x, idea, shown });
    }
    for (const cell of cells) {
      all.push({ top: row(cell.box.left + 1, cell.box.top + 1), left: cell.badge.left, cell, shown: true });
    }
    return all.sort((a, b) => a.top - b.top || a.left - b.left);
  }, [singles, cells, view, layout]);

  // One Tab stop for them all (the arrows go from one to the next): the one the focus was on last, else the selected
  // idea, else the first. Tab went through each of a crowded chart's hundreds of markers and counts.
  const tabStop = useMemo(() => {
    // Not one out of the window (the zoom left it), nor one a search leaves out.
    const keys = items
      .filter(({ idea, cell, shown }) =>
        !shown
          ? false
          : idea
            ? matches === null || matches.has(idea.id)
            : cell !== undefined && cellCount(cell, matches) > 0,
      )
      .map(({ idea, cell }) => (idea ? `idea ${idea.id}` : `cell ${cell?.key ?? ""}`));
    const wanted = [
      focusedId !== null ? `idea ${focusedId}` : null,
      focusedCell !== null ? `cell ${focusedCell}` : null,
      selectedId !== null ? `idea ${selectedId}` : null,
    ];
    return wanted.find((key) => key !== null && keys.includes(key)) ?? keys[0] ?? null;
  }, [items, focusedId, focusedCell, selectedId, matches]);

  const planeOffset = layout
    ? { x: view.x * layout.width * view.k, y: view.y * layout.height * view.k }
    : { x: 0, y: 0 };

  return (
    <PlaneFrame
      thresholds={board.thresholds}
      planeRef={setWindowRefs}
      view={view}
      tools={tools}
      className={
        `${isOver ? "plane-target " : ""}${gesture?.kind === "pan" ? "plane-panning" : ""}`.trim() ||
        undefined
      }
      label={`PICK chart. Thresholds: payoff ${tp}, cost/risk ${tc}. Zoom ${zoomPercent}%: plus and minus zoom, 0 shows every idea, the arrows move across, or from idea to idea; Space picks an idea up.`}
      planeProps={{
        tabIndex: 0,
        onPointerMove: onPlanePointerMove,
        onPointerUp: onPlanePointerUp,
        onPointerCancel: onPlanePointerUp,
        onPointerLeave: () => {
          setHover(null);
        },
        onKeyDown: onPlaneKeyDown,
        onFocus: (e) => {
          const target = e.target as HTMLElement;
          const id = Number(target.closest<HTMLElement>(".marker")?.dataset.ideaId ?? NaN);
          setFocusedId(Number.isNaN(id) ? null : id);
          setFocusedCell(target.closest<HTMLElement>(".plane-cell")?.dataset.cellKey ?? null);
        },
      }}
      onPointerDown={onPlanePointerDown}
      beneath={<canvas ref={canvasRef} className="plane-canvas" aria-hidden="true" />}
    >
      <div
        ref={styleRef(
          {
            left: -planeOffset.x,
            top: -planeOffset.y,
            width: layout ? layout.width * view.k : `${view.k * 100}%`,
            height: layout ? layout.height * view.k : `${view.k * 100}%`,
            clipPath: layout ? contentClip(view, layout.width, layout.height, PLANE_BLEED) : undefined,
          },
          planeRef,
        )}
        className="plane-content"
      >
        {items.map(({ idea, cell }) =>
          idea ? (
            <Marker
              key={idea.id}
              idea={idea}
              selected={idea.id === selectedId}
              dimmed={matches !== null && !matches.has(idea.id)}
              label={labels.get(idea.id) ?? DEFAULT_PLACE}
              tabStop={tabStop === `idea ${idea.id}`}
              planeRect={planeRect}
              thresholds={thresholds}
              inWindow={inWindow}
              onSelect={onSelect}
              onOpen={onOpen}
              onPlace={onPlace}
              onCarry={followCarried}
            />
          ) : cell ? (
            <button
              key={cell.key}
              type="button"
              className={`plane-cell${countedByButton.get(cell.key) ? " plane-cell-counted" : ""}${underMarker.has(cell.key) ? ` plane-cell-under-marker count-${underMarker.get(cell.key) ?? ""}` : ""}${matches !== null && cellCount(cell, matches) === 0 ? " dimmed" : ""}`}
              ref={styleRef({
                left: cell.badge.left + planeOffset.x,
                top: cell.badge.top + planeOffset.y,
                width: cell.badge.width,
                height: cell.badge.height,
              })}
              aria-label={cellLabel(cell)}
              data-cell-key={cell.key}
              tabIndex={tabStop === `cell ${cell.key}` ? 0 : -1}
              onClick={() => {
                zoomIntoCell(cell, true);
              }}
            >
              {underMarker.has(cell.key) ? (
                // "+9" beside the marker: the spot's list counts the idea selected too ("10 ideas").
                <span>+{countedByButton.get(cell.key)}</span>
              ) : (
                countedByButton.get(cell.key) || null
              )}
            </button>
          ) : null,
        )}
        {incoming && <PlaneGhost pointer={incoming.pointer} title={incoming.title} planeRect={planeRect} />}
      </div>
      {gesture?.kind === "rect" && (
        <div className="plane-rect" ref={styleRef({ ...boxAround([gesture.start, gesture.end]) })} />
      )}
      {hover && !gesture && layout && (
        <div className="chart-hover" aria-hidden="true" ref={styleRef(hoverBox(hover.at, layout))}>
          <strong>{hover.cell.ideas.length} ideas here</strong>
          <ul role="list">
            {hover.cell.ideas.slice(0, 8).map((idea) => (
              <li key={idea.id}>{idea.title}</li>
            ))}
          </ul>
          {hover.cell.ideas.length > 8 && <span>and {hover.cell.ideas.length - 8} more</span>}
          <span className="chart-hover-hint">
            {atOneSpot(hover.cell)
              ? "They have the same scores: click to list them"
              : "Click to zoom in, or drag a rectangle to list them"}
          </span>
        </div>
      )}
      {shownList && list && (
        <IdeaList
          key={list.opened}
          title={shownList.title}
          ideas={shownList.ideas}
          matches={matches}
          selectedId={selectedId}
          onSelect={onSelect}
          onOpen={onOpen}
          onClose={() => {
            setList(null);
            const opener = listOpener.current;
            listOpener.current = null;
            // The count drawn anew meanwhile (an idea of it moved away) is the same spot's count.
            const key = opener?.dataset.cellKey;
            const again =
              opener?.isConnected === false && key !== undefined
                ? windowRef.current?.querySelector<HTMLElement>(
                    `.plane-cell[data-cell-key="${CSS.escape(key)}"]`,
                  )
                : null;
            (opener?.isConnected ? opener : (again ?? windowRef.current))?.focus();
          }}
        />
      )}
    </PlaneFrame>
  );
}

/** Where the list of a cell's ideas goes: beside the pointer, on the side of it with more room across and down. */
function hoverBox(at: Point, size: { width: number; height: number }): Declarations {
  const gap = 14;
  return {
    ...(at.x < size.width / 2 ? { left: at.x + gap } : { right: size.width - at.x + gap }),
    ...(at.y < size.height / 2 ? { top: at.y + gap } : { bottom: size.height - at.y + gap }),
  };
}

/** A focus the keys moved shows its ring: after a click on a marker, WebKit drew none for the markers the arrows
 * went to next, and the arrows seemed to do nothing. */
const KEYBOARD_FOCUS: FocusOptions & { focusVisible: boolean } = { focusVisible: true };

/** What the arrows, Home and End go to: markers and counts, not those a search leaves out (faded). */
const IN_REACH = ".marker:not(.dimmed), .plane-cell:not(.dimmed)";
const ARROW_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

/** Takes the focus from `from` to the nearest marker or count that way in sight: whether there was one. From one out of
 * sight (zoomed away from), the arrows start at the window's edge nearest it, and take the focus back into the window
 * even with nothing that way: they panned, and the focus stayed out of sight. */
function focusNextInDirection(plane: HTMLElement, from: HTMLElement, direction: Direction): boolean {
  const box = insideBox(plane);
  const centre = (el: HTMLElement): Point => {
    const r = (el.querySelector(".marker-dot") ?? el).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  };
  const inWindow = (p: Point) =>
    p.x >= box.left && p.x <= box.left + box.width && p.y >= box.top && p.y <= box.top + box.height;
  // Not under the details or the list of ideas: the focus went to counts behind the details, and the arrows seemed to
  // do nothing. Asked of the nearest first: asked of each of 10,000 markers, a key took 200–500 ms.
  const uncovered = (p: Point) => {
    const top = document.elementFromPoint(p.x, p.y);
    return top !== null && plane.contains(top) && !top.closest(".chart-list");
  };
  const others = [...plane.querySelectorAll<HTMLElement>(IN_REACH)]
    .filter((el) => el !== from)
    .map((el) => ({ el, at: centre(el) }))
    .filter(({ at }) => inWindow(at));
  const at = centre(from);
  const start = {
    x: Math.min(box.left + box.width, Math.max(box.left, at.x)),
    y: Math.min(box.top + box.height, Math.max(box.top, at.y)),
  };
  const points = others.map((o) => o.at);
  const order = inDirection(start, points, direction);
  if (!inWindow(at)) {
    const distance = (i: number) => Math.hypot((points[i]?.x ?? 0) - start.x, (points[i]?.y ?? 0) - start.y);
    order.push(...points.map((_, i) => i).sort((a, b) => distance(a) - distance(b)));
  }
  const to = order.map((i) => others[i]).find((o) => o !== undefined && uncovered(o.at));
  to?.el.focus(KEYBOARD_FOCUS);
  return to !== undefined;
}
