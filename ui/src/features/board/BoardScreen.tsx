// A board: the Unsorted tray beside the PICK chart (as quadrants, or as a plane), drag and drop between them, search,
// undo and redo, the details of the selected idea and the board's activity.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";

import { LiveRegion } from "../../components/LiveRegion";
import { historyToasts, useToast } from "../../components/Toasts";
import { backend } from "../../lib/backend";
import { keptDraftOn } from "../../lib/drafts";
import { AppError } from "../../lib/ipc";
import { keys, useAfterChange } from "../../lib/queries";
import type { BoardSummary, Quadrant, Zone } from "../../lib/bindings";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";
import { fractionOf, scoresAt } from "../chart/scale";
import { facets, matchingIds, NO_FILTER, type Filter } from "../search/filter";
import { SearchBar } from "../search/SearchBar";
import { AddIdeaField } from "./AddIdeaField";
import { BoardToolbar, renameRefused, type BoardView } from "./BoardToolbar";
import { findIdea, moveInColumns, placeOf } from "./columns";
import { BoardDrag, type DragState } from "./BoardDrag";
import type { UnsavedField } from "./fields";
import { useBoard } from "./useBoard";
import type { TitleFocus } from "./DetailsPanel";
import { ZoneCount } from "./ZoneCount";
import { shorten } from "../../lib/text";
import { useMenuCommands } from "./useMenuCommands";
import { hasOwnUndo, tookBoardStep, useShortcuts } from "./useShortcuts";
import { ZoneList, type Arrival, type ZonePlace } from "./ZoneList";
import type { StepsBack } from "../rounds/ballot";
import { UndoChain, type Undoer } from "./undoChain";

import "./board.css";
import { afterFirstFrame, firstFrameDrawn } from "../../lib/startup";
import {
  focusAfterDelete,
  focusedIdeaId,
  focusShown,
  focusViewIfLost,
  focusWhenDrawn,
  refocusCard,
} from "./focus";
import { fieldStep } from "../../lib/fieldHistory";
import { focusAsByLastInput } from "../../lib/tabRing";
import { useWaitingPosts } from "../post/useWaitingPosts";

// Panels and dialogs that are not on screen at start are loaded when first opened, so that the first frame does not
// wait for them.
const ChartView = lazy(async () => ({ default: (await import("../chart/ChartView")).ChartView }));
const PostDialog = lazy(async () => ({ default: (await import("../post/PostDialog")).PostDialog }));
const PostsPanel = lazy(async () => ({ default: (await import("../post/PostsPanel")).PostsPanel }));
const ActivityPanel = lazy(async () => ({
  default: (await import("../history/ActivityPanel")).ActivityPanel,
}));
const DetailsPanel = lazy(async () => ({ default: (await import("./DetailsPanel")).DetailsPanel }));
const ShortcutsSheet = lazy(async () => ({ default: (await import("./ShortcutsSheet")).ShortcutsSheet }));
const RoundsScreen = lazy(async () => ({ default: (await import("../rounds/RoundsScreen")).RoundsScreen }));
const DeleteBoardDialog = lazy(async () => ({
  default: (await import("./DeleteBoardDialog")).DeleteBoardDialog,
}));
const ThresholdsDialog = lazy(async () => ({
  default: (await import("./ThresholdsDialog")).ThresholdsDialog,
}));

interface BoardScreenProps {
  boardId: number;
  focusName: boolean;
  /** The board's menu button takes the focus once, as the board is first drawn. */
  focusMenu?: boolean;
  /** Opens on Team rounds instead of the board's body (the welcome's Join a team round). */
  roundsFirst?: boolean;
  /** The first Back from Team rounds on the board the welcome's Join made: with no idea on it (`ideas`), and no
   * round joined or started meanwhile, it goes (true: it went, and the welcome is back). Left, "Team rounds" stayed
   * as an empty board of its own. */
  onLeaveJoined?: ((boardId: number, ideas: number) => Promise<boolean>) | undefined;
  onDuplicated: (board: BoardSummary) => void;
  /** The board was deleted; it can be restored (`restoreBoard`) for a while. */
  onDeleted: (board: { id: number; name: string }) => void;
  /** An undo the app takes before this board's own (a board just deleted); whether it took one. */
  undoFirst?: () => boolean;
  /** What `undoFirst` does, if anything (brings a deleted board back, takes a copy back): the toolbar's ↶ says so. */
  undoFirstSays?: string | null;
  /** A redo the app takes before this board's own (a board deleted again, a copy made again); whether it took one. */
  redoFirst?: () => boolean;
  /** What `redoFirst` does, if anything: the toolbar's ↷ says so. */
  redoFirstSays?: string | null;
  /** A change of this board is made (added, edited, moved, deleted, undone). */
  onEdit?: () => void;
  onExport: () => void;
  onImport: () => void;
  /** The board opens on the chart: it was last shown as one (kept in the preferences, across restarts). */
  openOnChart?: boolean;
  /** The view changed, to be kept for the board's next opening. */
  onViewChange?: (view: BoardView) => void;
}

/** The dialog open over the board; "connect" is the Post dialog opened from Team rounds to connect the account. */
type Dialog = "delete" | "thresholds" | "shortcuts" | "post" | "connect" | null;

