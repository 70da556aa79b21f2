import "@testing-library/jest-dom/vitest";
import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

import { stopFollowing } from "../features/board/focus";
import { recordFieldHistory } from "../lib/fieldHistory";
import { forgetBackendChannel } from "../lib/ipc";

// As main.tsx does: Ctrl+Z in a field steps through its own history.
recordFieldHistory();

afterEach(() => {
  cleanup();
  clearMocks();
  forgetBackendChannel();
  // A focus that follows a card for a few frames after a test would act in the next one's page.
  stopFollowing();
  // A draft kept by one test (lib/drafts.ts) would open an idea's details in the next.
  localStorage.clear();
});

// jsdom has no matchMedia; the theme hook asks it whether the system prefers dark.
Object.defineProperty(window, "matchMedia", {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }),
});

// jsdom lays nothing out, so nothing is under any point; it has no elementsFromPoint to say so (a drag asks it which
// quadrant the pointer is over).
Object.defineProperty(document, "elementsFromPoint", {
  writable: true,
  value: () => [],
});

// jsdom lays nothing out, so there is nothing to scroll; it has no scrollIntoView (a form brings its status into view).
Object.defineProperty(Element.prototype, "scrollIntoView", {
  writable: true,
  value: () => undefined,
});
