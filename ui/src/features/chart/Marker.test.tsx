import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { idea } from "../../test/fakeBackend";
import { Marker } from "./Marker";

/** jsdom has no pointer events: a mouse event that carries a pointer's id. */
function pointer(type: string, clientX: number, clientY: number) {
  return Object.assign(new MouseEvent(type, { clientX, clientY, button: 0, bubbles: true }), {
    pointerId: 1,
  });
}

/** Idea 7's marker at payoff 3, cost/risk 3, focused. `zoomed`: on a plane zoomed in 4×, whose window (1000 × 1000 on
 * screen) shows cost/risk 2.5 to 5 and payoff 7.5 to 10 (the whole plane 4000 pixels wide, its left edge 1000 pixels
 * left of the window's); else on a plane of 1000 × 1000 from the window's corner. */
function renderMarker(onCarry?: (payoff: number, cost: number) => void, zoomed = false) {
  const onPlace = vi.fn();
  const onOpen = vi.fn();
  const placed = { ...idea(7, "Patch the fleet", "possible"), position: { payoff: 3, cost: 3 } };
  const onPageKey = vi.fn((e: React.KeyboardEvent) => e.defaultPrevented);
  render(
    <div onKeyDown={onPageKey} className={zoomed ? "plane" : undefined}>
      <Marker
        idea={placed}
        selected={false}
        dimmed={false}
        label={{ side: "right", shift: 0 }}
        tabStop
        planeRect={() => (zoomed ? new DOMRect(-1000, 0, 4000, 4000) : new DOMRect(0, 0, 1000, 1000))}
        thresholds={{ payoff: 5, cost: 5 }}
        onSelect={vi.fn()}
        onOpen={onOpen}
        onPlace={onPlace}
        onCarry={onCarry}
      />
    </div>,
  );
  const shown = document.querySelector(".plane");
  if (shown) shown.getBoundingClientRect = () => new DOMRect(0, 0, 1000, 1000);
  const marker = screen.getByRole("button", { name: /^Patch the fleet/ });
  marker.focus();
  return { marker, onPlace, onOpen, onPageKey };
}

