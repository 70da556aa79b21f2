// Short messages at the bottom of the window: confirmations with an Undo, and errors in plain words.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

import { setStyle } from "../lib/styleAttribute";
import { swallowRestOfDoubleClick } from "./doubleClick";
import "./Toasts.css";

export interface ToastInput {
  message: string;
  tone?: "info" | "error";
  action?: { label: string; run: () => void };
  /** How long the toast stays, in milliseconds. */
  duration?: number;
  /** A toast of a group takes the place of the one of the same group still shown: an undo's toast replaces the
   * delete's, whose Undo button did nothing once Ctrl+Z had undone it. */
  group?: string | undefined;
  /** Also takes the place of the toast of this group: a rename done takes the place of the error of the try before. */
  replaces?: string;
}

interface Toast extends ToastInput {
  id: number;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** Said by a dialog as it opens: the messages shown before it are about the screen behind, and go. Left, an error
 * from before sat over the new dialog's buttons for its eight seconds. */
const DIALOG_OPENED = "pickboard:dialog-opened";

export function toastsGiveWayToDialog() {
  window.dispatchEvent(new Event(DIALOG_OPENED));
}

/** Said when what a group's toast is about is gone: a rename refused, then taken back with Escape. */
const WITHDRAWN = "pickboard:toasts-withdrawn";

/** The group of a board's toasts about its history (an Undo offered, an undo or redo done, on the board or from a team
 * round's reveal): each replaces the one before it, whose Undo would no longer be the latest change. */
export function historyToasts(boardId: number): string {
  return `history-${boardId}`;
}

/** Takes the toast of `group` away now, if one is shown: it no longer holds (left, the refused name's reason stayed
 * its eight seconds over a board whose name field had its name back). */
export function withdrawToasts(group: string) {
  window.dispatchEvent(new CustomEvent<string>(WITHDRAWN, { detail: group }));
}

export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs a ToastProvider");
  return show;
}

/** The nearest ancestor of `el` that can scroll up and down, if any. */
function scrollingAncestor(el: HTMLElement): HTMLElement | null {
  for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
    const overflow = getComputedStyle(at).overflowY;
    if (overflow === "auto" || overflow === "scroll") return at;
  }
  return null;
}

/** Marks a list given room past its end while toasts are shown (Toasts.css). */
const ROOM = "data-room-for-toasts";

/** The room left between the focused element and a toast that came over it. */
const CLEAR_OF_TOASTS = 8;

/** Marks the toasts moved to the top of the board while they are shown (Toasts.css). */
const AT_TOP = "data-at-top";

/**
 * Scrolls the element with the focus up in its list when a toast lies over it: the toast of a move made with the
 * keyboard, or of its undo, covered the very card it was about, with the focus on it. What no list scrolls (a marker
 * low on the chart) has the toasts go to the top of the board instead, and back: the toast of a deleted marker lay
 * over the next one, which had the focus, and the focus looked lost.
 */
function keepFocusClearOf(region: HTMLElement) {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body || region.contains(active)) return;
  const at = active.getBoundingClientRect();
  /** How much of the focused element a toast lies over, in square pixels. */
  const covered = (r: DOMRect) =>
    Math.max(0, Math.min(r.right, at.right) - Math.max(r.left, at.left)) *
    Math.max(0, Math.min(r.bottom, at.bottom) - Math.max(r.top, at.top));
  const over = [...region.children]
    .map((toast) => toast.getBoundingClientRect())
    .filter((r) => covered(r) > 0);
  if (over.length === 0) return;
  const list = scrollingAncestor(active);
  if (!list) {
    // What they hide most of (a marker), not a large part they lie over the edge of (a quadrant clicked into): the
    // toasts went up over the board's top for it.
    const hidden = over.reduce((sum, r) => sum + covered(r), 0);
    if (hidden < (at.width * at.height) / 2) return;
    // To the other end of the board: at the top, a marker carried up under them hid there.
    if (region.hasAttribute(AT_TOP)) region.removeAttribute(AT_TOP);
    else toTheTop(region);
    return;
  }
  const needed = at.bottom - Math.min(...over.map((r) => r.top)) + CLEAR_OF_TOASTS;
  // The last card cannot go up by scrolling alone.
  if (list.scrollTop + list.clientHeight + needed > list.scrollHeight) list.setAttribute(ROOM, "");
  list.scrollTop += needed;
}

