// The script that draws the app's first frame before React's bundle runs (see render.ts), and then starts that
// bundle. index.html runs it as a classic script right after #root; the build moves the page's entry module from
// index.html to this script's `data-entry` (see `firstFrame` in vite.config.ts), and the dev server leaves it where
// it is.
import { FIRST_FRAME_ATTRIBUTE, handedBoot } from "../lib/firstFrameRules";
import { handOverWhenReplaced } from "./handOver";
import { renderFirstFrame } from "./render";

// For the start-up timeline (scripts/bench.sh): the page has been parsed up to this script, and its stylesheet has
// loaded.
performance.mark("first-frame-script");

const entry = document.currentScript?.dataset.entry;

/** Starts the page's own modules: React's bundle. */
function startApp() {
  if (!entry) return;
  const script = document.createElement("script");
  script.type = "module";
  script.crossOrigin = "";
  script.src = entry;
  document.head.append(script);
}

// Nothing handed (or a page loaded again after its process ended, whose handed board is out of date): React draws.
const handed = handedBoot();
const root = document.getElementById("root");
if (root && renderFirstFrame(handed, root)) {
  root.setAttribute(FIRST_FRAME_ATTRIBUTE, "");
  const frame = root.firstElementChild;
  if (frame) handOverWhenReplaced(root, frame);
  // For the start-up timeline: the frame is built and laid out, and waits for its paint.
  performance.mark("first-frame-built");
  requestAnimationFrame(() => {
    // For the start-up timeline: the board is on screen from this frame.
    performance.mark("board-painted");
    // After this frame's paint, not before it.
    setTimeout(startApp, 0);
  });
} else {
  startApp();
}
