// Quitting without losing what is being typed: a field of an idea's details is saved when it is left, and Ctrl+Q,
// File › Quit or the window's close button left none. The backend asks the page (the `quit` menu command); the page
// leaves the field, waits until the changes on their way are saved, and quits. The backend quits by itself if the
// page takes longer than a few seconds (src-tauri/src/quit.rs), unless the page keeps it open: changes that cannot be
// saved yet are not dropped without a question.
import type { QueryClient } from "@tanstack/react-query";

import { saveAllAtQuit } from "./atQuit";
import { backend } from "./backend";

/** How long the page waits for the changes on their way; the backend's own limit is longer. */
const SAVE_WAIT_MS = 2000;

/** How long keys typed just before Ctrl+Q take to reach the page: the quit comes from the window's menu, ahead of
 * them (" TITLEQ" typed fast, then Ctrl+Q, was saved as " TIT"). */
const KEYS_IN_FLIGHT_MS = 200;

/** Why Pickboard stayed open when asked to quit, for the page to ask: changes not saved yet, fields holding what
 * cannot be saved, or posts that wait in the outbox, which sends them only while Pickboard is open. */
export type QuitHeld = { kind: "unsaved" | "refused" | "posts"; count: number };

/**
 * Quits once what is on its way is saved, and resolves to `null`. Changes still waiting after `waitMs` (the data
 * folder not writable, the disk full) would be lost, and posts waiting in the outbox would wait for the next start:
 * Pickboard stays open instead, and this resolves to which and how many, for the page to ask whether to quit.
 */
export async function quitOnceSaved(client: QueryClient, waitMs = SAVE_WAIT_MS): Promise<QuitHeld | null> {
  await new Promise((resolve) => setTimeout(resolve, KEYS_IN_FLIGHT_MS));
  saveAllAtQuit();
  const focused = document.activeElement;
  // Leaving the field saves it, as a click elsewhere would.
  if (focused instanceof HTMLElement) focused.blur();
  const until = performance.now() + waitMs;
  do {
    // The field's save starts in its blur handler; a moment later it is among the mutations on their way.
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (client.isMutating() > 0 && performance.now() < until);
  const waiting = client.isMutating();
  if (waiting > 0) {
    await backend.keepOpen();
    return { kind: "unsaved", count: waiting };
  }
  // Fields of an idea's details holding what cannot be saved (a payoff of 15): the quit dropped them without a word.
  const refused = document.querySelectorAll(".details [aria-invalid=true]").length;
  if (refused > 0) {
    await backend.keepOpen();
    return { kind: "refused", count: refused };
  }
  // Not knowing is no reason to stay open.
  const posts = await backend.waitingPostCount().catch(() => 0);
  if (posts > 0) {
    await backend.keepOpen();
    return { kind: "posts", count: posts };
  }
  await backend.quitApp();
  return null;
}
