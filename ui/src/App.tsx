// The app shell: opens the database (or explains why it cannot), then shows the boards.
import { useCallback, useEffect, useState } from "react";

import { useToast } from "./components/Toasts";
import { BoardScreen } from "./features/board/BoardScreen";
import { Sidebar } from "./features/boards/Sidebar";
import { useTheme } from "./features/settings/useTheme";
import { ErrorScreen } from "./features/startup/ErrorScreen";
import { Welcome } from "./features/welcome/Welcome";
import { AppError, backend } from "./lib/backend";
import type { BoardSummary, OpenStatus, Preferences } from "./lib/bindings";

type Boot =
  { state: "loading" } | { state: "failed"; error: AppError } | { state: "ready"; status: OpenStatus };

const DEFAULT_PREFERENCES: Preferences = { theme: "system", lastBoardId: null };

/** "Untitled board", or "Untitled board 2", 3, … when that name is taken. */
export function newBoardName(boards: readonly BoardSummary[]): string {
  const taken = new Set(boards.map((b) => b.name));
  for (let n = 1; ; n++) {
    const name = n === 1 ? "Untitled board" : `Untitled board ${n}`;
    if (!taken.has(name)) return name;
  }
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ state: "loading" });
  const [boards, setBoards] = useState<BoardSummary[]>([]);
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [focusName, setFocusName] = useState(false);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  useTheme(prefs.theme);

  const showError = useCallback(
    (raw: unknown) => {
      toast({ tone: "error", message: AppError.from(raw).message });
    },
    [toast],
  );

  const savePrefs = useCallback(
    (next: Preferences) => {
      setPrefs(next);
      backend.setPreferences(next).catch(showError);
    },
    [showError],
  );

  useEffect(() => {
    void (async () => {
      try {
        const status = await backend.openStatus();
        const [stored, list] = await Promise.all([
          backend.getPreferences().catch(() => DEFAULT_PREFERENCES),
          backend.listBoards(),
        ]);
        setPrefs(stored);
        setBoards(list);
        setCurrentId(list.find((b) => b.id === stored.lastBoardId)?.id ?? list[0]?.id ?? null);
        setBoot({ state: "ready", status });
      } catch (raw) {
        setBoot({ state: "failed", error: AppError.from(raw) });
      }
    })();
  }, []);

  const select = useCallback(
    (id: number | null, options: { focusName?: boolean } = {}) => {
      setCurrentId(id);
      setFocusName(options.focusName ?? false);
      savePrefs({ ...prefs, lastBoardId: id });
    },
    [prefs, savePrefs],
  );

  const refreshBoards = useCallback(async () => {
    try {
      const list = await backend.listBoards();
      setBoards(list);
      return list;
    } catch (raw) {
      showError(raw);
      return null;
    }
  }, [showError]);

  async function create(make: () => Promise<BoardSummary>, options: { focusName?: boolean } = {}) {
    setBusy(true);
    try {
      const board = await make();
      await refreshBoards();
      select(board.id, options);
    } catch (raw) {
      showError(raw);
    } finally {
      setBusy(false);
    }
  }

  if (boot.state === "loading") return <div className="splash" aria-busy="true" />;
  if (boot.state === "failed") return <ErrorScreen error={boot.error} />;

  return (
    <div className="app">
      <Sidebar
        boards={boards}
        currentId={currentId}
        theme={prefs.theme}
        dataDir={boot.status.dataDir}
        onSelect={(id) => {
          select(id);
        }}
        onNew={() => void create(() => backend.createBoard(newBoardName(boards)), { focusName: true })}
        onTheme={(theme) => {
          savePrefs({ ...prefs, theme });
        }}
      />
      {currentId === null ? (
        <Welcome
          busy={busy}
          onSample={() => void create(backend.createSampleBoard)}
          onEmpty={() => void create(() => backend.createBoard("My first board"), { focusName: true })}
        />
      ) : (
        <BoardScreen
          key={currentId}
          boardId={currentId}
          focusName={focusName}
          onBoardsChanged={() => void refreshBoards()}
          onDuplicated={(copy) =>
            void refreshBoards().then(() => {
              select(copy.id);
            })
          }
          onDeleted={() =>
            void refreshBoards().then((list) => {
              select(list?.find((b) => b.id !== currentId)?.id ?? null);
            })
          }
        />
      )}
    </div>
  );
}
