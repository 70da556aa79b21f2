// One idea on a round's plane: the voter's estimate (or, at the reveal, the idea's final spot). Dragged with the
// pointer or nudged with the arrow keys like a marker on the board; Delete takes it off the plane when it may.
import { forwardRef, useState } from "react";

import type { Quadrant } from "../../lib/bindings";
import { isDeleteKey } from "../../lib/os";
import { styleRef } from "../../lib/styleAttribute";
import { roomClass, scoresClass } from "../chart/geometry";
import { fractionOf } from "../chart/scale";
import { usePlaneDrag } from "../chart/usePlaneDrag";

interface EstimateDotProps {
  title: string;
  payoff: number;
  cost: number;
  /** The quadrant the dot is drawn in the colour of. */
  zone: Quadrant;
  /** What the dot stands for, before its scores, e.g. "your estimate". */
  what: string;
  selected?: boolean;
  planeRect: () => DOMRect | null;
  onSelect?: (() => void) | undefined;
  /** Where a drag or the arrow keys put it; none for a dot only to look at (a closed round's final spot). */
  onPlace?: ((payoff: number, cost: number) => void) | undefined;
  /** Place each arrow-key nudge at once (a ballot), instead of a burst as one change (the board). */
  immediate?: boolean;
  /** Delete (on macOS Backspace too): take it off the plane. */
  onRemove?: (() => void) | undefined;
  /** Drawn as a ring, so that the voters' dots under it show through (the final spot at the reveal). */
  hollow?: boolean;
}

export const EstimateDot = forwardRef<HTMLButtonElement, EstimateDotProps>(function EstimateDot(props, ref) {
  const {
    title,
    payoff,
    cost,
    zone,
    what,
    selected = false,
    immediate = false,
    planeRect,
    onSelect,
    onPlace,
    onRemove,
    hollow = false,
  } = props;
  const saved = { payoff, cost };
  const { live, handlers, onArrowKey } = usePlaneDrag({
    saved,
    planeRect,
    onGrab: onSelect,
    onPlace: onPlace ?? (() => undefined),
    batchNudges: !immediate,
  });
  const shown = live ?? saved;
  const at = fractionOf(shown.payoff, shown.cost);
  // The title goes left of a dot in the right part of the plane, where it would run past the plane's edge; shown
  // whole (hovered or focused), it grows no further than that edge (it ran past the plane and was cut).
  const left = at.x > 0.7;
  const [planeWidth, setPlaneWidth] = useState<number | null>(null);
  const measure = () => {
    setPlaneWidth(planeRect()?.width ?? null);
  };
  const room = planeWidth === null ? undefined : (left ? at.x : 1 - at.x) * planeWidth - 24;
  return (
    <button
      ref={styleRef({ left: `${at.x * 100}%`, top: `${at.y * 100}%` }, ref)}
      type="button"
      className={`marker estimate-dot zone-${zone} ${left ? "marker-label-left" : "marker-label-right"}${roomClass(room)}${selected ? " marker-selected" : ""}${live ? " marker-live" : ""}${hollow ? " marker-hollow" : ""}`}
      onFocus={measure}
      onPointerEnter={measure}
      aria-label={`${title}, ${what}: payoff ${shown.payoff}, cost/risk ${shown.cost}`}
      aria-pressed={selected}
      {...(onPlace ? handlers : {})}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (onPlace && onArrowKey(e)) return;
        if (isDeleteKey(e.key)) {
          e.preventDefault();
          onRemove?.();
        }
      }}
    >
      <span className="marker-dot" aria-hidden="true" />
      <span className="marker-label">{title}</span>
      {/* While it moves, and on the chosen dot: the numbers the voter is setting (the label says them to a screen
          reader already). */}
      {(live || selected) && (
        <span className={scoresClass(at, left ? "left" : "right")} aria-hidden="true">
          P {shown.payoff} · C {shown.cost}
        </span>
      )}
    </button>
  );
});
