// The selected idea, editable: title, notes, where it sits. Edits are saved when a field loses focus (or on Enter in
// the title); Escape closes the panel and returns to the board.
import { useEffect, useId, useRef, useState } from "react";

import type { Idea, Zone } from "../../lib/bindings";
import { ZONE_INFO, ZONES } from "../../lib/zones";

interface DetailsPanelProps {
  idea: Idea;
  onSave: (id: number, title: string, notes: string) => void;
  onMove: (id: number, zone: Zone) => void;
  onDelete: (id: number) => void;
  onClose: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export function DetailsPanel({ idea, onSave, onMove, onDelete, onClose }: DetailsPanelProps) {
  const [title, setTitle] = useState(idea.title);
  const [notes, setNotes] = useState(idea.notes);
  const titleRef = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), notes: useId(), zone: useId() };
  const titleEmpty = title.trim() === "";

  useEffect(() => {
    titleRef.current?.focus();
  }, [idea.id]);

  function commit() {
    if (titleEmpty) return;
    if (title !== idea.title || notes !== idea.notes) onSave(idea.id, title, notes);
  }

  return (
    <aside
      className="details"
      aria-label="Idea details"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          commit();
          onClose();
        }
      }}
    >
      <header className="details-header">
        <h2>Idea</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close details"
          onClick={() => {
            commit();
            onClose();
          }}
        >
          ×
        </button>
      </header>

      <label htmlFor={ids.title}>Title</label>
      <input
        id={ids.title}
        ref={titleRef}
        value={title}
        maxLength={500}
        aria-invalid={titleEmpty}
        onChange={(e) => {
          setTitle(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
      {titleEmpty && (
        <p className="field-error">An idea needs a title. The saved title is kept until you type one.</p>
      )}
      <p className="field-hint">{title.length} / 500</p>

      <label htmlFor={ids.notes}>Notes</label>
      <textarea
        id={ids.notes}
        value={notes}
        rows={8}
        placeholder="Why it matters, what it takes, links…"
        onChange={(e) => {
          setNotes(e.target.value);
        }}
        onBlur={commit}
      />

      <label htmlFor={ids.zone}>Place</label>
      <select
        id={ids.zone}
        value={idea.zone}
        onChange={(e) => {
          onMove(idea.id, e.target.value as Zone);
        }}
      >
        {ZONES.map((zone) => (
          <option key={zone} value={zone}>
            {ZONE_INFO[zone].name}
          </option>
        ))}
      </select>
      {idea.position && (
        <p className="field-hint">
          Payoff {idea.position.payoff} · Cost/risk {idea.position.cost}
        </p>
      )}

      <dl className="details-times">
        <dt>Created</dt>
        <dd>{dateFormat.format(idea.createdAt)}</dd>
        <dt>Changed</dt>
        <dd>{dateFormat.format(idea.updatedAt)}</dd>
      </dl>

      <button
        type="button"
        className="button button-danger details-delete"
        onClick={() => {
          onDelete(idea.id);
        }}
      >
        Delete idea
      </button>
    </aside>
  );
}
