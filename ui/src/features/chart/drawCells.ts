// Draws the plane's crowded cells on a canvas: its ideas as small dots in their quadrant's colour, and over them each
// cell's count on a round badge, shaded by how many ideas it holds (darker: more). One canvas for thousands of ideas
// keeps the page light. The dots are written straight into the canvas's pixels and each badge is stamped from a
// small picture drawn once: drawing thousands of shapes and texts one by one takes WebKitGTK's software canvas a
// tenth of a second, too slow for a first frame.
import type { Zone } from "../../lib/bindings";
import { fractionOf } from "./scale";
import { cellCount, toWindow, type Cell, type View } from "./view";

const ZONE_VAR: Record<Zone, string> = {
  implement: "--implement",
  challenge: "--challenge",
  possible: "--possible",
  kill: "--kill",
  unsorted: "--border-strong",
};

/** Badge shades: this many steps from faint to strong. */
const SHADES = 8;

/** A CSS colour as [r, g, b, a] (0–255), through the canvas's own parsing. */
function rgba(ctx: CanvasRenderingContext2D, css: string): [number, number, number, number] {
  ctx.fillStyle = "#000";
  ctx.fillStyle = css;
  const value = ctx.fillStyle;
  if (typeof value !== "string") return [0, 0, 0, 255];
  if (value.startsWith("#")) {
    const n = parseInt(value.slice(1, 7), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
  }
  const parts = value.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0, 1];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, Math.round((parts[3] ?? 1) * 255)];
}

/** Badges drawn once per size, shade, count and colours, then stamped. */
const badges = new Map<string, HTMLCanvasElement>();

function badge(
  size: number,
  shade: number,
  label: string,
  colours: { text: string; surface: string; font: string },
  ratio: number,
): HTMLCanvasElement {
  const key = `${size}|${shade}|${label}|${colours.text}|${colours.surface}|${colours.font}|${ratio}`;
  let picture = badges.get(key);
  if (picture) return picture;
  if (badges.size > 2_000) badges.clear();
  picture = document.createElement("canvas");
  picture.width = picture.height = Math.ceil(size * ratio);
  const ctx = picture.getContext("2d", { willReadFrequently: true });
  if (ctx) {
    ctx.scale(ratio, ratio);
    // On the page's surface, shaded: see-through, the dots under a badge ran through its digits.
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2, 0, 2 * Math.PI);
    ctx.fillStyle = colours.surface;
    ctx.fill();
    ctx.globalAlpha = 0.06 + (0.24 * shade) / (SHADES - 1);
    ctx.fillStyle = colours.text;
    ctx.fill();
    if (label) {
      ctx.globalAlpha = 1;
      ctx.font = colours.font;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.lineWidth = 3;
      ctx.lineJoin = "round";
      ctx.strokeStyle = colours.surface;
      ctx.strokeText(label, size / 2, size / 2 + 0.5);
      ctx.fillStyle = colours.text;
      ctx.fillText(label, size / 2, size / 2 + 0.5);
    }
  }
  badges.set(key, picture);
  return picture;
}

/** Rounding's slack in a position: an idea at 10 on the whole plane is at 1, give or take. */
const EDGE = 1e-6;

/**
 * Where a dot `dot` pixels wide starts along an axis `size` pixels long, for an idea at `at` (0–1 across the view):
 * wholly on the canvas, so an idea at 0 or 10 is a dot at the plane's edge, not a sliver of one (on a 2,000-idea
 * board, those at cost/risk 10 were ticks on the border). `null` for an idea out of view, which is not drawn.
 */
export function dotStart(at: number, size: number, dot: number): number | null {
  if (at < -EDGE || at > 1 + EDGE || size < dot) return null;
  return Math.min(Math.max(Math.round(at * size) - (dot >> 1), 0), size - dot);
}

/** The screen's pixels to a page's: WebKitGTK's zoom (View › Zoom, a desktop's large text) leaves devicePixelRatio
 * at 1, and the counts were drawn at the page's pixels and stretched, blurred beside the page's own text. The window's
 * width, in the screen's pixels, against the page's tells the zoom, to a quarter. */
