// A modal dialog: focus moves in when it opens, Tab stays inside (focus that falls out comes back), Escape cancels,
// focus returns when it closes (to the opener, or where the screen marks with `data-focus-after-dialog`).
import { useEffect, useId, useRef, type ReactNode } from "react";

import { focusAsByLastInput, focusAsByTab, isTab, keepTabWithin } from "../lib/tabRing";
import { useScrollableFocus } from "../lib/useScrollableFocus";
import { swallowRestOfDoubleClick } from "./doubleClick";
import "./Modal.css";
import { toastsGiveWayToDialog } from "./Toasts";

interface ModalProps {
  title: string;
  children: ReactNode;
  onCancel: () => void;
  footer: ReactNode;
  /** For dialogs with a preview beside their fields. */
  wide?: boolean;
}

export function Modal({ title, children, onCancel, footer, wide = false }: ModalProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useScrollableFocus(bodyRef);

  useEffect(() => {
    toastsGiveWayToDialog();
    // The second click of a double click that opened the dialog lands in it: "Delete for good…" clicked twice
    // selected the question's text, and could as well have pressed the button under the pointer.
    swallowRestOfDoubleClick();
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = firstStop(ref.current);
    if (first) focusOnOpen(first);
    // A dialog that loads its fields after it opens (Connect to Mattermost) first has only its footer's buttons: the
    // field marked for the focus takes it when it comes, unless the focus has moved on since. Focus dropped to the
    // page as the fields came (the element that had it went with the loading state) goes to the first stop: Post to
    // channel opened with the focus nowhere, and the first Tab went to the dialog itself, with no ring.
    let awaited = ref.current?.querySelector("[data-autofocus]") == null;
    const arrival = new MutationObserver(() => {
      const dialog = ref.current;
      const active = document.activeElement;
      const wanted = awaited ? dialog?.querySelector<HTMLElement>("[data-autofocus]") : null;
      if (wanted) {
        awaited = false;
        if (active === first || active === document.body) {
          focusOnOpen(wanted);
          return;
        }
      }
      // Not when the dialog itself has the focus (a click on its text): that is where the person put it. And
      // without scrolling, should the first stop be out of view.
      const stop = active === document.body ? firstStop(dialog) : null;
      if (stop) focusAsByLastInput(stop, { preventScroll: true });
    });
    if (ref.current) arrival.observe(ref.current, { childList: true, subtree: true });
    // An opener gone with what the dialog did (Connect… once connected) leaves the focus to the screen's own place
    // for it, not to the top of the page.
    return () => {
      arrival.disconnect();
      const back = opener?.isConnected
        ? opener
        : document.querySelector<HTMLElement>("[data-focus-after-dialog]");
      back?.focus();
      swallowRestOfDoubleClick();
    };
  }, []);

  // Focus that leaves the dialog is brought back: a button disabled while it works (Connect) dropped the focus to the
  // page, where Escape no longer reached the dialog and Tab went on through the board behind it.
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const topmost = () => [...document.querySelectorAll("[role=dialog][aria-modal=true]")].at(-1) === dialog;
    const outside = (target: EventTarget | null) => !(target instanceof Node && dialog.contains(target));
    const onFocusIn = (e: FocusEvent) => {
      if (outside(e.target) && topmost()) dialog.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !outside(document.activeElement) || !topmost()) return;
      if (e.key === "Escape") {
        e.preventDefault();
        cancel.current();
      } else if (isTab(e)) {
        e.preventDefault();
        focusAsByTab(firstStop(dialog) ?? dialog);
      }
    };
    document.addEventListener("focusin", onFocusIn);
    window.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      window.removeEventListener("keydown", onKey);
    };
  }, []);

  // Once something is typed or changed in it, a press outside no longer closes it (Escape and Cancel still do): the
  // thresholds typed were thrown away, without a word, by a click that missed Save.
  const edited = useRef(false);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape") {
      event.stopPropagation();
      onCancel();
      return;
    }
    // The body too while it scrolls (`useScrollableFocus`): the shortcuts sheet's lower half was out of reach.
    if (ref.current) keepTabWithin(event, ref.current);
  }

  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        // Not the second press of a double click, on the button that opened the dialog: Reveal… double-clicked
        // opened its confirmation and closed it at once.
        if (e.target !== e.currentTarget || e.detail >= 2) return;
        if (!edited.current) onCancel();
        else e.preventDefault(); // the focus stays where it is, in the dialog
      }}
    >
      <div
        className={wide ? "modal modal-wide" : "modal"}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={ref}
        onKeyDown={onKeyDown}
        onInput={() => {
          edited.current = true;
        }}
        onChange={() => {
          edited.current = true;
        }}
      >
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div
          className="modal-body"
          ref={bodyRef}
          // What Tab reaches shows whole: WebKit scrolls only what is out of view, and zoomed to 200 % the second
          // field of Thresholds stayed half under the footer. ("nearest" leaves what is in view where it is.)
          onFocus={(e) => {
            if (e.target !== e.currentTarget) e.target.scrollIntoView({ block: "nearest" });
          }}
        >
          {children}
        </div>
        <div className="modal-footer">{footer}</div>
      </div>
    </div>
  );
}

/** Gives the focus to `el` as the dialog opens: with its ring where it asks for one (`data-autofocus="ring"`), else
 * as the last input would (a ring after a key, none after a click). */
function focusOnOpen(el: HTMLElement) {
  if (el.dataset.autofocus === "ring") focusAsByTab(el);
  else focusAsByLastInput(el);
}

/** Where the focus goes as a dialog opens: the field marked for it, else its first field or button; in a group of
 * radios, the chosen one, where Tab and the arrows act on the group (the first radio, not chosen, took the focus
 * with no ring, and the first Tab seemed to go nowhere). */
function firstStop(dialog: HTMLElement | null): HTMLElement | null {
  const first =
    dialog?.querySelector<HTMLElement>("[data-autofocus]") ??
    dialog?.querySelector<HTMLElement>("input, textarea, button") ??
    null;
  if (!(first instanceof HTMLInputElement) || first.type !== "radio" || first.checked) return first;
  const chosen = [...(dialog?.querySelectorAll<HTMLInputElement>("input[type=radio]") ?? [])].find(
    (r) => r.name === first.name && r.checked,
  );
  return chosen ?? first;
}

interface ConfirmProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /**
   * "destroys" (the default) for what deletes or replaces data, in red; "proceeds" for a step that cannot be taken
   * back but loses nothing (Start round, Reveal): a red "Start round" read as a warning of harm.
   */
  tone?: "destroys" | "proceeds";
  /** The safe choice's words, where "Cancel" would not say what it keeps. */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone. The safe choice (Cancel) has the focus, with its ring however the
 * dialog was opened: opened by a click, no button showed it, and Enter, meant for Reveal, cancelled. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  tone = "destroys",
  cancelLabel = "Cancel",
  onConfirm,
  onCancel,
}: ConfirmProps) {
  return (
    <Modal
      title={title}
      onCancel={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-autofocus="ring">
            {cancelLabel}
          </button>
          <button
            type="button"
            className={tone === "destroys" ? "button button-danger" : "button button-primary"}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {message}
    </Modal>
  );
}
