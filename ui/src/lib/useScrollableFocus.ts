import { useEffect, type RefObject } from "react";

/**
 * Makes the element reachable with Tab while its content overflows it, so that keyboard users can scroll it with the
 * arrow keys; it leaves the Tab order again when everything fits. Watches the element's size and its content's.
 */
export function useScrollableFocus(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const overflows =
        element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
      if (overflows) element.tabIndex = 0;
      else element.removeAttribute("tabindex");
    };
    update();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => {
      observer.disconnect();
    };
  });
}
