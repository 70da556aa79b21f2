// A panel that slides in at the right of the board (an idea's details, the board's activity, its posts): a title, a
// close button, and a body that scrolls as a whole. Escape closes it, like the close button.
import type { ReactNode } from "react";

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

export function SidePanel({ label, title, closeLabel, onClose, children }: SidePanelProps) {
  return (
    <aside
      className="details"
      aria-label={label}
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
