// A panel that slides in at the right of the board (an idea's details, the board's activity, its posts): a title, a
// close button, and a body that scrolls as a whole. Escape closes it, like the close button.
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";

import "./SidePanel.css";

interface SidePanelProps {
  /** The panel's accessible name, e.g. "Board activity". */
  label: string;
  /** The heading shown at the top, e.g. "Activity". */
  title: string;
  /** The close button's accessible name, e.g. "Close activity". */
  closeLabel: string;
  onClose: () => void;
  /** Leaves the focus where it is as the panel opens (an idea's details opened by a click keep it on the card). */
  leaveFocus?: boolean;
  /** The click that opened the panel was the first of a double click, whose second landed in the panel. */
  onOpeningDoubleClick?: () => void;
  children: ReactNode;
}

export function SidePanel({
  label,
  title,
  closeLabel,
  onClose,
  leaveFocus = false,
  onOpeningDoubleClick,
  children,
}: SidePanelProps) {
  // The panel opens with a click on a card, and may open over the pointer: the second press of a double click then
  // lands in it, where it opened a list, selected a word of a field or took the focus from the title field. Presses
  // that continue a click begun before the panel was there (their count above 1) do nothing in it, until the first
  // press of its own; a double click within the panel then does what it always does. A count, not a time: under load
  // the second press can come later than any fixed time while still counting as the double click's.
  const ownPress = useRef(false);
  const secondPressOfOpening = (event: MouseEvent) => {
    if (event.type === "mousedown" && event.detail <= 1) ownPress.current = true;
    if (!ownPress.current && event.detail > 1) {
      event.preventDefault();
      event.stopPropagation();
      if (event.type === "dblclick") onOpeningDoubleClick?.();
    }
  };
  // Opened from a menu or a button, the panel takes the focus (its heading), so that Escape and Tab act in it at once;
  // a panel that puts the focus in a field of its own (an idea's title) keeps it there. Closed with the focus in it,
  // it gives the focus back to what had it before (the button that opened it): the next Tab started again at the
  // window's top.
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusAtOpen] = useState(!leaveFocus);
  useEffect(() => {
    const node = panel.current;
    const before = document.activeElement;
    const opener =
      before instanceof HTMLElement && before !== document.body && !node?.contains(before) ? before : null;
    if (focusAtOpen && !node?.contains(document.activeElement)) heading.current?.focus();
    return () => {
      const now = document.activeElement;
      const lost = now === null || now === document.body || node?.contains(now) === true;
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [focusAtOpen]);
  return (
    <aside
      ref={panel}
      className="details"
      aria-label={label}
      // A click on its text (a label, the history) keeps the focus in the panel: it fell to the page, where the
      // board's keys (1–4, Delete) acted on the idea shown.
      tabIndex={-1}
      onMouseDownCapture={secondPressOfOpening}
      onClickCapture={secondPressOfOpening}
      onDoubleClickCapture={secondPressOfOpening}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="details-header">
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
