// The app shell: opens the database (or explains why it cannot), then shows the boards.
import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";

import { useToast, withdrawToasts } from "./components/Toasts";
import { BoardScreen } from "./features/board/BoardScreen";
import type { BoardView } from "./features/board/BoardToolbar";
import { useMenuCommands } from "./features/board/useMenuCommands";
import { hasOwnUndo, isHelpKey } from "./features/board/useShortcuts";
import type { BoardStep, StepsHost } from "./features/boards/boardSteps";
import { Sidebar } from "./features/boards/Sidebar";
import { useTheme } from "./features/settings/useTheme";
import { useFileDrop } from "./features/transfer/useFileDrop";
import { backend } from "./lib/backend";
import { AppError, useBackendEvent } from "./lib/ipc";
import { keys, useAfterChange, useBoards, type Change } from "./lib/queries";
import type {
  Board,
  BoardSummary,
  ExportFormat,
  ImportOutcome,
  ImportStart,
  MenuCommand,
  OpenStatus,
  Preferences,
  Theme,
} from "./lib/bindings";
import { fileDate } from "./lib/dates";
import { setDraftScope } from "./lib/drafts";
import { NARROW_WINDOW, pageRestarted } from "./lib/firstFrameRules";
import { handedAtStart, handedIsStale } from "./lib/startup";
import { counted } from "./lib/numbers";
import type { QuitHeld } from "./lib/quit";
import { useTabStaysInWindow } from "./lib/tabRing";

// Dialogs that are not on screen at start are loaded when first opened, so that the first frame does not wait for them.
// Only a first run shows the welcome, and only a database that cannot be opened the error screen.
const ErrorScreen = lazy(async () => ({
  default: (await import("./features/startup/ErrorScreen")).ErrorScreen,
}));
const Welcome = lazy(async () => ({ default: (await import("./features/welcome/Welcome")).Welcome }));
const UnsavedQuitDialog = lazy(async () => ({
  default: (await import("./features/quit/UnsavedQuitDialog")).UnsavedQuitDialog,
}));
const WaitingPostsQuitDialog = lazy(async () => ({
  default: (await import("./features/quit/WaitingPostsQuitDialog")).WaitingPostsQuitDialog,
}));
const BackupsDialog = lazy(async () => ({
  default: (await import("./features/transfer/BackupsDialog")).BackupsDialog,
}));
const DeletedBoardsDialog = lazy(async () => ({
  default: (await import("./features/boards/DeletedBoardsDialog")).DeletedBoardsDialog,
}));
const ExportDialog = lazy(async () => ({
  default: (await import("./features/transfer/ExportDialog")).ExportDialog,
}));
const ImportDialog = lazy(async () => ({
  default: (await import("./features/transfer/ImportDialog")).ImportDialog,
}));
const ShortcutsSheet = lazy(async () => ({
  default: (await import("./features/board/ShortcutsSheet")).ShortcutsSheet,
}));

/** The file dialogs over the whole app. */
type Transfer =
  /** `opened` counts the imports started: a file opened while the dialog shows another gets a dialog of its own. */
  | { kind: "import"; start: ImportStart; into: boolean; opened: number }
  | { kind: "export"; format: ExportFormat }
  | { kind: "backups" }
  | { kind: "deleted" }
  | null;

type Boot =
  { state: "loading" } | { state: "failed"; error: AppError } | { state: "ready"; status: OpenStatus };

/** How a board selected opens: its name ready to type (a new board), or its Team rounds (to join one). */
interface Opening {
  focusName?: boolean;
  rounds?: boolean;
  /** Opens on the chart (a duplicate of a board shown as one). */
  chart?: boolean;
  /** The focus goes to the board's menu, where it was on the board before (deleted from its menu). */
  focusMenu?: boolean;
}

const DEFAULT_PREFERENCES: Preferences = { theme: "system", lastBoardId: null, chartBoards: [] };

/** The most boards whose chart view is kept: the oldest choice goes first. */
const KEPT_VIEWS = 200;