/** A new request for the details' title to take the focus. */
function askedAgain(before: TitleFocus | null): TitleFocus {
  return { asked: (before?.asked ?? 0) + 1 };
}

/** A focus this soon after a press is the press's, not the keyboard's. */
const PRESS_FOCUS_MS = 500;

export function BoardScreen({
  boardId,
  focusName,
  focusMenu = false,
  roundsFirst = false,
  onLeaveJoined,
  onDuplicated,
  onDeleted,
  undoFirst,
  undoFirstSays = null,
  redoFirst,
  redoFirstSays = null,
  onEdit,
  onExport,
  onImport,
  openOnChart = false,
  onViewChange,
}: BoardScreenProps) {
  const model = useBoard(boardId, onEdit);
  // Once: the toolbar is drawn again on a rename, and took the focus from the name back to the menu.
  const menuFocus = useRef(focusMenu);
  const takeMenuFocus = () => {
    const wanted = menuFocus.current;
    menuFocus.current = false;
    return wanted;
  };
  const nameFocus = useRef(focusName);
  const takeNameFocus = () => {
    const wanted = nameFocus.current;
    nameFocus.current = false;
    return wanted;
  };
  /** A team round's ballot on screen: its own steps, which Ctrl+Z, Edit › Undo and Redo take first. */
  const ballotSteps = useRef<StepsBack | null>(null);
  const takeBallotSteps = useCallback((steps: StepsBack | null) => {
    ballotSteps.current = steps;
  }, []);
  /** The open details' own step back: what its fields hold and cannot save, taken back before the board's undo. */
  const typedStepBack = useRef<(() => boolean) | null>(null);
  // Whether there is one: the toolbar's ↶ is lit for it.
  const [typedToTakeBack, setTypedToTakeBack] = useState(false);
  const takeTypedStepBack = useCallback((takeBack: (() => boolean) | null) => {
    typedStepBack.current = takeBack;
    setTypedToTakeBack(takeBack !== null);
  }, []);
  /** Ctrl+Z, Edit › Undo and the toolbar's ↶, and the redos: a ballot's last placement first, then what the details
   * hold and cannot save, then the app's undo (a board just deleted or copied), else this board's; a redo does again
   * what the last undo took back. */
  const [chain] = useState(() => new UndoChain());
  const undoers = (): Undoer[] => [
    ballotSteps.current ?? { undo: () => false, redo: () => false },
    { undo: () => typedStepBack.current?.() ?? false, redo: () => false },
    { undo: () => undoFirst?.() ?? false, redo: () => redoFirst?.() ?? false },
    // The board's own, asked last: it says "Nothing to undo" itself, and an undo it had nothing for is not one a redo
    // must answer (each such press took a redo away from the ballot).
    {
      undo: () => {
        const had = model.board?.canUndo ?? false;
        model.undo();
        return had;
      },
      redo: () => {
        const had = model.board?.canRedo ?? false;
        model.redo();
        return had;
      },
    },
  ];
  // An undo or redo that takes the focused card to another list draws it anew there: the focus goes with it, as it
  // does after a move by key (it fell to the page, and the next keys did nothing).
  const undo = () => {
    const id = focusedIdeaId();
    chain.undo(undoers());
    if (id !== null) refocusCard(id);
  };
  const redo = () => {
    const id = focusedIdeaId();
    chain.redo(undoers());
    if (id !== null) refocusCard(id);
  };
  const afterChange = useAfterChange();
  const { board, columns, addIdea, addIdeas, updateIdea, moveIdea, deleteIdea, setScores } = model;
  const [view, setView] = useState<BoardView>(openOnChart ? "chart" : "quadrants");
  /** Where each quadrant's list was left, for when the chart gives way to the quadrants again. */
  const [zonePlaces] = useState(() => new Map<Zone, ZonePlace>());
  // Back on the board, now or after a restart, it shows the view it was left in.
  useEffect(() => {
    if ((view === "chart") !== openOnChart) onViewChange?.(view);
  }, [view, openOnChart, onViewChange]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  /** What a screen reader is told of a move, a drag's steps or an idea added (LiveRegion), and how many times. */
  const [said, setSaid] = useState({ text: "", n: 0 });
  const say = useCallback((text: string) => {
    setSaid((s) => ({ text, n: s.n + 1 }));
  }, []);
  /** The idea whose card had the focus when V switched the view: the chart draws its marker to take it. */
  const [arriving, setArriving] = useState<number | null>(null);
  const [reveal, setReveal] = useState<{ id: number } | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  /** The details' title takes the focus when this changes to a new request (E on a card); a click leaves it. */
  const [titleFocus, setTitleFocus] = useState<TitleFocus | null>(null);
  // An idea whose details were being typed in when the window last went opens again, the text brought back (see
  // lib/drafts.ts), once the board is there. The web view's storage is read after the first frame: its first use
  // waits on WebKit's storage process, which the first frame does not need.
  const [broughtBack, setBroughtBack] = useState<number | null>(null);
  useEffect(
    () =>
      afterFirstFrame(() => {
        setBroughtBack(keptDraftOn(boardId)?.ideaId ?? null);
      }),
    [boardId],
  );
  if (broughtBack !== null && board?.ideas.some((i) => i.id === broughtBack)) {
    setBroughtBack(null);
    setSelectedId(broughtBack);
    setDetailsOpen(true);
    // Its text brought back, the typing goes on there: the title has the focus, as it had before a click kept it.
    setTitleFocus(askedAgain);
  }
  const detailsOpenRef = useRef(detailsOpen);
  useEffect(() => {
    detailsOpenRef.current = detailsOpen;
  }, [detailsOpen]);
  const [activityOpen, setActivityOpen] = useState(false);
  const [postsOpen, setPostsOpen] = useState(false);
  // Team rounds take the place of the board's body while open.
  const [roundsOpen, setRoundsOpen] = useState(roundsFirst);
  /** Shows the board in this view, in place of Team rounds if they are open (the toolbar and View's items alike). */
  const showView = (next: BoardView) => {
    setView(next);
    setRoundsOpen(false);
  };
  // A board opened with no idea and a round open (a member's, made by Join a team round) opens on its Team rounds:
  // after a restart it showed an empty board, and nothing of the round the member was in.
  const roundsAsked = useRef(false);
  const openedEmpty = board ? board.ideas.length === 0 : null;
  useEffect(() => {
    if (openedEmpty === null || roundsAsked.current) return;
    roundsAsked.current = true;
    if (openedEmpty)
      backend.listOpenRounds(boardId).then(
        (open) => {
          if (open.length > 0) setRoundsOpen(true);
        },
        () => undefined,
      );
  }, [openedEmpty, boardId]);
  // The quadrants whose "+" field is open. Each stays open, with what was typed in it, until it is closed or empty:
  // opening another quadrant's field loses nothing.
  const [addingTo, setAddingTo] = useState<ReadonlySet<Quadrant>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  // Asked when the delete dialog opens: rounds started on this board that are not closed yet.
  const openRounds = useQuery({
    queryKey: keys.openRounds(boardId),
    queryFn: () => backend.countOpenRounds(boardId),
    enabled: dialog === "delete",
    staleTime: 0,
  });
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [unsaved, setUnsaved] = useState<UnsavedField[]>([]);
  // The latest idea added, or moved elsewhere by a command: its list shows it, scrolls to it and highlights it.
  const [arrival, setArrival] = useState<Arrival | null>(null);
  const arrive = useCallback((id: number) => {
    setArrival((last) => ({ id, seq: (last?.seq ?? 0) + 1 }));
  }, []);
  /** The selected idea and where it is: looked up once a render, among as many as 10,000 ideas. */
  const selectedAt = selectedId === null ? null : findIdea(columns, selectedId);
  // The idea open in the details, gone to another zone (its scores changed there, an undo, new thresholds), arrives
  // in its new list as a moved one does: past a long list's rendered cards, it went out of sight.
  const openZone = detailsOpen ? (selectedAt?.zone ?? null) : null;
  const [openWas, setOpenWas] = useState({ id: selectedId, zone: openZone });
  if (openWas.id !== selectedId || openWas.zone !== openZone) {
    setOpenWas({ id: selectedId, zone: openZone });
    if (selectedId !== null && openWas.id === selectedId && openWas.zone !== null && openZone !== null) {
      arrive(selectedId);
    }
  }
  const searchRef = useRef<HTMLInputElement>(null);
  const planeRef = useRef<HTMLDivElement | null>(null);
  const toast = useToast();

  const placeOnPlane = useCallback(
    (id: number, clientX: number, clientY: number) => {
      const rect = planeRef.current?.getBoundingClientRect();
      if (!rect) return;
      const { payoff, cost } = scoresAt(
        { x: clientX - rect.left, y: clientY - rect.top },
        rect.width,
        rect.height,
      );
      setScores(id, payoff, cost);
    },
    [setScores],
  );
  const place = useCallback(
    (id: number, payoff: number, cost: number) => {
      setScores(id, payoff, cost);
    },
    [setScores],
  );
  const thresholds = board?.thresholds ?? null;
  /** On the chart, an idea moved into a quadrant by the keyboard lands in the middle of that quadrant. */
  const keyboardPlaneSpot = useCallback(
    (zone: Zone) => {
      const rect = planeRef.current?.getBoundingClientRect();
      if (!rect || !thresholds || zone === "unsorted") return null;
      const high = zone === "implement" || zone === "challenge";
      const hard = zone === "challenge" || zone === "kill";
      const payoff = high ? (thresholds.payoff + 10) / 2 : thresholds.payoff / 2;
      const cost = hard ? (thresholds.cost + 10) / 2 : thresholds.cost / 2;
      const at = fractionOf(payoff, cost);
      return { x: rect.left + at.x * rect.width, y: rect.top + at.y * rect.height };
    },
    [thresholds],
  );
  const move = useCallback(
    (id: number, zone: Zone, index: number) => {
      moveIdea(id, zone, index);
    },
    [moveIdea],
  );

  // The first frame with the board on screen, for the start-up and board-load benchmarks.
  const loaded = board !== null;
  useEffect(() => {
    if (!loaded) return;
    performance.mark("board-data");
    firstFrameDrawn("board-painted");
  }, [loaded]);

  const ideas = useMemo(() => board?.ideas ?? [], [board]);
  /** The ideas on the board, which the activity's events open: made while the activity is open, not at each move. */
  const onBoard = useMemo(
    () => (activityOpen ? new Set(ideas.map((i) => i.id)) : undefined),
    [activityOpen, ideas],
  );
  // The board follows the search a moment after each key, in a render that the next key can interrupt: drawn again
  // at each key, a 2,000-idea board held the field back by 40–60 ms a key.
  // Enter draws the search as typed at once (`drawnAtOnce`, see onFirstMatch).
  const [drawnAtOnce, setDrawnAtOnce] = useState<Filter | null>(null);
  const deferredFilter = useDeferredValue(filter);
  const shownFilter = drawnAtOnce === filter ? filter : deferredFilter;
  const matches = useMemo(() => matchingIds(ideas, shownFilter), [ideas, shownFilter]);
  const { tags, owners } = useMemo(() => facets(ideas), [ideas]);

  /** When the details last opened, and when the last press that was not part of a double click came (`performance`). */
  const openedAt = useRef(-1);
  const singlePressAt = useRef(0);
  const open = useCallback((id: number, focusTitle = true) => {
    openedAt.current = performance.now();
    setSelectedId(id);
    setDetailsOpen(true);
    setTitleFocus(focusTitle ? askedAgain : null);
    setActivityOpen(false);
  }, []);

  // Every card holds `onDelete`: it reads the selection when called, so that it stays the same function as the
  // selection changes, and opening an idea does not draw every card again.
  const selectedRef = useRef(selectedId);
  useEffect(() => {
    selectedRef.current = selectedId;
  }, [selectedId]);

  // The card the keyboard is on is the one selected: the board's keys act on it. With the details open, they show it:
  // Delete, after Down from the card clicked, deleted the card below while the details still showed the one above.
  // With them closed, the card clicked last still looked selected while 1–4 moved another.
  // The keyboard's only: a press on a card (a click opens it by itself; a drag of another card leaves them be).
  useEffect(() => {
    let pressedAt = -Infinity;
    const onPointerDown = () => {
      pressedAt = performance.now();
    };
    const onFocusIn = (e: FocusEvent) => {
      if (performance.now() - pressedAt < PRESS_FOCUS_MS) return;
      const card =
        e.target instanceof Element
          ? e.target.closest<HTMLElement>(".card[data-idea-id], .marker[data-idea-id]")
          : null;
      const id = Number(card?.dataset.ideaId);
      if (!card || !Number.isInteger(id) || id === selectedRef.current) return;
      if (detailsOpen) open(id, false);
      else setSelectedId(id);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("focusin", onFocusIn);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("focusin", onFocusIn);
    };
  }, [detailsOpen, open]);
  const onDelete = useCallback(
    (id: number) => {
      focusAfterDelete(id);
      if (selectedRef.current === id) {
        setSelectedId(null);
        setDetailsOpen(false);
      }
      deleteIdea(id);
    },
    [deleteIdea],
  );

  /** Moves an idea to the end of `zone` (the details' Place, the number keys), and shows it there. One in `zone`
   * already stays where it was put. */
  const moveToZone = useCallback(
    (id: number, zone: Zone) => {
      const others = columns[zone].filter((i) => i.id !== id);
      const moving = others.length === columns[zone].length;
      if (moving) moveIdea(id, zone, others.length);
      arrive(id);
      say(placeOf(moving ? moveInColumns(columns, id, zone, others.length) : columns, id));
    },
    [moveIdea, columns, arrive, say],
  );

  /** Adds an idea, and shows it wherever it lands in its list, highlighted. Resolves to whether it was saved. */
  const addAndShow = useCallback(
    async (title: string, zone: Zone, notes?: string) => {
      const id = await addIdea(title, zone);
      if (id === null) return false;
      say(`Added “${title}” to ${ZONE_INFO[zone].name}.`);
      // The whole of a paste too long for a title (AddIdeaField).
      if (notes) updateIdea(id, { title, notes, owner: "", link: "", tags: [] });
      arrive(id);
      // It is the idea the board's keys act on next, as its highlight says: 1–4 after adding one moved the idea
      // selected before it. Not while the details show another, which stays the one they are about.
      if (!detailsOpenRef.current) setSelectedId(id);
      return true;
    },
    [addIdea, updateIdea, arrive, say],
  );

  /** Adds a pasted list's items to `zone`, one idea each, and shows the first. Resolves to whether they were saved. */
  const addListAndShow = useCallback(
    async (titles: string[], zone: Zone) => {
      const ids = await addIdeas(titles, zone);
      const first = ids?.[0];
      if (first === undefined) return false;
      arrive(first);
      if (!detailsOpenRef.current) setSelectedId(first);
      return true;
    },
    [addIdeas, arrive],
  );

  /** Closes an idea's details and gives the focus back to the idea: its row in the chart's list when the list shows
   * it (the list lies over the marker: the focus went there, out of sight, and Tab went on from the list's top), else
   * its card or marker. With its ring after Escape: WebKit showed none for a focus moved from a field by a script, and
   * the focus looked lost. */
  const closeDetails = useCallback((id: number) => {
    setDetailsOpen(false);
    const back =
      document.querySelector<HTMLElement>(`[data-listed-idea-id="${id}"]`) ??
      document.querySelector<HTMLElement>(`[data-idea-id="${id}"]`);
    if (back) focusAsByLastInput(back);
  }, []);

  useShortcuts(
    {
      newIdea: () => document.querySelector<HTMLInputElement>(".tray .add-idea-input")?.focus(),
      toggleView: () => {
        // The idea with the focus keeps it: its card becomes its marker, and back.
        const id = focusedIdeaId();
        // The focus on what goes with the view (a quadrant's +, the chart's zoom): it goes to the other view's place.
        const active = document.activeElement;
        const goes = active instanceof HTMLElement && active.closest(".quadrants, .chart-view") !== null;
        setArriving(id);
        const next = view === "quadrants" ? "chart" : "quadrants";
        setView(next);
        if (id !== null) refocusCard(id);
        else if (goes && next === "chart") focusViewIfLost(".plane");
        else if (goes) focusViewIfLost('.quadrants .card[tabindex="0"]', ".quadrants section.zone");
      },
      moveSelected: (n) => {
        const q = QUADRANTS[n - 1];
        const id = focusedIdeaId() ?? selectedId;
        if (id === null || !q) return;
        const focused = focusedIdeaId() === id;
        moveToZone(id, q);
        // The card leaves its list for another: the focus goes with it, so the next key acts on it again.
        if (focused) refocusCard(id);
      },
      deleteSelected: () => {
        const id = focusedIdeaId() ?? selectedId;
        if (id !== null) onDelete(id);
      },
      openSelected: () => {
        const id = focusedIdeaId() ?? selectedId;
        if (id !== null) open(id);
      },
      undo,
      redo,
      search: () => searchRef.current?.focus(),
      help: () => {
        setDialog("shortcuts");
      },
      closePanel: () => {
        if (detailsOpen && selectedId !== null) closeDetails(selectedId);
        else if (activityOpen) setActivityOpen(false);
        else if (postsOpen) setPostsOpen(false);
        else return false;
        return true;
      },
    },
    // Team rounds cover the board: its keys (Delete, 1–4 on the selected idea) must not act on what is hidden; undo
    // and redo still do what Edit › Undo and Redo do there (take back a settled idea, for one).
    board !== null && (roundsOpen ? "history" : true),
  );

  useMenuCommands((command) => {
    // In a text field they are the field's own, as Ctrl+Z is there: the board's undo took back the idea whose notes
    // were being typed, and the notes with it.
    if ((command === "undo" || command === "redo") && hasOwnUndo(document.activeElement, command)) {
      fieldStep(document.activeElement, command);
      return;
    }
    if (command === "undo" || command === "redo") {
      (command === "undo" ? undo : redo)();
      tookBoardStep(document.activeElement, command);
    } else if (command === "view-quadrants") showView("quadrants");
    else if (command === "view-chart") showView("chart");
    else if (command === "search") searchRef.current?.focus();
    else if (command === "shortcuts") setDialog("shortcuts");
    else if (command === "post-to-channel") setDialog("post");
    else if (command === "team-rounds") setRoundsOpen(true);
    else if (command === "mattermost-account") setDialog("connect");
  });

  /** Once a field above the board lets the focus go (the board's name, the search), it goes to the idea selected,
   * else to the view's own place: the first card Tab stops at, else the first quadrant; the chart's plane. */
  function backToBoard() {
    focusViewIfLost(
      ...(selectedId === null ? [] : [`.board-body [data-idea-id="${String(selectedId)}"]`]),
      // A board with no card yet: its New idea field, where the board's first idea is typed (Enter on a new board's
      // name went to the first quadrant, with nothing to do there).
      ...(view === "chart" ? [".plane"] : ['.quadrants .card[tabindex="0"]', ".tray .add-idea-input"]),
    );
  }

  /** Runs `work`, saying in a toast (of `group`, when given) why it failed. */
  async function guard<T>(work: () => Promise<T>, group?: string): Promise<T | undefined> {
    try {
      return await work();
    } catch (raw) {
      toast({ tone: "error", message: AppError.from(raw).message, group });
      return undefined;
    }
  }

  /** The posts the Post dialog said it sent. */
  const postedHere = useRef(new Set<number>());
  const showPosts = () => {
    setPostsOpen(true);
    setActivityOpen(false);
    setDetailsOpen(false);
  };
  // A post held up in the outbox goes out by itself later: said when it has (or needs the user), unless the Post
  // dialog, which follows its own post, is open.
  const postsWaiting = useWaitingPosts(boardId, (post) => {
    // Nor when the dialog's Retry now sent it, and said so as it closed: two toasts told of one post.
    if (dialog === "post" || post.status === "discarded" || postedHere.current.has(post.id)) return;
    // Longer than a toast of what was just done: this one comes by itself, while the person looks elsewhere.
    const duration = 15_000;
    const action = { label: "Show posts", run: showPosts };
    if (post.status === "posted")
      toast({
        message: post.updatesEarlier
          ? "The update that waited in the outbox is in Mattermost now."
          : "The post that waited in the outbox is in Mattermost now.",
        action,
        duration,
      });
    else if (post.status === "failed")
      toast({
        tone: "error",
        message: `A post that waited in the outbox did not go out: ${post.error?.message ?? "see Posts."}`,
        action,
        duration,
      });
  });
  if (model.loadError) {
    return (
      <div className="board-message" role="alert">
        <p>This board could not be opened. {model.loadError.message}</p>
        <button type="button" className="button" onClick={model.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (!board) return <div className="board-message">Opening the board…</div>;

  const selected = selectedAt?.idea ?? null;
  // A zone is told of the selection and of the arrival only when they are among its ideas: the others are not drawn
  // again when a card is opened or moved.
  const zonePropsIn = (dndView: DragState["view"], overZone: Zone | null) => {
    const zoneOf = (id: number | undefined | null) =>
      id === undefined || id === null ? null : (findIdea(dndView, id)?.zone ?? null);
    const selectedZone = zoneOf(selectedId);
    const arrivalZone = zoneOf(arrival?.id);
    return (zone: Zone) => ({
      zone,
      places: zonePlaces,
      ideas: dndView[zone],
      isTarget: overZone === zone,
      selectedId: selectedZone === zone ? selectedId : null,
      arrival: arrivalZone === zone ? arrival : null,
      matches,
      onOpen: open,
      onDelete,
    });
  };

  // A side panel open beside the board: the board gives it room where it is wide enough (board.css).
  const panelOpen = (detailsOpen && selected !== null) || activityOpen || postsOpen;
  // The details opened by the first click of a double click make room at once, so the second press met what moved in
  // under the pointer (another card, a quadrant's words, which it selected) instead of the card clicked. Presses that
  // continue that click (their count above 1) are the opening's: its double click puts the focus in the title, as on
  // the card itself. The panel has the same rule for a second press that lands in it (SidePanel).
  const secondPressOfOpening = (e: React.MouseEvent) => {
    if (e.detail <= 1) {
      if (e.type === "mousedown") singlePressAt.current = performance.now();
      return;
    }
    if (!detailsOpen || selected === null || openedAt.current < singlePressAt.current) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest("aside.details")) return;
    if (Number(target?.closest<HTMLElement>("[data-idea-id]")?.dataset.ideaId) === selected.id) return;
    e.preventDefault();
    e.stopPropagation();
    if (e.type === "dblclick") setTitleFocus(askedAgain);
  };

  return (
    <div
      className={panelOpen ? "board-screen board-screen-with-panel" : "board-screen"}
      onMouseDownCapture={secondPressOfOpening}
      onClickCapture={secondPressOfOpening}
      onDoubleClickCapture={secondPressOfOpening}
    >
      <BoardToolbar
        key={`${board.id}:${board.name}`}
        board={board}
        saveState={model.saveState}
        unsaved={unsaved}
        typedToTakeBack={typedToTakeBack}
        takeNameFocus={takeNameFocus}
        takeMenuFocus={takeMenuFocus}
        view={roundsOpen ? null : view}
        activityOpen={activityOpen}
        onView={showView}
        undoFirstSays={undoFirstSays}
        redoFirstSays={redoFirstSays}
        onUndo={undo}
        onRedo={redo}
        onActivity={() => {
          setActivityOpen(!activityOpen);
          setDetailsOpen(false);
        }}
        onShortcuts={() => {
          setDialog("shortcuts");
        }}
        onLeaveName={backToBoard}
        onRename={async (name) => {
          // A name refused says why until the next try: a rename done then took its place beside it.
          const refused = renameRefused(board.id);
          const renamed = await guard(() => backend.renameBoard(board.id, name), refused);
          if (!renamed) return false;
          // An edit like any other: Ctrl+Z undoes it now, not the delete of the board shown before.
          onEdit?.();
          // Read the board again: its name, and its undo state (the rename is the edit to undo now).
          await afterChange({ board: board.id });
          const undoThis = renamed.history.lastEvent;
          const before = board.name;
          if (undoThis !== null && renamed.value.name !== before)
            toast({
              // Names cut short: two whole names of 100 characters made a toast over a third of the board.
              message: `Renamed “${shorten(before, 40)}” to “${shorten(renamed.value.name, 40)}”.`,
              group: historyToasts(board.id),
              replaces: refused,
              action: {
                label: "Undo",
                run: () => {
                  model.undo(undoThis);
                },
              },
            });
          return true;
        }}
        onDuplicate={async () => {
          const copy = await guard(() => backend.duplicateBoard(board.id));
          if (copy) onDuplicated(copy);
        }}
        onThresholds={() => {
          setDialog("thresholds");
        }}
        onDelete={() => {
          setDialog("delete");
        }}
        onPost={() => {
          setDialog("post");
        }}
        onExport={onExport}
        onImport={onImport}
        onPosts={showPosts}
        postsWaiting={postsWaiting}
        onRounds={() => {
          setRoundsOpen(true);
          setActivityOpen(false);
          setDetailsOpen(false);
        }}
      />
      {model.stalled && (
        <div className="save-banner" role="alert">
          <span>
            {model.stalled.kind === "diskFull"
              ? "The disk is full, so Pickboard cannot save right now. Free some space:"
              : "Pickboard cannot write to its data folder or its database file right now. Check their permissions, and the disk:"}{" "}
            your changes stay on screen and are saved as soon as that is possible.
          </span>
          <button
            type="button"
            className="button"
            onClick={() => {
              model.retryNow();
            }}
          >
            Try now
          </button>
        </div>
      )}
      {roundsOpen ? (
        <Suspense fallback={<div className="board-body" aria-busy="true" />}>
          <RoundsScreen
            board={board}
            selectedId={selectedId}
            onBack={() => {
              // Back on the board, the keyboard is on its menu, where Team rounds… is: it was nowhere (the screen
              // that had it was gone), and Tab started again at the top of the window.
              const back = () => {
                setRoundsOpen(false);
                setTimeout(() => {
                  const menu = document.querySelector<HTMLElement>("[aria-haspopup=menu]");
                  if (menu) focusAsByLastInput(menu);
                });
              };
              if (onLeaveJoined)
                void onLeaveJoined(board.id, ideas.length).then((gone) => {
                  if (!gone) back();
                });
              else back();
            }}
            onConnect={() => {
              setDialog("connect");
            }}
            onPlaceIdea={place}
            onUndo={(expected) => {
              model.undo(expected);
            }}
            onBallotSteps={takeBallotSteps}
          />
        </Suspense>
      ) : (
        <>
          <SearchBar
            ref={searchRef}
            filter={filter}
            tags={tags}
            owners={owners}
            matchCount={matches?.size ?? ideas.length}
            total={ideas.length}
            onChange={setFilter}
            onFirstMatch={() => {
              // Enter pressed before the board followed the search went by the board as drawn, to its first card
              // whatever it held, and the next key moved that idea: the board is drawn for the search first.
              if (shownFilter !== filter)
                flushSync(() => {
                  setDrawnAtOnce(filter);
                });
              // The first match Tab stops at (the search gives each zone's first match its Tab stop), else on the
              // chart the first marker not dimmed.
              const first = document.querySelector<HTMLElement>(
                view === "chart"
                  ? ".plane .marker[data-idea-id]:not(.dimmed)"
                  : '.board-body .card[data-idea-id][tabindex="0"]:not(.dimmed)',
              );
              if (first) {
                focusShown(first);
                return;
              }
              // On a chart zoomed in, the matches may all lie outside the window, where no marker is drawn (Enter
              // did nothing): the window goes to the first in reading order, the highest payoff, then the easiest.
              // The matches as typed: this press may have drawn them (`matches` is of the board before it).
              if (view !== "chart") return;
              const found = matchingIds(ideas, filter);
              const target = ideas
                .flatMap((i) => (i.position && found?.has(i.id) ? [{ id: i.id, ...i.position }] : []))
                .sort((a, b) => b.payoff - a.payoff || a.cost - b.cost)[0];
              if (!target) return;
              setSelectedId(target.id);
              setReveal({ id: target.id });
              focusWhenDrawn(target.id);
            }}
            onLeave={(cameFrom) => {
              if (cameFrom?.isConnected && cameFrom !== document.body && !cameFrom.closest(".search-bar"))
                focusShown(cameFrom);
              else {
                searchRef.current?.blur();
                backToBoard();
              }
            }}
          />

          <BoardDrag
            columns={columns}
            onMove={move}
            onPlaneDrop={placeOnPlane}
            keyboardPlaneSpot={keyboardPlaneSpot}
            say={say}
          >
            {(dnd) => {
              const dndView = dnd.view;
              const zoneProps = zonePropsIn(dndView, dnd.overZone);
              return (
                <>
                  <div className="board-body">
                    <section
                      className="tray zone zone-unsorted"
                      aria-label={ZONE_INFO.unsorted.name}
                      tabIndex={-1}
                    >
                      <header className="zone-header">
                        <h2 className="zone-name">{ZONE_INFO.unsorted.name}</h2>
                        <ZoneCount ideas={dndView.unsorted} matches={matches} />
                      </header>
                      <AddIdeaField
                        label="New idea"
                        placeholder="Type an idea, press Enter"
                        showLabel
                        keptFor={boardId}
                        added={(title) => board.ideas.some((idea) => idea.title === title)}
                        onAdd={(title, notes) => addAndShow(title, "unsorted", notes)}
                        onAddList={(titles) => addListAndShow(titles, "unsorted")}
                      />
                      {model.waitingAdds.length > 0 && (
                        <ul className="waiting-adds" role="list" aria-label="New ideas waiting to be saved">
                          {model.waitingAdds.map((added, n) => (
                            // Two ideas of one title may wait: they are told apart by their order.
                            <li key={n} className="waiting-add">
                              {added.title}
                              {added.zone !== "unsorted" && (
                                <span className="waiting-add-zone"> · {ZONE_INFO[added.zone].name}</span>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                      <ZoneList {...zoneProps("unsorted")} />
                    </section>

                    {view === "chart" ? (
                      <Suspense fallback={<div className="chart-view" aria-busy="true" />}>
                        <ChartView
                          board={board}
                          selectedId={selectedId}
                          matches={matches}
                          planeRef={planeRef}
                          onSelect={setSelectedId}
                          onOpen={open}
                          onPlace={place}
                          arriving={arriving}
                          reveal={reveal}
                          incoming={
                            dnd.activeIdea ? { title: dnd.activeIdea.title, pointer: dnd.planePointer } : null
                          }
                        />
                      </Suspense>
                    ) : (
                      <div className="chart">
                        <div className="axis axis-payoff" aria-hidden="true">
                          <span>Payoff ↑</span>
                        </div>
                        <div className="quadrants">
                          {QUADRANTS.map((q) => (
                            <section
                              key={q}
                              className={`zone quadrant zone-${q}`}
                              aria-label={ZONE_INFO[q].name}
                              tabIndex={-1}
                            >
                              <header className="zone-header">
                                <div className="zone-heading">
                                  <h2 className="zone-name">{ZONE_INFO[q].name}</h2>
                                  <p className="zone-meaning">{ZONE_INFO[q].meaning}</p>
                                </div>
                                <div className="zone-tools">
                                  <ZoneCount ideas={dndView[q]} matches={matches} />
                                  <button
                                    type="button"
                                    className="icon-button zone-add"
                                    aria-label={`Add an idea to ${ZONE_INFO[q].name}`}
                                    title={`Add an idea to ${ZONE_INFO[q].name}`}
                                    onClick={() => {
                                      setAddingTo((open) => new Set(open).add(q));
                                    }}
                                  >
                                    +
                                  </button>
                                </div>
                              </header>
                              <div className="zone-body">
                                {addingTo.has(q) && (
                                  <AddIdeaField
                                    label={`New idea in ${ZONE_INFO[q].name}`}
                                    placeholder={`New idea in ${ZONE_INFO[q].name}`}
                                    autoFocus
                                    onAdd={(title, notes) => addAndShow(title, q, notes)}
                                    onAddList={(titles) => addListAndShow(titles, q)}
                                    onClose={(byKey) => {
                                      setAddingTo((open) => {
                                        const next = new Set(open);
                                        next.delete(q);
                                        return next;
                                      });
                                      // Escape: back to the + that opened it (the keyboard was nowhere).
                                      const add = document.querySelector<HTMLElement>(`.zone-${q} .zone-add`);
                                      if (byKey && add) focusAsByLastInput(add);
                                    }}
                                  />
                                )}
                                <ZoneList {...zoneProps(q)} />
                              </div>
                            </section>
                          ))}
                        </div>
                        <div className="axis axis-cost" aria-hidden="true">
                          <span>Cost / risk →</span>
                        </div>
                      </div>
                    )}
                  </div>
                  <LiveRegion message={said.text} n={said.n} assertive />
                </>
              );
            }}
          </BoardDrag>
        </>
      )}

      <Suspense fallback={null}>
        {detailsOpen && selected && (
          <DetailsPanel
            key={selected.id}
            idea={selected}
            boardTags={tags}
            titleFocus={titleFocus}
            view={view}
            onSave={(id, edit) => {
              model.updateIdea(id, edit);
            }}
            onScores={(id, payoff, cost) => {
              setScores(id, payoff, cost);
            }}
            onMove={moveToZone}
            onDelete={onDelete}
            onError={(message, group) => {
              toast({ tone: "error", message, group });
            }}
            onUnsaved={setUnsaved}
            onTypedStepBack={takeTypedStepBack}
            onClose={() => {
              closeDetails(selected.id);
            }}
          />
        )}

        {activityOpen && (
          <ActivityPanel
            boardId={board.id}
            onBoard={onBoard}
            onOpen={(id) => {
              open(id, false);
            }}
            onClose={() => {
              setActivityOpen(false);
            }}
          />
        )}

        {postsOpen && (
          <PostsPanel
            boardId={board.id}
            onClose={() => {
              setPostsOpen(false);
            }}
            onError={(message) => {
              toast({ tone: "error", message });
            }}
          />
        )}
        {(dialog === "post" || dialog === "connect") && (
          <PostDialog
            boardId={board.id}
            connectFirst={dialog === "connect"}
            onClose={() => {
              setDialog(null);
            }}
            onPosted={(post) => {
              postedHere.current.add(post.id);
              setDialog(null);
              toast({
                message: post.updatesEarlier
                  ? "Updated the last post in Mattermost."
                  : "Posted to Mattermost.",
              });
            }}
          />
        )}
        {dialog === "shortcuts" && (
          <ShortcutsSheet
            onClose={() => {
              setDialog(null);
            }}
          />
        )}
        {dialog === "thresholds" && (
          <ThresholdsDialog
            thresholds={board.thresholds}
            onCancel={() => {
              setDialog(null);
            }}
            onSave={(t) => {
              setDialog(null);
              model.setThresholds(t);
            }}
          />
        )}
        {dialog === "delete" && (
          <DeleteBoardDialog
            name={board.name}
            ideas={board.ideas.length}
            openRounds={openRounds.data ?? 0}
            onCancel={() => {
              setDialog(null);
            }}
            onConfirm={async () => {
              setDialog(null);
              const done = await guard(() => backend.deleteBoard(board.id));
              if (done !== undefined) onDeleted({ id: board.id, name: board.name });
            }}
          />
        )}
      </Suspense>
    </div>
  );
}
