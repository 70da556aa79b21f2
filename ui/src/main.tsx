import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

// The design tokens and the base styles come first: every component's own styles build on them.
import "./styles/tokens.css";
import "./styles/base.css";
import { App } from "./App";
import { Providers } from "./components/Providers";
import { loadDragLayerWithFirstInput } from "./features/board/BoardDrag";
import { keepContextMenuToText } from "./lib/contextMenu";
import { recordFieldHistory } from "./lib/fieldHistory";
import { osOf } from "./lib/os";
import { zoomWithOtherKeys } from "./lib/zoomKeys";

// For the start-up timeline (scripts/bench.sh): the first bundle is parsed and running.
performance.mark("script-evaluated");

// Before the first layout: the font, among others, depends on it.
document.documentElement.dataset.os = osOf(navigator.userAgent);

loadDragLayerWithFirstInput();
recordFieldHistory();
zoomWithOtherKeys();
// The development build keeps WebKit's menu everywhere, for its Inspect Element.
if (!import.meta.env.DEV) keepContextMenuToText();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
