import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import type { BackupInfo } from "../../lib/bindings";
import { AppError } from "../../lib/ipc";
import { ErrorScreen } from "./ErrorScreen";

const damaged = AppError.from({
  kind: "databaseCorrupt",
  message:
    "Pickboard could not read /data/pickboard.db: some of its pages are damaged (*** in database main *** Tree 3 page 3: btreeInitPage() returns error code 11). It has not changed it.",
  path: "/data/pickboard.db",
  problem: null,
});

const backup = (
  fileName: string,
  createdAt: number,
  boards: number | null,
  ideas: number | null,
): BackupInfo => ({
  fileName,
  createdAt,
  bytes: 40_960,
  boards,
  ideas,
  beforeRestore: false,
  problem: boards === null ? "This backup cannot be restored: some of its pages are damaged." : null,
});

/** The backend's answers to the screen: its backups, and each call, recorded. */
function backend(backups: BackupInfo[]) {
  const calls: { command: string; args: unknown }[] = [];
  mockIPC((command, args) => {
    calls.push({ command, args });
    if (command === "list_backups") return backups;
    if (command === "recover_database") return "/data/pickboard-damaged-2026-12-05-001500.db";
    if (command === "quit_app") return null;
    throw { kind: "invalid", message: `no fake for ${command}`, path: null, problem: null };
  });
  return calls;
}

describe("ErrorScreen", () => {
  it("offers a damaged database's backups, newest first, and puts the one chosen in its place", async () => {
    const calls = backend([
      backup("pickboard-2026-12-04-090000.db", Date.UTC(2026, 11, 4, 9), 0, 0),
      backup("pickboard-2026-12-03-090000.db", Date.UTC(2026, 11, 3, 9), null, null),
      backup("pickboard-2026-12-02-090000.db", Date.UTC(2026, 11, 2, 9), 3, 41),
    ]);
    render(<ErrorScreen error={damaged} />);
    expect(screen.getByRole("heading", { name: "The database file is damaged" })).toBeInTheDocument();
    // SQLite's own words only when asked for.
    expect(screen.getByText(/btreeInitPage/)).not.toBeVisible();
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining("0 boards, 0 ideas (empty)"),
      expect.stringContaining("This backup cannot be restored"),
      expect.stringContaining("3 boards, 41 ideas"),
    ]);
    // The damaged backup cannot be chosen; the newest that can has the focus.
    expect(within(rows[1] as HTMLElement).queryByRole("button")).toBeNull();
    const restores = screen.getAllByRole("button", { name: /^Restore the backup of/ });
    expect(restores).toHaveLength(2);
    expect(restores[0]).toHaveFocus();

    await userEvent.click(restores[1] as HTMLElement);
    expect(calls.find((c) => c.command === "recover_database")?.args).toEqual({
      fileName: "pickboard-2026-12-02-090000.db",
    });
    expect(screen.getByRole("status")).toHaveTextContent("starts again in a moment");
    // Pressed again while it works: nothing more.
    await userEvent.click(restores[0] as HTMLElement);
    expect(calls.filter((c) => c.command === "recover_database")).toHaveLength(1);
  });

  it("starts with an empty database when there is no backup, keeping the damaged file", async () => {
    const calls = backend([]);
    render(<ErrorScreen error={damaged} />);
    expect(await screen.findByText("There is no backup to restore.")).toBeInTheDocument();
    const empty = screen.getByRole("button", { name: "Start with an empty database" });
    expect(empty).toHaveFocus();
    await userEvent.click(empty);
    expect(calls.find((c) => c.command === "recover_database")?.args).toEqual({ fileName: null });
  });

  it("offers a way out where nothing can be done from the window", async () => {
    const calls = backend([]);
    render(
      <ErrorScreen
        error={AppError.from({
          kind: "databaseUnavailable",
          message: "The database could not be opened: Pickboard may read the file but not write to it.",
          path: "/data/pickboard.db",
          problem: null,
        })}
      />,
    );
    const quit = screen.getByRole("button", { name: "Quit Pickboard" });
    expect(quit).toHaveFocus();
    await userEvent.click(quit);
    expect(calls.map((c) => c.command)).toEqual(["quit_app"]);
  });
});
