// A panel that slides in at the right of the board (an idea's details, the board's activity, its posts): a title, a
// close button, and a body that scrolls as a whole. Escape closes it, like the close button.
import { useState, type MouseEvent, type ReactNode } from "react";

import "./SidePanel.css";

interface SidePanelProps {
  /** The panel's accessible name, e.g. "Board activity". */
  label: string;
  /** The heading shown at the top, e.g. "Activity". */
  title: string;
  /** The close button's accessible name, e.g. "Close activity". */
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
}

/** Longer than a desktop's double-click time (GTK's is 400 ms). */
const DOUBLE_CLICK_MS = 500;

export function SidePanel({ label, title, closeLabel, onClose, children }: SidePanelProps) {
  // The panel opens with a click on a card, and may open over the pointer: the second press of a double click then
  // lands in it, where it opened a list, selected a label's text or took the focus from the title field. That press
  // does nothing in the panel; a double click within it later does what it always does.
  const [opened] = useState(() => performance.now());
  const secondPressOfOpening = (event: MouseEvent) => {
    if (event.detail > 1 && performance.now() - opened < DOUBLE_CLICK_MS) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  return (
    <aside
      className="details"
      aria-label={label}
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
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}
