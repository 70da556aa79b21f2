// A board's ideas and every change to them, over the query layer (lib/queries.ts).
//
// Every change is one mutation, run one after another in the order the user made them (one mutation scope per
// board). While a change is on its way, the board shows a guess of its result, computed from the change itself
// (`withGuesses`); the backend's answer replaces the guess, and a refused change simply stops being guessed, so the
// board falls back to what is saved. The backend stays the source of truth for everything it computes: ranks, zones,
// and whether undo and redo can do anything.
//
// When the disk is full or the folder cannot be written, nothing is refused for good: the change stays on screen,
// later changes wait behind it in order, and it is tried again every few seconds (or at "Try now").
import { useMutation, useMutationState, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { historyToasts, useToast } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import type {
  AddedIdeas,
  Board,
  Edited,
  Idea,
  IdeaEdit,
  Thresholds,
  UndoOutcome,
  Zone,
} from "../../lib/bindings";
import { formatDateTime } from "../../lib/dates";
import { AppError } from "../../lib/ipc";
import { keys, useAfterChange } from "../../lib/queries";
import { shorten } from "../../lib/text";
import { useKept } from "../../lib/useKept";
import { groupByZone, keepUnchanged, moveInColumns, type Columns } from "./columns";
import { focusAfterDelete, focusBroughtBack } from "./focus";
import { counted } from "../../lib/numbers";

export type SaveState = "saved" | "saving" | "failed" | "waiting";

/** How often changes that could not be written are tried again. */
export const RETRY_MS = 2000;

/** One change a person makes to a board. */
export type Edit =
  | { kind: "add"; title: string; zone: Zone }
  /** The lines of a pasted list, as one edit. */
  | { kind: "addMany"; titles: string[]; zone: Zone }
  | { kind: "update"; id: number; edit: IdeaEdit }
  | { kind: "move"; id: number; zone: Zone; index: number }
  | { kind: "scores"; id: number; payoff: number; cost: number }
  | { kind: "delete"; id: number }
  | { kind: "thresholds"; thresholds: Thresholds }
  /** `expected`: the edit a toast offers to take back; refused when other edits came after it. */
  | { kind: "undo"; expected?: number }
  | { kind: "redo" };

type Answer =
  | { kind: "idea"; edited: Edited<Idea>; deleted: boolean }
  | { kind: "board"; board: Board }
  | { kind: "added"; edited: Edited<AddedIdeas> }
  | { kind: "step"; direction: "undo" | "redo"; outcome: UndoOutcome };

/** Failures that pass when the disk has room again or the folder is writable again. */
function isTransient(err: AppError): boolean {
  return err.kind === "diskFull" || err.kind === "readOnly";
}

async function send(boardId: number, edit: Edit): Promise<Answer> {
  const idea = (edited: Edited<Idea>, deleted = false): Answer => ({ kind: "idea", edited, deleted });
  switch (edit.kind) {
    case "add":
      return idea(await backend.addIdea(boardId, edit.title, edit.zone));
    case "addMany":
      return { kind: "added", edited: await backend.addIdeas(boardId, edit.titles, edit.zone) };
    case "update":
      return idea(await backend.updateIdea(edit.id, edit.edit));
    case "move":
      return idea(await backend.moveIdea(edit.id, edit.zone, edit.index));
    case "scores":
      return idea(await backend.setScores(edit.id, edit.payoff, edit.cost));
    case "delete":
      return idea(await backend.deleteIdea(edit.id), true);
    case "thresholds":
      return { kind: "board", board: await backend.setThresholds(boardId, edit.thresholds) };
    case "undo":
      return { kind: "step", direction: "undo", outcome: await backend.undo(boardId, edit.expected ?? null) };
    case "redo":
      return { kind: "step", direction: "redo", outcome: await backend.redo(boardId) };
  }
}

/**
 * The board as it will look once `pending` changes are saved: a guess, shown until the answers replace it. Only
 * what the change itself says is guessed (fields, scores, the place in a list); what the backend computes (ranks,
 * zones from scores) waits for its answer.
 */
export function withGuesses(board: Board, pending: readonly Edit[]): { ideas: Idea[]; columns: Columns } {
  let ideas = board.ideas;
  for (const edit of pending) {
    if (edit.kind === "update") ideas = ideas.map((i) => (i.id === edit.id ? { ...i, ...edit.edit } : i));
    else if (edit.kind === "scores")
      ideas = ideas.map((i) =>
        i.id === edit.id ? { ...i, position: { payoff: edit.payoff, cost: edit.cost } } : i,
      );
    else if (edit.kind === "delete") ideas = ideas.filter((i) => i.id !== edit.id);
  }
  let columns = groupByZone(ideas);
  for (const edit of pending) {
    if (edit.kind === "move") columns = moveInColumns(columns, edit.id, edit.zone, edit.index);
  }
  return { ideas, columns };
}

const EMPTY = groupByZone([]);

/** The board `boardId` and its edits; `onEdit` hears of each edit as it is made (of an undo or redo, once it took a
 * step). */
export function useBoard(boardId: number, onEdit?: () => void) {
  const heard = useRef(onEdit);
  useEffect(() => {
    heard.current = onEdit;
  });
  const toast = useToast();
  const afterChange = useAfterChange();
  const mutationKey = useMemo(() => ["edit", boardId] as const, [boardId]);
  /** Why changes are waiting to be written (a full disk), while they are. */
  const [stalled, setStalled] = useState<AppError | null>(null);
  // Read by undo and redo, which are not drawn again with it.
  const stalledRef = useRef(stalled);
  stalledRef.current = stalled;
  /** The board's reading (its `dataUpdatedAt`) that showed when the last change was refused: it is said until the
   * saved board has been read again. */
  const [failedOn, setFailedOn] = useState<number | null>(null);
  const shownReading = useRef(0);
  const wake = useRef<(() => void) | null>(null);

  const query = useQuery({ queryKey: keys.content(boardId), queryFn: () => backend.getBoard(boardId) });

  /** Sends one change; while the disk refuses it, waits and tries again, holding the changes behind it. */
  const persist = useCallback(
    async (edit: Edit): Promise<Answer> => {
      for (;;) {
        try {
          const answer = await send(boardId, edit);
          setStalled(null);
          return answer;
        } catch (raw) {
          const err = AppError.from(raw);
          if (!isTransient(err)) throw err;
          setStalled(err);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, RETRY_MS);
            wake.current = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        }
      }
    },
    [boardId],
  );

  const undoGroup = historyToasts(boardId);
  const mutation = useMutation<Answer, AppError, Edit>({
    mutationKey,
    scope: { id: `board-${boardId}` },
    mutationFn: persist,
    onSuccess: (answer) => {
      setFailedOn(null);
      /** Says what an edit did, with an Undo that takes back `undoThis` while it is still the latest edit. */
      const offerUndo = (message: string, undoThis: number | null) => {
        toast(
          undoThis === null
            ? { message, group: undoGroup }
            : {
                message,
                group: undoGroup,
                action: {
                  label: "Undo",
                  run: () => {
                    edit({ kind: "undo", expected: undoThis });
                  },
                },
              },
        );
      };
      if (answer.kind === "idea") {
        const { value, history, board } = answer.edited;
        void afterChange(
          // The edit changed the other ideas too (a move that renumbered the board): the board as it is now.
          board
            ? { board: boardId, content: board }
            : answer.deleted
              ? { board: boardId, deleted: value.id, history }
              : { board: boardId, idea: value, history },
        );
        if (answer.deleted) offerUndo(`Deleted “${shorten(value.title, 60)}”.`, history.lastEvent);
      } else if (answer.kind === "board") {
        void afterChange({ board: boardId, content: answer.board });
      } else if (answer.kind === "added") {
        const { value, history } = answer.edited;
        void afterChange({ board: boardId, content: value.board });
        const n = value.ids.length;
        offerUndo(`Added ${counted(n, "idea")}, one per line.`, history.lastEvent);
      } else {
        const { direction, outcome } = answer;
        if (outcome.event) heard.current?.();
        const idea = outcome.event?.ideaId ?? null;
        const kind = outcome.event?.kind;
        // A step that takes an idea away (a delete redone, an add undone) moves the focus off its card first, as a
        // delete does: two quick redos of deletes left it on the page.
        const takenAway = direction === "undo" ? kind === "added" : kind === "deleted";
        if (idea !== null && takenAway) focusAfterDelete(idea);
        void afterChange({ board: boardId, content: outcome.board });
        const broughtBack = direction === "undo" ? kind === "deleted" : kind === "added";
        if (idea !== null && broughtBack) focusBroughtBack(idea);
        void stepMessage(direction, outcome).then((message) => {
          toast({ message, duration: 3000, group: undoGroup });
        });
      }
    },
    onError: (err) => {
      setFailedOn(shownReading.current);
      toast({ tone: "error", message: err.message });
      // What is saved is the truth: read it again.
      void afterChange({ board: boardId });
    },
  });

  const pending = useMutationState<Edit>({
    filters: { mutationKey, status: "pending" },
    select: (m) => m.state.variables as Edit,
  });

  const { mutate, mutateAsync } = mutation;
  const edit = useCallback(
    (change: Edit) => {
      // An undo or redo is heard once it took a step: one with nothing to take made Ctrl+Z forget a board just
      // deleted, which the delete's question said Ctrl+Z brings back.
      if (change.kind !== "undo" && change.kind !== "redo") heard.current?.();
      // While changes wait to be saved (a full disk), an undo or redo waited with them, unseen, and took back the
      // latest of them minutes later, once there was room: an idea added went without a word.
      if ((change.kind === "undo" || change.kind === "redo") && stalledRef.current) {
        toast({
          tone: "error",
          message: `Nothing was ${change.kind === "undo" ? "undone" : "redone"}: your latest changes are not saved yet. Once they are, try again.`,
          group: undoGroup,
        });
        return;
      }
      mutate(change);
    },
    [mutate, toast, undoGroup],
  );

  const guessed = useMemo(
    () => (query.data ? withGuesses(query.data, pending) : null),
    [query.data, pending],
  );
  const board = useMemo(
    () => (query.data && guessed ? { ...query.data, ideas: guessed.ideas } : null),
    [query.data, guessed],
  );
  // The zones' lists as last drawn, where they hold the same ideas: a move draws again the two zones it touches.
  const columns = useKept(guessed?.columns ?? EMPTY, keepUnchanged);
  // Once the saved board is read again after a refusal, what shows is what is saved: "Last change not saved" stayed
  // on, red, after notes too long were mended (the mended notes were those saved already, so nothing was sent) and
  // after a toast's Undo was refused, however many changes were saved since.
  const failed = failedOn !== null && query.dataUpdatedAt === failedOn;
  useEffect(() => {
    shownReading.current = query.dataUpdatedAt;
  });
  const saveState: SaveState = stalled
    ? "waiting"
    : pending.length > 0
      ? "saving"
      : failed
        ? "failed"
        : "saved";

  const actions = useMemo(
    () => ({
      /** Resolves to the new idea's id, or null when it was not saved (a refusal was already said in a toast). */
      addIdea: (title: string, zone: Zone): Promise<number | null> => {
        heard.current?.();
        return mutateAsync({ kind: "add", title, zone }).then(
          (answer) => (answer.kind === "idea" ? answer.edited.value.id : null),
          () => null,
        );
      },
      /** Adds the lines of a pasted list as ideas, in one edit. Resolves to their ids, or null when they were not
       * saved (the refusal was said in a toast). */
      addIdeas: (titles: string[], zone: Zone): Promise<number[] | null> => {
        heard.current?.();
        return mutateAsync({ kind: "addMany", titles, zone }).then(
          (answer) => (answer.kind === "added" ? answer.edited.value.ids : null),
          () => null,
        );
      },
      updateIdea: (id: number, change: IdeaEdit) => {
        edit({ kind: "update", id, edit: change });
      },
      moveIdea: (id: number, zone: Zone, index: number) => {
        edit({ kind: "move", id, zone, index });
      },
      /** Places an idea at exact scores (the chart view). Its quadrant follows with the backend's answer. */
      setScores: (id: number, payoff: number, cost: number) => {
        edit({ kind: "scores", id, payoff, cost });
      },
      setThresholds: (thresholds: Thresholds) => {
        edit({ kind: "thresholds", thresholds });
      },
      deleteIdea: (id: number) => {
        edit({ kind: "delete", id });
      },
      /** Undoes the latest edit; with `expected` (a toast's Undo), only when that edit is still the latest. */
      undo: (expected?: number) => {
        edit(expected === undefined ? { kind: "undo" } : { kind: "undo", expected });
      },
      redo: () => {
        edit({ kind: "redo" });
      },
    }),
    [edit, mutateAsync],
  );
  const { refetch } = query;
  // The ideas added while the disk refuses them: no card shows them until they are saved (a card needs the id the
  // backend gives), and six ideas typed on a full disk were gone from the screen, under a banner that said changes
  // stay on it.
  const waitingAdds = useMemo(
    () =>
      stalled
        ? pending.flatMap((e) =>
            e.kind === "add"
              ? [{ title: e.title, zone: e.zone }]
              : e.kind === "addMany"
                ? e.titles.map((title) => ({ title, zone: e.zone }))
                : [],
          )
        : [],
    [stalled, pending],
  );

  return {
    waitingAdds,
    board,
    columns,
    loadError: query.error ? AppError.from(query.error) : null,
    saveState,
    stalled,
    retryNow: useCallback(() => {
      wake.current?.();
    }, []),
    reload: useCallback(() => void refetch(), [refetch]),
    ...actions,
  };
}

