// The PICK plane's frame: cost/risk to the right, payoff up, the quadrants with their names and the thresholds as
// their borders. What sits on the plane (the board's markers, a round's estimates) comes as children.
import type { ReactNode, Ref } from "react";

import type { Thresholds } from "../../lib/bindings";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";
import { fractionOf } from "./geometry";

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
  children?: ReactNode;
}

const TICKS = [0, 2, 4, 6, 8, 10];

const pct = (v: number) => `${v * 100}%`;

export function PlaneFrame({
  thresholds,
  planeRef,
  label,
  className,
  onPointerDown,
  children,
}: PlaneFrameProps) {
  const line = fractionOf(thresholds.payoff, thresholds.cost);
  const quadrantBoxes = {
    implement: { left: 0, top: 0, width: line.x, height: line.y },
    challenge: { left: line.x, top: 0, width: 1 - line.x, height: line.y },
    possible: { left: 0, top: line.y, width: line.x, height: 1 - line.y },
    kill: { left: line.x, top: line.y, width: 1 - line.x, height: 1 - line.y },
  };
  return (
    <div className="chart-view">
      <div className="plane-axis-y" aria-hidden="true">
        <span className="plane-axis-title">Payoff ↑</span>
        {TICKS.map((t) => (
          <span key={t} className="plane-tick" style={{ top: pct(1 - t / 10) }}>
            {t}
          </span>
        ))}
      </div>
      <div
        ref={planeRef}
        className={className ? `plane ${className}` : "plane"}
        role="group"
        aria-label={label}
        onPointerDown={onPointerDown}
      >
        {QUADRANTS.map((q) => (
          <div
            key={q}
            className={`plane-quadrant zone-${q}`}
            style={{
              left: pct(quadrantBoxes[q].left),
              top: pct(quadrantBoxes[q].top),
              width: pct(quadrantBoxes[q].width),
              height: pct(quadrantBoxes[q].height),
            }}
            aria-hidden="true"
          >
            <span className={`plane-quadrant-name plane-name-${q}`}>{ZONE_INFO[q].name}</span>
          </div>
        ))}
        <div className="plane-threshold plane-threshold-x" style={{ left: pct(line.x) }} aria-hidden="true" />
        <div className="plane-threshold plane-threshold-y" style={{ top: pct(line.y) }} aria-hidden="true" />
        {children}
      </div>
      <div className="plane-axis-x" aria-hidden="true">
        <span className="plane-axis-title">Cost / risk →</span>
        {TICKS.map((t) => (
          <span key={t} className="plane-tick" style={{ left: pct(t / 10) }}>
            {t}
          </span>
        ))}
      </div>
    </div>
  );
}
