// Start-up, as the page sees it: marks for the benchmark's timeline (`scripts/bench.sh`), and the word to the
// backend that the first frame is on screen, so that the work which waited for it (the daily backup, the outbox's
// sender) starts only then.
import { backend } from "./backend";
import type { Boot } from "./bindings";
import { FIRST_FRAME_ATTRIBUTE, handedBoot } from "./firstFrameRules";

/** Older than this, what the window was handed is read again after the first frame (the page was loaded again). */
const FRESH_MS = 5000;

let handed: Boot | null | undefined;

/**
 * What the backend handed the page as its window opened (the boards, the board to show, the preferences), so that
 * the first frame needs no round trip; `null` when it handed nothing (the database could not be opened) or when the
 * page was loaded again after its process ended (what was handed is out of date then). The same answer for the
 * page's whole life.
 */
export function handedAtStart(): Boot | null {
  handed ??= handedBoot();
  return handed;
}

/** Whether what was handed at start may be out of date: the page was loaded again well after the window opened. */
export function handedIsStale(boot: Boot, now = Date.now()): boolean {
  return now - boot.readAt > FRESH_MS;
}

let told = false;
const afterFrame = new Set<() => void>();

/** Whether the app's first frame is on screen already. */
export function firstFrameShown(): boolean {
  return told;
}

/**
 * Runs `work` once the first frame is on screen (at once if it is already): what that frame does not need, such as
 * the cards below the first screenful. Returns a function that cancels it.
 */
export function afterFirstFrame(work: () => void): () => void {
  if (told) {
    work();
    return () => undefined;
  }
  afterFrame.add(work);
  return () => afterFrame.delete(work);
}

/** Marks `name` at the next frame, and tells the backend, once, that the page has drawn. */
export function firstFrameDrawn(name: "board-painted" | "welcome-painted") {
  requestAnimationFrame(() => {
    // Where a frame was drawn before React's (src/firstFrame), that one was the first with the board on screen, and
    // this is the first in which it answers.
    const root = document.getElementById("root");
    const replaced = root?.hasAttribute(FIRST_FRAME_ATTRIBUTE) ?? false;
    root?.removeAttribute(FIRST_FRAME_ATTRIBUTE);
    performance.mark(replaced ? "board-interactive" : name);
    if (told) return;
    told = true;
    // After this frame's paint, not before it.
    setTimeout(() => {
      for (const work of afterFrame) work();
      afterFrame.clear();
    }, 0);
    backend.firstFrameShown().catch(() => {
      // Nothing to do: the backend starts that work by itself a few seconds later.
    });
  });
}
