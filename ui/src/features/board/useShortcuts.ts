// Board-wide keyboard shortcuts. Letter and number keys act only when no text field and no side panel has the focus,
// so typing is never taken over; Ctrl/Cmd+Z and Ctrl/Cmd+A inside a text field stay the field's own.
import { useEffect, useRef } from "react";

import { canStep, fieldStep } from "../../lib/fieldHistory";

export interface ShortcutHandlers {
  newIdea: () => void;
  toggleView: () => void;
  moveSelected: (quadrant: 1 | 2 | 3 | 4) => void;
  deleteSelected: () => void;
  /** E or F2 with the focus on no card: the selected idea's details (an idea just added, Escape pressed). */
  openSelected: () => void;
  undo: () => void;
  redo: () => void;
  search: () => void;
  help: () => void;
  /** Escape outside the side panels and fields: closes the panel that is open; whether there was one. */
  closePanel: () => boolean;
}

export function isTextField(target: EventTarget | null): target is HTMLElement {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return (
    target instanceof HTMLInputElement && !["button", "checkbox", "radio", "range"].includes(target.type)
  );
}

/** Whether `target` keeps an undo of its own (lib/fieldHistory.ts): a field text is typed into. A choice (the
 * details' Place menu) has none, so Ctrl+Z there is the board's, as the toolbar's ↶ is: it did nothing. A field that
 * adds ideas lends its Ctrl+Z to the board after an add, once what was typed in it since is undone (AddIdeaField),
 * and its Ctrl+Y after that: the idea just added is taken back, where nothing happened. Not once it is left: clicked
 * into, it took back the notes just typed in the details. */
export function hasOwnUndo(target: EventTarget | null, step: "undo" | "redo" = "undo"): boolean {
  if (!isTextField(target) || target instanceof HTMLSelectElement) return false;
  return target.dataset.boardStep !== step || canStep(target, "undo") || canStep(target, step);
}

/** The board took `step` from the field `target` lent it to (`hasOwnUndo`): it lends the step back next. */
export function tookBoardStep(target: EventTarget | null, step: "undo" | "redo") {
  if (target instanceof HTMLElement && target.dataset.boardStep === step)
    target.dataset.boardStep = step === "undo" ? "redo" : "undo";
}

/** Whether `target` is inside a side panel (the details, the posts). */
function inSidePanel(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("aside.details") !== null;
}

/** F1 alone: the keyboard shortcuts, on a board and on the welcome. */
export function isHelpKey(e: KeyboardEvent): boolean {
  return e.key === "F1" && !e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey;
}

/**
 * Whether a key without Ctrl or Cmd goes to the board: not typed into a text field, not under a dialog or the sidebar
 * open over the board (V switched the dimmed board behind it to the chart), and not in a side panel, whose own
 * controls take the keys (on the details' slider or Place menu, 1–4 moved the idea and V switched the view behind the
 * panel); Escape still goes on from there, to close it.
 */
export function keyForBoard(e: KeyboardEvent): boolean {
  if (e.altKey || isTextField(e.target) || document.querySelector("[role=dialog], .sidebar-overlay"))
    return false;
  return e.key === "Escape" || !inSidePanel(e.target);
}

/**
 * The board's shortcuts while `enabled`: all of them, or "history" alone (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y, as Edit ›
 * Undo and Redo do) where the board is covered (Team rounds), so that no key acts on ideas out of sight.
 */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean | "history"): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const h = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const inField = isTextField(e.target);
      // Ctrl+Z, or with Shift, and Ctrl+Y: the step they ask for.
      const step = key === "y" || e.shiftKey ? "redo" : "undo";
      const ownUndo = hasOwnUndo(e.target, step);
      if (mod && !e.altKey) {
        if (ownUndo && (key === "z" || key === "y")) {
          // A text field's own undo and redo, under a dialog too (lib/fieldHistory.ts): WebKitGTK binds no key to
          // them, and Ctrl+Z did nothing in a field.
          e.preventDefault();
          fieldStep(e.target instanceof Element ? e.target : null, step);
        } else if (key === "f") {
          if (enabled === "history") return;
          e.preventDefault();
          h.search();
        } else if ((key === "z" || key === "y") && document.querySelector("[role=dialog]")) {
          // A dialog asks first (Delete the board?): the board behind it is not undone meanwhile.
          return;
        } else if (!ownUndo && (key === "z" || key === "y")) {
          e.preventDefault();
          if (step === "redo") h.redo();
          else h.undo();
          tookBoardStep(e.target, step);
        } else if (!inField && key === "a" && !e.shiftKey) {
          // Outside a text field there is nothing to select all of: on a slider or a card it selected every word of
          // the window.
          e.preventDefault();
        }
        return;
      }
      // Help's key in most programs: from a field or a panel too, where "?" is typed or left to them.
      if (isHelpKey(e) && !document.querySelector("[role=dialog]")) {
        e.preventDefault();
        h.help();
        return;
      }
      if (!keyForBoard(e)) return;
      if (enabled === "history") {
        // Covered by Team rounds, the board's keys wait; Escape still closes a panel open beside them.
        if (e.key === "Escape" && !escapeCancelsDrag && h.closePanel()) e.preventDefault();
        return;
      }
      if (key === "n") {
        e.preventDefault();
        h.newIdea();
      } else if (key === "v") {
        e.preventDefault();
        h.toggleView();
      } else if (["1", "2", "3", "4"].includes(key)) {
        e.preventDefault();
        h.moveSelected(Number(key) as 1 | 2 | 3 | 4);
      } else if (
        key === "delete" &&
        !(e.target instanceof Element && e.target.closest(".card,button:not(.marker)"))
      ) {
        // Not on a control of its own either (a quadrant's +, a toolbar button): there it deleted the idea selected
        // elsewhere, which a person Tabbing past its card had not chosen.
        e.preventDefault();
        h.deleteSelected();
      } else if ((key === "e" || e.key === "F2") && !e.shiftKey && !e.altKey) {
        // A card or a marker with the focus opens its own; elsewhere, as 1–4 and Delete, the selected idea's.
        e.preventDefault();
        h.openSelected();
      } else if (e.key === "?") {
        e.preventDefault();
        h.help();
      } else if (e.key === "Escape" && !escapeCancelsDrag) {
        // The panels close on their own Escape while they hold the focus. This one is for the focus elsewhere: on
        // the card just clicked while the details' code still loads, or back on the board.
        if (h.closePanel()) e.preventDefault();
      }
    };
    // Not while a card is dragged: there Escape cancels the drag. @dnd-kit's pointer drag does not mark the key as
    // handled, and has put the card back by the time the key reaches the window, so the drag is seen on the way in.
    let escapeCancelsDrag = false;
    const onKeyDownFirst = (e: KeyboardEvent) => {
      if (e.key === "Escape") escapeCancelsDrag = document.querySelector(".card-placeholder") !== null;
    };
    window.addEventListener("keydown", onKeyDownFirst, true);
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDownFirst, true);
      window.removeEventListener("keydown", onKeyDown);
    };
  }, [enabled]);
}
