// A board deleted or copied, as one step across the boards: its toast, whose Undo takes it back; Ctrl+Z takes the
// newest back too, and Ctrl+Shift+Z does again what Ctrl+Z took back (the app keeps both lists: `StepsHost`). Loaded
// at the first delete or copy: the first frame does not need it.
import type { ToastInput } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import type { BoardSummary } from "../../lib/bindings";
import type { Change } from "../../lib/queries";

/** A step across the boards, to take back or do again; `copy`: a copy made (else a board deleted). `run` settles
 * once the step is done and shown. */
export interface BoardStep {
  id: number;
  name: string;
  run: () => Promise<void>;
  copy?: boolean;
}

/** What the app lends these steps, as it is now. */
export interface StepsHost {
  boards: () => readonly BoardSummary[];
  /** The board shown. */
  shown: () => number | null;
  /** Whether the board is shown as the chart. */
  onChart: (id: number) => boolean;
  select: (id: number | null, options: { chart?: boolean; focusMenu?: boolean }) => void;
  refreshBoards: (change?: Change) => Promise<BoardSummary[] | null>;
  toast: (toast: ToastInput) => void;
  showError: (raw: unknown) => void;
  /** Ctrl+Z's steps, the newest last. */
  restores: () => BoardStep[];
  keepRestores: (list: BoardStep[]) => void;
  /** Ctrl+Shift+Z's steps, the newest last. */
  redos: () => BoardStep[];
  keepRedos: (list: BoardStep[]) => void;
  /** A new step: what Ctrl+Z and Ctrl+Shift+Z held is forgotten. */
  forget: () => void;
  /** Nothing of the boards `ids`, deleted for good, stays in the window. */
  forgetForGood: (ids: number[]) => void;
}

/** How long a deleted board's or a copy's toast shows, with its Undo, in milliseconds. */
const BOARD_UNDO_MS = 10_000;

/** The board `from` was just copied as `copy`: the copy shows as that board did, and its toast's Undo takes it back.
 * `again`: Ctrl+Shift+Z made it again, after Ctrl+Z took it back; the steps before it stay. */
export async function copied(host: StepsHost, copy: BoardSummary, from: number, again = false) {
  const name = host.boards().find((b) => b.id === from)?.name;
  if (!again) host.forget();
  await host.refreshBoards();
  host.select(copy.id, { chart: host.onChart(from) });
  let done = false;
  // The toast's Undo, and Ctrl+Z while the copy is unchanged and shown.
  const takeBack = async () => {
    if (done) return;
    done = true;
    host.keepRestores(host.restores().filter((r) => r.run !== takeBack));
    await backend.discardCopy(copy.id).then(async () => {
      host.forgetForGood([copy.id]);
      const list = await host.refreshBoards();
      // Back to the board copied, when the copy is the one shown; another board opened since stays.
      if (host.shown() === copy.id)
        host.select(list?.some((b) => b.id === from) ? from : (list?.[0]?.id ?? null), { focusMenu: true });
      // Ctrl+Shift+Z makes it again: it redid the board's own older step, which nobody had asked for.
      host.keepRedos([
        ...host.redos(),
        {
          id: from,
          name: copy.name,
          copy: true,
          run: () =>
            backend.duplicateBoard(from).then((made) => copied(host, made, from, true), host.showError),
        },
      ]);
      host.toast({ message: `Took back the copy “${copy.name}”.`, duration: 3000, group: "board-duplicate" });
    }, host.showError);
  };
  host.keepRestores([...host.restores(), { id: copy.id, name: copy.name, run: takeBack, copy: true }]);
  host.toast({
    message: `Made a copy of “${name}”: “${copy.name}”.`,
    duration: BOARD_UNDO_MS,
    group: "board-duplicate",
    action: { label: "Undo", run: () => void takeBack() },
  });
}

