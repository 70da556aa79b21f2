import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import type { BackupInfo } from "../../lib/bindings";
import { fakeBackend } from "../../test/fakeBackend";
import { BackupsDialog, restoredMessage } from "./BackupsDialog";

const file: BackupInfo = {
  fileName: "/home/ana/Backups/pickboard-backup-2026-12-01.db",
  createdAt: 1_764_600_000_000,
  bytes: 90_112,
  boards: 2,
  ideas: 37,
  beforeRestore: false,
  problem: null,
};

function renderDialog() {
  const onRestored = vi.fn();
  render(
    <Providers>
      <BackupsDialog onRestored={onRestored} onBackUpNow={vi.fn()} onClose={vi.fn()} />
    </Providers>,
  );
  return onRestored;
}

describe("BackupsDialog", () => {
  it("restores a backup file made anywhere, after saying what it holds", async () => {
    const fake = fakeBackend(null, {
      list_backups: () => [],
      choose_backup_file: () => file,
      restore_chosen_backup: () => ({ safety: "pickboard-2026-12-02-101500-before-restore.db", kept: [] }),
    });
    const onRestored = renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Restore from a file…" }));
    const confirm = await screen.findByRole("dialog", { name: "Restore this backup?" });
    expect(confirm).toHaveTextContent(
      "The boards go back to the 2 boards and 37 ideas of /home/ana/Backups/pickboard-backup-2026-12-01.db.",
    );
    // What stays as it is now, said: the boards go back to the backup's, what is on Mattermost does not, and the
    // boards made since with posts or rounds stay.
    expect(confirm).toHaveTextContent(
      "Boards made since then go, but for those with posts or team rounds. What is on Mattermost stays as it is now: your account, the boards' channels for posting, their posts and their team rounds.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Restore" }));
    await waitFor(() => {
      expect(onRestored).toHaveBeenCalledWith(
        "Backup restored. Your boards as they were are kept in the backup pickboard-2026-12-02-101500-before-restore.db.",
      );
    });
    // The path is never sent back: the backend restores the file its own dialog picked.
    expect(fake.calls.find((c) => c.command === "restore_chosen_backup")?.args).toEqual({});
  });

  it("gives the focus back to the backup's Restore… when the question is put away with Escape", async () => {
    fakeBackend(null, {
      list_backups: () => [{ ...file, fileName: "pickboard-2026-12-01.db", ideas: 2021 }],
    });
    renderDialog();
    const asker = await screen.findByRole("button", { name: /^Restore the backup from / });
    // Counted as everywhere else in the app.
    expect(screen.getAllByRole("row")[1]).toHaveTextContent("2 boards, 2,021 ideas");
    await userEvent.click(asker);
    await screen.findByRole("dialog", { name: "Restore this backup?" });
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Restore this backup?" })).not.toBeInTheDocument();
    expect(screen.getByRole("dialog", { name: "Backups" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Restore the backup from / })).toHaveFocus();
  });

  it("says why a file picked cannot be restored, and restores nothing", async () => {
    const fake = fakeBackend(null, {
      list_backups: () => [],
      choose_backup_file: () => {
        throw {
          kind: "invalid",
          message: "/home/ana/notes.db cannot be restored: it is not a Pickboard database.",
          path: null,
        };
      },
    });
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Restore from a file…" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "/home/ana/notes.db cannot be restored: it is not a Pickboard database.",
    );
    expect(screen.queryByRole("dialog", { name: "Restore this backup?" })).toBeNull();
    expect(fake.commands()).not.toContain("restore_chosen_backup");
    // A new backup made from here is another matter: the old words go.
    await userEvent.click(screen.getByRole("button", { name: "Back up now…" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("names the boards made since the backup that a restore kept for their posts and team rounds", () => {
    expect(restoredMessage({ safety: "b.db", kept: ["Infra"] })).toBe(
      "Backup restored. “Infra”, made since the backup, is kept for its posts and team rounds. Your boards as they were are kept in the backup b.db.",
    );
    expect(restoredMessage({ safety: "b.db", kept: ["Infra", "Ops", "Q4"] })).toContain(
      "“Infra”, “Ops” and “Q4”, made since the backup, are kept for their posts and team rounds.",
    );
  });
});
