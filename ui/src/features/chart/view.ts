// The part of the PICK plane on screen (zoom and pan), and which markers are shown one by one and which are counted
// per cell: pure functions, loaded with the chart only.
import type { Idea, Position } from "../../lib/bindings";
import { counted } from "../../lib/numbers";
import { clamp, contains, overlaps, type Box } from "./geometry";
import { fractionOf, type Point } from "./scale";

/**
 * What part of the plane is on screen: the top-left corner as fractions of the whole plane (0–1, from its top left)
 * and the zoom (1: the whole plane; 4: a quarter of it across).
 */
export interface View {
  x: number;
  y: number;
  k: number;
}

export const WHOLE_PLANE: View = { x: 0, y: 0, k: 1 };
/** At this zoom one point of score is about 2,000 pixels across on a wide window: 0.1 is far apart. */
export const MAX_ZOOM = 64;

/** `view` with its zoom within 1–`MAX_ZOOM` and its window inside the plane. */
export function clampView(view: View): View {
  const k = Math.min(MAX_ZOOM, Math.max(1, view.k));
  const span = 1 / k;
  return { k, x: Math.min(Math.max(0, view.x), 1 - span), y: Math.min(Math.max(0, view.y), 1 - span) };
}

/** `view` zoomed by `factor`, keeping the point at `at` (fractions of the window, 0–1) where it is on screen. */
export function zoomAt(view: View, factor: number, at: Point = { x: 0.5, y: 0.5 }): View {
  const k = Math.min(MAX_ZOOM, Math.max(1, view.k * factor));
  const fx = view.x + at.x / view.k;
  const fy = view.y + at.y / view.k;
  return clampView({ k, x: fx - at.x / k, y: fy - at.y / k });
}

/** `view` zoomed by `factor` with the point `p` of the plane (fractions) in the window's middle, or as near as the
 * plane's edges allow. */
export function zoomOnto(view: View, factor: number, p: Point): View {
  const k = Math.min(MAX_ZOOM, Math.max(1, view.k * factor));
  return clampView({ k, x: p.x - 0.5 / k, y: p.y - 0.5 / k });
}

/** `view` moved by `dx`, `dy` windows (1: a whole window's width or height). */
export function panBy(view: View, dx: number, dy: number): View {
  return clampView({ ...view, x: view.x + dx / view.k, y: view.y + dy / view.k });
}

/** `view` moved as little as it takes to show `p` (fractions of the plane) a twentieth of the window inside its
 * edges; `view` itself when `p` is in sight already. */
export function follow(view: View, p: Point): View {
  const span = 1 / view.k;
  const margin = span / 20;
  const shift = (from: number, at: number) =>
    at < from + margin ? at - margin : at > from + span - margin ? at + margin - span : from;
  const [x, y] = [shift(view.x, p.x), shift(view.y, p.y)];
  return x === view.x && y === view.y ? view : clampView({ ...view, x, y });
}

/** The view that shows all of `points` (fractions of the plane), with a margin; the whole plane for none. */
export function fitView(points: readonly Point[]): View {
  if (points.length === 0) return WHOLE_PLANE;
  let [minX, minY, maxX, maxY] = [1, 1, 0, 0];
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  // A margin of a tenth on each side, and at least a tenth of the plane across, so a lone idea shows its place.
  const span = Math.min(1, Math.max(0.1, maxX - minX, maxY - minY) * 1.2);
  return clampView({ k: 1 / span, x: (minX + maxX) / 2 - span / 2, y: (minY + maxY) / 2 - span / 2 });
}

/** The middle of `ideas`' places on the plane (fractions of it), or null for none. */
export function middleOf(ideas: readonly Idea[]): Point | null {
  if (ideas.length === 0) return null;
  const points = ideas.map((i) => fractionOf(i.position?.payoff ?? 0, i.position?.cost ?? 0));
  return {
    x: points.reduce((sum, p) => sum + p.x, 0) / points.length,
    y: points.reduce((sum, p) => sum + p.y, 0) / points.length,
  };
}

/** Where a point of the plane (fractions) shows in the window (fractions of the window; outside 0–1 off screen). */
export function toWindow(view: View, p: Point): Point {
  return { x: (p.x - view.x) * view.k, y: (p.y - view.y) * view.k };
}

/**
 * The `clip-path` of the plane's content (the whole plane at the zoom, `width` × `height` being the window) for
 * `view`: at an edge of the plane that is on screen, what sits on it may reach `bleed` pixels past the window (a dot
 * at 0 or 10 shows whole); where the plane goes on beyond the window, it stops at the window's edge.
 */