/** The board `board` was just deleted: the board below it in the list (`boards`, as listed before the delete) shows
 * next, if it was shown, and its toast's Undo brings it back. `again`: Ctrl+Shift+Z deleted it again; the steps
 * before it stay. */
export async function deleted(
  host: StepsHost,
  board: { id: number; name: string },
  boards: readonly BoardSummary[] = host.boards(),
  again = false,
  said = `Deleted the board “${board.name}”.`,
) {
  // A new step: what Ctrl+Shift+Z would do again is forgotten (it offered to copy or delete a board deleted now, and
  // said "This board no longer exists"). The deletes before it stay for Ctrl+Z.
  if (!again) host.keepRedos([]);
  // The board below it in the list shows next, else the one above: the last board's delete jumped to the first.
  const at = boards.findIndex((b) => b.id === board.id);
  const neighbours = [...boards.slice(at + 1), ...boards.slice(0, Math.max(at, 0)).reverse()];
  const wasShown = host.shown() === board.id;
  let done = false;
  const restore = async () => {
    if (done) return;
    done = true;
    host.keepRestores(host.restores().filter((r) => r.run !== restore));
    const next = host.restores().at(-1);
    await backend
      .restoreBoard(board.id)
      // Everything read again: a board that comes back under a free name ("Infra (2)") showed its old name, as
      // cached before the delete, in its header and in its delete's question.
      .then((restored) => host.refreshBoards({ everything: true }).then(() => restored))
      .then((restored) => {
        // The focus, lost with the board shown before, goes to the board menu of the one brought back, as after the
        // delete.
        host.select(restored.id, { focusMenu: true });
        // Ctrl+Shift+Z deletes it again, as the delete's question was answered.
        host.keepRedos([
          ...host.redos(),
          {
            id: restored.id,
            name: restored.name,
            run: () =>
              backend
                .deleteBoard(restored.id)
                .then(() => deleted(host, restored, host.boards(), true), host.showError),
          },
        ]);
        // In place of the delete's toast, whose Undo is done.
        host.toast({
          message: `Brought back the board “${restored.name}”.${next && !next.copy ? ` Ctrl+Z brings back “${next.name}” too.` : ""}`,
          duration: 3000,
          group: "board-delete",
        });
      }, host.showError);
  };
  host.keepRestores([...host.restores(), { id: board.id, name: board.name, run: restore }]);
  host.toast({
    message: said,
    duration: BOARD_UNDO_MS,
    group: "board-delete",
    action: { label: "Undo", run: () => void restore() },
  });
  const list = await host.refreshBoards();
  const next = neighbours.find((b) => list?.some((l) => l.id === b.id)) ?? list?.[0];
  // The focus, left on the deleted board's menu, goes to the next board's: the next Tab started over at the top of the
  // window.
  if (wasShown) host.select(next?.id ?? null, { focusMenu: true });
}

/** How long after a board's delete, by the clock, the window opened again still offers to bring it back. */
const LATELY_MS = 10 * 60_000;

/** The window opened again (Pickboard started, or its page after its process ended): the boards deleted in the last
 * minutes, whose Ctrl+Z and Undo went with the window before, are offered again, the newest first. Killed right after
 * "Delete board", Pickboard opened on the next board, and Ctrl+Z, which the delete's question had promised would bring
 * the board back, undid that board's last change instead. */
export async function deletedLately(host: StepsHost) {
  const now = Date.now();
  const lately = (await backend.listDeletedBoards().catch(() => []))
    .filter((b) => now - b.deletedAt < LATELY_MS)
    .sort((a, b) => a.deletedAt - b.deletedAt);
  for (const board of lately) {
    const minutes = Math.round((now - board.deletedAt) / 60_000);
    // Not lib/numbers' `counted`: importing it here made the first scripts preload this module's imports.
    const ago = minutes < 1 ? "less than a minute" : minutes === 1 ? "a minute" : `${minutes} minutes`;
    await deleted(host, board, host.boards(), false, `Deleted the board “${board.name}” ${ago} ago.`);
  }
}
