// One idea on the board. Its accessible name is its title; it is dragged with the pointer or picked up with Space or
// Enter. The title is clamped to two lines and shown whole on hover and focus.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, type KeyboardEvent } from "react";

import type { Idea } from "../../lib/bindings";
import { ideaDragId } from "../../lib/dnd";

interface CardBodyProps {
  idea: Idea;
}

function CardBody({ idea }: CardBodyProps) {
  return (
    <>
      <span className="card-title">{idea.title}</span>
      {(idea.position || idea.notes || idea.owner || idea.link || idea.tags.length > 0) && (
        <span className="card-meta" aria-hidden="true">
          {idea.owner && (
            <span className="card-owner" title={idea.owner}>
              {initials(idea.owner)}
            </span>
          )}
          {idea.position && (
            <span className="card-scores" title="Payoff · Cost/risk">
              P {idea.position.payoff} · C {idea.position.cost}
            </span>
          )}
          {idea.notes && (
            <span className="card-notes" title="Has notes">
              Notes
            </span>
          )}
          {idea.link && (
            <span className="card-link" title={idea.link}>
              Link
            </span>
          )}
          {idea.tags.slice(0, 3).map((tag) => (
            <span key={tag} className="card-tag">
              #{tag}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

interface IdeaCardProps {
  idea: Idea;
  selected: boolean;
  /** Just added or moved here: highlighted for a moment. */
  arrived?: boolean;
  dimmed: boolean;
  onOpen: (id: number) => void;
  onDelete: (id: number) => void;
}

/** Memoised: a long list re-renders only the cards whose props changed (a highlight, a selection). */
export const IdeaCard = memo(function IdeaCard({
  idea,
  selected,
  arrived = false,
  dimmed,
  onOpen,
  onDelete,
}: IdeaCardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: ideaDragId(idea.id),
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!isDragging && (event.key === "e" || event.key === "E" || event.key === "F2")) {
      event.preventDefault();
      onOpen(idea.id);
      return;
    }
    if (!isDragging && (event.key === "Delete" || event.key === "Backspace")) {
      event.preventDefault();
      onDelete(idea.id);
      return;
    }
    listeners?.onKeyDown?.(event);
  }

  return (
    <div
      ref={setNodeRef}
      className={`card${isDragging ? " card-placeholder" : ""}${selected ? " card-selected" : ""}${arrived ? " card-arrived" : ""}${dimmed ? " dimmed" : ""}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...attributes}
      {...listeners}
      aria-roledescription="idea"
      aria-label={idea.title}
      aria-pressed={selected}
      data-idea-id={idea.id}
      onKeyDown={onKeyDown}
      onClick={() => {
        onOpen(idea.id);
      }}
    >
      <CardBody idea={idea} />
    </div>
  );
});

/** "ana" → "AN", "Ana Ruiz" → "AR". */
export function initials(name: string): string {
  const parts = name.split(/[\s._-]+/).filter(Boolean);
  const first = Array.from(parts[0] ?? "");
  const second = Array.from(parts[1] ?? "");
  const letters = second.length > 0 ? [first[0], second[0]] : first.slice(0, 2);
  return letters.join("").toUpperCase();
}

/** The card that follows the pointer (or the keyboard) during a drag. */
export function DraggedCard({ idea }: { idea: Idea }) {
  return (
    <div className="card card-dragging" aria-hidden="true">
      <CardBody idea={idea} />
    </div>
  );
}
