// Inline styles written as the element's `style` attribute, never through the CSSOM.
//
// WebKitGTK (2.50) never frees an element whose inline style was changed through the CSSOM: `el.style.left = …`,
// `el.style.cssText = …`, and so React's `style` prop, which assigns each property that way. The element stays in
// the web process after it leaves the page, with everything under it. The chart makes and drops hundreds of
// positioned markers at each switch to it, so ten minutes of use grew by 70 %. The same declarations set as the
// attribute are freed with the element (docs/benchmarks.md, "Ten minutes of use: the line was a WebKit leak").
// ESLint forbids the `style` prop and `.style` in the UI; positioned elements take `ref={styleRef(…)}` instead. The
// CSP lets style attributes through for this (`style-src-attr 'unsafe-inline'`); `<style>` elements and scripts stay
// blocked.
import { useCallback, useLayoutEffect, useRef, type Ref, type RefCallback } from "react";

/** Declarations as React writes them: camelCase names; a number is a length in pixels. */
export type Declarations = Readonly<Record<string, string | number | undefined>>;

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The text of a `style` attribute for `declarations`, leaving out the undefined ones. */
export function styleText(declarations: Declarations): string {
  return Object.entries(declarations)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${kebab(name)}: ${typeof value === "number" ? `${value}px` : value}`)
    .join("; ");
}

/** Writes `style` onto an element as its attribute, only when it changed. */
export function setStyle(el: Element, declarations: Declarations | string): void {
  const text = typeof declarations === "string" ? declarations : styleText(declarations);
  if ((el.getAttribute("style") ?? "") !== text) el.setAttribute("style", text);
}

/**
 * A ref that gives the element `declarations` as its `style` attribute; `also` is another ref to the element (the
 * component's own, or one passed to it). A new one at each render, so React calls it again, with `also`, and it
 * writes the style when it changed.
 */
export function styleRef<T extends Element>(declarations: Declarations, also?: Ref<T>): RefCallback<T> {
  return (el) => {
    if (typeof also === "function") also(el);
    else if (also) also.current = el;
    if (el) setStyle(el, declarations);
  };
}

/**
 * The same as a hook, for an element whose other ref must see it once and not at each render (dnd-kit's node ref):
 * the returned ref stays the same, and the style is written after each render that changed it.
 */
export function useStyledRef<T extends Element>(
  declarations: Declarations,
  also: RefCallback<T>,
): RefCallback<T> {
  const node = useRef<T | null>(null);
  const text = styleText(declarations);
  useLayoutEffect(() => {
    if (node.current) setStyle(node.current, text);
  }, [text]);
  return useCallback(
    (el: T | null) => {
      node.current = el;
      also(el);
    },
    [also],
  );
}
