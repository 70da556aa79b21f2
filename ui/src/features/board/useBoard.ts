// A board's ideas and every change to them. Changes show at once and are saved at once; when the backend refuses
// one, the user is told why and the board is reloaded from the database, which stays the source of truth.
// When the disk is full or the folder cannot be written, nothing is refused for good: the changes stay on screen,
// wait in order, and are saved as soon as the disk takes them again.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { useToast } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import type { Board, Idea, IdeaEdit, Thresholds, Zone } from "../../lib/bindings";
import { describeEvent } from "../history/describe";
import { groupByZone, optimisticMove } from "./columns";

export type SaveState = "saved" | "saving" | "failed" | "waiting";

/** How often changes that could not be written are tried again. */
export const RETRY_MS = 2000;

/** Failures that pass when the disk has room again or the folder is writable again. */
function isTransient(err: AppError): boolean {
  return err.kind === "diskFull" || err.kind === "readOnly";
}

/** `onCountsChanged` runs after changes that alter how many ideas the board holds (the sidebar shows the counts). */
export function useBoard(boardId: number, onCountsChanged: () => void) {
  const [board, setBoard] = useState<Board | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(0);
  const [failed, setFailed] = useState(false);
  /** Bumped after every saved change, so that timelines reload. */
  const [version, setVersion] = useState(0);
  /** Why changes are waiting to be written (a full disk), while they are. */
  const [stalled, setStalled] = useState<AppError | null>(null);
  const waiting = useRef<(() => Promise<unknown>)[]>([]);
  const flushing = useRef(false);
  const toast = useToast();

  const reload = useCallback(async () => {
    try {
      setBoard(await backend.getBoard(boardId));
      setLoadError(null);
    } catch (raw) {
      setLoadError(AppError.from(raw));
    }
  }, [boardId]);

  useEffect(() => {
    let current = true;
    backend.getBoard(boardId).then(
      (loaded) => {
        if (current) setBoard(loaded);
      },
      (raw: unknown) => {
        if (current) setLoadError(AppError.from(raw));
      },
    );
    return () => {
      current = false;
    };
  }, [boardId]);

  const setIdeas = useCallback((update: (ideas: Idea[]) => Idea[]) => {
    setBoard((b) => b && { ...b, ideas: update(b.ideas) });
  }, []);

  const replaceIdea = useCallback(
    (idea: Idea) => {
      setIdeas((ideas) => ideas.map((i) => (i.id === idea.id ? idea : i)));
    },
    [setIdeas],
  );

  /** Writes the waiting changes in order; stops at the first that still cannot be written. */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (let next = waiting.current[0]; next; next = waiting.current[0]) {
        try {
          await next();
        } catch (raw) {
          const err = AppError.from(raw);
          if (isTransient(err)) {
            setStalled(err);
            return;
          }
          toast({ tone: "error", message: err.message });
        }
        waiting.current.shift();
      }
      setStalled(null);
      setFailed(false);
      setVersion((v) => v + 1);
      onCountsChanged();
      await reload();
    } finally {
      flushing.current = false;
    }
  }, [toast, reload, onCountsChanged]);

  useEffect(() => {
    if (!stalled) return;
    const timer = setInterval(() => void flush(), RETRY_MS);
    return () => {
      clearInterval(timer);
    };
  }, [stalled, flush]);

  /** Saves one change; on failure says why and reloads what is really saved. */
  const save = useCallback(
    async <T>(work: () => Promise<T>, changesCount = false): Promise<T | undefined> => {
      if (waiting.current.length > 0) {
        waiting.current.push(work); // after the changes already waiting, in order
        return undefined;
      }
      setPending((n) => n + 1);
      try {
        const result = await work();
        setFailed(false);
        setBoard((b) => b && { ...b, canUndo: true, canRedo: false });
        return result;
      } catch (raw) {
        const err = AppError.from(raw);
        if (isTransient(err)) {
          waiting.current.push(work);
          setStalled(err);
          return undefined;
        }
        setFailed(true);
        toast({ tone: "error", message: err.message });
        await reload();
        return undefined;
      } finally {
        setPending((n) => n - 1);
        setVersion((v) => v + 1);
        if (changesCount) onCountsChanged();
      }
    },
    [toast, reload, onCountsChanged],
  );

  const addIdea = useCallback(
    (title: string, zone: Zone) =>
      save(async () => {
        const idea = await backend.addIdea(boardId, title, zone);
        setIdeas((ideas) => [...ideas, idea]);
        return idea;
      }, true),
    [boardId, save, setIdeas],
  );

  const updateIdea = useCallback(
    (id: number, edit: IdeaEdit) => {
      setIdeas((ideas) => ideas.map((i) => (i.id === id ? { ...i, ...edit } : i)));
      return save(async () => {
        replaceIdea(await backend.updateIdea(id, edit));
      });
    },
    [save, setIdeas, replaceIdea],
  );

  const moveIdea = useCallback(
    (id: number, zone: Zone, index: number) => {
      setIdeas((ideas) => optimisticMove(ideas, id, zone, index));
      return save(async () => {
        replaceIdea(await backend.moveIdea(id, zone, index));
      });
    },
    [save, setIdeas, replaceIdea],
  );

  /** Places an idea at exact scores (the chart view). Its quadrant follows once the backend has saved it. */
  const setScores = useCallback(
    (id: number, payoff: number, cost: number) => {
      setIdeas((ideas) => ideas.map((i) => (i.id === id ? { ...i, position: { payoff, cost } } : i)));
      return save(async () => {
        replaceIdea(await backend.setScores(id, payoff, cost));
      });
    },
    [save, setIdeas, replaceIdea],
  );

  const setThresholds = useCallback(
    (thresholds: Thresholds) =>
      save(async () => {
        setBoard(await backend.setThresholds(boardId, thresholds));
      }),
    [boardId, save],
  );

  const restoreIdea = useCallback(
    (idea: Idea) =>
      save(async () => {
        const restored = await backend.restoreIdea(idea);
        setIdeas((ideas) => [...ideas, restored]);
      }, true),
    [save, setIdeas],
  );

  const deleteIdea = useCallback(
    async (id: number) => {
      setIdeas((ideas) => ideas.filter((i) => i.id !== id));
      const deleted = await save(() => backend.deleteIdea(id), true);
      if (deleted) {
        toast({
          message: `Deleted “${shorten(deleted.title)}”.`,
          action: {
            label: "Undo",
            run: () => {
              void restoreIdea(deleted);
            },
          },
        });
      }
    },
    [save, setIdeas, toast, restoreIdea],
  );

  /** Undo (or redo) the board's latest edit; says what was undone. */
  const step = useCallback(
    async (direction: "undo" | "redo") => {
      setPending((n) => n + 1);
      try {
        const outcome = await (direction === "undo" ? backend.undo(boardId) : backend.redo(boardId));
        setBoard(outcome.board);
        setFailed(false);
        const what = outcome.event ? describeEvent(outcome.event, { withTitle: true }) : null;
        toast({
          message: what
            ? `${direction === "undo" ? "Undone" : "Redone"}: ${what}.`
            : `Nothing to ${direction === "undo" ? "undo" : "redo"}.`,
          duration: 3000,
        });
      } catch (raw) {
        toast({ tone: "error", message: AppError.from(raw).message });
        await reload();
      } finally {
        setPending((n) => n - 1);
        setVersion((v) => v + 1);
        onCountsChanged();
      }
    },
    [boardId, toast, reload, onCountsChanged],
  );

  const undo = useCallback(() => step("undo"), [step]);
  const redo = useCallback(() => step("redo"), [step]);

  const columns = useMemo(() => groupByZone(board?.ideas ?? []), [board]);
  const saveState: SaveState = stalled ? "waiting" : pending > 0 ? "saving" : failed ? "failed" : "saved";

  return {
    board,
    columns,
    loadError,
    saveState,
    stalled,
    retryNow: flush,
    version,
    reload,
    addIdea,
    updateIdea,
    moveIdea,
    setScores,
    setThresholds,
    deleteIdea,
    undo,
    redo,
  };
}

export type BoardModel = ReturnType<typeof useBoard>;

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
