// One idea on the board. Its accessible name is what it shows, in words: the title, then the owner, the scores, notes,
// link and tags. It is dragged with the pointer or picked up with Space or Enter; the arrows, Home and End take the
// focus to the cards around it. The title is clamped to two lines and shown whole on hover and focus.
import { memo, useContext, type KeyboardEvent, type MouseEvent } from "react";

import type { Idea } from "../../lib/bindings";
import { CARD_TAGS, initials, tagsNotShown } from "../../lib/firstFrameRules";
import { counted } from "../../lib/numbers";
import { isDeleteKey } from "../../lib/os";
import { useStyledRef } from "../../lib/styleAttribute";
import { DragHooksContext } from "./dragHooks";
import { cardAfterStep, cardStep, focusShown, zoneHasMore } from "./focus";

interface CardBodyProps {
  idea: Idea;
}

/**
 * Memoised apart from the card: dnd-kit draws every sortable card again when one joins or leaves a list, and the
 * card's contents need drawing only when its idea changed.
 */
const CardBody = memo(function CardBody({ idea }: CardBodyProps) {
  const { owner, position, notes, link, tags } = idea;
  const more = tagsNotShown(tags);
  return (
    <>
      <span className="card-title">{idea.title}</span>
      {(position || notes || owner || link || tags.length > 0) && (
        <span className="card-meta">
          {owner && (
            <span className="card-owner" title={owner}>
              <span aria-hidden="true">{initials(owner)}</span>
              <span className="visually-hidden">, owner {owner}</span>
            </span>
          )}
          {position && (
            <span className="card-scores" title="Payoff · Cost/risk">
              <span aria-hidden="true">
                P {position.payoff} · C {position.cost}
              </span>
              <span className="visually-hidden">
                , payoff {position.payoff}, cost/risk {position.cost}
              </span>
            </span>
          )}
          {notes && (
            <span className="card-notes" title="Has notes">
              <span className="visually-hidden">, </span>Notes
            </span>
          )}
          {link && (
            <span className="card-link" title={link}>
              <span className="visually-hidden">, </span>Link
            </span>
          )}
          {tags.slice(0, CARD_TAGS).map((tag) => (
            <span key={tag} className="card-tag">
              <span className="visually-hidden">, </span>#{tag}
            </span>
          ))}
          {more && (
            <span className="card-tag card-tag-more" title={more.names}>
              <span className="visually-hidden">, </span>+{more.count}
              <span className="visually-hidden"> {counted(more.count, "more tag")}</span>
            </span>
          )}
        </span>
      )}
    </>
  );
});

interface IdeaCardProps {
  idea: Idea;
  selected: boolean;
  /** Just added or moved here: highlighted for a moment. */
  arrived?: boolean;
  dimmed: boolean;
  /** Where Tab stops in its zone: one card per zone (ZoneList); the others are reached with the arrow keys. */
  tabStop: boolean;
  /** Opens the idea's details: from the keyboard with the focus in the title, from a click leaving it on the card. */
  onOpen: (id: number, focusTitle?: boolean) => void;
  onDelete: (id: number) => void;
}

/** Memoised: a long list re-renders only the cards whose props changed (a highlight, a selection). */
export const IdeaCard = memo(function IdeaCard({
  idea,
  selected,
  arrived = false,
  dimmed,
  tabStop,
  onOpen,
  onDelete,
}: IdeaCardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useContext(
    DragHooksContext,
  ).useCard(idea.id);

  const ref = useStyledRef({ transform, transition }, setNodeRef);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!isDragging && (event.key === "e" || event.key === "E" || event.key === "F2")) {
      event.preventDefault();
      onOpen(idea.id);
      return;
    }
    if (!isDragging && isDeleteKey(event.key)) {
      event.preventDefault();
      onDelete(idea.id);
      return;
    }
    const step = isDragging ? null : cardStep(event);
    if (step) {
      const next = cardAfterStep(event.currentTarget, step);
      // End in a long zone, and Down on the last card drawn, go on to its list, which draws the card asked for and
      // gives it the focus.
      const toList =
        (step === "last" || (step === "down" && next === null)) && zoneHasMore(event.currentTarget);
      if (!toList) {
        // The focus goes from card to card; a list or the page does not scroll by the arrow as well.
        event.preventDefault();
        if (next) focusShown(next);
        return;
      }
    }
    listeners?.onKeyDown?.(event);
  }

  return (
    <div
      ref={ref}
      className={`card${isDragging ? " card-placeholder" : ""}${selected ? " card-selected" : ""}${arrived ? " card-arrived" : ""}${dimmed ? " dimmed" : ""}`}
      {...attributes}
      {...listeners}
      // While searching, Tab goes from match to match: it stopped at each of 2,000 dimmed cards.
      tabIndex={dimmed || !tabStop ? -1 : attributes.tabIndex}
      aria-roledescription="idea"
      aria-pressed={selected}
      data-idea-id={idea.id}
      onKeyDown={onKeyDown}
      onMouseDown={takePress}
      onClick={() => {
        onOpen(idea.id, false);
      }}
      // A double click is to edit: the title takes the focus (on a card under the opened panel, the panel hears it).
      onDoubleClick={() => {
        onOpen(idea.id, true);
      }}
    >
      <CardBody idea={idea} />
    </div>
  );
});

/** A press on a card is the start of a drag or a click, never of a text selection: left to WebKit, a press that moves
 * out of a scrolled list also starts its selection auto-scroll, which scrolls the list on and on (by as much as the
 * pointer is past its edge, at every step) and shifted where the dragged card was measured to be. The card takes the
 * focus, as the press would have given it; not at the second press of a double click, which would take it back from
 * the details' title field that the first click opened. */
function takePress(event: MouseEvent<HTMLDivElement>) {
  if (event.button !== 0) return;
  event.preventDefault();
  if (event.detail < 2) event.currentTarget.focus({ preventScroll: true });
}

/** The card that follows the pointer (or the keyboard) during a drag. */
export function DraggedCard({ idea }: { idea: Idea }) {
  return (
    <div className="card card-dragging" aria-hidden="true">
      <CardBody idea={idea} />
    </div>
  );
}
