// Where titles go on the PICK plane, and the boxes they take. Loaded with the chart; scores ↔ points are in scale.ts,
// which the board needs too.

import type { Point } from "./scale";

/** An axis-aligned box in plane pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a marker's title goes, relative to its dot; `hidden` where no side has room (it shows on hover and focus, on
 * the right), `hidden-left` the same for a dot in the plane's right half (on its right, the title left the plane and
 * showed nothing); `off` for a marker off the plane (kept because it is selected), whose title does not show at all.
 */
export type LabelSide = "right" | "left" | "above" | "below" | "hidden" | "hidden-left" | "off";

/** A title that shows only on hover and focus. */
export function isHidden(side: LabelSide | undefined): side is "hidden" | "hidden-left" {
  return side === "hidden" || side === "hidden-left";
}

/** The gap between a dot's centre and its label, and the dot's half size, in pixels. */
const LABEL_GAP = 11;
const DOT_HALF = 8;
/** How far beside another dot a title stays, in pixels: at its own gap from that dot, it read as that dot's title
 * (a Kill idea's title, put left of its dot, began just right of a Possible idea's dot). */
const OTHER_DOT_CLEAR = 3 * LABEL_GAP;

/** The box a label of `size` takes on `side` of a dot centred at `at`. */
export function labelBox(at: Point, size: { width: number; height: number }, side: LabelSide): Box {
  switch (side) {
    case "left":
    case "hidden-left":
      return { left: at.x - LABEL_GAP - size.width, top: at.y - size.height / 2, ...size };
    case "above":
      return { left: at.x - size.width / 2, top: at.y - LABEL_GAP - size.height, ...size };
    case "below":
      return { left: at.x - size.width / 2, top: at.y + LABEL_GAP, ...size };
    default:
      return { left: at.x + LABEL_GAP, top: at.y - size.height / 2, ...size };
  }
}

/** Whether two boxes share any area. */
/** Whether point `p` lies in `box` (its edges included). */
export function contains(box: Box, p: Point): boolean {
  return p.x >= box.left && p.x <= box.left + box.width && p.y >= box.top && p.y <= box.top + box.height;
}

export function overlaps(a: Box, b: Box): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/** A title's side, and how far it is shifted along that side to stay on the plane (pixels). */
export interface LabelPlace {
  side: LabelSide;
  shift: number;
  /** How wide the whole title may grow on hover and focus and stay on the plane (pixels); none: not known. */
  room?: number;
  /** A width other than the usual cap (150 px) that the title is cut at: narrower where only that fits, wider where
   * there is room for more of it (`.marker-cap-*` in chart.css). */
  cap?: LabelCap;
}

/** The widths a title is cut at besides the usual one, in pixels: one narrower, three wider. */
export type LabelCap = 90 | 200 | 240 | 280;
const NARROW_CAP: LabelCap = 90;
const WIDE_CAPS = [280, 240, 200] as const;

/** The least a title shown whole is given, even where the plane's edge is nearer: a few words. */
const LEAST_ROOM = 80;

/**
 * How wide a title at `place` beside a dot at `at` may grow and stay on a plane `width` pixels wide: to the edge it
 * grows towards (a hidden title shows on the right), or twice the distance to the nearer edge where it is centred.
 */
function roomFor(at: Point, place: LabelPlace, width: number): number {
  const margin = 4;
  let room: number;
  switch (place.side) {
    case "left":
    case "hidden-left":
      room = at.x - LABEL_GAP;
      break;
    case "above":
    case "below": {
      const centre = at.x + place.shift;
      room = 2 * Math.min(centre, width - centre);
      break;
    }
    default:
      room = width - at.x - LABEL_GAP;
  }
  return Math.max(LEAST_ROOM, Math.floor(room - margin));
}

/**
 * Places the titles of markers on a plane of `width` × `height` pixels: each goes right of its dot, else left, above
 * or below, at the first side where it covers no dot, no title placed before it, none of the `keepClear` boxes (the
 * counts) and none of the `ratherClear` ones (the quadrant names). Where every side covers a `ratherClear` box, the
 * title goes over it all the same, one title to a box: an idea in a quadrant's corner (scored 0 or 10) is named, and
 * the quadrant's name shows around it. A title that would leave the plane slides along its side to stay inside (a
 * marker at payoff 10 keeps its title under the plane's top edge). Markers earlier in the list choose first. A title
 * with no such side is hidden (the marker's accessible name still carries it, and it shows on hover and focus); that
 * of a marker off the plane does not show at all. Each title is also given the room it has to grow to its whole
 * length on hover and focus without leaving the plane.
 *
 * Once every title has its side, a title with no room at the usual cap gets a side at a narrower one (a few words
 * rather than none), and then a title cut short (`label`, its width at the usual cap) is drawn wider, up to its whole
 * width (`whole`), as far as its side has room without covering anything the short one did not: on a chart of a
 * few ideas titles read in full, and on a crowded one no title is hidden to make room for another's length.
 */
