// First run: what a PICK chart is, in a sentence per quadrant, three ways to begin, and a way into a team's round.
import { useEffect, useState } from "react";

import type { BackupInfo } from "../../lib/bindings";
import { backend } from "../../lib/backend";
import { formatDateTime } from "../../lib/dates";
import { counted } from "../../lib/numbers";
import { firstFrameDrawn } from "../../lib/startup";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";

import "./welcome.css";

interface WelcomeProps {
  busy: boolean;
  onSample: () => void;
  onEmpty: () => void;
  onImport: () => void;
  /** A member asked to estimate in a team round: a board to hold it, opened on Team rounds. */
  onJoin: () => void;
  /** Opens the list of backups, to restore one. */
  onRestore: () => void;
}

export function Welcome({ busy, onSample, onEmpty, onImport, onJoin, onRestore }: WelcomeProps) {
  useEffect(() => {
    firstFrameDrawn("welcome-painted");
  }, []);
  // The newest backup that holds a board, if any: a data folder whose database file was deleted (or set aside) showed
  // this first-run welcome, and said nothing of the boards its backups held.
  const [backup, setBackup] = useState<BackupInfo | null>(null);
  useEffect(() => {
    let live = true;
    backend.listBackups().then(
      (list) => {
        if (live) setBackup(list.find((b) => (b.boards ?? 0) > 0 && b.problem === null) ?? null);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="welcome">
      <h1>Welcome to Pickboard</h1>
      <p className="welcome-lead">
        Sort your team&apos;s ideas on a PICK chart: how much each one pays off against what it costs and
        risks.
      </p>
      <ul className="welcome-quadrants">
        {QUADRANTS.map((q) => (
          <li key={q} className={`welcome-quadrant zone-${q}`}>
            <strong>{ZONE_INFO[q].name}</strong>
            <span>{ZONE_INFO[q].hint}</span>
          </li>
        ))}
      </ul>
      <div className="welcome-actions">
        {/* The first stop of the keyboard on a first run: Tab went to the sidebar's toggle, Enter did nothing. */}
        <button type="button" className="button button-primary" autoFocus disabled={busy} onClick={onSample}>
          Start with a sample board
        </button>
        <button type="button" className="button" disabled={busy} onClick={onEmpty}>
          Start empty
        </button>
        <button type="button" className="button" disabled={busy} onClick={onImport}>
          Import a file…
        </button>
      </div>
      <p className="field-hint welcome-drop">
        Or drop a CSV file (a Jira export, a spreadsheet) or a board file here.
      </p>
      {backup && (
        <p className="welcome-join welcome-backup">
          <span className="field-hint">
            This data folder&apos;s backups hold boards: the newest, of {formatDateTime(backup.createdAt)},
            has {counted(backup.boards ?? 0, "board")} and {counted(backup.ideas ?? 0, "idea")}.
          </span>
          <button type="button" className="button button-small" disabled={busy} onClick={onRestore}>
            Restore from a backup…
          </button>
        </p>
      )}
      <p className="welcome-join">
        <span className="field-hint">Asked to estimate in a team round?</span>
        <button type="button" className="button button-small" disabled={busy} onClick={onJoin}>
          Join a team round…
        </button>
      </p>
    </main>
  );
}