export function contentClip(view: View, width: number, height: number, bleed: number): string {
  const left = view.x * width * view.k;
  const top = view.y * height * view.k;
  const right = (1 - view.x - 1 / view.k) * width * view.k;
  const bottom = (1 - view.y - 1 / view.k) * height * view.k;
  // Less than half a pixel of the plane beyond the window: its edge is on screen.
  const side = (beyond: number) => `${beyond > 0.5 ? Math.round(beyond * 10) / 10 : -bleed}px`;
  return `inset(${side(top)} ${side(right)} ${side(bottom)} ${side(left)})`;
}

/** Ticks for an axis showing scores `from`–`to`: a round step that gives about three to six of them. */
export function ticks(from: number, to: number): number[] {
  const span = to - from;
  const step = [0.1, 0.2, 0.5, 1, 2].find((s) => span / s <= 6) ?? 2;
  const out: number[] = [];
  for (let t = Math.ceil(from / step - 1e-9) * step; t <= to + 1e-9; t += step)
    out.push(Math.round(t * 10) / 10 + 0);
  return out;
}

/** A cell and the eight around it, as steps of column and row. */
export const NEIGHBOURS = [-1, 0, 1].flatMap((dc) => [-1, 0, 1].map((dr) => [dc, dr] as const));

/** A square of the window where markers are too many to show one by one: they are counted and shaded instead. */
export interface Cell {
  key: string;
  /** The cell's square in window pixels (what the pointer is over). */
  box: Box;
  /** The count's badge in window pixels: centred on its ideas (inside its own square where it would cover another's),
   * bigger for more of them, no bigger than the square. */
  badge: Box;
  ideas: Idea[];
}

/** The number on a cell's badge: its ideas, or those that match the search while searching (`matches`). */
export function cellCount(cell: Cell, matches: ReadonlySet<number> | null): number {
  return matches ? cell.ideas.filter((i) => matches.has(i.id)).length : cell.ideas.length;
}

/** Whether all of a cell's ideas have the same scores: no zoom tells them apart, so a click lists them. */
export function atOneSpot(cell: Cell): boolean {
  const [first] = cell.ideas;
  return cell.ideas.every(
    (i) => i.position?.payoff === first?.position?.payoff && i.position?.cost === first?.position?.cost,
  );
}

/** Whether a cell's badge touches a quadrant name (`names`, window pixels). The canvas lies beneath the names, so such
 * a count is written by the cell's own button, above them. */
export function underName(cell: Cell, names: readonly Box[]): boolean {
  return names.some((box) => overlaps(box, cell.badge));
}

/**
 * The cells of crowded markers at zoom `view.k` on a `width` × `height` window: about `cellSize` pixels a side, as
 * many whole ones as fit across and down the plane, so that its edges (scores of 0 and 10, where many ideas sit) are
 * edges of whole cells, not of a sliver of one whose count had to go over its neighbour's. Fixed to the plane, not the
 * window: panning does not regroup them.
 */
export function cellGrid(view: View, width: number, height: number, cellSize: number) {
  const across = width * view.k;
  const down = height * view.k;
  const cols = Math.max(1, Math.round(across / cellSize));
  const rows = Math.max(1, Math.round(down / cellSize));
  const [w, h] = [across / cols, down / rows];
  return {
    width: w,
    height: h,
    /** The cell of a point in plane pixels (the whole plane at this zoom); its far edges belong to the last cells. */
    at: (px: number, py: number) => ({
      col: clamp(Math.floor(px / w), 0, cols - 1),
      row: clamp(Math.floor(py / h), 0, rows - 1),
    }),
  };
}

/**
 * Sorts the placed ideas inside the window (`width` × `height` pixels showing `view`) into those shown one by one
 * and the cells of about `cellSize` pixels (`cellGrid`) where markers are too many: a cell holding one idea shows it,
 * a cell holding more counts them. At most
 * `maxSingles` are shown one by one; ideas in `keep` always are, even outside the window. `inView` counts the ideas
 * inside the window, kept ones included only where they are inside it.
 */