export function placeLabels(
  markers: readonly {
    id: number;
    at: Point;
    label: { width: number; height: number };
    whole?: { width: number; height: number };
  }[],
  width: number,
  height: number,
  keepClear: readonly Box[] = [],
  ratherClear: readonly Box[] = [],
): Map<number, LabelPlace> {
  const plane: Plane = {
    width,
    height,
    dots: new BoxGrid(),
    taken: new BoxGrid(),
    names: new BoxGrid(),
    keepClear,
    ratherClear,
    places: new Map(),
    boxes: new Map(),
  };
  // Each dot with the room beside it that other titles keep clear of (see `OTHER_DOT_CLEAR`); its own title is at its
  // own gap.
  for (const { id, at } of markers) {
    plane.dots.add(
      {
        left: at.x - DOT_HALF - OTHER_DOT_CLEAR,
        top: at.y - DOT_HALF,
        width: 2 * (DOT_HALF + OTHER_DOT_CLEAR),
        height: 2 * DOT_HALF,
      },
      id,
    );
  }
  for (const box of keepClear) plane.taken.add(box);
  for (const box of ratherClear) plane.names.add(box);
  for (const { id, at, label } of markers) {
    // A marker kept off the plane (the selected one, panned away from) has no title on it either.
    const onPlane = at.x >= 0 && at.y >= 0 && at.x <= width && at.y <= height;
    if (onPlane && claim(plane, id, at, label)) continue;
    const side = !onPlane ? "off" : at.x > width / 2 ? "hidden-left" : "hidden";
    const place: LabelPlace = { side, shift: 0 };
    plane.places.set(id, { ...place, room: roomFor(at, place, width) });
  }
  // A few words rather than none.
  for (const { id, at, label } of markers) {
    if (isHidden(plane.places.get(id)?.side) && label.width > NARROW_CAP)
      claim(plane, id, at, { width: NARROW_CAP, height: label.height }, NARROW_CAP);
  }
  widen(plane, markers);
  return plane.places;
}

/** What titles are placed against, and what they have been given so far. */
interface Plane {
  width: number;
  height: number;
  dots: BoxGrid;
  /** What a title may not cover: the counts, the titles placed, and a quadrant name once a title lies over it. */
  taken: BoxGrid;
  /** The quadrant names, which a title keeps clear of where it can. */
  names: BoxGrid;
  keepClear: readonly Box[];
  ratherClear: readonly Box[];
  places: Map<number, LabelPlace>;
  /** The box each title placed takes. */
  boxes: Map<number, Box>;
}

/**
 * Gives idea `id`'s title, `size` large (cut at `cap`, when other than the usual), the first side of its dot at `at`
 * where it stays on the plane and covers no dot and nothing taken, clear of the quadrant names if it can be; false
 * when no side has room.
 */
function claim(
  plane: Plane,
  id: number,
  at: Point,
  size: { width: number; height: number },
  cap?: LabelCap,
): boolean {
  const sides = SIDES.map((side) => {
    const { box, shift, inside } = slidIn(at, size, side, plane.width, plane.height);
    const place: LabelPlace = cap === undefined ? { side, shift } : { side, shift, cap };
    return { place, box, free: inside && !plane.dots.hits(box, id) && !plane.taken.hits(box) };
  });
  const placed = sides.find((s) => s.free && !plane.names.hits(s.box)) ?? sides.find((s) => s.free);
  if (!placed) return false;
  plane.taken.add(placed.box);
  plane.boxes.set(id, placed.box);
  // A name goes under one title at most: the next ones near it keep clear of it, so that it stays readable.
  for (const name of plane.ratherClear) if (overlaps(name, placed.box)) plane.taken.add(name);
  plane.places.set(id, { ...placed.place, room: roomFor(at, placed.place, plane.width) });
  return true;
}

const SIDES = ["right", "left", "above", "below"] as const;

/** The box of a title of `size` on `side` of a dot at `at`, slid along that side into the plane, and whether it fits. */
function slidIn(
  at: Point,
  size: { width: number; height: number },
  side: (typeof SIDES)[number],
  width: number,
  height: number,
): { box: Box; shift: number; inside: boolean } {
  const box = labelBox(at, size, side);
  const across = side === "right" || side === "left";
  const shift = across
    ? clamp(box.top, 0, height - box.height) - box.top
    : clamp(box.left, 0, width - box.width) - box.left;
  const moved = across ? { ...box, top: box.top + shift } : { ...box, left: box.left + shift };
  const inside =
    moved.left >= 0 &&
    moved.top >= 0 &&
    moved.left + moved.width <= width &&
    moved.top + moved.height <= height;
  return { box: moved, shift, inside };
}

/** Draws wider the titles cut at the usual cap, as far as their side has room (see `placeLabels`), in the markers'
 * order. */
