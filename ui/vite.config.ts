import react from "@vitejs/plugin-react";
import { rolldown } from "rolldown";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

/** The script that draws the app's first frame before React's bundle has run (src/firstFrame). */
const FIRST_FRAME_ENTRY = "src/firstFrame/main.ts";
const FIRST_FRAME_FILE = "first-frame.js";

/** What the dev server's answer needs here. */
interface ScriptResponse {
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

/** Bundles the first frame's script on its own, as one classic script without imports. */
async function firstFrameScript(minify: boolean): Promise<string> {
  const bundle = await rolldown({ input: FIRST_FRAME_ENTRY, platform: "browser" });
  try {
    const { output } = await bundle.generate({ format: "iife", minify });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

/** The page's entry module and the modules it preloads, as Vite writes them into the built index.html. */
const ENTRY_MODULE = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;
const MODULE_PRELOADS = /\s*<link rel="modulepreload" crossorigin href="[^"]+">/g;

/**
 * Runs the first frame's script as a classic script right after #root: it draws the board the window was handed
 * before React's bundle runs. In the build it also starts that bundle, once its frame is painted: WebKit paints a
 * page's first frame only when the page has loaded, and loading the bundle with the page held that frame back by
 * 30–40 ms (docs/benchmarks.md). The dev server serves the script and leaves its page's modules where they are.
 */
function firstFrame(): Plugin {
  return {
    name: "pickboard-first-frame",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        const entry = context.bundle ? ENTRY_MODULE.exec(html)?.[1] : undefined;
        const script = {
          tag: "script",
          attrs: { src: `/${FIRST_FRAME_FILE}`, "data-entry": entry },
          injectTo: "body" as const,
        };
        if (!entry) return [script];
        return { html: html.replace(ENTRY_MODULE, "").replace(MODULE_PRELOADS, ""), tags: [script] };
      },
    },
    configureServer(server) {
      server.middlewares.use(`/${FIRST_FRAME_FILE}`, (_request, response: ScriptResponse, next) => {
        firstFrameScript(false).then((code) => {
          response.setHeader("Content-Type", "text/javascript");
          response.end(code);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: "asset", fileName: FIRST_FRAME_FILE, source: await firstFrameScript(true) });
    },
  };
}

// The Tauri window loads ui/dist in a release build and this dev server (port 5173) in a dev build.
export default defineConfig({
  plugins: [react(), firstFrame()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: "safari16", // WebKitGTK on Linux, WKWebView on macOS
    outDir: "dist",
    emptyOutDir: true,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
  },
});
