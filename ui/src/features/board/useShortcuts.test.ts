// Which keys the board takes: none while something lies over it.
import { afterEach, describe, expect, it } from "vitest";

import { keyForBoard } from "./useShortcuts";

/** A key pressed with the focus on the page itself. */
function pressed(key: string): KeyboardEvent {
  const event = new KeyboardEvent("keydown", { key, bubbles: true });
  document.body.dispatchEvent(event);
  return event;
}

describe("keyForBoard", () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("gives the board no key while the sidebar is open over it: V switched the dimmed board to the chart", () => {
    expect(keyForBoard(pressed("v"))).toBe(true);
    const sidebar = document.createElement("nav");
    sidebar.className = "sidebar sidebar-open sidebar-overlay";
    document.body.append(sidebar);
    expect(keyForBoard(pressed("v"))).toBe(false);
    expect(keyForBoard(pressed("1"))).toBe(false);
    // Docked beside the board, it covers nothing.
    sidebar.className = "sidebar sidebar-open";
    expect(keyForBoard(pressed("v"))).toBe(true);
  });
});
