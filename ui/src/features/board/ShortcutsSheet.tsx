// The "?" sheet: every keyboard shortcut on one page.
import { Modal } from "../../components/Modal";
import { isDeleteKey } from "../../lib/os";

export const SHORTCUTS: [string, string][] = [
  ["N", "New idea"],
  ["V", "Switch between quadrants and chart"],
  [
    "Tab, Shift+Tab",
    "Go to the next or previous zone, field or button (in a zone, to the card last focused there)",
  ],
  [
    "↑ ↓ ← →, Home, End",
    "On a card: go to the card above or below, to the zone beside, or to the first or last card of the zone",
  ],
  ["1 – 4", "Move the focused (or selected) idea to Implement, Challenge, Possible or Kill"],
  [
    isDeleteKey("Backspace") ? "Delete or Backspace" : "Delete",
    "Delete the focused (or selected) idea; the focus goes to the next card",
  ],
  ["E or F2", "Open the focused (or selected) idea's details"],
  [
    "Space or Enter",
    "On a card or a chart's marker: pick it up, then arrows to move it (a marker by 0.1, with Shift by 1), Space or Enter to drop, Escape to cancel",
  ],
  [
    "Arrows",
    "On the chart: go to the nearest marker or count that way (Home, End: the first or last), or from the chart itself move across (zoomed out: onto the first or last marker); in a menu or Start round's list of ideas: go up and down (Home, End: the first or last)",
  ],
  ["+ and −", "On the chart: zoom in and out (the wheel too, around the pointer)"],
  ["0", "On the chart: show every idea (Fit)"],
  [
    "Enter on a count",
    "On the chart: zoom into the ideas it counts, or list them when they have the same scores",
  ],
  ["Enter", "In a field: save it (New idea: add the idea; Tags: add the tag, as a comma does)"],
  [
    "Ctrl+Z",
    "Undo (in a text field: what was typed there; in New idea, just after adding an idea: that idea)",
  ],
  ["Ctrl+Shift+Z or Ctrl+Y", "Redo"],
  ["Ctrl+F", "Search (Enter there: go to the first match)"],
  [
    "Escape",
    "Close the panel, dialog or menu, go back from Team rounds (a round: to all rounds), clear the search (again: back to the board), cancel a drag (on the chart: a marker dragged or picked up, before it is put down)",
  ],
  [
    "Ctrl+= (or Ctrl++) and Ctrl+−, Ctrl+0",
    "Make everything larger or smaller, or back to its own size (View › Zoom; the keypad's keys too)",
  ],
  ["Ctrl+N", "New board (File › New board)"],
  ["Ctrl+O", "Import a file: a board file or a spreadsheet (File › Import…)"],
  ["? or F1", "This list"],
  ["Ctrl+Q", "Quit Pickboard"],
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
