// The board's name (edited in place), whether changes are saved, and the board's menu. On a narrow toolbar the
// less-used buttons (Activity, the shortcuts) fold with the board's menu into one "More" menu; Post to channel stays.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";

import { swallowRestOfDoubleClick } from "../../components/doubleClick";
import { useToast, withdrawToasts } from "../../components/Toasts";
import type { Board } from "../../lib/bindings";
import { ALL_SAVED, COMPACT_BELOW } from "../../lib/firstFrameRules";
import { formatCount } from "../../lib/numbers";
import { focusAsByLastInput } from "../../lib/tabRing";
import { atMost, pasteCut, typedBy } from "../../lib/text";
import type { UnsavedField } from "./fields";
import { unsavedLabel } from "./unsaved";
import type { SaveState } from "./useBoard";

export type BoardView = "quadrants" | "chart";

/** The toasts' group of the reason a rename of board `boardId` was refused: the next try, done or taken back, ends it. */
export function renameRefused(boardId: number): string {
  return `rename-${String(boardId)}`;
}

interface BoardToolbarProps {
  board: Board;
  saveState: SaveState;
  /** The fields of the open details that are not saved: typed in, or refused there. */
  unsaved: readonly UnsavedField[];
  /** The open details hold what cannot be saved, which Undo takes back first. */
  typedToTakeBack: boolean;
  /** Whether the name is to be selected, ready to type over, as the toolbar is drawn (asked once: a new board's). */
  takeNameFocus?: () => boolean;
  /** Whether the menu's button is to take the focus as the toolbar is drawn (asked once). */
  takeMenuFocus?: () => boolean;
  /** The view shown; null while Team rounds cover the board (either toggle goes back to it). */
  view: BoardView | null;
  activityOpen: boolean;
  onView: (view: BoardView) => void;
  /** What the ↶ does before the board's own changes (brings a deleted board back, takes a copy back), if anything. */
  undoFirstSays?: string | null;
  /** What the ↷ does before the board's own changes (deletes a board again, makes a copy again), if anything. */
  redoFirstSays?: string | null;
  onUndo: () => void;
  onRedo: () => void;
  onActivity: () => void;
  onShortcuts: () => void;
  onRename: (name: string) => Promise<boolean>;
  /** Enter or Escape left the board's name: the focus goes back to the board (it fell to the page, and Tab started
   * over at the top of the window). */
  onLeaveName: () => void;
  onDuplicate: () => void;
  onThresholds: () => void;
  onDelete: () => void;
  onPost: () => void;
  onPosts: () => void;
  /** How many of the board's posts wait in the outbox while one is held up (0: none is). */
  postsWaiting?: number;
  onRounds: () => void;
  onExport: () => void;
  onImport: () => void;
}

interface MenuItemProps {
  danger?: boolean;
  /** Closes the menu (before the action runs). */
  close: () => void;
  onSelect: () => void;
  children: ReactNode;
}

/** An item of the board's menu: closes the menu, then does its action. */
/** A board's name is at most this many characters long (as the backend checks). */
const NAME_MAX = 100;
const NAME_CUT = atMost("A board name", NAME_MAX, "the rest was left out.", "name-cut");

function MenuItem({ danger = false, close, onSelect, children }: MenuItemProps) {
  return (
    <button
      type="button"
      role="menuitem"
      className={danger ? "menu-danger" : undefined}
      onClick={() => {
        close();
        // The rest of a double click would land on what the menu covered.
        swallowRestOfDoubleClick();
        onSelect();
      }}
    >
      {children}
    </button>
  );
}

/** Whether `ref`'s element is narrower than COMPACT_BELOW, followed as it is resized. */
function useCompact(ref: RefObject<HTMLElement | null>): boolean {
  const [compact, setCompact] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      setCompact(element.clientWidth < COMPACT_BELOW);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return compact;
}

const SAVE_LABEL: Record<SaveState, string> = {
  saved: ALL_SAVED,
  saving: "Saving…",
  failed: "Last change not saved",
  waiting: "Not saved yet: retrying",
};

/**
 * What the save indicator says: a full disk first, then fields that cannot be saved as they are, then edits on their
 * way, then fields being typed in. Never "All changes saved" while anything on screen is not.
 */
export function saveIndicator(
  state: SaveState,
  unsaved: readonly UnsavedField[],
): { text: string; tone: string } {
  const fields = unsavedLabel(unsaved);
  if (state === "waiting") return { text: SAVE_LABEL.waiting, tone: "waiting" };
  if (fields?.invalid) return { text: fields.text, tone: "invalid" };
  if (state === "saving") return { text: SAVE_LABEL.saving, tone: "saving" };
  if (fields) return { text: fields.text, tone: "editing" };
  return { text: SAVE_LABEL[state], tone: state };
}