/** Shows the toasts at the top of the board (under its toolbar and search), or of the window, until they have all
 * gone. */
function toTheTop(region: HTMLElement) {
  const board = document.querySelector(".board-body");
  const top = board ? Math.max(0, Math.round(board.getBoundingClientRect().top)) : 0;
  setStyle(region, `--toasts-top: ${String(top + CLEAR_OF_TOASTS * 2)}px`);
  region.setAttribute(AT_TOP, "");
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const region = useRef<HTMLDivElement | null>(null);

  // A new toast, and the focus moved while toasts are shown (a card drawn again where an undo put it back, after its
  // toast came): the focus kept in sight. After the frame, once the focus's own scrolling into view is done.
  const newest = toasts.at(-1)?.id;
  const shown = toasts.length > 0;
  useLayoutEffect(() => {
    if (newest !== undefined && region.current) keepFocusClearOf(region.current);
  }, [newest]);
  useEffect(() => {
    const toasts = region.current;
    if (!shown) return;
    let frame = 0;
    const lookAgain = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (region.current) keepFocusClearOf(region.current);
      });
    };
    document.addEventListener("focusin", lookAgain);
    // A key that moves what has the focus (a marker carried with the arrows) is looked at too.
    document.addEventListener("keyup", lookAgain);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("focusin", lookAgain);
      document.removeEventListener("keyup", lookAgain);
      for (const list of document.querySelectorAll(`[${ROOM}]`)) list.removeAttribute(ROOM);
      toasts?.removeAttribute(AT_TOP);
    };
  }, [shown]);

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((t) => t.id !== id));
  }, []);

  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    // Keep the newest three: a burst of errors must not bury the board.
    setToasts((all) => [
      ...all
        .filter((t) => t.group === undefined || (t.group !== toast.group && t.group !== toast.replaces))
        .slice(-2),
      { ...toast, id },
    ]);
  }, []);

  useEffect(() => {
    const clear = () => {
      setToasts([]);
    };
    const withdraw = (event: Event) => {
      const group = (event as CustomEvent<string>).detail;
      setToasts((all) => all.filter((t) => t.group !== group));
    };
    window.addEventListener(DIALOG_OPENED, clear);
    window.addEventListener(WITHDRAWN, withdraw);
    return () => {
      window.removeEventListener(DIALOG_OPENED, clear);
      window.removeEventListener(WITHDRAWN, withdraw);
    };
  }, []);

  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {/* Live itself: a screen reader is told of what is added to a live region (a toast), not of one that comes. */}
      <div ref={region} className="toasts" role="region" aria-label="Notifications" aria-live="polite">
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} onDone={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDone }: { toast: Toast; onDone: (id: number) => void }) {
  const { id, message, tone = "info", action, duration = tone === "error" ? 8000 : 6000 } = toast;
  // Held while the pointer is on it or the focus in it: a toast that went away under a press let the release land on
  // the card beneath, which opened. Let go, it stays its whole time again.
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(() => {
      onDone(id);
    }, duration);
    return () => {
      window.clearTimeout(timer);
    };
  }, [id, duration, onDone, held]);

  return (
    <div
      className={`toast toast-${tone}`}
      onPointerEnter={() => {
        setHeld(true);
      }}
      onPointerLeave={() => {
        setHeld(false);
      }}
      onFocus={() => {
        setHeld(true);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setHeld(false);
      }}
    >
      {/* The message has the role itself: with the toast's role, in a row with its buttons, WebKitGTK gave screen
          readers the buttons and not the message. */}
      <span className="toast-message" role={tone === "error" ? "alert" : "status"}>
        {message}
      </span>
      {action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            // The toast that follows is narrower: a double click's second click opened the card under it.
            swallowRestOfDoubleClick();
            action.run();
            onDone(id);
          }}
        >
          {action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-close"
        aria-label="Dismiss"
        onClick={() => {
          onDone(id);
        }}
      >
        ×
      </button>
    </div>
  );
}
