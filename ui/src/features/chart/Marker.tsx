// One placed idea on the plane. It follows the pointer while dragged and is saved once, on drop. With the keyboard it
// is picked up with Space or Enter, moved with the arrows by 0.1 (Shift: by 1) and put down with Space or Enter,
// saved once; the arrows of a marker not picked up go to the plane, which takes the focus to the next marker.
import { memo, useEffect } from "react";

import { LiveRegion } from "../../components/LiveRegion";
import type { Idea, Thresholds } from "../../lib/bindings";
import { styleRef } from "../../lib/styleAttribute";
import { quadrantOf } from "../../lib/zones";
import { roomClass, scoresClass, type LabelPlace } from "./geometry";
import { fractionOf, type Point } from "./scale";
import { usePlaneDrag } from "./usePlaneDrag";

interface MarkerProps {
  idea: Idea;
  selected: boolean;
  dimmed: boolean;
  /** Which side of the dot its title goes on (`hidden`: no room; it shows on hover and focus), and its shift. */
  label: LabelPlace;
  /** The plane's one Tab stop among its markers and counts. */
  tabStop: boolean;
  planeRect: () => DOMRect | null;
  /** The board's quadrant borders: a marker carried over one takes the colour of the quadrant it would land in. */
  thresholds: Thresholds;
  /** Where a point of the plane (fractions) shows in the window (fractions of it), zoomed and panned. */
  inWindow?: (p: Point) => Point;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onPlace: (id: number, payoff: number, cost: number) => void;
  /** Picked up with the keys and moved: where it is now, for the view to follow it (it went out of sight, zoomed). */
  onCarry?: ((payoff: number, cost: number) => void) | undefined;
}

export const Marker = memo(function Marker(props: MarkerProps) {
  const {
    idea,
    selected,
    dimmed,
    label,
    tabStop,
    planeRect,
    thresholds,
    inWindow,
    onSelect,
    onOpen,
    onPlace,
    onCarry,
  } = props;
  const saved = idea.position ?? { payoff: 0, cost: 0 };
  const { live, pickedUp, handlers, onPickUpKey, putDown } = usePlaneDrag({
    saved,
    planeRect,
    onGrab: () => {
      onSelect(idea.id);
    },
    onPlace: (payoff, cost) => {
      onPlace(idea.id, payoff, cost);
    },
  });
  const shown = live ?? saved;
  // The tag keeps inside the window, not the whole plane: zoomed, a dot at the window's edge had its tag cut ("P 9").
  const shownAt = (p: Point) => (inWindow ? inWindow(p) : p);
  const carried = pickedUp ? live : null;
  useEffect(() => {
    if (carried) onCarry?.(carried.payoff, carried.cost);
  }, [carried, onCarry]);
  // The marker stays laid out at its saved scores; a live drag or nudge only shifts it with a transform, which the
  // compositor moves without laying out the plane again.
  const at = fractionOf(saved.payoff, saved.cost);
  const rect = live ? planeRect() : null;
  const dx = live && rect ? ((live.cost - saved.cost) / 10) * rect.width : 0;
  const dy = live && rect ? ((saved.payoff - live.payoff) / 10) * rect.height : 0;
  // Carried over a border, it shows the quadrant it would land in: it kept its old colour until put down, and only
  // its scores' tag said where it was going.
  const zone = live ? quadrantOf(live.payoff, live.cost, thresholds) : idea.zone;

  return (
    <>
      <button
        type="button"
        className={`marker zone-${zone} marker-label-${label.side}${label.cap ? ` marker-cap-${label.cap}` : ""}${roomClass(label.room)}${selected ? " marker-selected" : ""}${dimmed ? " dimmed" : ""}${live ? " marker-live" : ""}`}
        ref={styleRef({
          left: `${at.x * 100}%`,
          top: `${at.y * 100}%`,
          transform: `translate(${dx}px, ${dy}px)`,
        })}
        aria-label={`${idea.title}, payoff ${shown.payoff}, cost/risk ${shown.cost}`}
        aria-pressed={selected}
        tabIndex={tabStop ? 0 : -1}
        data-idea-id={idea.id}
        {...handlers}
        onBlur={putDown}
        onClick={(e) => {
          onSelect(idea.id);
          // The keys act on the marker clicked, as on a card clicked: WebKit leaves the focus where it was.
          e.currentTarget.focus();
        }}
        onDoubleClick={() => {
          onOpen(idea.id);
        }}
        onKeyDown={(e) => {
          if (onPickUpKey(e)) return;
          if (e.key === "e" || e.key === "E" || e.key === "F2") {
            e.preventDefault();
            onOpen(idea.id);
          }
        }}
      >
        <span className="marker-dot" aria-hidden="true" />
        <span
          className="marker-label"
          ref={styleRef({
            translate:
              label.shift === 0
                ? undefined
                : label.side === "left" || label.side === "right"
                  ? `0 ${label.shift}px`
                  : `${label.shift}px 0`,
          })}
        >
          {idea.title}
        </span>
        {live && (
          <span
            className={scoresClass(shownAt(fractionOf(live.payoff, live.cost)), label.side)}
            aria-hidden="true"
          >
            P {live.payoff} · C {live.cost}
          </span>
        )}
      </button>
      {/* Outside the button, whose content a screen reader reads as its name only. */}
      {pickedUp && live && (
        <LiveRegion
          message={`${idea.title} picked up, at payoff ${String(live.payoff)}, cost/risk ${String(live.cost)}. The arrows move it; Space or Enter puts it down, Escape puts it back.`}
        />
      )}
    </>
  );
});
