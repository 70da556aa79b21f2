// First run: what a PICK chart is, in a sentence per quadrant, three ways to begin, and a way into a team's round.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { swallowRestOfDoubleClick } from "../../components/doubleClick";
import type { BackupInfo } from "../../lib/bindings";
import { backend } from "../../lib/backend";
import { formatDateTime } from "../../lib/dates";
import { counted } from "../../lib/numbers";
import { keys } from "../../lib/queries";
import { firstFrameDrawn } from "../../lib/startup";
import { shorten } from "../../lib/text";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";

import "./welcome.css";

interface WelcomeProps {
  busy: boolean;
  onSample: () => void;
  onEmpty: () => void;
  onImport: () => void;
  /** A member asked to estimate in a team round: a board to hold it, opened on Team rounds. */
  onJoin: () => void;
  /** Opens the list of backups or of deleted boards, to bring boards back. */
  onOpen: (list: "backups" | "deleted") => void;
}

export function Welcome({ busy, onSample, onEmpty, onImport, onJoin, onOpen }: WelcomeProps) {
  useEffect(() => {
    firstFrameDrawn("welcome-painted");
  }, []);
  // The newest backup that holds a board, if any: a data folder whose database file was deleted (or set aside) showed
  // this first-run welcome, and said nothing of the boards its backups held.
  const [backup, setBackup] = useState<BackupInfo | null>(null);
  // The boards deleted in the last 30 days: a team that deleted its every board was shown this first-run welcome, with
  // nothing to say that Deleted boards still held them. Read as Deleted boards reads them, so that the line follows
  // what it does there (a board deleted for good).
  const deleted =
    useQuery({ queryKey: keys.deletedBoards, queryFn: backend.listDeletedBoards, staleTime: 0 }).data ?? [];
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

  /** A way in whose board or Team rounds comes in under the pointer: the rest of a double click landed there, and
   * took the focus from the new board's name (what was typed next went to the board's keys). */
  const leaving = (go: () => void) => () => {
    swallowRestOfDoubleClick();
    go();
  };
  const lately =
    deleted.length === 1 && deleted[0]
      ? `The board “${shorten(deleted[0].name, 40)}” was deleted`
      : `${counted(deleted.length, "board")} were deleted`;

  return (
    <main className="welcome">
      <h1>Welcome to Pickboard</h1>
      <p className="welcome-lead">
        Sort your team&apos;s ideas on a PICK chart: how much each one pays off against what it costs and
        risks.
      </p>
      <ul className="welcome-quadrants" role="list">
        {QUADRANTS.map((q) => (
          <li key={q} className={`welcome-quadrant zone-${q}`}>
            <strong>{ZONE_INFO[q].name}</strong>
            <span>{ZONE_INFO[q].hint}</span>
          </li>
        ))}
      </ul>
      <div className="welcome-actions">
        {/* The first stop of the keyboard on a first run: Tab went to the sidebar's toggle, Enter did nothing. */}
        <button
          type="button"
          className="button button-primary"
          autoFocus
          disabled={busy}
          onClick={leaving(onSample)}
        >
          Start with a sample board
        </button>
        <button type="button" className="button" disabled={busy} onClick={leaving(onEmpty)}>
          Start empty
        </button>
        <button type="button" className="button" disabled={busy} onClick={onImport}>
          Import a file…
        </button>
      </div>
      <p className="field-hint welcome-drop">
        Or drop a CSV file (a Jira export, a spreadsheet) or a board file here.
      </p>
      {deleted.length > 0 && (
        <Offer
          hint={`${lately} in the last 30 days, and can be brought back.`}
          action="Open Deleted boards…"
          busy={busy}
          onClick={() => {
            onOpen("deleted");
          }}
        />
      )}
      {backup && (
        <Offer
          hint={
            `This data folder's backups hold boards: the newest, of ${formatDateTime(backup.createdAt)}, ` +
            `has ${counted(backup.boards ?? 0, "board")} and ${counted(backup.ideas ?? 0, "idea")}.`
          }
          action="Restore from a backup…"
          busy={busy}
          onClick={() => {
            onOpen("backups");
          }}
        />
      )}
      <Offer
        hint="Asked to estimate in a team round?"
        action="Join a team round…"
        busy={busy}
        onClick={leaving(onJoin)}
      />
    </main>
  );
}

/** One of the welcome's other ways in: what it is about, and its button. */
function Offer({
  hint,
  action,
  busy,
  onClick,
}: {
  hint: string;
  action: string;
  busy: boolean;
  onClick: () => void;
}) {
  return (
    <p className="welcome-join">
      <span className="field-hint">{hint}</span>
      <button type="button" className="button button-small" disabled={busy} onClick={onClick}>
        {action}
      </button>
    </p>
  );
}
