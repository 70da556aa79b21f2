// Asks before a board is deleted: what goes with it, and how it comes back. Loaded when first asked.
import { ConfirmDialog } from "../../components/Modal";
import { counted } from "../../lib/numbers";

interface DeleteBoardDialogProps {
  name: string;
  ideas: number;
  /** Team rounds started on the board and not closed: only this board holds the key that reveals their ballots. */
  openRounds: number;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteBoardDialog({ name, ideas, openRounds, onConfirm, onCancel }: DeleteBoardDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete “${name}”?`}
      message={
        <p>
          {ideas === 0
            ? "The board is empty."
            : ideas === 1
              ? "Its one idea goes with it."
              : `Its ${counted(ideas, "idea")} go with it.`}{" "}
          {openRounds ? (
            <strong>
              {openRounds === 1
                ? "A team round started on it is not closed: "
                : `${openRounds} team rounds started on it are not closed: `}
              only this board holds the key that reveals their ballots.{" "}
            </strong>
          ) : null}
          Undo or Ctrl+Z brings it back at once, and Deleted boards (sidebar, File menu) for 30 days.
        </p>
      }
      confirmLabel="Delete board"
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
