// Applies the chosen theme to the document: light, dark, or whatever the system prefers (and follows its changes).
import { useEffect } from "react";

import type { Theme } from "../../lib/bindings";
import { resolveTheme } from "../../lib/firstFrameRules";

export function useTheme(theme: Theme): void {
  useEffect(() => {
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(theme, query.matches);
    };
    apply();
    query.addEventListener("change", apply);
    return () => {
      query.removeEventListener("change", apply);
    };
  }, [theme]);
}
