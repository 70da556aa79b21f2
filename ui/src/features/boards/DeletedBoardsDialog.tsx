// Deleted boards: each board deleted in the last 30 days, to bring back as it was (its ideas, history, channel and
// posts) or to delete for good before its time, after a confirmation. The delete's Undo lasts seconds; this lasts a
// month.
import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";

import { ConfirmDialog, Modal } from "../../components/Modal";
import { backend } from "../../lib/backend";
import type { BoardSummary, DeletedBoard } from "../../lib/bindings";
import { formatDateTime, localDate } from "../../lib/dates";
import { AppError } from "../../lib/ipc";
import { counted } from "../../lib/numbers";
import { keys, useAfterChange } from "../../lib/queries";

import "./sidebar.css";

/** As `KEPT_DELETED_DAYS` in src-tauri/src/storage/boards.rs. */
const KEPT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

interface DeletedBoardsDialogProps {
  /** The board as it came back, and what to say of it (another board may have taken its name since). */
  onRestored: (board: BoardSummary, said: string) => void;
  /** The boards just deleted for good: nothing can bring them back any more, and nothing read of them stays. */
  onDeletedForGood: (ids: number[]) => void;
  onClose: () => void;
}

export function DeletedBoardsDialog({ onRestored, onDeletedForGood, onClose }: DeletedBoardsDialogProps) {
  const afterChange = useAfterChange();
  const list = useQuery({ queryKey: keys.deletedBoards, queryFn: backend.listDeletedBoards, staleTime: 0 });
  const deleted = list.data ?? null;
  const [failure, setFailure] = useState<string | null>(null);
  const error = failure ?? (list.error ? AppError.from(list.error).message : null);
  const [said, setSaid] = useState("");
  /** The boards the question is about: one row's, or all the list's. */
  const [confirm, setConfirm] = useState<DeletedBoard[] | null>(null);
  // One action at a time, also before the buttons are drawn disabled: the second click of a double one on Restore
  // would say the board was gone.
  const [busy, setBusy] = useState(false);
  const acting = useRef(false);

  async function act(run: () => Promise<void>) {
    if (acting.current) return;
    acting.current = true;
    setBusy(true);
    setFailure(null);
    setSaid("");
    try {
      await run();
    } catch (raw) {
      setFailure(AppError.from(raw).message);
      void afterChange({ boards: true });
    } finally {
      acting.current = false;
      setBusy(false);
    }
  }

  const restore = (board: DeletedBoard) =>
    act(async () => {
      const back = await backend.restoreBoard(board.id);
      onRestored(
        back,
        back.name === board.name
          ? `Brought back the board “${back.name}”.`
          : `Brought back “${board.name}” as “${back.name}”: a board took its name meanwhile.`,
      );
    });

  const deleteForGood = (boards: DeletedBoard[]) =>
    act(async () => {
      setConfirm(null);
      const ids = boards.map((b) => b.id);
      await backend.deleteBoardsForGood(ids);
      onDeletedForGood(ids);
      await afterChange({ boards: true });
      setSaid(
        boards.length === 1
          ? `Deleted “${boards[0]?.name ?? ""}” for good.`
          : `Deleted ${counted(boards.length, "board")} for good.`,
      );
    });

  // The boards the question is about that are still listed: one restored or deleted for good elsewhere (the command
  // line, another window) meanwhile is not deleted for good from a question left open over a list without it.
  const asked = confirm && deleted ? confirm.filter((b) => deleted.some((d) => d.id === b.id)) : confirm;
  if (confirm && asked?.length === 0) setConfirm(null);

  // The confirmation stands over the list, so that the focus goes back to the button that asked when it is cancelled
  // (Escape left it on Close, the list drawn anew).
  return (
    <>
      <Modal
        title="Deleted boards"
        wide
        onCancel={onClose}
        footer={
          <>
            {deleted && deleted.length > 1 && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => {
                  setSaid("");
                  setConfirm(deleted);
                }}
              >
                Delete all for good…
              </button>
            )}
            <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
              Close
            </button>
          </>
        }
      >
        <p className="field-hint">
          A deleted board is kept here for {KEPT_DAYS} days, with its ideas and history, then deleted for
          good.
        </p>
        {deleted === null && !error && <p>Reading the deleted boards…</p>}
        {deleted?.length === 0 && (
          <p className="deleted-empty">No board was deleted in the last {KEPT_DAYS} days.</p>
        )}
        {deleted && deleted.length > 0 && (
          <table className="list-table deleted-table">
            <thead>
              <tr>
                <th>Board</th>
                <th>Deleted</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deleted.map((b) => (
                <tr key={b.id}>
                  <td>
                    <span className="deleted-name">{b.name}</span>
                    <span className="field-hint">{counted(b.ideaCount, "idea")}</span>
                  </td>
                  <td>
                    {formatDateTime(b.deletedAt)}
                    <span className="field-hint">
                      kept until {localDate(new Date(b.deletedAt + KEPT_DAYS * DAY_MS))}
                    </span>
                  </td>
                  <td className="deleted-actions">
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={`Restore “${b.name}”`}
                      onClick={() => void restore(b)}
                    >
                      Restore
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={`Delete “${b.name}” for good`}
                      onClick={() => {
                        setSaid("");
                        setConfirm([b]);
                      }}
                    >
                      Delete for good…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="field-hint" role="status">
          {said}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </Modal>
      {asked && asked.length > 0 && (
        <ConfirmDialog
          title={
            asked.length === 1
              ? `Delete “${asked[0]?.name ?? ""}” for good?`
              : `Delete all ${counted(asked.length, "board")} for good?`
          }
          message={<p>{whatGoes(asked)} This cannot be undone.</p>}
          confirmLabel={asked.length === 1 ? "Delete for good" : "Delete all for good"}
          onConfirm={() => void deleteForGood(asked)}
          onCancel={() => {
            setConfirm(null);
          }}
        />
      )}
    </>
  );
}

/** What deleting `boards` for good takes with them, in words. */
function whatGoes(boards: DeletedBoard[]): string {
  const ideas = boards.reduce((n, b) => n + b.ideaCount, 0);
  if (boards.length === 1) {
    return ideas === 0
      ? "The board is empty."
      : `Its ${counted(ideas, "idea")}, their history and the record of its posts go with it.`;
  }
  return ideas === 0
    ? "The boards are empty."
    : `Their ${counted(ideas, "idea")}, the ideas' history and the record of their posts go with them.`;
}
