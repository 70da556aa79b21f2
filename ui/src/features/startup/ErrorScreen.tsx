// Shown instead of the board when the database cannot be used, or when another window already has the data folder.
// Names the file or folder and says what to do; Pickboard has not touched the file.
import { useEffect, useState } from "react";

import { backend } from "../../lib/backend";
import type { BackupInfo } from "../../lib/bindings";
import { AppError } from "../../lib/ipc";
import { BackupTable, backupTime } from "../transfer/BackupTable";

import "./startup.css";

const TITLES: Partial<Record<AppError["kind"], string>> = {
  databaseTooNew: "This database needs a newer Pickboard",
  databaseCorrupt: "The database file is damaged",
  databaseUnavailable: "Pickboard cannot open its database",
  alreadyOpen: "Pickboard is already open",
};

export function ErrorScreen({ error }: { error: AppError }) {
  const [copied, setCopied] = useState(false);
  const path = error.path;
  return (
    <main className="error-screen" role="alert">
      <h1>{TITLES[error.kind] ?? "Pickboard cannot start"}</h1>
      {error.kind === "databaseCorrupt" ? (
        <>
          <p>Pickboard could not read its database, and has not changed it.</p>
          <details className="error-details">
            <summary>What went wrong, in detail</summary>
            <p>{error.message}</p>
          </details>
        </>
      ) : (
        <p>{error.message}</p>
      )}
      {path && (
        <p className="error-file">
          {/* Unavailable: the data folder that cannot be used, or the database file that cannot be opened. */}
          {error.kind === "alreadyOpen"
            ? "The folder"
            : error.kind === "databaseUnavailable"
              ? "Where"
              : "The file"}
          : <code className="error-path">{path}</code>
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard.writeText(path).then(() => {
                setCopied(true);
              });
            }}
          >
            {copied ? "Copied" : "Copy path"}
          </button>
        </p>
      )}
      {error.kind === "alreadyOpen" ? (
        <p className="error-hint">
          <button
            type="button"
            className="button button-primary"
            autoFocus
            onClick={() => void backend.quitApp()}
          >
            Close this window
          </button>
        </p>
      ) : error.kind === "databaseCorrupt" ? (
        <Recovery />
      ) : (
        <p className="error-hint">
          Quit Pickboard, put right what is said above, and start it again.{" "}
          <button type="button" className="button" autoFocus onClick={() => void backend.quitApp()}>
            Quit Pickboard
          </button>
        </p>
      )}
    </main>
  );
}

/**
 * A damaged database's way back: one of its backups in its place, or a new, empty database; the damaged file is kept
 * beside it either way, and Pickboard starts again. It said to copy a backup over the file by hand, and the newest
 * backup, made at the day's first start, could hold nothing at all without anyone knowing.
 */
function Recovery() {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The backup being put in place (null: the empty database), while it is. */
  const [working, setWorking] = useState<{ fileName: string | null } | null>(null);
  useEffect(() => {
    backend.listBackups().then(setBackups, (raw: unknown) => {
      setError(AppError.from(raw).message);
    });
  }, []);

  async function recover(fileName: string | null) {
    if (working) return;
    setError(null);
    setWorking({ fileName });
    try {
      // Pickboard closes this window and starts again on the database put in place.
      await backend.recoverDatabase(fileName);
    } catch (raw) {
      setError(AppError.from(raw).message);
      setWorking(null);
    }
  }

  const restorable = backups?.filter((b) => b.problem === null) ?? [];
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Restore a backup</h2>
      <p className="error-hint">
        The backup takes the damaged file&apos;s place, and Pickboard starts again on it. The damaged file is
        kept beside it, named pickboard-damaged- and the time.
      </p>
      {backups === null && !error && <p>Reading the backups…</p>}
      {backups?.length === 0 && <p>There is no backup to restore.</p>}
      {backups && backups.length > 0 && (
        <BackupTable
          backups={backups}
          action={(b) =>
            b.problem === null && (
              <button
                type="button"
                className={b === restorable[0] ? "button button-primary" : "button"}
                aria-label={`Restore the backup of ${backupTime.format(b.createdAt)}`}
                aria-disabled={working !== null || undefined}
                autoFocus={b === restorable[0]}
                onClick={() => void recover(b.fileName)}
              >
                {working?.fileName === b.fileName ? "Restoring…" : "Restore"}
              </button>
            )
          }
        />
      )}
      {/* Once the backups are read: the focus goes to it when none can be restored. */}
      {(backups !== null || error !== null) && (
        <p>
          <button
            type="button"
            className="button"
            aria-disabled={working !== null || undefined}
            autoFocus={restorable.length === 0}
            onClick={() => void recover(null)}
          >
            {working?.fileName === null ? "Starting…" : "Start with an empty database"}
          </button>
        </p>
      )}
      {working && <p role="status">Pickboard closes this window and starts again in a moment.</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
