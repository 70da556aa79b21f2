// Runs the app menu's items (sent by the backend as `menu-command` events) as the matching board actions.
import { listen } from "@tauri-apps/api/event";
import { useEffect, useRef } from "react";

export type MenuCommand =
  | "undo"
  | "redo"
  | "view-quadrants"
  | "view-chart"
  | "search"
  | "shortcuts"
  | "import"
  | "export-json"
  | "export-csv"
  | "export-markdown"
  | "export-png"
  | "export-svg"
  | "back-up"
  | "restore";

export function useMenuCommands(run: (command: MenuCommand) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    listen<MenuCommand>("menu-command", (event) => {
      latest.current(event.payload);
    }).then(
      (unlisten) => {
        if (cancelled) unlisten();
        else stop = unlisten;
      },
      () => undefined, // no menu (tests, or a platform without one): nothing to listen to
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
}