function widen(plane: Plane, markers: Parameters<typeof placeLabels>[0]) {
  const { places, boxes, dots, width, height, ratherClear } = plane;
  const titles = new BoxGrid();
  for (const [id, box] of boxes) titles.add(box, id);
  const counts = new BoxGrid();
  for (const box of plane.keepClear) counts.add(box);
  for (const { id, at, label, whole } of markers) {
    const place = places.get(id);
    const short = boxes.get(id);
    if (!whole || whole.width <= label.width || !place || !short || place.cap !== undefined) continue;
    if (isHidden(place.side) || place.side === "off") continue;
    const side = place.side;
    // The widest step that fits: the whole title, or as much of it as the side has room for.
    for (const cap of WIDE_CAPS) {
      const size = { width: Math.min(whole.width, cap), height: whole.height };
      if (size.width <= label.width) break;
      const wider = slidIn(at, size, side, width, height);
      const clear =
        wider.inside &&
        !dots.hits(wider.box, id) &&
        !titles.hits(wider.box, id) &&
        !counts.hits(wider.box) &&
        // A quadrant's name the short title kept clear of stays clear.
        ratherClear.every((name) => overlaps(name, short) || !overlaps(name, wider.box));
      if (!clear) continue;
      const widened = { ...place, shift: wider.shift, cap };
      places.set(id, { ...widened, room: roomFor(at, widened, width) });
      titles.add(wider.box, id);
      break;
    }
  }
}

/** `v`, moved into `min`…`max` (`min` when there is no room). */
export function clamp(v: number, min: number, max: number): number {
  return Math.min(Math.max(v, min), Math.max(min, max));
}

/** Boxes bucketed by 64-pixel cells, so that asking what a box overlaps stays cheap on a plane of 10,000 markers. */
class BoxGrid {
  private readonly cells = new Map<string, { box: Box; owner: number | undefined }[]>();

  private *keys(box: Box): Generator<string> {
    const cell = 64;
    for (let cx = Math.floor(box.left / cell); cx <= Math.floor((box.left + box.width) / cell); cx++) {
      for (let cy = Math.floor(box.top / cell); cy <= Math.floor((box.top + box.height) / cell); cy++) {
        yield `${cx},${cy}`;
      }
    }
  }

  /** Adds `box`, belonging to `owner` when given. */
  add(box: Box, owner?: number) {
    const entry = { box, owner };
    for (const key of this.keys(box)) {
      const list = this.cells.get(key);
      if (list) list.push(entry);
      else this.cells.set(key, [entry]);
    }
  }

  /** Whether `box` overlaps any box here but those of `self`. */
  hits(box: Box, self?: number): boolean {
    for (const key of this.keys(box)) {
      if (
        this.cells
          .get(key)
          ?.some((other) => (self === undefined || other.owner !== self) && overlaps(box, other.box))
      )
        return true;
    }
    return false;
  }
}

/**
 * The class that caps a title shown whole (hovered or focused) at `room` pixels, in steps of 50 rounded down; none
 * where the title's own cap (420 px) is the nearer. A class and not an inline style: an inline style, or a custom
 * property in one, on each of hundreds of titles made the chart's memory grow by some 20 MiB over 600 switches to it.
 */
export function roomClass(room: number | undefined): string {
  if (room === undefined || room >= 420) return "";
  return ` marker-room-${Math.max(1, Math.floor(room / 50)) * 50}`;
}

/** The classes of a dot's scores tag (shown while it moves, or on the chosen dot) at `at`, a fraction of the plane,
 * for a dot whose title is on `label`'s side: above the dot, on the side its title is not, unless that runs past the
 * plane's left or right edge (at cost/risk 10 the tag read "P" and was cut); below it near the plane's top, or under
 * a title above it. */
export function scoresClass(at: Point, label: LabelSide): string {
  // A title shown whole grows to several lines, and its first words were read under the tag.
  const onRight = label === "right" || label === "hidden";
  const onLeft = label === "left" || label === "hidden-left";
  const end = onRight ? at.x >= 0.12 : onLeft ? at.x > 0.9 : at.x > 0.8;
  const below = label === "above" || (label !== "below" && at.y < 0.08);
  return `marker-scores${end ? " marker-scores-end" : ""}${below ? " marker-scores-below" : ""}`;
}

export type Direction = "left" | "right" | "up" | "down";

/** A step one way, in screen pixels (y down). */
export const DIRECTIONS: Record<Direction, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

/**
 * Which of `points` an arrow key goes to from `from` (screen pixels, y down), nearest first: those ahead in
 * `direction`, within 45° of it, where a point off to the side counts as twice as far as one straight ahead. A point
 * less than a pixel ahead (one at the same spot) is not ahead. (Right went to a marker far below.)
 */
export function inDirection(from: Point, points: readonly Point[], direction: Direction): number[] {
  const d = DIRECTIONS[direction];
  const ahead: { index: number; cost: number }[] = [];
  points.forEach((p, index) => {
    const [dx, dy] = [p.x - from.x, p.y - from.y];
    const straight = dx * d.x + dy * d.y;
    const aside = Math.abs(dx * d.y - dy * d.x);
    if (straight >= 1 && aside <= straight) ahead.push({ index, cost: straight + 2 * aside });
  });
  return ahead.sort((a, b) => a.cost - b.cost).map((a) => a.index);
}