export type BoardModel = ReturnType<typeof useBoard>;

/** When this window's page started: the history goes back further, to changes of earlier sessions. */
const SESSION_STARTED = Date.now();

/** What the toast says after an undo or redo. The words for the event load with it (the history's module is not in
 * the first bundle). A change from before this session says when it was made: Ctrl+Z pressed a few times too many
 * took back a team round's settling of the day before, without a word that it was not today's. */
async function stepMessage(direction: "undo" | "redo", outcome: UndoOutcome): Promise<string> {
  const nothing = `Nothing to ${direction}.`;
  if (!outcome.event) return nothing;
  const { describeEvent } = await import("../history/describe");
  const what = describeEvent(outcome.event, { withTitle: true });
  if (!what) return nothing;
  const earlier =
    outcome.event.at < SESSION_STARTED
      ? ` (a change from ${formatDateTime(outcome.event.at)}, before this session)`
      : "";
  return `${direction === "undo" ? "Undone" : "Redone"}: ${what}${earlier}.${renamedOtherwise(direction, outcome)}`;
}

/** After a rename is undone or redone, the name the board has when it is not the one the step gave back: another
 * board took that name meanwhile, and the board's is made unique ("Infra (2)"). The toast named the taken one. */
function renamedOtherwise(direction: "undo" | "redo", outcome: UndoOutcome): string {
  const { event, board } = outcome;
  if (event?.kind !== "renamed") return "";
  const meant = direction === "undo" ? event.summary.nameBefore : event.summary.title;
  if (!meant || meant === board.name) return "";
  return ` Another board is named “${shorten(meant, 48)}” now, so this one is “${shorten(board.name, 48)}”.`;
}
