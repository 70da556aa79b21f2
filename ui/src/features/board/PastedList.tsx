// The choice a paste of several lines offers in New idea: one idea per line, or one idea for all. Loaded when a list
// is first pasted: the first frame does not need it.
import { shorten } from "../../lib/text";

interface PastedListProps {
  items: string[];
  /** The list has been added: the choice stays a moment, saying so, where it was. */
  added: boolean;
  onAdd: () => void;
  onKeepAsOne: () => void;
  onDrop: () => void;
}

export function PastedList({ items, added, onAdd, onKeepAsOne, onDrop }: PastedListProps) {
  return (
    <div
      className="paste-list"
      role="group"
      aria-label="Pasted lines"
      onKeyDown={(e) => {
        if (e.key !== "Escape") return;
        e.preventDefault();
        e.stopPropagation();
        onDrop();
      }}
    >
      <p className="paste-list-text" role={added ? "status" : undefined}>
        {added ? (
          `Added ${String(items.length)} ideas.`
        ) : (
          <>
            {/* Each line isolated: one starting with a right-to-left override turned the rest of the sentence. */}
            {items.length} lines pasted: “<bdi>{shorten(items[0] ?? "", 40)}</bdi>”, “
            <bdi>{shorten(items[1] ?? "", 40)}</bdi>”{items.length > 2 ? ", …" : ""}
          </>
        )}
      </p>
      <div className="paste-list-actions">
        <button type="button" className="button button-primary" autoFocus disabled={added} onClick={onAdd}>
          Add {items.length} ideas
        </button>
        <button type="button" className="button" disabled={added} onClick={onKeepAsOne}>
          Keep as one idea
        </button>
      </div>
    </div>
  );
}
