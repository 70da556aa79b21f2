// Server state: what the backend holds, cached by TanStack Query under one key per board and per panel. Every change
// goes through `afterChange`, the one place that decides what must be read again; nothing else refreshes state.
import { QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

import { backend } from "./backend";
import type { Board, HistoryState, Idea } from "./bindings";

/** The keys of everything the UI reads from the backend. A board's keys all start with `["board", id]`. */
export const keys = {
  status: ["status"] as const,
  preferences: ["preferences"] as const,
  boards: ["boards"] as const,
  /** The boards deleted and kept for 30 days (read again with the boards' list). */
  deletedBoards: ["boards", "deleted"] as const,
  backups: ["backups"] as const,
  board: (id: number) => ["board", id] as const,
  content: (id: number) => ["board", id, "content"] as const,
  events: (boardId: number, ideaId: number | null) => ["board", boardId, "events", ideaId] as const,
  allEvents: (boardId: number) => ["board", boardId, "events"] as const,
  posts: (boardId: number) => ["board", boardId, "posts"] as const,
  /** The board's posts waiting in the outbox: read again with its posts, whenever the outbox sends or is held up. */
  waitingPosts: (boardId: number) => ["board", boardId, "posts", "waiting"] as const,
  /** How many posts of all boards wait in the outbox. */
  outboxWaiting: ["outbox", "waiting"] as const,
  /** The post "Update the last post" would update: the last one posted as the account connected now. */
  updatablePost: (boardId: number) => ["board", boardId, "posts", "updatable"] as const,
  channel: (boardId: number) => ["board", boardId, "channel"] as const,
  /** The channel the board posts to as the Mattermost account, if it does. */
  accountChannel: (boardId: number) => ["board", boardId, "accountChannel"] as const,
  /** Who Pickboard is connected to Mattermost as. */
  account: ["account"] as const,
  /** The account's teams and channels, as Mattermost lists them. */
  accountChannels: ["account", "channels"] as const,
  /** The team rounds of a board started here, and those joined here. */
  rounds: (boardId: number) => ["board", boardId, "rounds"] as const,
  /** How many rounds started on a board are not closed. */
  openRounds: (boardId: number) => ["board", boardId, "openRounds"] as const,
  /** Who voted in a round (read from its thread). */
  roundStatus: (rootPostId: string) => ["round", rootPostId, "status"] as const,
  /** A revealed round's spread per idea. */
  reveal: (rootPostId: string) => ["round", rootPostId, "reveal"] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The backend is local: its answers are fresh until a change says otherwise, and a failure is reported, not
      // retried behind the user's back.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
      // A finished edit is dropped at once: nothing reads it after its answer. Kept for the default five minutes,
      // every move's objects stayed alive among its garbage and kept the JavaScript heap from shrinking.
      mutations: { retry: false, gcTime: 0 },
    },
  });
}

/** What changed, for `afterChange`. */
export type Change =
  /** An edit on one board, with the backend's answer when it sent one (it replaces any guess). */
  | { board: number; idea?: Idea; deleted?: number; history?: HistoryState; content?: Board }
  /** A post of the board was sent, retried or discarded. */
  | { board: number; posts: true }
  /** Boards came or went, or were renamed: the list and counts. */
  | { boards: true }
  /** The Mattermost account was connected, switched or disconnected. */
  | { account: true }
  /** The outbox sent or was held up in the background: every board's posts, as the dialog and the panel show them. */
  | { outbox: true }
  /** Anything may have changed (an import, a restore from a backup). */
  | { everything: true };

/** What is read as the account connected now: its teams and channels, each board's channel as the account (another
 * account's does not count), the post it may update in place, the rounds and who voted in them. */
function readAsTheAccount(key: readonly unknown[]): boolean {
  // Not the account itself: who is connected is what the change set.
  if ((key[0] === "account" && key.length > 1) || key[0] === "round") return true;
  return key[0] === "board" && (key[2] === "accountChannel" || key[2] === "rounds" || key[3] === "updatable");
}

/** The one invalidation path: applies the backend's answer to the cache and reads again what it makes stale. */
export function afterChange(client: QueryClient, change: Change): Promise<void> {
  if ("everything" in change) return client.invalidateQueries();
  if ("account" in change)
    return client.invalidateQueries({ predicate: (q) => readAsTheAccount(q.queryKey) });
  if ("boards" in change) return client.invalidateQueries({ queryKey: keys.boards });
  if ("outbox" in change)
    return client.invalidateQueries({
      predicate: (q) =>
        q.queryKey[0] === "outbox" || (q.queryKey[0] === "board" && q.queryKey[2] === "posts"),
    });
  const id = change.board;
  if ("posts" in change) return client.invalidateQueries({ queryKey: keys.posts(id) });
  const { idea, deleted, history, content } = change;
  // The boards list shows each board's name and number of ideas: an edit of an idea the board already had (a move, a
  // score, a field) changes neither, and the list is not read again for it.
  const countsUnchanged =
    idea !== undefined &&
    deleted === undefined &&
    content === undefined &&
    client.getQueryData<Board>(keys.content(id))?.ideas.some((i) => i.id === idea.id) === true;
  if (content) {
    // A read of the board still on its way (after a rename) is older than this answer: it put the name undone back.
    void client.cancelQueries({ queryKey: keys.content(id) });
    client.setQueryData(keys.content(id), content);
  } else if (idea || deleted !== undefined || history) {
    client.setQueryData<Board>(keys.content(id), (board) => {
      if (!board) return board;
      let ideas = board.ideas;
      if (deleted !== undefined) ideas = ideas.filter((i) => i.id !== deleted);
      if (idea) {
        const known = ideas.some((i) => i.id === idea.id);
        ideas = known ? ideas.map((i) => (i.id === idea.id ? idea : i)) : [...ideas, idea];
      }
      return {
        ...board,
        ideas,
        ...(history ? { canUndo: history.canUndo, canRedo: history.canRedo } : {}),
      };
    });
  } else {
    void client.invalidateQueries({ queryKey: keys.content(id) });
  }
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.allEvents(id) }),
    countsUnchanged ? undefined : client.invalidateQueries({ queryKey: keys.boards }),
  ]).then(() => undefined);
}

/** `afterChange` bound to the app's query client. */
export function useAfterChange(): (change: Change) => Promise<void> {
  const client = useQueryClient();
  return useCallback((change: Change) => afterChange(client, change), [client]);
}

export function useBoards() {
  return useQuery({ queryKey: keys.boards, queryFn: backend.listBoards });
}

export function useEvents(boardId: number, ideaId: number | null) {
  return useQuery({
    queryKey: keys.events(boardId, ideaId),
    queryFn: () => backend.listEvents(boardId, ideaId),
    // Read again each time the details open (a local query): kept, the history of every card opened in the last
    // five minutes would stay in memory.
    gcTime: 0,
  });
}
