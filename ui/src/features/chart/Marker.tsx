// One placed idea on the plane. It follows the pointer while dragged and is saved once, on drop; arrow keys nudge it
// by 0.1 (Shift: by 1) and a burst of nudges is saved as one change.
import { memo, useEffect, useRef, useState } from "react";

import type { Idea } from "../../lib/bindings";
import { fractionOf, scoresAt, type LabelPlace, type Point } from "./geometry";

interface MarkerProps {
  idea: Idea;
  selected: boolean;
  dimmed: boolean;
  /** Pixels to shift the marker by, when its cluster is fanned out. */
  offset: Point | null;
  /** Which side of the dot its title goes on (`hidden`: no room; it shows on hover and focus), and its shift. */
  label: LabelPlace;
  planeRect: () => DOMRect | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onPlace: (id: number, payoff: number, cost: number) => void;
}

const NUDGE_SAVE_DELAY = 500;

export const Marker = memo(function Marker(props: MarkerProps) {
  const { idea, selected, dimmed, offset, label, planeRect, onSelect, onOpen, onPlace } = props;
  const saved = idea.position ?? { payoff: 0, cost: 0 };
  const [live, setLive] = useState<{ payoff: number; cost: number } | null>(null);
  const drag = useRef<{ pointerId: number; moved: boolean; grab: Point } | null>(null);
  const nudgeTimer = useRef<number | null>(null);
  const shown = live ?? saved;
  // The marker stays laid out at its saved scores; a live drag or nudge only shifts it with a transform, which the
  // compositor moves without laying out the plane again.
  const at = fractionOf(saved.payoff, saved.cost);
  const rect = live ? planeRect() : null;
  const dx = live && rect ? ((live.cost - saved.cost) / 10) * rect.width : (offset?.x ?? 0);
  const dy = live && rect ? ((saved.payoff - live.payoff) / 10) * rect.height : (offset?.y ?? 0);

  useEffect(
    () => () => {
      if (nudgeTimer.current !== null) window.clearTimeout(nudgeTimer.current);
    },
    [],
  );

  function scoresFor(clientX: number, clientY: number) {
    const rect = planeRect();
    if (!rect || !drag.current) return null;
    const x = clientX - rect.left - drag.current.grab.x;
    const y = clientY - rect.top - drag.current.grab.y;
    return scoresAt({ x, y }, rect.width, rect.height);
  }

  function nudge(dPayoff: number, dCost: number) {
    const base = live ?? saved;
    const next = {
      payoff: Math.round(Math.min(10, Math.max(0, base.payoff + dPayoff)) * 10) / 10,
      cost: Math.round(Math.min(10, Math.max(0, base.cost + dCost)) * 10) / 10,
    };
    setLive(next);
    if (nudgeTimer.current !== null) window.clearTimeout(nudgeTimer.current);
    nudgeTimer.current = window.setTimeout(() => {
      nudgeTimer.current = null;
      onPlace(idea.id, next.payoff, next.cost);
      setLive(null);
    }, NUDGE_SAVE_DELAY);
  }

  return (
    <button
      type="button"
      className={`marker zone-${idea.zone} marker-label-${label.side}${selected ? " marker-selected" : ""}${dimmed ? " dimmed" : ""}${live ? " marker-live" : ""}`}
      style={{ left: `${at.x * 100}%`, top: `${at.y * 100}%`, transform: `translate(${dx}px, ${dy}px)` }}
      aria-label={`${idea.title}, payoff ${shown.payoff}, cost/risk ${shown.cost}`}
      aria-pressed={selected}
      data-idea-id={idea.id}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        const rect = e.currentTarget.getBoundingClientRect();
        // Where inside the dot the pointer grabbed it, so the marker does not jump under the pointer.
        const dot = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        drag.current = {
          pointerId: e.pointerId,
          moved: false,
          grab: { x: e.clientX - dot.x, y: e.clientY - dot.y },
        };
        e.currentTarget.setPointerCapture(e.pointerId);
        onSelect(idea.id);
      }}
      onPointerMove={(e) => {
        if (drag.current?.pointerId !== e.pointerId) return;
        const next = scoresFor(e.clientX, e.clientY);
        if (!next) return;
        drag.current.moved = true;
        setLive(next);
      }}
      onPointerUp={(e) => {
        const current = drag.current;
        if (current?.pointerId !== e.pointerId) return;
        const next = current.moved ? scoresFor(e.clientX, e.clientY) : null;
        drag.current = null;
        if (next && (next.payoff !== saved.payoff || next.cost !== saved.cost)) {
          onPlace(idea.id, next.payoff, next.cost);
        }
        setLive(null);
      }}
      onPointerCancel={() => {
        drag.current = null;
        setLive(null);
      }}
      onClick={() => {
        onSelect(idea.id);
      }}
      onDoubleClick={() => {
        onOpen(idea.id);
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 1 : 0.1;
        const moves: Record<string, [number, number]> = {
          ArrowUp: [step, 0],
          ArrowDown: [-step, 0],
          ArrowLeft: [0, -step],
          ArrowRight: [0, step],
        };
        const move = moves[e.key];
        if (move) {
          e.preventDefault();
          onSelect(idea.id);
          nudge(move[0], move[1]);
        } else if (e.key === "Enter" || e.key === "e" || e.key === "E") {
          e.preventDefault();
          onOpen(idea.id);
        }
      }}
    >
      <span className="marker-dot" aria-hidden="true" />
      <span
        className="marker-label"
        style={
          label.shift === 0
            ? undefined
            : {
                translate:
                  label.side === "left" || label.side === "right"
                    ? `0 ${label.shift}px`
                    : `${label.shift}px 0`,
              }
        }
      >
        {idea.title}
      </span>
      {live && (
        <span className="marker-scores" aria-hidden="true">
          P {live.payoff} · C {live.cost}
        </span>
      )}
    </button>
  );
});
