// A stand-in for the Rust backend, behind the real `invoke` seam (mockIPC), for component tests. It records every
// call so tests can check what the UI asked for. Its handlers are typed by the generated `Commands`, so a command
// renamed or changed in Rust fails `tsc` here too.
import type { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, waitFor } from "@testing-library/react";
import { expect } from "vitest";

import type {
  Account,
  AccountChannel,
  Board,
  BoardSummary,
  ChannelSettings,
  Commands,
  Edited,
  ErrorPayload,
  Event,
  EventMessage,
  Failure,
  Idea,
  MenuCommand,
  Post,
  RoundView,
  Zone,
} from "../lib/bindings";
import type { Command } from "../lib/ipc";

export interface Call {
  command: string;
  args: Record<string, unknown>;
}

/** Ana, connected to Mattermost, her token in the credential store. */
export const ana: Account = {
  server: "https://chat.example.com",
  userId: "u1",
  username: "ana",
  displayName: "Ana Ribeiro",
  keeping: "credentialStore",
  tokenMasked: "tok-…ana",
  ballotsWaiting: false,
};

/** The Planning channel of the Infrastructure team, as a board that posts as the account keeps it. */
export const planning: AccountChannel = {
  teamId: "t1",
  teamName: "infra",
  teamDisplay: "Infrastructure",
  channelId: "c1",
  channelName: "planning",
  channelDisplay: "Planning",
};

/** Why a post that updates the last outcome failed when that post was deleted in Mattermost (`Problem::PostGone`). */
export const postGoneFailure: Failure = {
  problem: "postGone",
  message:
    "The post to update is no longer in the channel (it was deleted?). Post the outcome as a new post.",
  requestId: null,
  detail: null,
  errorId: null,
  retry: false,
  retryAfterMs: null,
};

/** A post held up in the outbox: Mattermost could not be reached, and it goes out by itself later. */
export const heldPost: Post = {
  id: 5,
  boardId: 1,
  status: "pending",
  message: "#### PICK outcome",
  parts: 1,
  partsSent: 0,
  error: { ...postGoneFailure, problem: "offline", message: "Mattermost could not be reached.", retry: true },
  createdAt: 0,
  postedAt: null,
  permalink: null,
  updatesEarlier: false,
  channelId: null,
  heldBehind: null,
};

/** A board's channel settings: the incoming webhook of ~ops. */
export const webhookSettings: ChannelSettings = {
  webhookMasked: "https://chat.example.com/hooks/abcd…",
  plainHttp: false,
  channel: "ops",
  username: "",
  iconUrl: "",
};

