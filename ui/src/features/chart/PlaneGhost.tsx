// While an idea from the Unsorted tray is dragged over the plane: a ghost marker under the pointer with the scores it
// will get, so the user sees the spot before letting go. It re-renders on its own as the pointer moves.
import { useSyncExternalStore } from "react";

import { styleRef } from "../../lib/styleAttribute";
import type { PointerStore } from "../board/pointerStore";
import { scoresAt } from "./scale";

interface PlaneGhostProps {
  pointer: PointerStore;
  title: string;
  planeRect: () => DOMRect | null;
}

export function PlaneGhost({ pointer, title, planeRect }: PlaneGhostProps) {
  const at = useSyncExternalStore(pointer.subscribe, pointer.get);
  const rect = at ? planeRect() : null;
  if (!at || !rect) return null;
  const x = Math.min(Math.max(at.x - rect.left, 0), rect.width);
  const y = Math.min(Math.max(at.y - rect.top, 0), rect.height);
  const { payoff, cost } = scoresAt({ x, y }, rect.width, rect.height);
  return (
    <div className="marker-ghost" ref={styleRef({ left: x, top: y })} role="status" aria-live="off">
      <span className="marker-dot" aria-hidden="true" />
      <span className="marker-ghost-label">
        {title}
        <span className="marker-ghost-scores">
          Payoff {payoff} · Cost/risk {cost}
        </span>
      </span>
    </div>
  );
}
