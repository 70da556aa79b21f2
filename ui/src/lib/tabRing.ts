// Tab goes round within a part of the page (a dialog, the sidebar open over the board, the window itself) instead of
// leaving it at its last stop.
import { useEffect } from "react";

/** What might be a Tab stop, before `isTabStop` looks closer. */
const CANDIDATES = "a[href], button, input, select, textarea, [tabindex]";

/** Whether Tab stops at `el`: enabled, in the Tab order, shown, and of a group of radios the checked one. */
function isTabStop(el: HTMLElement, within: ParentNode, laidOut: boolean): boolean {
  if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
  if (el.closest("[hidden], [inert]")) return false;
  if (laidOut && !el.checkVisibility({ visibilityProperty: true })) return false;
  if (el instanceof HTMLInputElement && el.type === "radio" && !el.checked) {
    const group = [...within.querySelectorAll<HTMLInputElement>("input[type=radio]")].filter(
      (r) => r.name === el.name,
    );
    return !group.some((r) => r.checked) && group[0] === el;
  }
  return true;
}

/** The Tab stops in `container`, in the page's order. */
export function tabStops(container: ParentNode): HTMLElement[] {
  // WebKit knows what `display: none` and `visibility: hidden` took away; a page without layout (the tests) does not.
  const laidOut = document.body.getClientRects().length > 0;
  return [...container.querySelectorAll<HTMLElement>(CANDIDATES)].filter((el) =>
    isTabStop(el, container, laidOut),
  );
}

/** Whether `event` is a press of Tab, with Shift or not. WebKitGTK names Shift+Tab's key "Unidentified" (X calls it
 * ISO_Left_Tab); its code is still "Tab". */
export function isTab(event: KeyboardEvent | React.KeyboardEvent): boolean {
  return event.key === "Tab" || event.code === "Tab";
}

/** Tab at the last stop of `container` goes to its first, Shift+Tab at the first to its last. True when it did. */
export function keepTabWithin(event: KeyboardEvent | React.KeyboardEvent, container: ParentNode): boolean {
  if (!isTab(event) || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return false;
  const stops = tabStops(container);
  const [first, last] = [stops[0], stops.at(-1)];
  if (!first || !last || document.activeElement !== (event.shiftKey ? first : last)) return false;
  event.preventDefault();
  focusAsByTab(event.shiftKey ? last : first);
  return true;
}

/** Focuses `el` with its ring shown, as Tab would. After a click, WebKit shows no ring for a focus a script moves,
 * even on a press of Tab the page took over: opened by the mouse, the shortcuts sheet's first Tab seemed to go
 * nowhere. The mark goes with the focus (base.css draws the ring for it). */
export function focusAsByTab(el: HTMLElement) {
  el.dataset.tabFocus = "";
  el.addEventListener(
    "blur",
    () => {
      delete el.dataset.tabFocus;
    },
    { once: true },
  );
  el.focus();
}

/** Tab past the window's last stop comes back to its first (Shift+Tab, the other way round). WebKitGTK hands the
 * focus to the window's frame there, where no ring shows: one press of Tab in every round seemed to do nothing. A
 * dialog keeps Tab within itself. */
export function useTabStaysInWindow() {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (document.querySelector("[role=dialog][aria-modal=true]")) return;
      keepTabWithin(e, document.body);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