export function idea(id: number, title: string, zone: Zone, rank = id): Idea {
  const placed = zone !== "unsorted";
  return {
    id,
    boardId: 1,
    title,
    notes: "",
    position: placed ? { payoff: zone === "implement" || zone === "challenge" ? 7.5 : 2.5, cost: 2.5 } : null,
    zone,
    rank,
    owner: "",
    link: "",
    tags: [],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

export function board(ideas: Idea[], name = "Infra"): Board {
  return {
    id: 1,
    name,
    thresholds: { payoff: 5, cost: 5 },
    ideas,
    createdAt: 0,
    updatedAt: 0,
    canUndo: false,
    canRedo: false,
  };
}

/** An event of a board's history, as the backend sends it: idea `ideaId`'s, with `summary` over an empty one. */
export function historyEvent(kind: Event["kind"], summary: Partial<Event["summary"]>, ideaId = 2): Event {
  return {
    id: 1,
    boardId: 1,
    ideaId,
    kind,
    at: 0,
    summary: {
      title: null,
      from: null,
      to: null,
      fields: [],
      thresholdsBefore: null,
      thresholdsAfter: null,
      count: null,
      nameBefore: null,
      ...summary,
    },
  };
}

/** An edit's answer as the backend sends it; `lastEvent` is the edit's event, for an Undo that names it. */
export function edited(value: Idea, lastEvent = 1): Edited<Idea> {
  return { value, history: { canUndo: true, canRedo: false, lastEvent } };
}

function notFound(what: string): ErrorPayload {
  return { kind: "notFound", message: `This ${what} no longer exists.`, path: null, problem: null };
}

/** What the fake answers for each command it knows, given the arguments the UI sent. */
export type Handlers = { [C in Command]?: (args: Commands[C]["args"]) => Commands[C]["result"] };

/** What the backend sends the page, for a test: `listen` goes in the fake's handlers as `listen_to_backend`; `send`
 * delivers an event once the page listens, and `choose` a menu item's command, as the backend does for a click on it. */
export function backendEvents() {
  let events: Channel<EventMessage> | null = null;
  const listen: NonNullable<Handlers["listen_to_backend"]> = (args) => {
    events = args.events;
    return null;
  };
  async function send(message: EventMessage) {
    await waitFor(() => {
      expect(events).not.toBeNull();
    });
    act(() => {
      events?.onmessage(message);
    });
  }
  const choose = (command: MenuCommand) => send({ event: "menu-command", payload: command });
  return { listen, send, choose };
}

export function fakeBackend(initial: Board | null, overrides: Handlers = {}) {
  const calls: Call[] = [];
  let current = initial;
  let nextId = 100;
  let lastDeleted: Idea | null = null;
  const summaries = (): BoardSummary[] =>
    current ? [{ id: current.id, name: current.name, ideaCount: current.ideas.length, updatedAt: 0 }] : [];

  const handlers: Handlers = {
    open_status: () => ({ dataDir: "/data", databasePath: "/data/pickboard.db" }),
    get_preferences: () => ({ theme: "light", lastBoardId: current?.id ?? null, chartBoards: [] }),
    set_preferences: () => null,
    list_boards: () => summaries(),
    get_board: () => {
      if (!current) throw notFound("board");
      return current;
    },
    add_idea: (args) => {
      const added = idea(nextId++, args.title, args.zone, nextId);
      if (current) current = { ...current, ideas: [...current.ideas, added] };
      return edited(added);
    },
    add_ideas: (args) => {
      const added = args.titles.map((title) => idea(nextId++, title, args.zone, nextId));
      if (!current) throw notFound("board");
      current = { ...current, ideas: [...current.ideas, ...added] };
      return {
        value: { board: current, ids: added.map((i) => i.id) },
        history: { canUndo: true, canRedo: false, lastEvent: 7 },
      };
    },
    delete_idea: (args) => {
      const gone = current?.ideas.find((i) => i.id === args.id);
      if (!gone) throw notFound("idea");
      if (current) current = { ...current, ideas: current.ideas.filter((i) => i.id !== args.id) };
      lastDeleted = gone;
      return edited(gone);
    },
    list_events: () => [],
    // No Mattermost account, and boards that post through their webhook.
    get_account: () => null,
    first_frame_shown: () => null,
    get_account_channel: () => null,
    // Nothing held up in the outbox.
    waiting_posts: () => [],
    waiting_post_count: () => 0,
    // Undo takes back the last delete (what the component tests need of the history).
    undo: () => {
      if (!current) throw notFound("board");
      const back = lastDeleted;
      lastDeleted = null;
      if (!back) return { board: current, event: null };
      current = { ...current, ideas: [...current.ideas, back] };
      return {
        board: current,
        event: historyEvent("deleted", { title: back.title, from: back.zone }, back.id),
      };
    },
    ...overrides,
  };

  mockIPC((command, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ command, args });
    const handler = handlers[command as Command] as ((args: unknown) => unknown) | undefined;
    if (!handler)
      throw {
        kind: "invalid",
        message: `no fake for ${command}`,
        path: null,
        problem: null,
      } satisfies ErrorPayload;
    return handler(args);
  });
  return { calls, commands: () => calls.map((c) => c.command) };
}

/** A round on the board "Platform" that this member joined, open, with no idea and no draft yet. */
export const joinedRound: RoundView = {
  roundId: "r1",
  rootPostId: "p1",
  permalink: null,
  board: "Platform",
  ideas: [],
  thresholds: { payoff: 5, cost: 5 },
  deadline: null,
  note: "",
  facilitator: "",
  amFacilitator: false,
  boardId: null,
  startedAt: null,
  state: "open",
  draft: null,
};