describe("Marker", () => {
  it("keeps its scores tag inside the window, zoomed in, where the whole plane would leave it room", () => {
    const placed = { ...idea(7, "Patch the fleet", "challenge"), position: { payoff: 9, cost: 6.5 } };
    // At 4× zoom, the window starting at 0.4 across: cost/risk 6.5 is 0.65 of the plane, at the window's right edge.
    const zoomed = (p: { x: number; y: number }) => ({ x: (p.x - 0.4) * 4, y: (p.y - 0) * 4 });
    render(
      <Marker
        idea={placed}
        selected={false}
        dimmed={false}
        label={{ side: "hidden-left", shift: 0 }}
        tabStop
        planeRect={() => new DOMRect(0, 0, 4000, 4000)}
        thresholds={{ payoff: 5, cost: 5 }}
        inWindow={zoomed}
        onSelect={vi.fn()}
        onOpen={vi.fn()}
        onPlace={vi.fn()}
      />,
    );
    const marker = screen.getByRole("button", { name: /^Patch the fleet/ });
    marker.focus();
    fireEvent.keyDown(marker, { key: " " });
    // It ends at the dot, running left, not right past the window's edge where it read "P 9".
    expect(marker.querySelector(".marker-scores")).toHaveClass("marker-scores-end");
  });

  it("is placed where it is let go of on the plane, pinned at its edge just past it, and not at all far off it", () => {
    const { marker, onPlace } = renderMarker();
    marker.setPointerCapture = vi.fn();
    const drag = (to: [number, number]) => {
      const box = marker.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      fireEvent(marker, pointer("pointerdown", x, y));
      fireEvent(marker, pointer("pointermove", x + 20, y + 20));
      fireEvent(marker, pointer("pointermove", ...to));
      fireEvent(marker, pointer("pointerup", ...to));
    };
    // The plane is 1000 × 1000 from the window's corner: (200, 300) is payoff 7, cost/risk 2 (idea 7).
    drag([200, 300]);
    expect(onPlace).toHaveBeenLastCalledWith(7, 7, 2);
    // 30 px past the top: payoff 10, as a drag to the edge overshoots it.
    drag([200, -30]);
    expect(onPlace).toHaveBeenLastCalledWith(7, 10, 2);
    // Over the toolbar above the chart, 120 px past it: let go there, it stays. It was placed at the edge.
    onPlace.mockClear();
    drag([200, -120]);
    expect(onPlace).not.toHaveBeenCalled();
    expect(marker.querySelector(".marker-scores")).toBeNull();

    // Ctrl+Z while it is dragged puts it back, and leaves the board's history alone: it undid an earlier change.
    const box = marker.getBoundingClientRect();
    fireEvent(marker, pointer("pointerdown", box.left, box.top));
    fireEvent(marker, pointer("pointermove", 200, 300));
    expect(marker.querySelector(".marker-scores")).not.toBeNull();
    const undo = new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true, cancelable: true });
    act(() => {
      window.dispatchEvent(undo);
    });
    expect(undo.defaultPrevented).toBe(true);
    expect(marker.querySelector(".marker-scores")).toBeNull();
    fireEvent(marker, pointer("pointerup", 200, 300));
    expect(onPlace).not.toHaveBeenCalled();
  });

  it("is placed inside the window of a plane zoomed in when let go of just past the window's edge", () => {
    const { marker, onPlace } = renderMarker(undefined, true);
    marker.setPointerCapture = vi.fn();
    // Pressed at the dot's middle (jsdom lays nothing out: the dot's box is at the corner).
    fireEvent(marker, pointer("pointerdown", 0, 0));
    fireEvent(marker, pointer("pointermove", 20, 20));
    // 30 px past the window's right and bottom edges: at its corner, cost/risk 5 and payoff 7.5, not out of sight.
    fireEvent(marker, pointer("pointermove", 1030, 1030));
    fireEvent(marker, pointer("pointerup", 1030, 1030));
    expect(onPlace).toHaveBeenLastCalledWith(7, 7.5, 5);
  });

  it("says where it is carried with the keys, for the view to follow, and nothing once put down", () => {
    const onCarry = vi.fn();
    const { marker } = renderMarker(onCarry);
    fireEvent.keyDown(marker, { key: "ArrowUp" });
    expect(onCarry).not.toHaveBeenCalled();
    fireEvent.keyDown(marker, { key: " " });
    fireEvent.keyDown(marker, { key: "ArrowRight", shiftKey: true });
    expect(onCarry).toHaveBeenLastCalledWith(3, 4);
    fireEvent.keyDown(marker, { key: "ArrowUp" });
    expect(onCarry).toHaveBeenLastCalledWith(3.1, 4);
    const calls = onCarry.mock.calls.length;
    fireEvent.keyDown(marker, { key: "Enter" });
    expect(onCarry).toHaveBeenCalledTimes(calls);
  });

  it("is picked up with Space, moved by the arrows and put down with Enter, saved once", () => {
    const { marker, onPlace } = renderMarker();
    fireEvent.keyDown(marker, { key: " " });
    expect(screen.getByRole("status")).toHaveTextContent(
      "Patch the fleet picked up, at payoff 3, cost/risk 3",
    );
    fireEvent.keyDown(marker, { key: "ArrowUp" });
    fireEvent.keyDown(marker, { key: "ArrowUp" });
    fireEvent.keyDown(marker, { key: "ArrowRight", shiftKey: true });
    expect(marker).toHaveAccessibleName("Patch the fleet, payoff 3.2, cost/risk 4");
    expect(onPlace).not.toHaveBeenCalled();
    fireEvent.keyDown(marker, { key: "Enter" });
    expect(onPlace).toHaveBeenCalledTimes(1);
    expect(onPlace).toHaveBeenCalledWith(7, 3.2, 4);
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("shows the colour of the quadrant it would land in while it is carried", () => {
    const { marker } = renderMarker();
    expect(marker).toHaveClass("zone-possible");
    fireEvent.keyDown(marker, { key: " " });
    // Payoff 3 → 6: over the border into Implement.
    for (let i = 0; i < 3; i++) fireEvent.keyDown(marker, { key: "ArrowUp", shiftKey: true });
    expect(marker).toHaveClass("zone-implement");
    fireEvent.keyDown(marker, { key: "ArrowRight", shiftKey: true });
    fireEvent.keyDown(marker, { key: "ArrowRight", shiftKey: true });
    expect(marker).toHaveClass("zone-challenge");
    // Put back: its own again.
    fireEvent.keyDown(marker, { key: "Escape" });
    expect(marker).toHaveClass("zone-possible");
  });

  it("leaves the arrows to the page until it is picked up: they go to the next marker", () => {
    const { marker, onPlace, onPageKey } = renderMarker();
    fireEvent.keyDown(marker, { key: "ArrowUp" });
    expect(onPageKey).toHaveLastReturnedWith(false);
    expect(onPlace).not.toHaveBeenCalled();
    expect(marker).toHaveAccessibleName("Patch the fleet, payoff 3, cost/risk 3");
  });

  it("goes back with Escape, unsaved; put down where it is when the focus leaves it", () => {
    const { marker, onPlace } = renderMarker();
    fireEvent.keyDown(marker, { key: " " });
    fireEvent.keyDown(marker, { key: "ArrowDown" });
    fireEvent.keyDown(window, { key: "Escape" });
    expect(marker).toHaveAccessibleName("Patch the fleet, payoff 3, cost/risk 3");
    expect(onPlace).not.toHaveBeenCalled();

    fireEvent.keyDown(marker, { key: " " });
    fireEvent.keyDown(marker, { key: "ArrowLeft" });
    fireEvent.blur(marker);
    expect(onPlace).toHaveBeenCalledWith(7, 3, 2.9);
  });

  it("is put back by Ctrl+Z while it is up, which leaves the board's history alone", () => {
    const { marker, onPlace, onPageKey } = renderMarker();
    fireEvent.keyDown(marker, { key: " " });
    fireEvent.keyDown(marker, { key: "ArrowRight", shiftKey: true });
    fireEvent.keyDown(marker, { key: "z", ctrlKey: true });
    expect(onPageKey).toHaveLastReturnedWith(true);
    expect(marker).toHaveAccessibleName("Patch the fleet, payoff 3, cost/risk 3");
    expect(screen.queryByRole("status")).toBeNull();
    // The next Space picks it up again rather than putting down the old move.
    fireEvent.keyDown(marker, { key: " " });
    fireEvent.keyDown(marker, { key: " " });
    expect(onPlace).not.toHaveBeenCalled();
  });

  it("lets no key act on the idea while it is up: 1–4, E, F2, Delete and V wait", () => {
    const { marker, onPlace, onOpen, onPageKey } = renderMarker();
    fireEvent.keyDown(marker, { key: " " });
    fireEvent.keyDown(marker, { key: "ArrowRight", shiftKey: true });
    onPageKey.mockClear();
    for (const key of ["1", "4", "e", "F2", "Delete", "n", "?", "v"]) fireEvent.keyDown(marker, { key });
    expect(onPageKey).not.toHaveBeenCalled();
    expect(onOpen).not.toHaveBeenCalled();
    fireEvent.keyDown(marker, { key: " " });
    expect(onPlace).toHaveBeenCalledWith(7, 3, 4);
  });

  it("opens its details with E or F2, not with Enter", () => {
    const { marker, onOpen, onPlace } = renderMarker();
    fireEvent.keyDown(marker, { key: "F2" });
    expect(onOpen).toHaveBeenCalledWith(7);
    fireEvent.keyDown(marker, { key: "Enter" });
    fireEvent.keyDown(marker, { key: "Enter" });
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onPlace).not.toHaveBeenCalled();
  });
});