function pixelRatio() {
  const zoom = innerWidth > 0 ? Math.round((outerWidth / innerWidth) * 4) / 4 : 1;
  return (window.devicePixelRatio || 1) * Math.max(1, zoom);
}

export function drawCells(
  canvas: HTMLCanvasElement,
  cells: readonly Cell[],
  view: View,
  width: number,
  height: number,
  /** Ideas that match the search (the others are faint); `null` when nothing is filtered. */
  matches: ReadonlySet<number> | null,
  /** The cells whose count their button writes instead (under a quadrant name, above it; under a marker, beside it). */
  countedByButton: { has: (key: string) => boolean },
) {
  const ratio = pixelRatio();
  const [w, h] = [Math.round(width * ratio), Math.round(height * ratio)];
  // No crowded cell: a canvas of no size holds no pixels (a plane's worth, some 4 MiB, for a board of a few ideas).
  if (cells.length === 0 || w === 0 || h === 0) {
    releasePixels(canvas);
    return;
  }
  if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);

  const style = getComputedStyle(canvas);
  const colour = (name: string) => style.getPropertyValue(name).trim() || "#888";
  const zones = Object.fromEntries(
    Object.entries(ZONE_VAR).map(([z, v]) => [z, rgba(ctx, colour(v))]),
  ) as Record<Zone, [number, number, number, number]>;

  // The dots: 4 × 4 (CSS pixels) squares written into the pixels, faint where they do not match the search.
  const pixels = ctx.createImageData(w, h);
  const data = pixels.data;
  const dot = Math.max(1, Math.round(4 * ratio));
  for (const cell of cells) {
    for (const idea of cell.ideas) {
      const p = idea.position;
      if (!p) continue;
      const at = toWindow(view, fractionOf(p.payoff, p.cost));
      const x0 = dotStart(at.x, w, dot);
      const y0 = dotStart(at.y, h, dot);
      if (x0 === null || y0 === null) continue;
      const [r, g, b] = zones[idea.zone];
      const a = matches && !matches.has(idea.id) ? 50 : 230;
      for (let y = y0; y < y0 + dot; y++) {
        for (let x = x0; x < x0 + dot; x++) {
          const i = (y * w + x) * 4;
          data[i] = r;
          data[i + 1] = g;
          data[i + 2] = b;
          data[i + 3] = a;
        }
      }
    }
  }
  ctx.putImageData(pixels, 0, 0);

  // The badges, over the dots: shaded from faint (2 ideas) to strong (the most crowded cell), on a log scale; the
  // count of ideas (of matching ones while searching), but where its button writes it.
  const colours = {
    text: colour("--text"),
    surface: colour("--surface"),
    font: `600 10px ${style.fontFamily || "sans-serif"}`,
  };
  const most = Math.max(2, ...cells.map((c) => c.ideas.length));
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const cell of cells) {
    const n = cell.ideas.length;
    const matching = cellCount(cell, matches);
    const shade = Math.round((Math.log(n) / Math.log(most)) * (SHADES - 1));
    const size = Math.round(cell.badge.width);
    const label = matching === 0 || countedByButton.has(cell.key) ? "" : String(matching);
    ctx.globalAlpha = matching === 0 ? 0.4 : 1;
    const left = cell.badge.left + (cell.badge.width - size) / 2;
    const top = cell.badge.top + (cell.badge.height - size) / 2;
    ctx.drawImage(badge(size, shade, label, colours, ratio), left, top, size, size);
  }
  ctx.globalAlpha = 1;
}

/** Gives back a canvas's pixels at once: WebKit frees them with the element, at a garbage collection, or when it is
 * sized to nothing. */
export function releasePixels(canvas: HTMLCanvasElement) {
  if (canvas.width !== 0 || canvas.height !== 0) [canvas.width, canvas.height] = [0, 0];
}
