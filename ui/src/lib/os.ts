// The desktop the window runs on, read from the webview's user agent: WebKitGTK on Linux, WKWebView on macOS,
// WebView2 on Windows. The page's styles differ a little between them (see the font in styles/base.css).

export type Os = "linux" | "mac" | "windows";

export function osOf(userAgent: string): Os {
  if (userAgent.includes("Windows")) return "windows";
  if (userAgent.includes("Macintosh") || userAgent.includes("Mac OS X")) return "mac";
  return "linux";
}

/**
 * Whether `key` deletes the focused idea or estimate: Delete, and on macOS Backspace too, the key its keyboards name
 * "delete". Elsewhere Backspace is a key for text only: pressed out of habit just after a field was left (a board
 * renamed with Enter gives the focus back to the board), it deleted the idea the focus had gone to.
 */
export function isDeleteKey(key: string, os: Os = osOf(navigator.userAgent)): boolean {
  return key === "Delete" || (key === "Backspace" && os === "mac");
}
