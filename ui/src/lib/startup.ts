// Start-up, as the page sees it: marks for the benchmark's timeline (`scripts/bench.sh`), and the word to the
// backend that the first frame is on screen, so that the work which waited for it (the daily backup, the outbox's
// sender) starts only then.
import { backend } from "./backend";

let told = false;

/** Marks `name` at the next frame, and tells the backend, once, that the page has drawn. */
export function firstFrameDrawn(name: "board-painted" | "welcome-painted") {
  requestAnimationFrame(() => {
    performance.mark(name);
    if (told) return;
    told = true;
    backend.firstFrameShown().catch(() => {
      // Nothing to do: the backend starts that work by itself a few seconds later.
    });
  });
}
