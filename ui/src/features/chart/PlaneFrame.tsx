// The PICK plane's frame: cost/risk to the right, payoff up, the quadrants with their names and the thresholds as
// their borders. What sits on the plane (the board's markers, a round's estimates) comes as children. Given a `view`,
// the frame shows that part of the plane: the quadrants, thresholds and ticks follow the zoom, and each quadrant's
// name stays in the corner of the part of it that is on screen.
import type { ReactNode, Ref } from "react";

import type { Thresholds } from "../../lib/bindings";
import { styleRef } from "../../lib/styleAttribute";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";
import { fractionOf } from "./scale";
import { ticks, WHOLE_PLANE, type View } from "./view";

import "./chart.css";

interface PlaneFrameProps {
  thresholds: Thresholds;
  /** The plane itself (the box the children are placed in). */
  planeRef?: Ref<HTMLDivElement>;
  /** The plane's accessible name. */
  label: string;
  /** Extra classes on the plane, e.g. while something is dragged over it. */
  className?: string | undefined;
  onPointerDown?: ((event: React.PointerEvent<HTMLDivElement>) => void) | undefined;
  /** The part of the plane on screen; the whole plane when left out. */
  view?: View | undefined;
  /** A row of controls above the plane (e.g. zoom). */
  tools?: ReactNode;
  /** Drawn over the quadrants' tints and under their names (e.g. a canvas of crowded cells). */
  beneath?: ReactNode;
  /** Further props for the plane (pointer and key handlers, a tab stop). */
  planeProps?: React.HTMLAttributes<HTMLDivElement> | undefined;
  children?: ReactNode;
}

const pct = (v: number) => `${v * 100}%`;
const clip = (v: number) => Math.min(1, Math.max(0, v));
const boxStyle = (box: { left: number; top: number; width: number; height: number }) => ({
  left: pct(box.left),
  top: pct(box.top),
  width: pct(box.width),
  height: pct(box.height),
});

export function PlaneFrame({
  thresholds,
  planeRef,
  label,
  className,
  onPointerDown,
  view = WHOLE_PLANE,
  tools,
  beneath,
  planeProps,
  children,
}: PlaneFrameProps) {
  const { x: vx, y: vy, k } = view;
  // Plane fractions to window fractions.
  const wx = (x: number) => (x - vx) * k;
  const wy = (y: number) => (y - vy) * k;
  const line = fractionOf(thresholds.payoff, thresholds.cost);
  const lineX = wx(line.x);
  const lineY = wy(line.y);
  const [left, right, top, bottom] = [clip(wx(0)), clip(wx(1)), clip(wy(0)), clip(wy(1))];
  const [midX, midY] = [clip(lineX), clip(lineY)];
  const quadrantBoxes = {
    implement: { left, top, width: midX - left, height: midY - top },
    challenge: { left: midX, top, width: right - midX, height: midY - top },
    possible: { left, top: midY, width: midX - left, height: bottom - midY },
    kill: { left: midX, top: midY, width: right - midX, height: bottom - midY },
  };
  // The scores on screen: cost/risk left to right, payoff bottom to top.
  const costTicks = ticks(vx * 10, (vx + 1 / k) * 10);
  const payoffTicks = ticks(10 - (vy + 1 / k) * 10, 10 - vy * 10);
  return (
    <div className={tools ? "chart-view chart-view-tools" : "chart-view"}>
      {tools && <div className="chart-tools">{tools}</div>}
      <div className="plane-axis-y" aria-hidden="true">
        <span className="plane-axis-title">Payoff ↑</span>
        {payoffTicks.map((t) => (
          <span key={t} className="plane-tick" ref={styleRef({ top: pct(wy(1 - t / 10)) })}>
            {t}
          </span>
        ))}
      </div>
      <div
        {...planeProps}
        ref={planeRef}
        className={className ? `plane ${className}` : "plane"}
        role="group"
        aria-label={label}
        onPointerDown={onPointerDown}
      >
        {/* The quadrants, the thresholds and the names, inside the plane's frame; what sits on the plane may reach a
            little past it (see .plane), so that a dot at 0 or 10 shows whole. */}
        <div className="plane-backdrop" aria-hidden="true">
          {QUADRANTS.map((q) => {
            const box = quadrantBoxes[q];
            if (box.width <= 0 || box.height <= 0) return null;
            return <div key={q} className={`plane-quadrant zone-${q}`} ref={styleRef(boxStyle(box))} />;
          })}
          {lineX >= 0 && lineX <= 1 && (
            <div className="plane-threshold plane-threshold-x" ref={styleRef({ left: pct(lineX) })} />
          )}
          {lineY >= 0 && lineY <= 1 && (
            <div className="plane-threshold plane-threshold-y" ref={styleRef({ top: pct(lineY) })} />
          )}
          {beneath}
          {/* The names over the tints and what lies beneath, under the children. */}
          {QUADRANTS.map((q) => {
            const box = quadrantBoxes[q];
            if (box.width <= 0 || box.height <= 0) return null;
            return (
              <div key={q} className={`plane-quadrant-box zone-${q}`} ref={styleRef(boxStyle(box))}>
                <span className={`plane-quadrant-name plane-name-${q}`}>{ZONE_INFO[q].name}</span>
              </div>
            );
          })}
        </div>
        {children}
      </div>
      <div className="plane-axis-x" aria-hidden="true">
        <span className="plane-axis-title">Cost / risk →</span>
        {costTicks.map((t) => (
          <span key={t} className="plane-tick" ref={styleRef({ left: pct(wx(t / 10)) })}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}
