// Drag and drop for the board's body, loaded with the first input rather than at start: @dnd-kit and the board's drag
// logic are some 50 kB of script that the first frame does not need (docs/benchmarks.md). Until they are loaded the
// body is drawn as it is with nothing to drag; the first pointer move, press, wheel turn or key anywhere in the window
// loads them, and a card pressed in that moment is pressed again once they are there (bodyHandover.ts).
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from "react";

import type { Idea, Zone } from "../../lib/bindings";
import type { Handover } from "./bodyHandover";
import { pressOf, type Press } from "./press";
import type { Columns } from "./columns";
import { createPointerStore, type Point, type PointerStore } from "./pointerStore";

/** The board as a drag shows it, for the body to draw. */
export interface DragState {
  /** The columns, with the dragged card where it is now. */
  view: Columns;
  activeIdea: Idea | null;
  /** The zone the dragged card is over. */
  overZone: Zone | null;
  /** Where the pointer is on the chart's plane while it drags an idea there. */
  planePointer: PointerStore;
}

export interface BoardDragProps {
  columns: Columns;
  onMove: (id: number, zone: Zone, index: number) => void;
  /** An idea dropped on the chart's plane, at this point of the viewport. */
  onPlaneDrop: (id: number, clientX: number, clientY: number) => void;
  /** Where on the chart's plane (viewport coordinates) an idea moved into `zone` by the keyboard lands; `null` when
   * the plane is not on screen. */
  keyboardPlaneSpot: (zone: Zone) => Point | null;
  /** Tells a screen reader of the drag (the board's LiveRegion). */
  say: (message: string) => void;
  children: (drag: DragState) => ReactNode;
}

type DragLayerModule = typeof import("./dragLayer");

let loaded: DragLayerModule | null = null;
let loading: Promise<DragLayerModule> | null = null;

/** Loads drag and drop once for the window; a failed load is tried again at the next call. */
export function loadDragLayer(): Promise<DragLayerModule> {
  loading ??= import("./dragLayer").then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Makes the next board start without drag and drop again, as a window does: for tests of its arrival. */
export function forgetDragLayer(): void {
  loaded = null;
  loading = null;
}

const NOT_LOADED = "Drag and drop could not be loaded; it is tried again at the next input.";

/** The inputs that load drag and drop: any of them may be the start of a drag, or lead to one within moments. */
const FIRST_INPUTS = ["pointermove", "pointerdown", "wheel", "keydown"] as const;

/** Loads drag and drop with the window's first input, also where no board is drawn yet (the welcome screen, a
 * dialog): the board that follows is then drawn with it from the start, not drawn again under it. */
export function loadDragLayerWithFirstInput(): void {
  const options = { capture: true, passive: true } as const;
  const onInput = () => {
    for (const name of FIRST_INPUTS) window.removeEventListener(name, onInput, options);
    loadDragLayer().catch((error: unknown) => {
      console.error(NOT_LOADED, error);
    });
  };
  for (const name of FIRST_INPUTS) window.addEventListener(name, onInput, options);
}

const NO_PLANE_POINTER = createPointerStore();

export function BoardDrag(props: BoardDragProps) {
  const [layer, setLayer] = useState(loaded);
  // A card pressed while drag and drop loads, and what the body drawn without it hands over to the one drawn with it:
  // taken as the still body leaves the page, after the last key it saw.
  const press = useRef<Press | null>(null);
  const handover = useRef<Handover | null>(null);
  const takeHandover = useCallback(() => {
    const taken = handover.current;
    handover.current = null;
    return taken;
  }, []);

  useEffect(() => {
    if (layer) return;
    let requested = false;
    let gone = false;
    const request = () => {
      requested = true;
      loadDragLayer().then(
        (module) => {
          if (!gone) setLayer(module);
        },
        (error: unknown) => {
          requested = false;
          console.error(NOT_LOADED, error);
        },
      );
    };
    // An input before this board was drawn has already asked for it.
    if (loading) request();
    const onInput = (event: Event) => {
      const pressed = pressOf(event);
      if (pressed) {
        press.current = pressed;
        // Space would scroll the list; the press is the drag's, handed over once drag and drop is there.
        if (pressed.kind === "key") event.preventDefault();
      }
      if (!requested) request();
    };
    const onRelease = () => {
      if (press.current?.kind === "pointer" || press.current?.kind === "plane") press.current = null;
    };
    // Only a key's default is ever prevented: the pointer's and the wheel's listeners stay passive.
    type Listener = [string, (event: Event) => void, AddEventListenerOptions];
    const listeners: Listener[] = [
      ...FIRST_INPUTS.map((name): Listener => [
        name,
        onInput,
        { capture: true, passive: name !== "keydown" },
      ]),
      ["pointerup", onRelease, { capture: true, passive: true }],
      ["pointercancel", onRelease, { capture: true, passive: true }],
    ];
    for (const [name, listener, options] of listeners) window.addEventListener(name, listener, options);
    return () => {
      gone = true;
      for (const [name, listener, options] of listeners) window.removeEventListener(name, listener, options);
    };
  }, [layer]);

  if (layer) return <layer.DragLayer {...props} takeHandover={takeHandover} />;
  return (
    <StillBody press={press} handover={handover}>
      {props.children({
        view: props.columns,
        activeIdea: null,
        overZone: null,
        planePointer: NO_PLANE_POINTER,
      })}
    </StillBody>
  );
}

interface StillBodyProps {
  press: RefObject<Press | null>;
  handover: RefObject<Handover | null>;
  children: ReactNode;
}

/** The body before drag and drop. As it leaves the page (React runs this cleanup before it removes the body's
 * elements), it notes what the body drawn anew is to take over: nothing typed between can be lost. */
function StillBody({ press, handover, children }: StillBodyProps) {
  useLayoutEffect(
    () => () => {
      // Drag and drop's script, which carries the handover, is there: its arrival is what takes this body away.
      handover.current = loaded?.captureHandover(press.current) ?? null;
    },
    [press, handover],
  );
  return children;
}