/** View › Theme's items, and the theme each picks (as the sidebar's switch does). */
const MENU_THEMES: Partial<Record<MenuCommand, Theme>> = {
  "theme-system": "system",
  "theme-light": "light",
  "theme-dark": "dark",
};

/** Whether the window is narrow, followed as it is resized. */
function useNarrowWindow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW_WINDOW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_WINDOW);
    const follow = () => {
      setNarrow(query.matches);
    };
    query.addEventListener("change", follow);
    return () => {
      query.removeEventListener("change", follow);
    };
  }, []);
  return narrow;
}

/** "Untitled board", or "Untitled board 2", 3, … when that name is taken. */
export function newBoardName(boards: readonly BoardSummary[]): string {
  const taken = new Set(boards.map((b) => b.name));
  for (let n = 1; ; n++) {
    const name = n === 1 ? "Untitled board" : `Untitled board ${n}`;
    if (!taken.has(name)) return name;
  }
}

/** What the page says when it was loaded again after its process ended. */
export const RESTARTED_MESSAGE =
  "Pickboard's window stopped working and was opened again. Everything saved before it stopped is here.";

export function App() {
  const queryClient = useQueryClient();
  // The boards and the board to show, handed over as the window opened: the first frame needs no round trip.
  const [handed] = useState(() => {
    const data = handedAtStart();
    if (data) {
      queryClient.setQueryData(keys.boards, data.boards);
      if (data.board) queryClient.setQueryData(keys.content(data.board.id), data.board);
    }
    return data;
  });
  const [boot, setBoot] = useState<Boot>(() =>
    handed ? { state: "ready", status: handed.status } : { state: "loading" },
  );
  // Drafts kept in the web view's storage belong to this database (lib/drafts.ts).
  if (boot.state === "ready") setDraftScope(boot.status.databasePath);
  const boardsQuery = useBoards();
  const boards = useMemo(() => boardsQuery.data ?? [], [boardsQuery.data]);
  const afterChange = useAfterChange();
  const [prefs, setPrefsShown] = useState<Preferences>(handed?.preferences ?? DEFAULT_PREFERENCES);
  // The preferences as last set, drawn or not: what changes them starts from these. A toast's Undo that selected a
  // board right after another change started from the preferences before it, and brought a forgotten view back.
  const prefsNow = useRef(prefs);
  const setPrefs = useCallback((next: Preferences) => {
    prefsNow.current = next;
    setPrefsShown(next);
  }, []);
  const [currentId, setCurrentId] = useState<number | null>(
    handed ? (handed.board?.id ?? handed.boards[0]?.id ?? null) : null,
  );
  const [focusName, setFocusName] = useState(false);
  // The welcome's Join a team round: the new board opens on its Team rounds.
  const [roundsFirst, setRoundsFirst] = useState(false);
  // The board Join made, while nothing shows it is wanted (see `leaveJoined`).
  const [joinedBoard, setJoinedBoard] = useState<number | null>(null);
  const [focusMenu, setFocusMenu] = useState(false);
  const [busy, setBusy] = useState(false);
  const [transfer, setTransfer] = useState<Transfer>(null);
  // Changes not saved yet, or posts waiting in the outbox, when a quit was asked for: Pickboard stays open and asks.
  const [heldAtQuit, setHeldAtQuit] = useState<QuitHeld | null>(null);
  // Help › Keyboard shortcuts on the welcome (the board's screen opens its own).
  const [shortcuts, setShortcuts] = useState(false);
  const toast = useToast();
  useTheme(prefs.theme);
  useTabStaysInWindow();
  const narrow = useNarrowWindow();
  // The sidebar is open on wide windows and folded on narrow ones, until the user toggles it; crossing the width
  // starts again from what suits the new width.
  const [sidebarOpen, setSidebarOpen] = useState(!narrow);
  const [sidebarWidth, setSidebarWidth] = useState(narrow);
  if (sidebarWidth !== narrow) {
    setSidebarWidth(narrow);
    setSidebarOpen(!narrow);
  }

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
    [setPrefs, showError],
  );

  // Loaded again after the page's process ended (src-tauri/src/page_restarts.rs): say so once, and take the mark off
  // the address so that a later reload is an ordinary one.
  useEffect(() => {
    // A board deleted just before the window opened again can be brought back as if the window had stayed.
    boardStep((steps, host) => void steps.deletedLately(host));
    if (!pageRestarted()) return;
    window.history.replaceState(null, "", window.location.pathname);
    toast({ message: RESTARTED_MESSAGE, duration: 10_000 });
    // Once, as the page loads: `boardStep` reads the app as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [toast]);

  useEffect(() => {
    if (handed) {
      // A page loaded again long after the window opened reads everything afresh.
      if (handedIsStale(handed)) void queryClient.invalidateQueries();
      return;
    }
    void (async () => {
      // The preferences are not in the database: a database that cannot be opened still has its screen in the
      // person's theme (it was the system's, and View › Theme did nothing there).
      const preferences = backend.getPreferences().catch(() => DEFAULT_PREFERENCES);
      try {
        const status = await backend.openStatus();
        const [stored, list] = await Promise.all([
          preferences,
          queryClient.query({ queryKey: keys.boards, queryFn: backend.listBoards }),
        ]);
        setPrefs(stored);
        setCurrentId(list.find((b) => b.id === stored.lastBoardId)?.id ?? list[0]?.id ?? null);
        setBoot({ state: "ready", status });
      } catch (raw) {
        setPrefs(await preferences);
        setBoot({ state: "failed", error: AppError.from(raw) });
      }
    })();
  }, [queryClient, handed, setPrefs]);

  const select = useCallback(
    (id: number | null, options: Opening = {}) => {
      setCurrentId(id);
      setFocusName(options.focusName ?? false);
      setRoundsFirst(options.rounds ?? false);
      setFocusMenu(options.focusMenu ?? false);
      const now = prefsNow.current;
      const chartBoards =
        options.chart && id !== null ? [...now.chartBoards, id].slice(-KEPT_VIEWS) : now.chartBoards;
      savePrefs({ ...now, lastBoardId: id, chartBoards });
    },
    [savePrefs],
  );

  const keepView = useCallback(
    (view: BoardView) => {
      if (currentId === null) return;
      const now = prefsNow.current;
      const others = now.chartBoards.filter((id) => id !== currentId);
      savePrefs({
        ...now,
        chartBoards: view === "chart" ? [...others, currentId].slice(-KEPT_VIEWS) : others,
      });
    },
    [currentId, savePrefs],
  );

  // The latest `select`, for a toast's Undo that runs after the preferences may have changed.
  const latestSelect = useRef(select);
  useEffect(() => {
    latestSelect.current = select;
  }, [select]);

  /** The boards' list after a change to it (read again through the one invalidation path). */
  const refreshBoards = useCallback(
    async (change: Change = { boards: true }) => {
      try {
        await afterChange(change);
        return queryClient.getQueryData<BoardSummary[]>(keys.boards) ?? null;
      } catch (raw) {
        showError(raw);
        return null;
      }
    },
    [afterChange, queryClient, showError],
  );

  // The outbox sent (or was held up) in the background: the Post dialog and the Posts panel say so at once.
  useBackendEvent("outbox-changed", () => {
    void afterChange({ outbox: true });
  });

  // One board made at a time: Enter pressed twice on "+ New board" made two (`busy` disables the buttons only once
  // the page has drawn again).
  const creating = useRef(false);
  /** The welcome's Join a team round: a board for the rounds, opened on its Team rounds. */
  function joinRounds() {
    void create(
      async () => {
        const made = await backend.createBoard("Team rounds");
        setJoinedBoard(made.id);
        return made;
      },
      { rounds: true },
    );
  }

  /** The first Back from the rounds of the board Join made: with no idea on it and no round joined or started, it goes
   * for good and the welcome comes back (true). Asked once: a board used since is the person's own. */
  async function leaveJoined(id: number, ideas: number): Promise<boolean> {
    setJoinedBoard(null);
    if (ideas > 0) return false;
    try {
      const [open, closed] = await Promise.all([backend.listOpenRounds(id), backend.listClosedRounds(id)]);
      if (open.length > 0 || closed.length > 0) return false;
      await backend.deleteBoard(id);
      await backend.deleteBoardsForGood([id]);
    } catch (raw) {
      showError(raw);
      return false;
    }
    await refreshBoards();
    select(null);
    return true;
  }

  /** + New board, and File › New board: opened with its name ready to type. */
  function newBoard() {
    void create(() => backend.createBoard(newBoardName(boards)), { focusName: true });
  }

  async function create(make: () => Promise<BoardSummary>, options: Opening = {}) {
    if (creating.current) return;
    creating.current = true;
    setBusy(true);
    try {
      const board = await make();
      await refreshBoards();
      select(board.id, options);
    } catch (raw) {
      showError(raw);
    } finally {
      creating.current = false;
      setBusy(false);
    }
  }

  const imports = useRef(0);
  const openImport = useCallback(
    (read: () => Promise<ImportStart | null>, into = false) => {
      read().then((start) => {
        if (start) setTransfer({ kind: "import", start, into, opened: ++imports.current });
      }, showError);
    },
    [showError],
  );

  // The Undos of the boards deleted since the person last changed a board or opened another, the newest last. Ctrl+Z
  // and Edit › Undo take them, newest first, before the history of the board shown next: they undid that board's
  // last change, and the deleted board was gone once the toast went. Two boards deleted one after the other both come
  // back: the second Ctrl+Z emptied the board the first brought back, and the other board was lost. They last until
  // then, not a number of seconds: ten after each delete, a slow hand deleting several boards got "Nothing to undo".
  // A copy just made is taken back the same way, until then (`copy`). Ctrl+Shift+Z does again what they took back,
  // until then too (features/boards/boardSteps.ts).
  const boardRestores = useRef<BoardStep[]>([]);
  const boardRedos = useRef<BoardStep[]>([]);
  // What the newest of each does, for the toolbar's ↶ and ↷: lit while Ctrl+Z would bring a board back.
  const [nextRestore, setNextRestore] = useState<string | null>(null);
  const [nextRedo, setNextRedo] = useState<string | null>(null);
  const keepRestores = useCallback((list: BoardStep[]) => {
    boardRestores.current = list;
    const last = list.at(-1);
    setNextRestore(
      last ? `${last.copy ? "Take back the copy" : "Bring back the board"} “${last.name}”` : null,
    );
  }, []);
  const keepRedos = useCallback((list: BoardStep[]) => {
    boardRedos.current = list;
    const last = list.at(-1);
    setNextRedo(last ? `${last.copy ? "Make the copy" : "Delete the board"} “${last.name}” again` : null);
  }, []);
  // A step under way takes the next Ctrl+Z or Ctrl+Shift+Z too: a second press went to the history of the board
  // still shown, and undid its last change, or redid a change of the board being deleted ("no longer exists").
  const stepping = useRef(false);
  const step = useCallback((list: BoardStep[], keep?: (rest: BoardStep[]) => void) => {
    const last = list.at(-1);
    if (stepping.current || !last) return stepping.current;
    keep?.(list.slice(0, -1));
    stepping.current = true;
    void last.run().finally(() => {
      stepping.current = false;
    });
    return true;
  }, []);
  const undoBoardDelete = useCallback(() => step(boardRestores.current), [step]);
  const redoBoardStep = useCallback(() => step(boardRedos.current, keepRedos), [step, keepRedos]);
  // Once the board shown next is changed, or another opened, Ctrl+Z is the board's own again (the toast's Undo still
  // brings the deleted board back), and so is Ctrl+Shift+Z.
  const forgetBoardDelete = useCallback(() => {
    if (boardRestores.current.length > 0) keepRestores([]);
    if (boardRedos.current.length > 0) keepRedos([]);
  }, [keepRestores, keepRedos]);

  // Another program changed the database (the command line importing into a board, a restore): read everything
  // again. Edits still on their way are kept and sent; if the open board is gone, another opens. Ctrl+Z is the
  // board's own again when the board shown was changed: after an import from the command line into it, it brought a
  // deleted board back instead of taking the import back. A change to another board leaves it to the delete, as the
  // delete's question promised: it undid the board's change from before the delete.
  useBackendEvent("database-changed", () => {
    // As read: the board's ideas, name, thresholds and whether it has steps to undo and redo.
    const shownAsRead = () =>
      currentId === null
        ? null
        : JSON.stringify(queryClient.getQueryData<Board>(keys.content(currentId)) ?? null);
    const before = shownAsRead();
    void refreshBoards({ everything: true }).then((list) => {
      if (list === null || shownAsRead() !== before) forgetBoardDelete();
      // A deleted board brought back meanwhile (`pickboard restore`) is there: its toast offered an Undo that did
      // nothing.
      const back = boardRestores.current.filter((r) => !r.copy && list?.some((b) => b.id === r.id));
      if (back.length > 0) {
        keepRestores(boardRestores.current.filter((r) => !back.includes(r)));
        withdrawToasts("board-delete");
      }
      // The board shown gone, another opens. On the welcome, a board made or brought back (`pickboard import`,
      // `restore`) opens: it showed in the sidebar, and the welcome stayed as if there were none.
      if (list && !list.some((b) => b.id === currentId)) select(list[0]?.id ?? null);
    });
  });

  // Today's backup failed (a full disk): said here, not only in the log, where nobody would read it.
  useBackendEvent("backup-failed", ({ message }) => {
    toast({ tone: "error", message, duration: 15_000 });
  });

  const backUpNow = useCallback(() => {
    backend.backUpNow(fileDate()).then((path) => {
      if (path) toast({ message: `Backed up every board to ${path}` });
    }, showError);
  }, [showError, toast]);

  // With no board left on screen (the last one just deleted), Ctrl+Z and Edit › Undo bring it back, as the delete's
  // question promised; and F1 shows the keyboard shortcuts, as on a board. The board screen, which takes them
  // otherwise, is not there.
  useEffect(() => {
    if (currentId !== null) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (document.querySelector("[role=dialog]")) return;
      if (isHelpKey(e)) {
        e.preventDefault();
        setShortcuts(true);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== "z") return;
      if (hasOwnUndo(e.target)) return;
      if (undoBoardDelete()) e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, [currentId, undoBoardDelete]);

  useMenuCommands((command) => {
    if (command === "quit") {
      // Loaded when a quit is first asked for: the first frame does not need it.
      void import("./lib/quit")
        .then(({ quitOnceSaved }) => quitOnceSaved(queryClient))
        .then(setHeldAtQuit, showError);
      return;
    }
    const theme = MENU_THEMES[command];
    if (theme) {
      if (boot.state !== "loading") savePrefs({ ...prefsNow.current, theme });
      return;
    }
    if (boot.state !== "ready") return;
    if (command === "new-board") newBoard();
    else if (command === "undo" && currentId === null) undoBoardDelete();
    else if (command === "import") openImport(backend.chooseImportFile);
    else if (command === "back-up") backUpNow();
    else if (command === "restore") setTransfer({ kind: "backups" });
    else if (command === "deleted-boards") setTransfer({ kind: "deleted" });
    else if (command.startsWith("export-") && currentId !== null)
      setTransfer({ kind: "export", format: command.slice("export-".length) as ExportFormat });
    // The Team menu without a board (the welcome): rounds and the account are the welcome's Join a team round (a
    // board for the rounds, opened on them, where Connect comes first); there is no outcome to post yet. The board's
    // screen takes these itself.
    else if (currentId === null && (command === "team-rounds" || command === "mattermost-account"))
      joinRounds();
    else if (currentId === null && command === "shortcuts") setShortcuts(true);
    else if (currentId === null && command === "post-to-channel")
      toast({ message: "Open a board first: its outcome is what goes to the channel." });
    // File › Export board without a board did nothing at all.
    else if (currentId === null && command.startsWith("export-"))
      toast({ message: "Open a board first: an export saves the board shown to a file." });
  });

  const dropping = useFileDrop(() => {
    if (boot.state === "ready" && transfer === null) openImport(backend.openDroppedFile);
  });

  async function imported(outcome: ImportOutcome) {
    setTransfer(null);
    // Into the board shown, or into another: either way Ctrl+Z is that board's own now.
    forgetBoardDelete();
    const list = await refreshBoards({ everything: true });
    const name = list?.find((b) => b.id === outcome.boardId)?.name ?? "the board";
    select(outcome.boardId);
    toast({ message: `Imported ${counted(outcome.imported, "idea")} into “${name}”.` });
  }

  async function broughtBack(board: BoardSummary, said: string) {
    setTransfer(null);
    // Its delete's Undo is done: Ctrl+Z, or the delete's toast still up, then said of the board back on the list that
    // it "was deleted for good".
    keepRestores(boardRestores.current.filter((r) => r.id !== board.id));
    // A new step: Ctrl+Shift+Z deleted a board brought back before it.
    keepRedos([]);
    withdrawToasts("board-delete");
    // Everything read again, as after the delete's Undo: the board may come back under another name.
    await refreshBoards({ everything: true });
    select(board.id);
    toast({ message: said });
  }

  // What a board's delete and copy need of the app, as it is at the latest render (features/boards/boardSteps.ts).
  const stepsHost = useRef<StepsHost | null>(null);
  useEffect(() => {
    stepsHost.current = {
      boards: () => boards,
      shown: () => shownNow.current,
      onChart: (id) => prefsNow.current.chartBoards.includes(id),
      select: (id, options) => {
        latestSelect.current(id, options);
      },
      refreshBoards,
      toast,
      showError,
      restores: () => boardRestores.current,
      keepRestores,
      redos: () => boardRedos.current,
      keepRedos,
      forget: forgetBoardDelete,
      forgetForGood,
    };
  });
  /** A board was deleted or copied: its toast, and its steps back and forth. */
  function boardStep(
    step: (steps: typeof import("./features/boards/boardSteps"), host: StepsHost) => unknown,
  ) {
    import("./features/boards/boardSteps").then((steps) => {
      if (stepsHost.current) step(steps, stepsHost.current);
    }, showError);
  }

  /** Nothing of the boards `ids`, just deleted for good, stays in the window. */
  function forgetForGood(ids: number[]) {
    // What was read of them goes: a new board may take the number of one (SQLite hands out the highest
    // number again once its row is gone), and showed the deleted board's name and ideas from the cache.
    for (const id of ids) queryClient.removeQueries({ queryKey: keys.board(id) });
    // Their Ctrl+Z can no longer bring them back: it said so in red, once for each. Nor can Ctrl+Shift+Z copy them.
    keepRestores(boardRestores.current.filter((r) => !ids.includes(r.id)));
    keepRedos(boardRedos.current.filter((r) => !ids.includes(r.id)));
    // Nor is their view kept: a new board that takes one's number opened on the chart.
    const now = prefsNow.current;
    if (now.chartBoards.some((id) => ids.includes(id)))
      savePrefs({ ...now, chartBoards: now.chartBoards.filter((id) => !ids.includes(id)) });
  }

  // The board shown in the latest render, for a toast's Undo run later.
  const shownNow = useRef(currentId);
  useEffect(() => {
    shownNow.current = currentId;
  }, [currentId]);

  async function restored(said: string) {
    setTransfer(null);
    const list = await refreshBoards({ everything: true });
    select(list?.find((b) => b.id === currentId)?.id ?? list?.[0]?.id ?? null);
    toast({ message: said, duration: 10000 });
  }

  if (boot.state === "loading") return <div className="splash" aria-busy="true" />;
  if (boot.state === "failed")
    return (
      <Suspense fallback={null}>
        <ErrorScreen error={boot.error} />
      </Suspense>
    );
  const current = boards.find((b) => b.id === currentId) ?? null;

  return (
    <div className={sidebarOpen && !narrow ? "app app-sidebar-open" : "app"}>
      <Sidebar
        open={sidebarOpen}
        overlay={narrow}
        onToggle={setSidebarOpen}
        boards={boards}
        currentId={currentId}
        theme={prefs.theme}
        dataDir={boot.status.dataDir}
        onSelect={(id) => {
          if (id !== currentId) forgetBoardDelete();
          select(id);
        }}
        onNew={newBoard}
        onImport={() => {
          openImport(backend.chooseImportFile);
        }}
        onBackups={() => {
          setTransfer({ kind: "backups" });
        }}
        onDeleted={() => {
          setTransfer({ kind: "deleted" });
        }}
        onTheme={(theme) => {
          savePrefs({ ...prefsNow.current, theme });
        }}
      />
      {currentId === null ? (
        <Suspense fallback={null}>
          <Welcome
            busy={busy}
            onSample={() => void create(backend.createSampleBoard)}
            onEmpty={() => void create(() => backend.createBoard("My first board"), { focusName: true })}
            onImport={() => {
              openImport(backend.chooseImportFile);
            }}
            onJoin={joinRounds}
            onOpen={(kind) => {
              setTransfer({ kind });
            }}
          />
        </Suspense>
      ) : (
        <BoardScreen
          key={currentId}
          boardId={currentId}
          openOnChart={prefs.chartBoards.includes(currentId)}
          onViewChange={keepView}
          focusName={focusName}
          focusMenu={focusMenu}
          roundsFirst={roundsFirst}
          onLeaveJoined={currentId === joinedBoard ? leaveJoined : undefined}
          onDuplicated={(copy) => {
            boardStep((steps, host) => steps.copied(host, copy, currentId));
          }}
          undoFirst={undoBoardDelete}
          undoFirstSays={nextRestore}
          redoFirst={redoBoardStep}
          redoFirstSays={nextRedo}
          onEdit={forgetBoardDelete}
          onDeleted={(deleted) => {
            boardStep((steps, host) => {
              // The list as it was before the delete, which names the board below it.
              void steps.deleted(host, deleted, boards);
            });
          }}
          onExport={() => {
            setTransfer({ kind: "export", format: "json" });
          }}
          onImport={() => {
            openImport(backend.chooseImportFile, true);
          }}
        />
      )}
      {sidebarOpen && narrow && (
        <div
          className="sidebar-backdrop"
          aria-hidden="true"
          onClick={() => {
            setSidebarOpen(false);
          }}
        />
      )}
      <Suspense fallback={null}>
        {transfer?.kind === "import" && (
          <ImportDialog
            key={transfer.opened}
            start={transfer.start}
            current={boards.find((b) => b.id === currentId) ?? null}
            intoCurrent={transfer.into}
            onDone={(outcome) => void imported(outcome)}
            onClose={() => {
              setTransfer(null);
              void backend.closeImport();
            }}
          />
        )}
        {transfer?.kind === "export" && current && (
          <ExportDialog
            board={current}
            initial={transfer.format}
            onSaved={(path) => {
              setTransfer(null);
              toast({ message: `Saved ${path}` });
            }}
            onClose={() => {
              setTransfer(null);
            }}
          />
        )}
        {transfer?.kind === "backups" && (
          <BackupsDialog
            onRestored={(said) => void restored(said)}
            onBackUpNow={backUpNow}
            onClose={() => {
              setTransfer(null);
            }}
          />
        )}
        {transfer?.kind === "deleted" && (
          <DeletedBoardsDialog
            onRestored={(board, said) => void broughtBack(board, said)}
            onDeletedForGood={forgetForGood}
            onClose={() => {
              setTransfer(null);
            }}
          />
        )}
        {shortcuts && currentId === null && (
          <ShortcutsSheet
            onClose={() => {
              setShortcuts(false);
            }}
          />
        )}
        {(heldAtQuit?.kind === "unsaved" || heldAtQuit?.kind === "refused") && (
          <UnsavedQuitDialog
            held={{ kind: heldAtQuit.kind, count: heldAtQuit.count }}
            onKeepOpen={() => {
              setHeldAtQuit(null);
            }}
          />
        )}
        {heldAtQuit?.kind === "posts" && (
          <WaitingPostsQuitDialog
            posts={heldAtQuit.count}
            onKeepOpen={() => {
              setHeldAtQuit(null);
            }}
          />
        )}
      </Suspense>
      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a CSV file or a Pickboard board file to import it</p>
        </div>
      )}
    </div>
  );
}
