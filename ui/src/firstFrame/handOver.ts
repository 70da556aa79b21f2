// What a person did in the first frame before React's replaced it: its text fields take the focus and text at once,
// while the board's own handlers are not there yet. When React's frame takes their place, the field that had the focus
// gives its text, caret and focus to React's field of the same kind, so that nothing typed is lost, and nothing typed
// lands on the board's single-key shortcuts instead.

import { putTyped } from "../lib/typedText";

/** The first frame's text fields, each with what finds React's field of the same kind. */
const FIELDS = [".add-idea-input", ".search-input", ".board-name"];

interface Typed {
  selector: string;
  value: string;
  start: number | null;
  end: number | null;
}

/** `field` (the one with the focus) and what it holds, if it is one of the first frame's FIELDS. */
function typedIn(field: Element | null): Typed | null {
  if (!(field instanceof HTMLInputElement)) return null;
  const selector = FIELDS.find((s) => field.matches(s));
  if (!selector) return null;
  return { selector, value: field.value, start: field.selectionStart, end: field.selectionEnd };
}

/** Gives `typed` to React's field: its value and caret, and the focus. */
function give(root: HTMLElement, typed: Typed) {
  const field = root.querySelector<HTMLInputElement>(typed.selector);
  if (!field) return;
  field.focus();
  putTyped(field, typed.value, typed.start !== null && typed.end !== null ? [typed.start, typed.end] : null);
}

/**
 * Watches `root`, which shows `frame` (the first frame's top element), until React's frame replaces it, then hands
 * the focused field over. The watch runs as the replacement's microtask: no key can arrive between the two frames.
 */
export function handOverWhenReplaced(root: HTMLElement, frame: Element) {
  let typed: Typed | null = null;
  const track = () => {
    // Once the frame is gone (its focused field removed with it), what it held is already kept.
    if (frame.isConnected) typed = typedIn(document.activeElement);
  };
  const listening = new AbortController();
  for (const type of ["focusin", "input", "keyup", "pointerup"]) {
    root.addEventListener(type, track, { signal: listening.signal });
  }
  // A field left for another part of the first frame (a button, a card) keeps nothing to hand over; the focus has
  // moved on only after `focusout`.
  root.addEventListener(
    "focusout",
    () => {
      queueMicrotask(track);
    },
    { signal: listening.signal },
  );
  const observer = new MutationObserver(() => {
    if (frame.isConnected) return;
    observer.disconnect();
    listening.abort();
    if (typed) give(root, typed);
  });
  observer.observe(root, { childList: true });
}
