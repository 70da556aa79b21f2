// A board's ideas and every change to them. Changes show at once and are saved at once; when the backend refuses
// one, the user is told why and the board is reloaded from the database, which stays the source of truth.
import { useCallback, useEffect, useMemo, useState } from "react";

import { useToast } from "../../components/Toasts";
import { AppError, backend } from "../../lib/backend";
import type { Board, Idea, Zone } from "../../lib/bindings";
import { groupByZone, optimisticMove } from "./columns";

export type SaveState = "saved" | "saving" | "failed";

export function useBoard(boardId: number, onChanged: () => void) {
  const [board, setBoard] = useState<Board | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [pending, setPending] = useState(0);
  const [failed, setFailed] = useState(false);
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

  /** Saves one change; on failure says why and reloads what is really saved. */
  const save = useCallback(
    async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      setPending((n) => n + 1);
      try {
        const result = await work();
        setFailed(false);
        return result;
      } catch (raw) {
        const err = AppError.from(raw);
        setFailed(true);
        toast({ tone: "error", message: err.message });
        await reload();
        return undefined;
      } finally {
        setPending((n) => n - 1);
        onChanged();
      }
    },
    [toast, reload, onChanged],
  );

  const addIdea = useCallback(
    (title: string, zone: Zone) =>
      save(async () => {
        const idea = await backend.addIdea(boardId, title, zone);
        setIdeas((ideas) => [...ideas, idea]);
        return idea;
      }),
    [boardId, save, setIdeas],
  );

  const updateIdea = useCallback(
    (id: number, title: string, notes: string) => {
      setIdeas((ideas) => ideas.map((i) => (i.id === id ? { ...i, title, notes } : i)));
      return save(async () => {
        replaceIdea(await backend.updateIdea(id, title, notes));
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

  const restoreIdea = useCallback(
    (idea: Idea) =>
      save(async () => {
        const restored = await backend.restoreIdea(idea);
        setIdeas((ideas) => [...ideas, restored]);
      }),
    [save, setIdeas],
  );

  const deleteIdea = useCallback(
    async (id: number) => {
      setIdeas((ideas) => ideas.filter((i) => i.id !== id));
      const deleted = await save(() => backend.deleteIdea(id));
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

  const columns = useMemo(() => groupByZone(board?.ideas ?? []), [board]);
  const saveState: SaveState = pending > 0 ? "saving" : failed ? "failed" : "saved";

  return { board, columns, loadError, saveState, reload, addIdea, updateIdea, moveIdea, deleteIdea };
}

export type BoardModel = ReturnType<typeof useBoard>;

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
