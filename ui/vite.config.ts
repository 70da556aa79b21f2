import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Tauri window loads ui/dist in a release build and this dev server (port 5173) in a dev build.
export default defineConfig({
  plugins: [react()],
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
