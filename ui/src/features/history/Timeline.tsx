// A list of events, newest first: one idea's timeline in its details, or the whole board's activity.
import { AppError } from "../../lib/ipc";
import { useEvents } from "../../lib/queries";
import { describeEvent, eventTime } from "./describe";

import "./history.css";

export interface TimelineProps {
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
    <ol className="timeline" role="list">
      {events.map((e) => {
        const what = describeEvent(e, { withTitle: ideaId === null, ideaId });
        const opens = e.ideaId !== null && onBoard?.has(e.ideaId) ? e.ideaId : null;
        return (
          <li key={e.id}>
            {onOpen && opens !== null ? (
              <button
                type="button"
                className="link-button timeline-what timeline-open"
                title="Open this idea"
                onClick={() => {
                  onOpen(opens);
                }}
              >
                {what}
              </button>
            ) : (
              <span className="timeline-what">{what}</span>
            )}
            <time className="timeline-when" dateTime={new Date(e.at).toISOString()}>
              {eventTime(e.at)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
