// A list of events, newest first: one idea's timeline in its details, or the whole board's activity.
import { useEffect, useState } from "react";

import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import type { Event } from "../../lib/bindings";
import { describeEvent, eventTime } from "./describe";

import "./history.css";

interface TimelineProps {
  boardId: number;
  ideaId: number | null;
  /** Changes whenever the board was saved, so the list reloads. */
  version: number;
}

export function Timeline({ boardId, ideaId, version }: TimelineProps) {
  const [events, setEvents] = useState<Event[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    backend.listEvents(boardId, ideaId).then(
      (list) => {
        if (current) setEvents(list);
      },
      (raw: unknown) => {
        if (current) setError(AppError.from(raw).message);
      },
    );
    return () => {
      current = false;
    };
  }, [boardId, ideaId, version]);

  if (error) return <p className="field-error">{error}</p>;
  if (!events) return <p className="field-hint">Loading…</p>;
  if (events.length === 0) return <p className="field-hint">Nothing has happened here yet.</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <span className="timeline-what">{describeEvent(e, { withTitle: ideaId === null })}</span>
          <time className="timeline-when" dateTime={new Date(e.at).toISOString()}>
            {eventTime(e.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
