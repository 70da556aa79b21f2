// The backups in a table, newest first: when each was made and what it holds, with what can be done with it. Backups…
// and a damaged database's error screen both show them.
import type { ReactNode } from "react";

import type { BackupInfo } from "../../lib/bindings";
import { counted } from "../../lib/numbers";

// To the second: the backups a few restores make in one minute read the same time otherwise.
export const backupTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

function size(bytes: number): string {
  return bytes < 1_000_000
    ? `${String(Math.max(1, Math.round(bytes / 1000)))} kB`
    : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** What a backup holds, or why it cannot be restored. A backup of no board says so: the day's first start made one
 * of an empty folder, and it read as one more backup to go back to. */
function holds(b: BackupInfo): ReactNode {
  if (b.problem) return <span className="field-error">{b.problem}</span>;
  const boards = b.boards ?? 0;
  return `${counted(boards, "board")}, ${counted(b.ideas ?? 0, "idea")}${boards === 0 ? " (empty)" : ""}`;
}

interface BackupTableProps {
  backups: BackupInfo[];
  /** Each file's size, in a column of its own. */
  withSize?: boolean;
  /** What can be done with a backup: its row's last cell. */
  action: (backup: BackupInfo) => ReactNode;
}

export function BackupTable({ backups, withSize = false, action }: BackupTableProps) {
  return (
    <table className="list-table backups-table">
      <thead>
        <tr>
          <th>Made</th>
          <th>Holds</th>
          {withSize && <th>Size</th>}
          <th>
            <span className="visually-hidden">Restore</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.fileName}>
            <td>
              {backupTime.format(b.createdAt)}
              {b.beforeRestore && <span className="field-hint"> · before a restore</span>}
            </td>
            <td>{holds(b)}</td>
            {withSize && <td>{size(b.bytes)}</td>}
            <td>{action(b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
