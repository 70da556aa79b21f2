// Zoom's other keys. Ctrl+=, Ctrl+- and Ctrl+0 are View's menu keys (src-tauri/src/zoom.rs), which never reach the
// page; a menu item takes one key, so Ctrl++ (Shift+= on a US keyboard, a key of its own on a German one) and the
// keypad's + − 0 did nothing. They come here, anywhere in the window.
import { backend } from "./backend";
import type { ZoomChange } from "./bindings";

export function zoomWithOtherKeys() {
  addEventListener("keydown", (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const change: ZoomChange | null =
      e.key === "+" ? "in" : e.code === "NumpadSubtract" ? "out" : e.code === "Numpad0" ? "reset" : null;
    if (change) {
      e.preventDefault();
      void backend.zoom(change);
    }
  });
}
