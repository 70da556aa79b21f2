// The board as a plane: cost/risk to the right, payoff up, the thresholds as the quadrant borders. Placed ideas are
// markers; ideas from the Unsorted tray can be dropped anywhere on it.
import { useDroppable } from "@dnd-kit/core";
import { useCallback, useMemo, useRef, useState } from "react";

import type { Board } from "../../lib/bindings";
import { PLANE_DROP_ID } from "../../lib/dnd";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";
import { clusters, fanOffsets, fractionOf } from "./geometry";
import type { PointerStore } from "../board/dnd";
import { Marker } from "./Marker";
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
  planeRef: React.RefObject<HTMLDivElement | null>;
  /** An idea being dragged onto the plane from the tray, and where the pointer is. */
  incoming?: { title: string; pointer: PointerStore } | null;
}

const TICKS = [0, 2, 4, 6, 8, 10];

export function ChartView({
  board,
  selectedId,
  matches,
  onSelect,
  onOpen,
  onPlace,
  planeRef,
  incoming = null,
}: ChartViewProps) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const { setNodeRef, isOver } = useDroppable({ id: PLANE_DROP_ID });
  const rectCache = useRef<DOMRect | null>(null);
  const { payoff: tp, cost: tc } = board.thresholds;
  const groups = useMemo(() => clusters(board.ideas), [board.ideas]);

  const setRefs = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      planeRef.current = node;
    },
    [setNodeRef, planeRef],
  );
  const planeRect = useCallback(() => {
    rectCache.current = planeRef.current?.getBoundingClientRect() ?? rectCache.current;
    return rectCache.current;
  }, [planeRef]);

  const line = fractionOf(tp, tc);
  const quadrantBoxes = {
    implement: { left: 0, top: 0, width: line.x, height: line.y },
    challenge: { left: line.x, top: 0, width: 1 - line.x, height: line.y },
    possible: { left: 0, top: line.y, width: line.x, height: 1 - line.y },
    kill: { left: line.x, top: line.y, width: 1 - line.x, height: 1 - line.y },
  };
  const pct = (v: number) => `${v * 100}%`;

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
        ref={setRefs}
        className={`plane${isOver ? " plane-target" : ""}`}
        role="group"
        aria-label={`PICK chart. Thresholds: payoff ${tp}, cost/risk ${tc}.`}
        onPointerDown={(e) => {
          if (e.target === e.currentTarget) setExpanded(null);
        }}
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

        {groups.map((group) => {
          const fanned = expanded === group.key;
          if (group.ideas.length > 1 && !fanned) {
            const at = fractionOf(group.payoff, group.cost);
            const dim = matches !== null && !group.ideas.some((i) => matches.has(i.id));
            return (
              <button
                key={group.key}
                type="button"
                className={`marker-stack${dim ? " dimmed" : ""}`}
                style={{ left: pct(at.x), top: pct(at.y) }}
                aria-label={`${group.ideas.length} ideas close together: ${group.ideas.map((i) => i.title).join("; ")}. Press to spread them out.`}
                title={group.ideas.map((i) => i.title).join("\n")}
                onClick={() => {
                  setExpanded(group.key);
                }}
              >
                {group.ideas.length}
              </button>
            );
          }
          const offsets = fanned ? fanOffsets(group.ideas.length) : null;
          return group.ideas.map((idea, i) => (
            <Marker
              key={idea.id}
              idea={idea}
              selected={idea.id === selectedId}
              dimmed={matches !== null && !matches.has(idea.id)}
              offset={offsets?.[i] ?? null}
              planeRect={planeRect}
              onSelect={onSelect}
              onOpen={onOpen}
              onPlace={onPlace}
            />
          ));
        })}
        {incoming && <PlaneGhost pointer={incoming.pointer} title={incoming.title} planeRect={planeRect} />}
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
