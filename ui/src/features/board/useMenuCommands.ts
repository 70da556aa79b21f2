// Runs the app menu's items (sent by the backend as `menu-command` events) as the matching board actions.
import type { MenuCommand } from "../../lib/bindings";
import { useBackendEvent } from "../../lib/ipc";

export type { MenuCommand };

export function useMenuCommands(run: (command: MenuCommand) => void): void {
  useBackendEvent("menu-command", run);
}
