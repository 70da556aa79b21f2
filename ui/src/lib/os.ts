// The desktop the window runs on, read from the webview's user agent: WebKitGTK on Linux, WKWebView on macOS,
// WebView2 on Windows. The page's styles differ a little between them (see the font in styles/base.css).

export type Os = "linux" | "mac" | "windows";

export function osOf(userAgent: string): Os {
  if (userAgent.includes("Windows")) return "windows";
  if (userAgent.includes("Macintosh") || userAgent.includes("Mac OS X")) return "mac";
  return "linux";
}
