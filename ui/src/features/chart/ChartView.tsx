// The board as a plane: cost/risk to the right, payoff up, the thresholds as the quadrant borders. Placed ideas are
// markers; ideas from the Unsorted tray can be dropped anywhere on it.
import { useDroppable } from "@dnd-kit/core";
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";

import type { Board } from "../../lib/bindings";
import { PLANE_DROP_ID } from "../../lib/dnd";
import { clusters, fanOffsets, fractionOf, placeLabels, type Box, type LabelPlace } from "./geometry";
import type { PointerStore } from "../board/dnd";
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
  planeRef: React.RefObject<HTMLDivElement | null>;
  /** An idea being dragged onto the plane from the tray, and where the pointer is. */
  incoming?: { title: string; pointer: PointerStore } | null;
}

const NO_LABEL = { width: 0, height: 0 };
const DEFAULT_PLACE: LabelPlace = { side: "right", shift: 0 };
/** A title's box as `.marker-label` draws it: its text's width plus padding, at most 150 pixels, one line high. */
const LABEL_MAX_WIDTH = 150;
const LABEL_HEIGHT = 18;
let measureContext: CanvasRenderingContext2D | null | undefined;
function labelSize(title: string): { width: number; height: number } {
  if (measureContext === undefined) {
    measureContext = document.createElement("canvas").getContext("2d");
    if (measureContext) {
      const style = getComputedStyle(document.documentElement);
      measureContext.font = `${style.getPropertyValue("--font-xs").trim() || "12px"} ${style.fontFamily}`;
    }
  }
  const text = measureContext?.measureText(title).width ?? title.length * 7;
  return { width: Math.min(Math.ceil(text) + 12, LABEL_MAX_WIDTH), height: LABEL_HEIGHT };
}

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

  // The plane's size and where its quadrant names stand, measured after layout, for placing the titles.
  const [layout, setLayout] = useState<{ width: number; height: number; names: Box[] } | null>(null);
  useLayoutEffect(() => {
    const plane = planeRef.current;
    if (!plane) return;
    const measure = () => {
      const rect = plane.getBoundingClientRect();
      const names = [...plane.querySelectorAll(".plane-quadrant-name")].map((n) => {
        const r = n.getBoundingClientRect();
        return { left: r.left - rect.left, top: r.top - rect.top, width: r.width, height: r.height };
      });
      setLayout({ width: rect.width, height: rect.height, names });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(plane);
    return () => {
      observer.disconnect();
    };
  }, [planeRef, tp, tc]);

  // Each title on the side of its dot where it stays on the plane and covers no dot, title or quadrant name.
  const labels = useMemo(() => {
    const places = new Map<number, LabelPlace>();
    if (!layout) return places;
    const markers = groups.flatMap((group) => {
      const at = fractionOf(group.payoff, group.cost);
      if (group.ideas.length > 1 && expanded !== group.key) {
        return [
          {
            id: -(group.ideas[0]?.id ?? 0),
            at: { x: at.x * layout.width, y: at.y * layout.height },
            label: NO_LABEL,
          },
        ];
      }
      const offsets = expanded === group.key ? fanOffsets(group.ideas.length) : null;
      return group.ideas.map((idea, i) => {
        const p = fractionOf(idea.position?.payoff ?? 0, idea.position?.cost ?? 0);
        const shift = offsets?.[i] ?? { x: 0, y: 0 };
        return {
          id: idea.id,
          at: { x: p.x * layout.width + shift.x, y: p.y * layout.height + shift.y },
          label: labelSize(idea.title),
        };
      });
    });
    markers.sort((a, b) => Number(b.id === selectedId) - Number(a.id === selectedId));
    return placeLabels(markers, layout.width, layout.height, layout.names);
  }, [groups, expanded, layout, selectedId]);

  return (
    <PlaneFrame
      thresholds={board.thresholds}
      planeRef={setRefs}
      className={isOver ? "plane-target" : undefined}
      label={`PICK chart. Thresholds: payoff ${tp}, cost/risk ${tc}.`}
      onPointerDown={(e) => {
        if (e.target === e.currentTarget) setExpanded(null);
      }}
    >
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
              style={{ left: `${at.x * 100}%`, top: `${at.y * 100}%` }}
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
            label={labels.get(idea.id) ?? DEFAULT_PLACE}
            planeRect={planeRect}
            onSelect={onSelect}
            onOpen={onOpen}
            onPlace={onPlace}
          />
        ));
      })}
      {incoming && <PlaneGhost pointer={incoming.pointer} title={incoming.title} planeRect={planeRect} />}
    </PlaneFrame>
  );
}
