// The one place in the UI that talks to the Rust backend: `call` for commands, `listen` and `useBackendEvent` for
// events. Command names, arguments and results, and event names and payloads, are typed from the generated
// `Commands` and `Events` in bindings.ts; `backend.ts` (also generated) has one function per command over `call`.
// Every failure arrives as an `AppError` with a kind the UI can branch on and a message it can show.
import { Channel, invoke } from "@tauri-apps/api/core";
import { useEffect, useRef } from "react";

import type { Commands, ErrorKind, ErrorPayload, EventMessage, Events, Problem } from "./bindings";

export class AppError extends Error {
  /** `unexpected` when the failure did not come from our backend (a bug, or the IPC bridge itself). */
  readonly kind: ErrorKind | "unexpected";
  readonly path: string | null;
  /** What Mattermost refused, for a `mattermost` error. */
  readonly problem: Problem | null;

  constructor(payload: {
    kind: ErrorKind | "unexpected";
    message: string;
    path?: string | null;
    problem?: Problem | null;
  }) {
    super(payload.message);
    this.name = "AppError";
    this.kind = payload.kind;
    this.path = payload.path ?? null;
    this.problem = payload.problem ?? null;
  }

  static from(raw: unknown): AppError {
    if (raw instanceof AppError) return raw;
    if (isPayload(raw)) return new AppError(raw);
    const detail = raw instanceof Error ? raw.message : String(raw);
    return new AppError({ kind: "unexpected", message: `Something went wrong inside Pickboard: ${detail}` });
  }
}

function isPayload(raw: unknown): raw is ErrorPayload {
  if (typeof raw !== "object" || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return typeof r.kind === "string" && typeof r.message === "string";
}

export type Command = keyof Commands;

/** Runs a backend command; rejects with an `AppError`. */
export async function call<C extends Command>(
  command: C,
  args: Commands[C]["args"],
): Promise<Commands[C]["result"]> {
  try {
    return await invoke<Commands[C]["result"]>(command, args);
  } catch (raw) {
    throw AppError.from(raw);
  }
}

export type BackendEvent = keyof Events;

type Handler = (payload: never) => void;

/** The handlers of each event; the page's one channel from the backend feeds them all. */
const handlers = new Map<BackendEvent, Set<Handler>>();
let listening = false;

/**
 * Hands the backend the page's one channel for its events (`listen_to_backend`), at the first `listen`: one call,
 * where each of Tauri's own event listeners would have the app run a script in the page.
 */
function listenToBackend(): void {
  if (listening) return;
  let channel: Channel<EventMessage>;
  try {
    channel = new Channel<EventMessage>((message) => {
      handlers.get(message.event)?.forEach((handler) => {
        (handler as (payload: typeof message.payload) => void)(message.payload);
      });
    });
  } catch {
    // No backend to listen to (unit tests).
    return;
  }
  listening = true;
  call("listen_to_backend", { events: channel }).catch(() => {
    listening = false;
  });
}

/** Forgets the channel handed to the backend, so that the next `listen` hands a new one: each unit test has a backend
 * of its own, and the second test to listen heard nothing. */
export function forgetBackendChannel(): void {
  listening = false;
}

/**
 * Listens to a backend event until the returned function is called. Where there is no backend to listen to (unit
 * tests), it listens to nothing.
 */
export function listen<E extends BackendEvent>(event: E, handler: (payload: Events[E]) => void): () => void {
  let set = handlers.get(event);
  if (!set) {
    set = new Set();
    handlers.set(event, set);
  }
  const entry = handler as Handler;
  set.add(entry);
  listenToBackend();
  return () => {
    handlers.get(event)?.delete(entry);
  };
}

/** Runs `handler` for each `event` while the component is mounted; the latest `handler` always runs. */
export function useBackendEvent<E extends BackendEvent>(
  event: E,
  handler: (payload: Events[E]) => void,
): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      listen(event, (payload) => {
        latest.current(payload);
      }),
    [event],
  );
}
