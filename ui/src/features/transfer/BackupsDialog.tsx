// Backups: make one now (to a chosen file), or restore one of the automatic backups, or a backup file made anywhere,
// after a confirmation. The current state is backed up before a restore, so restoring the wrong one can be taken back.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { ConfirmDialog, Modal } from "../../components/Modal";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import { counted } from "../../lib/numbers";
import { keys } from "../../lib/queries";
import type { BackupInfo, Restored } from "../../lib/bindings";
import { shorten } from "../../lib/text";
import { listOf } from "../board/unsaved";

import { BackupTable, backupTime } from "./BackupTable";
import "./transfer.css";

interface BackupsDialogProps {
  /** Restored: what to say of it. */
  onRestored: (said: string) => void;
  onBackUpNow: () => void;
  onClose: () => void;
}

function plural(n: number | null, noun: string): string {
  return n === null ? "" : counted(n, noun);
}

export function BackupsDialog({ onRestored, onBackUpNow, onClose }: BackupsDialogProps) {
  const list = useQuery({ queryKey: keys.backups, queryFn: backend.listBackups, staleTime: 0 });
  const backups = list.data ?? null;
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? (list.error ? AppError.from(list.error).message : null);
  /** The backup to confirm: one of the list, or a file picked anywhere (`fromFile`). */
  const [confirm, setConfirm] = useState<{ backup: BackupInfo; fromFile: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function restore({ backup, fromFile }: { backup: BackupInfo; fromFile: boolean }) {
    setConfirm(null);
    setBusy(true);
    try {
      onRestored(
        restoredMessage(
          await (fromFile ? backend.restoreChosenBackup() : backend.restoreBackup(backup.fileName)),
        ),
      );
    } catch (raw) {
      setError(AppError.from(raw).message);
    } finally {
      setBusy(false);
    }
  }

  async function chooseFile() {
    setError(null);
    setBusy(true);
    try {
      const backup = await backend.chooseBackupFile();
      if (backup) setConfirm({ backup, fromFile: true });
    } catch (raw) {
      setError(AppError.from(raw).message);
    } finally {
      setBusy(false);
    }
  }

  // The confirmation stands over the list: cancelled, it gives the focus back to the button that asked.
  return (
    <>
      <Modal
        title="Backups"
        wide
        onCancel={onClose}
        footer={
          <>
            <button
              type="button"
              className="button"
              onClick={() => {
                // What went wrong before is not about this new backup.
                setError(null);
                onBackUpNow();
              }}
            >
              Back up now…
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void chooseFile()}>
              Restore from a file…
            </button>
            <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
              Close
            </button>
          </>
        }
      >
        <p className="field-hint">
          Pickboard backs up all boards when it starts (once a day) and the day&apos;s work when it quits, and
          keeps those of the last 14 days in its data folder.
        </p>
        {backups === null && !error && <p>Reading the backups…</p>}
        {backups?.length === 0 && (
          <p>There are no backups yet. The first is made the next time Pickboard starts.</p>
        )}
        {backups && backups.length > 0 && (
          <BackupTable
            backups={backups}
            withSize
            action={(b) => (
              <button
                type="button"
                className="button"
                disabled={busy || b.problem !== null}
                aria-label={`Restore the backup from ${backupTime.format(b.createdAt)}`}
                onClick={() => {
                  setConfirm({ backup: b, fromFile: false });
                }}
              >
                Restore…
              </button>
            )}
          />
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </Modal>
      {confirm && (
        <ConfirmDialog
          title="Restore this backup?"
          message={
            <p>
              The boards go back to the {plural(confirm.backup.boards, "board")} and{" "}
              {plural(confirm.backup.ideas, "idea")} of{" "}
              {confirm.fromFile ? (
                <span className="backups-file">{confirm.backup.fileName}</span>
              ) : (
                `the backup from ${backupTime.format(confirm.backup.createdAt)}`
              )}
              . Boards made since then go, but for those with posts or team rounds. What is on Mattermost
              stays as it is now: your account, the boards&apos; channels for posting, their posts and their
              team rounds. Your boards as they are now are backed up first, so you can restore them again from
              this list.
            </p>
          }
          confirmLabel="Restore"
          onConfirm={() => void restore(confirm)}
          onCancel={() => {
            setConfirm(null);
          }}
        />
      )}
    </>
  );
}

/** What a restore did, in words: the boards made since the backup that it kept (they have posts or team rounds),
 * and where the boards as they were before it are. */
export function restoredMessage({ safety, kept }: Restored): string {
  const names = listOf(kept.map((name) => `“${shorten(name, 40)}”`));
  const keptSaid =
    kept.length === 0
      ? ""
      : ` ${names}, made since the backup, ${kept.length === 1 ? "is kept for its" : "are kept for their"} posts and team rounds.`;
  return `Backup restored.${keptSaid} Your boards as they were are kept in the backup ${safety}.`;
}
