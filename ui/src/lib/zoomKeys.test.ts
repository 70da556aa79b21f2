import { afterEach, describe, expect, it, vi } from "vitest";

import { backend } from "./backend";
import { zoomWithOtherKeys } from "./zoomKeys";

describe("zoomWithOtherKeys", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("zooms with Ctrl++ and the keypad's keys, and leaves the menu's keys and typing alone", () => {
    const zoom = vi.spyOn(backend, "zoom").mockResolvedValue(null);
    zoomWithOtherKeys();
    const press = (init: KeyboardEventInit) => {
      const event = new KeyboardEvent("keydown", { cancelable: true, ...init });
      dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press({ key: "+", code: "Equal", ctrlKey: true, shiftKey: true })).toBe(true);
    expect(press({ key: "+", code: "NumpadAdd", ctrlKey: true })).toBe(true);
    expect(press({ key: "-", code: "NumpadSubtract", ctrlKey: true })).toBe(true);
    expect(press({ key: "0", code: "Numpad0", ctrlKey: true })).toBe(true);
    expect(zoom.mock.calls).toEqual([["in"], ["in"], ["out"], ["reset"]]);
    // The menu's own keys, a + typed, and Ctrl+Alt+ (a character on some keyboards) are not the page's.
    expect(press({ key: "=", code: "Equal", ctrlKey: true })).toBe(false);
    expect(press({ key: "-", code: "Minus", ctrlKey: true })).toBe(false);
    expect(press({ key: "+", code: "NumpadAdd" })).toBe(false);
    expect(press({ key: "+", code: "BracketRight", ctrlKey: true, altKey: true })).toBe(false);
    expect(zoom).toHaveBeenCalledTimes(4);
  });
});