export function BoardToolbar(props: BoardToolbarProps) {
  const {
    board,
    saveState,
    unsaved,
    typedToTakeBack,
    takeNameFocus,
    takeMenuFocus,
    view,
    activityOpen,
    onView,
    undoFirstSays = null,
    redoFirstSays = null,
    onUndo,
    onRedo,
    onActivity,
    onShortcuts,
    postsWaiting = 0,
  } = props;
  const { onRename, onLeaveName, onDuplicate, onThresholds, onDelete, onPost, onPosts, onRounds } = props;
  const { onExport, onImport } = props;
  const indicator = saveIndicator(saveState, unsaved);
  const [name, setName] = useState(board.name);
  const [nameCut, setNameCut] = useState(false);
  const toast = useToast();
  /** The menu is open, with the focus first on its first item, or on its last (opened by the Up arrow). */
  const [menuOpen, setMenuOpen] = useState<false | "first" | "last">(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const compact = useCompact(headerRef);

  // Once: the toolbar is drawn again on a rename, and an undone rename of a new board selected its name again, which
  // took the next keys (a redo, or typing that renamed the board).
  useEffect(() => {
    if (takeNameFocus?.()) nameRef.current?.select();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!menuOpen) return;
    const items = menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [];
    const item = menuOpen === "last" ? items[items.length - 1] : items[0];
    if (item) focusAsByLastInput(item);
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => {
      document.removeEventListener("mousedown", close);
    };
  }, [menuOpen]);

  // Closed by an item or Escape, the menu gives the focus back to its button: a dialog opened from it returns the
  // focus there when it closes, not to the item gone with the menu (the next Tab started again at the top).
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeMenuFocus?.() && menuButton.current) focusAsByLastInput(menuButton.current);
    // Asked as the toolbar is drawn, not again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const closeMenu = () => {
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  // Escape takes the name typed back: the blur that follows must not save it (it read the name typed, and renamed
  // the board with it).
  const nameTakenBack = useRef(false);
  /** The name is being saved by Enter (not by the field left). */
  const renameByEnter = useRef(false);
  async function commitName() {
    if (nameTakenBack.current) {
      nameTakenBack.current = false;
      return;
    }
    if (name.trim() === board.name) return;
    if (!name.trim()) {
      // Emptied and left: the name it had comes back, and says why.
      setName(board.name);
      // In the place of a refused name's reason: it was about the name now taken back.
      toast({ message: `A board needs a name: it keeps “${board.name}”.`, group: renameRefused(board.id) });
      return;
    }
    const byEnter = renameByEnter.current;
    renameByEnter.current = false;
    if (await onRename(name)) return;
    // Refused (another board has that name): after Enter, the name typed stays in the field, selected, to be mended
    // beside the message that says why (it was thrown away); left by a click elsewhere, the field takes its name back.
    const field = nameRef.current;
    if (byEnter && field) {
      field.focus();
      field.select();
    } else setName(board.name);
  }

  return (
    <header ref={headerRef} className={compact ? "toolbar toolbar-compact" : "toolbar"}>
      <input
        ref={nameRef}
        className="board-name"
        aria-label="Board name"
        // The whole name as a tooltip only where the field cuts it: a tooltip that said the name shown stayed up
        // over the next screen's "← Back to the board" when Team rounds opened under the pointer.
        title={nameCut ? name : undefined}
        onPointerEnter={(e) => {
          setNameCut(e.currentTarget.scrollWidth > e.currentTarget.clientWidth);
        }}
        value={name}
        maxLength={NAME_MAX}
        onChange={(e) => {
          setName(e.target.value);
        }}
        onPaste={(e) => {
          // The field keeps the first 100 characters of a longer paste: say so, rather than cut it without a word.
          if (pasteCut(e.currentTarget, e.clipboardData.getData("text"), NAME_MAX)) toast(NAME_CUT);
        }}
        onBlur={(e) => {
          // Left, a long name shows its start, as a board's name does, not the end the caret was at.
          e.currentTarget.scrollLeft = 0;
          void commitName();
        }}
        onKeyDown={(e) => {
          // A key typed at the 100th character does nothing: said too.
          if (pasteCut(e.currentTarget, typedBy(e.nativeEvent), NAME_MAX)) toast(NAME_CUT);
          if (e.key === "Enter") {
            renameByEnter.current = true;
            e.currentTarget.blur();
            onLeaveName();
          }
          if (e.key === "Escape") {
            nameTakenBack.current = true;
            setName(board.name);
            withdrawToasts(renameRefused(board.id));
            e.currentTarget.blur();
            onLeaveName();
          }
        }}
      />
      <span className={`save-state save-state-${indicator.tone}`} role="status">
        {indicator.text}
      </span>
      {postsWaiting > 0 && (
        <button
          type="button"
          className="link-button posts-waiting"
          title="Mattermost could not be reached or refused for now: the outbox sends by itself when it can."
          aria-label={postsWaiting === 1 ? "1 post waiting" : `${formatCount(postsWaiting)} posts waiting`}
          onClick={props.onPosts}
        >
          {/* A narrow toolbar keeps the count: the words took the room of the board's name. */}
          <span aria-hidden="true">⏳ {formatCount(postsWaiting)}</span>
          <span className="posts-waiting-words" aria-hidden="true">
            {postsWaiting === 1 ? " post waiting" : " posts waiting"}
          </span>
        </button>
      )}
      <div className="toolbar-spacer" />
      <div className="segmented" role="radiogroup" aria-label="View">
        {(["quadrants", "chart"] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={view === v}
            title={`${v === "quadrants" ? "Quadrants" : "Chart"} view (V)`}
            onClick={() => {
              onView(v);
            }}
          >
            {v === "quadrants" ? "Quadrants" : "Chart"}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="icon-button"
        aria-label={undoFirstSays ?? "Undo the last change"}
        title={`${undoFirstSays ?? "Undo"} (Ctrl+Z)`}
        // What the details hold and cannot save is the first thing Undo takes back.
        disabled={!board.canUndo && undoFirstSays === null && !typedToTakeBack}
        onClick={onUndo}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={redoFirstSays ?? "Redo the last undone change"}
        title={`${redoFirstSays ?? "Redo"} (Ctrl+Shift+Z)`}
        disabled={!board.canRedo && redoFirstSays === null}
        onClick={onRedo}
      >
        ↷
      </button>
      {!compact && (
        <>
          <button type="button" className="button" aria-pressed={activityOpen} onClick={onActivity}>
            Activity
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={onShortcuts}
          >
            ?
          </button>
        </>
      )}
      <div className="menu" ref={menuRef}>
        <button
          ref={menuButton}
          type="button"
          className="button"
          aria-haspopup="menu"
          aria-expanded={menuOpen !== false}
          // Named without its arrow, which a screen reader read as "down-pointing small triangle".
          aria-label={compact ? "More" : "Board"}
          onClick={() => {
            setMenuOpen((open) => (open ? false : "first"));
          }}
          // The arrows open it too, as a menu button's do: Down onto its first item, Up onto its last.
          onKeyDown={(e) => {
            if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
            e.preventDefault();
            setMenuOpen(e.key === "ArrowDown" ? "first" : "last");
          }}
        >
          {compact ? "More ▾" : "Board ▾"}
        </button>
        {menuOpen && (
          <div
            className="menu-list"
            role="menu"
            aria-label={compact ? "More" : "Board"}
            onKeyDown={(e) => {
              const items = [...(menuRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
              const at = items.indexOf(document.activeElement as HTMLElement);
              if (e.key === "Escape") {
                closeMenu();
              } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
                e.preventDefault();
                const step = e.key === "ArrowDown" ? 1 : -1;
                const to = items[(at + step + items.length) % items.length];
                if (to) focusAsByLastInput(to);
              } else if (e.key === "Home" || e.key === "End") {
                e.preventDefault();
                const to = e.key === "Home" ? items[0] : items.at(-1);
                if (to) focusAsByLastInput(to);
              }
            }}
            // The focus gone elsewhere (a dialog opened from the window's menu bar over it) closes the menu: it stayed
            // open under the dialog, and after it. Not a press on an item, which may leave the focus nowhere first.
            onBlur={(e) => {
              const to = e.relatedTarget;
              if (to instanceof Node && !menuRef.current?.contains(to)) setMenuOpen(false);
            }}
          >
            {compact && (
              <>
                <MenuItem close={closeMenu} onSelect={onActivity}>
                  {activityOpen ? "Hide activity" : "Activity"}
                </MenuItem>
                <MenuItem close={closeMenu} onSelect={onShortcuts}>
                  Keyboard shortcuts
                </MenuItem>
                <hr className="menu-separator" />
              </>
            )}
            <MenuItem
              close={closeMenu}
              onSelect={() => {
                nameRef.current?.select();
              }}
            >
              Rename
            </MenuItem>
            <MenuItem close={closeMenu} onSelect={onDuplicate}>
              Duplicate
            </MenuItem>
            <MenuItem close={closeMenu} onSelect={onThresholds}>
              Thresholds…
            </MenuItem>
            <MenuItem close={closeMenu} onSelect={onPosts}>
              Posts
            </MenuItem>
            <MenuItem close={closeMenu} onSelect={onRounds}>
              Team rounds…
            </MenuItem>
            <MenuItem close={closeMenu} onSelect={onImport}>
              Import into this board…
            </MenuItem>
            <MenuItem close={closeMenu} onSelect={onExport}>
              Export…
            </MenuItem>
            <MenuItem danger close={closeMenu} onSelect={onDelete}>
              Delete…
            </MenuItem>
          </div>
        )}
      </div>
      <button type="button" className="button button-primary" onClick={onPost}>
        Post to channel
      </button>
    </header>
  );
}
