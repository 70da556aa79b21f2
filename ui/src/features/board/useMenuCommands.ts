// Runs the app menu's items (sent by the backend as `menu-command` events) as the matching board actions.
import type { MenuCommand } from "../../lib/bindings";
import { useBackendEvent } from "../../lib/ipc";

export type { MenuCommand };

/** What the menu does while a dialog is open: quit and the theme, nothing else. */
const OVER_A_DIALOG: ReadonlySet<MenuCommand> = new Set([
  "quit",
  "theme-system",
  "theme-light",
  "theme-dark",
]);

/**
 * Runs the menu's items. While a dialog is open the others wait for it, as a native app's menus do: Team rounds
 * chosen with Connect open opened behind it, and File › Restore… put the backups over the shortcuts; Edit › Undo
 * took back a change behind a dialog that asked first (Delete the board?).
 */
export function useMenuCommands(run: (command: MenuCommand) => void): void {
  useBackendEvent("menu-command", (command) => {
    if (!OVER_A_DIALOG.has(command) && document.querySelector("[role=dialog][aria-modal=true]")) return;
    run(command);
  });
}
