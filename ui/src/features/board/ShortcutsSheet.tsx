// The "?" sheet: every keyboard shortcut on one page.
import { Modal } from "../../components/Modal";

export const SHORTCUTS: [string, string][] = [
  ["N", "New idea"],
  ["V", "Switch between quadrants and chart"],
  ["1 – 4", "Move the selected idea to Implement, Challenge, Possible or Kill"],
  ["Delete", "Delete the selected idea"],
  ["E or Enter", "Open the selected idea (on the chart: Enter)"],
  ["Space", "Pick up a card, then arrows to move it, Space to drop, Escape to cancel"],
  ["Arrows", "On the chart: nudge the selected marker by 0.1 (with Shift: by 1)"],
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z or Ctrl+Y", "Redo"],
  ["Ctrl+F", "Search"],
  ["Escape", "Close the panel, clear the search"],
  ["?", "This list"],
];

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal
      title="Keyboard shortcuts"
      onCancel={onClose}
      footer={
        <button type="button" className="button" onClick={onClose} data-autofocus>
          Close
        </button>
      }
    >
      <p className="field-hint">On macOS, use Cmd instead of Ctrl.</p>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
