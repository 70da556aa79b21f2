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
  markTabFocus(el);
  el.focus();
}

/** Marks `el` for its ring until it loses the focus (base.css draws the ring for the mark). */
function markTabFocus(el: HTMLElement) {
  el.dataset.tabFocus = "";
  el.addEventListener(
    "blur",
    () => {
      delete el.dataset.tabFocus;
    },
    { once: true },
  );
}

/** Whether the person's last input was a key (not a press of the mouse, a pen or a finger). */
let lastInputWasKey = false;
if (typeof window !== "undefined") {
  window.addEventListener("keydown", () => (lastInputWasKey = true), true);
  window.addEventListener("pointerdown", () => (lastInputWasKey = false), true);
}

/** Focuses `el` as the last input would show it: with its ring after a key, as Tab does (a confirmation opened with
 * Enter had its focus on Cancel with no ring, so Enter seemed to go nowhere in particular), without after a click. */
export function focusAsByLastInput(el: HTMLElement, options?: FocusOptions) {
  if (lastInputWasKey) markTabFocus(el);
  el.focus(options);
}

/** What lies over the board without being a dialog: an idea's details, the board's activity or posts (`SidePanel`). */
const COVERS = ".details";

/** A side panel on screen and the box it is drawn in. */
type Cover = [HTMLElement, DOMRect];

/** Whether `el` lies under one of `covers` (and is not in it), out of sight and out of the pointer's reach. */
function isCovered(el: HTMLElement, covers: Cover[]): boolean {
  const r = el.getBoundingClientRect();
  const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
  return covers.some(([cover, box]) => {
    if (cover.contains(el)) return false;
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) return false;
    // What is drawn there: a toast above the panel is not under it.
    const top = document.elementFromPoint(x, y);
    return top !== null && cover.contains(top);
  });
}

/** The stop after `from` in the page's order (Shift+Tab: before it), round at the ends. */
function nextStop(stops: HTMLElement[], from: Element | null, back: boolean): HTMLElement | undefined {
  if (!from || from === document.body) return back ? stops.at(-1) : stops[0];
  const follows = (s: HTMLElement) =>
    (from.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  if (back) return stops.filter((s) => s !== from && !follows(s)).at(-1) ?? stops.at(-1);
  return stops.find((s) => s !== from && follows(s)) ?? stops[0];
}

/** Tab and Shift+Tab pass over the stops a side panel lies over. The details cover the board's right side (Challenge
 * and Kill at 1024 px): Tab went on through six stops there with no ring in sight, and a card reached under the
 * panel showed its own details in it. True when it moved the focus. */
function passOverCovered(event: KeyboardEvent): boolean {
  if (!isTab(event) || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return false;
  // A page without layout (the tests) has nothing over anything.
  if (typeof document.elementFromPoint !== "function") return false;
  const covers = [...document.querySelectorAll<HTMLElement>(COVERS)]
    .map((cover): Cover => [cover, cover.getBoundingClientRect()])
    .filter(([, box]) => box.width > 0);
  if (covers.length === 0) return false;
  const stops = tabStops(document.body);
  const open = stops.filter((el) => !isCovered(el, covers));
  if (open.length === stops.length) return false;
  const next = nextStop(open, document.activeElement, event.shiftKey);
  if (!next) return false;
  event.preventDefault();
  focusAsByTab(next);
  return true;
}

/** Tab past the window's last stop comes back to its first (Shift+Tab, the other way round). WebKitGTK hands the
 * focus to the window's frame there, where no ring shows: one press of Tab in every round seemed to do nothing. Stops
 * under a side panel are passed over. A dialog, and the sidebar open over the board, keep Tab within themselves. */
export function useTabStaysInWindow() {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (document.querySelector("[role=dialog][aria-modal=true], .sidebar-overlay")) return;
      if (!passOverCovered(e)) keepTabWithin(e, document.body);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
    };
  }, []);
}
