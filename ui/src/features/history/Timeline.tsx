// A list of events, newest first: one idea's timeline in its details, or the whole board's activity.
import { AppError } from "../../lib/ipc";
import { useEvents } from "../../lib/queries";
import { describeEvent, eventTime } from "./describe";

import "./history.css";

interface TimelineProps {
  boardId: number;
  ideaId: number | null;
  /** In the board's activity: opens an idea's details from an event about it, for the ideas still on the board
   * (`onBoard`). Without it, an entry named an idea and led nowhere. */
  onOpen?: ((ideaId: number) => void) | undefined;
  onBoard?: ReadonlySet<number> | undefined;
}

/** The events, read again whenever the board changes (see `afterChange` in lib/queries.ts). */
export function Timeline({ boardId, ideaId, onOpen, onBoard }: TimelineProps) {
  const { data: events, error } = useEvents(boardId, ideaId);

  if (error) return <p className="field-error">{AppError.from(error).message}</p>;
  if (!events) return <p className="field-hint">Loading…</p>;
  if (events.length === 0) return <p className="field-hint">Nothing has happened here yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          {onOpen && e.ideaId !== null && onBoard?.has(e.ideaId) ? (
            <button
              type="button"
              className="link-button timeline-what timeline-open"
              title="Open this idea"
              onClick={() => {
                if (e.ideaId !== null) onOpen(e.ideaId);
              }}
            >
              {describeEvent(e, { withTitle: ideaId === null, ideaId })}
            </button>
          ) : (
            <span className="timeline-what">{describeEvent(e, { withTitle: ideaId === null, ideaId })}</span>
          )}
          <time className="timeline-when" dateTime={new Date(e.at).toISOString()}>
            {eventTime(e.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