export function partition(
  ideas: readonly Idea[],
  view: View,
  width: number,
  height: number,
  options: {
    cellSize?: number;
    maxSingles?: number;
    keep?: ReadonlySet<number>;
    /** Ideas shown one by one where they are inside the window, before any other (a search's matches). */
    prefer?: ReadonlySet<number> | undefined;
  } = {},
): { singles: Idea[]; cells: Cell[]; inView: number } {
  const { cellSize = 28, maxSingles = 300, keep = new Set<number>(), prefer = new Set<number>() } = options;
  const scaleX = width * view.k;
  const scaleY = height * view.k;
  const offsetX = view.x * scaleX;
  const offsetY = view.y * scaleY;
  const grid = cellGrid(view, width, height, cellSize);
  const buckets = new Map<string, { col: number; row: number; ideas: Idea[] }>();
  const singles: Idea[] = [];
  let inView = 0;
  for (const idea of ideas) {
    const p = idea.position;
    if (!p) continue;
    // In plane pixels (the whole plane at this zoom), then the window's.
    const px = (p.cost / 10) * scaleX;
    const py = (1 - p.payoff / 10) * scaleY;
    const wx = px - offsetX;
    const wy = py - offsetY;
    const inside = inWindow(wx, wy, width, height);
    if (inside) inView++;
    if (keep.has(idea.id) || (inside && prefer.has(idea.id))) {
      singles.push(idea);
      continue;
    }
    if (!inside) continue;
    const { col, row } = grid.at(px, py);
    const key = `${col},${row}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.ideas.push(idea);
    else buckets.set(key, { col, row, ideas: [idea] });
  }
  const cells: Cell[] = [];
  /** Each crowded cell's badge both ways: centred on its ideas, and kept inside its own cell. */
  const placing: { cell: Cell; col: number; row: number; inCell: Box }[] = [];
  let room = Math.max(0, maxSingles - singles.length);
  for (const [key, bucket] of buckets) {
    if (bucket.ideas.length === 1 && room > 0) {
      singles.push(bucket.ideas[0] as Idea);
      room--;
      continue;
    }
    let [sx, sy] = [0, 0];
    for (const idea of bucket.ideas) {
      sx += ((idea.position?.cost ?? 0) / 10) * scaleX;
      sy += (1 - (idea.position?.payoff ?? 0) / 10) * scaleY;
    }
    const n = bucket.ideas.length;
    const size = Math.min(Math.min(grid.width, grid.height) - 2, 20 + 3 * Math.log2(n));
    /** Where a badge centred on `centre` starts (plane pixels), kept 1 pixel inside cell `index` (`side` long). */
    const inCell = (centre: number, index: number, side: number) =>
      clamp(centre - size / 2, index * side + 1, (index + 1) * side - 1 - size);
    // Inside the window: on the plane's edge (a score of 0 or 10) half a badge was cut off, and its count with it
    // ("25" read "5").
    const inWindow = (left: number, top: number): Box => ({
      left: clamp(left - offsetX, 0, width - size),
      top: clamp(top - offsetY, 0, height - size),
      width: size,
      height: size,
    });
    const cell: Cell = {
      key,
      box: {
        left: bucket.col * grid.width - offsetX,
        top: bucket.row * grid.height - offsetY,
        width: grid.width,
        height: grid.height,
      },
      badge: inWindow(sx / n - size / 2, sy / n - size / 2),
      ideas: bucket.ideas,
    };
    cells.push(cell);
    placing.push({
      cell,
      col: bucket.col,
      row: bucket.row,
      inCell: inWindow(inCell(sx / n, bucket.col, grid.width), inCell(sy / n, bucket.row, grid.height)),
    });
  }
  // Each badge is centred on its ideas, where its count is read as theirs, unless it would cover a neighbouring
  // cell's: then it moves inside its own cell, where no other comes, so that no two counts ever cover each other
  // (ideas near the line between two cells drew their badges over one another). Kept inside its cell always, a badge
  // stood half its size off ideas at a whole score, which falls on a cell's edge: two ideas at 4 and 2 were counted
  // at 3.8. A badge reaches no further than the cells beside it, and only ever moves into its own, so a few rounds
  // settle it.
  const at = new Map(placing.map((p) => [`${String(p.col)},${String(p.row)}`, p]));
  for (let moved = true; moved;) {
    moved = false;
    for (const p of placing) {
      if (p.cell.badge === p.inCell) continue;
      const covers = NEIGHBOURS.some(([dc, dr]) => {
        const other = (dc !== 0 || dr !== 0) && at.get(`${String(p.col + dc)},${String(p.row + dr)}`);
        return other ? overlaps(p.cell.badge, other.cell.badge) : false;
      });
      if (covers) {
        p.cell.badge = p.inCell;
        moved = true;
      }
    }
  }
  return { singles, cells, inView };
}

/** Whether a point `wx`, `wy` pixels from the window's corner is in the `width` × `height` window (a pixel over its
 * edges too: an idea at 10 sits on the edge). */
function inWindow(wx: number, wy: number, width: number, height: number): boolean {
  return wx >= -1 && wy >= -1 && wx <= width + 1 && wy <= height + 1;
}

/** How many of the ideas `ids` lie inside the window, counted as `partition` counts `inView`. */
export function countInView(
  ideas: readonly Idea[],
  ids: ReadonlySet<number>,
  view: View,
  width: number,
  height: number,
): number {
  let n = 0;
  for (const idea of ideas) {
    const p = idea.position;
    if (!p || !ids.has(idea.id)) continue;
    const w = toWindow(view, fractionOf(p.payoff, p.cost));
    if (inWindow(w.x * width, w.y * height, width, height)) n++;
  }
  return n;
}

/** The ideas in a dragged rectangle: those whose scores fall inside its box, and those at the spots it takes in. */
export function ideasIn(ideas: readonly Idea[], { box, view, width, height, spots }: Area): Idea[] {
  const taken = new Set(spots.map(spotKey));
  return ideas.filter((idea) => {
    const p = idea.position;
    if (!p) return false;
    if (taken.size > 0 && taken.has(spotKey(p))) return true;
    const w = toWindow(view, fractionOf(p.payoff, p.cost));
    return contains(box, { x: w.x * width, y: w.y * height });
  });
}

const spotKey = (p: Position) => `${String(p.payoff)},${String(p.cost)}`;

/** The smallest box around `points`. */
export function boxAround(points: readonly Point[]): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return { left, top, width: Math.max(...xs) - left, height: Math.max(...ys) - top };
}

/**
 * The spots a rectangle dragged as `box` from `start` takes in whole, beyond the ideas whose scores fall inside it: a
 * count's spot when the rectangle covers the middle of its badge (a count at the plane's edge is drawn inside the
 * plane, off its spot: a rectangle around it listed "0 ideas"), or when it was begun on the badge (a drag meant to
 * pull one out of a stack of two listed "0 ideas", their spot just beside where it began). On the badge, not on its
 * cell's square: begun beside a count, in its square, it took that count in, and listed other ideas dragged the other
 * way. A count of ideas apart is not taken in: their scores decide.
 */
export function spotsTakenIn(cells: readonly Cell[], box: Box, start: Point): Position[] {
  return cells.flatMap((cell) => {
    const spot = cell.ideas[0]?.position;
    if (!spot || !atOneSpot(cell)) return [];
    const { left, top, width, height } = cell.badge;
    const middle = { x: left + width / 2, y: top + height / 2 };
    return contains(box, middle) || contains(cell.badge, start) ? [spot] : [];
  });
}

/** A rectangle dragged on the plane, as drawn, with the view and the plane's size it was drawn in, and the counts'
 * spots it takes in whole (`spotsTakenIn`). */
export interface Area {
  box: Box;
  view: View;
  width: number;
  height: number;
  spots: readonly Position[];
}

/** What a list beside the plane is of: the ideas listed as it opened (`ids`), or those at one spot (`spot`: ideas with
 * the same scores) or in a dragged rectangle (`area`), and how its title says where they are. `opened` tells one
 * opening from the next. */
export interface ListOf {
  where: string;
  ids: readonly number[];
  spot: Position | null;
  area: Area | null;
  opened: number;
}

let openings = 0;

export function listOf(
  where: string,
  ideas: readonly Idea[],
  at: { spot?: Position | null; area?: Area } = {},
): ListOf {
  return {
    where,
    ids: ideas.map((i) => i.id),
    spot: at.spot ?? null,
    area: at.area ?? null,
    opened: ++openings,
  };
}

/** `list`'s ideas among the board's `placed` ones now, under their count; while searching (`matches`), the matches
 * first, counted in the title: a count of "1" on the plane opened a list of 17 with nothing to say which one matched. */
export function listed(list: ListOf, placed: readonly Idea[], matches: ReadonlySet<number> | null) {
  const { spot, area } = list;
  let ideas: Idea[];
  if (spot) {
    ideas = placed.filter((i) => i.position?.payoff === spot.payoff && i.position.cost === spot.cost);
  } else if (area) {
    ideas = ideasIn(placed, area);
  } else {
    const byId = new Map(placed.map((i) => [i.id, i]));
    ideas = list.ids.flatMap((id) => byId.get(id) ?? []);
  }
  const title = `${counted(ideas.length, "idea")} ${list.where}`;
  if (matches === null) return { title, ideas };
  const matching = ideas.filter((i) => matches.has(i.id));
  return {
    title: `${title} · ${counted(matching.length, "match", "matches")}`,
    ideas: [...matching, ...ideas.filter((i) => !matches.has(i.id))],
  };
}
