import { mockIPC } from "@tauri-apps/api/mocks";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { App, newBoardName } from "./App";
import { Providers } from "./components/Providers";
import {
  backendEvents,
  board,
  edited,
  fakeBackend,
  idea,
  joinedRound,
  heldPost,
  webhookSettings,
  type Handlers,
} from "./test/fakeBackend";
import type { Post } from "./lib/bindings";

function renderApp() {
  return render(
    <Providers>
      <App />
    </Providers>,
  );
}

/** Infra, and Web (whose last change can be undone) unless `alone`, as the backend keeps them: Infra can be deleted
 * and restored. */
function infraAndWeb(alone = false, extra: Handlers = {}) {
  const infra = board([], "Infra");
  const web = { ...board([], "Web"), id: 2, canUndo: true };
  let deleted = false;
  const summary = (b: typeof infra) => ({ id: b.id, name: b.name, ideaCount: 0, updatedAt: 0 });
  const others = alone ? [] : [summary(web)];
  return fakeBackend(infra, {
    list_boards: () => (deleted ? others : [summary(infra), ...others]),
    get_board: (args) => (args.id === 2 ? web : infra),
    count_open_rounds: () => 0,
    delete_board: () => {
      deleted = true;
      return null;
    },
    restore_board: () => {
      deleted = false;
      return summary(infra);
    },
    undo: () => ({ board: web, event: null }),
    ...extra,
  });
}

/** Platform Q3 (board 1), which Duplicate copies as "Platform Q3 (copy)" (board 2), and the copy's Undo takes back. */
function platformAndCopy(extra: Handlers = {}) {
  const platform = board([], "Platform Q3");
  const copy = { ...board([], "Platform Q3 (copy)"), id: 2 };
  const summary = (b: typeof platform) => ({ id: b.id, name: b.name, ideaCount: 0, updatedAt: 0 });
  let copied = false;
  return fakeBackend(platform, {
    list_boards: () => (copied ? [summary(platform), summary(copy)] : [summary(platform)]),
    get_board: (args) => (args.id === 2 ? copy : platform),
    duplicate_board: () => {
      copied = true;
      return summary(copy);
    },
    discard_copy: () => {
      copied = false;
      return null;
    },
    ...extra,
  });
}

/** Two boards, Infra and Web (whose last change can be undone): Infra deleted from its menu, and Web shown next. */
async function deleteInfraForWeb(extra: Handlers = {}) {
  const fake = infraAndWeb(false, extra);
  renderApp();
  await deleteFromItsMenu("Infra", "Web");
  return fake;
}

/** Deletes the board `name`, shown, from its menu, and waits for the board `next` to be shown. */
async function deleteFromItsMenu(name: string, next: string) {
  expect(await screen.findByDisplayValue(name)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "Board" }));
  await userEvent.click(screen.getByRole("menuitem", { name: "Delete…" }));
  await userEvent.click(await screen.findByRole("button", { name: "Delete board" }));
  expect(await screen.findByDisplayValue(next)).toBeInTheDocument();
}

/** Presses Ctrl+Z on the page and checks it undid the shown board's change, not a board's delete. */
async function expectCtrlZToUndoTheBoardNotTheDelete(fake: ReturnType<typeof fakeBackend>) {
  await undoOffered();
  (document.activeElement as HTMLElement | null)?.blur();
  await userEvent.keyboard("{Control>}z{/Control}");
  await waitFor(() => {
    expect(fake.commands()).toContain("undo");
  });
  expect(fake.commands()).not.toContain("restore_board");
}

/** Presses Ctrl+Z on the page and checks it brought the deleted board Infra back, not undid the shown board's change. */
async function expectCtrlZToBringInfraBack(fake: ReturnType<typeof fakeBackend>) {
  (document.activeElement as HTMLElement | null)?.blur();
  await userEvent.keyboard("{Control>}z{/Control}");
  expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
  expect(fake.commands()).toContain("restore_board");
  expect(fake.commands()).not.toContain("undo");
}

/** Waits, as a person does, until the board's ↶ offers the change just made: the answer to it can come a moment after
 * the field shows it, and a Ctrl+Z pressed before then found nothing to undo (under load, in a full run). */
async function undoOffered() {
  await waitFor(() => {
    expect(screen.getByRole("button", { name: "Undo the last change" })).toBeEnabled();
  });
}

/** Four boards, Infra, Web, Ops and Lab, in that order (each with a change to undo), as the backend keeps them: each
 * can be deleted and restored. */
function fourBoards() {
  const names = ["Infra", "Web", "Ops", "Lab"];
  const deleted = new Set<number>();
  const shown = (id: number) => ({ ...board([], names[id - 1] ?? ""), id, canUndo: true });
  const summary = (id: number) => ({ id, name: names[id - 1] ?? "", ideaCount: 0, updatedAt: 0 });
  const fake = fakeBackend(shown(1), {
    list_boards: () => [1, 2, 3, 4].filter((id) => !deleted.has(id)).map(summary),
    get_board: (args) => shown(args.id),
    count_open_rounds: () => 0,
    delete_board: (args) => {
      deleted.add(args.id);
      return null;
    },
    restore_board: (args) => {
      deleted.delete(args.id);
      return summary(args.id);
    },
    undo: () => ({ board: shown(3), event: null }),
  });
  renderApp();
  return fake;
}

/** Four boards (`fourBoards`): Infra deleted, then Web, and Ops shown. */
async function deleteInfraThenWeb() {
  const fake = fourBoards();
  for (const [name, next] of [
    ["Infra", "Web"],
    ["Web", "Ops"],
  ] as const) {
    await deleteFromItsMenu(name, next);
  }
  return fake;
}

/** A first run: no board yet; a board created is the one shown, empty, with no open rounds. */
function firstRun(overrides: Handlers = {}) {
  let made: ReturnType<typeof board> | null = null;
  return fakeBackend(null, {
    create_board: (args) => {
      made = board([], args.name);
      return { id: 1, name: args.name, ideaCount: 0, updatedAt: 0 };
    },
    list_boards: () => (made ? [{ id: 1, name: made.name, ideaCount: 0, updatedAt: 0 }] : []),
    get_board: () => made ?? board([]),
    count_open_rounds: () => 0,
    ...overrides,
  });
}

describe("App", () => {
  it("welcomes a first-time user and starts a sample board", async () => {
    const fake = fakeBackend(null, {
      create_sample_board: () => ({ id: 1, name: "Sample", ideaCount: 9, updatedAt: 0 }),
    });
    renderApp();
    expect(await screen.findByRole("heading", { name: "Welcome to Pickboard" })).toBeInTheDocument();
    for (const name of ["Implement", "Challenge", "Possible", "Kill"]) {
      expect(screen.getByText(name)).toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole("button", { name: "Start with a sample board" }));
    await waitFor(() => {
      expect(fake.commands()).toContain("create_sample_board");
    });
  });

  it("says on the welcome that the data folder's backups hold boards, and opens them to restore one", async () => {
    const backup = {
      fileName: "pickboard-2026-12-06-173823-at-quit.db",
      createdAt: Date.UTC(2026, 11, 6, 17, 38),
      bytes: 40_960,
      boards: 1,
      ideas: 9,
      beforeRestore: false,
      problem: null,
    };
    fakeBackend(null, { list_backups: () => [backup] });
    renderApp();
    // The database file deleted while Pickboard ran: the next start began anew, and said nothing of them.
    expect(
      await screen.findByText(
        /This data folder's backups hold boards: the newest, of .+, has 1 board and 9 ideas\./,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Restore from a backup…" }));
    expect(await screen.findByRole("dialog", { name: "Backups" })).toBeInTheDocument();
  });

  it("says on the welcome that boards were deleted lately, and opens Deleted boards to bring them back", async () => {
    const gone = (id: number, name: string) => ({ id, name, ideaCount: 3, deletedAt: Date.now() - 1000 });
    let deleted = [gone(1, "Q3 infra"), gone(2, "Web platform")];
    fakeBackend(null, {
      list_deleted_boards: () => deleted,
      delete_boards_for_good: (args) => {
        deleted = deleted.filter((b) => !args.ids.includes(b.id));
        return null;
      },
    });
    renderApp();
    // Every board deleted: the first-run welcome said nothing of the 30 days in which they can be brought back.
    const line = "2 boards were deleted in the last 30 days, and can be brought back.";
    expect(await screen.findByText(line)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Open Deleted boards…" }));
    expect(await screen.findByRole("dialog", { name: "Deleted boards" })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Restore “Web platform”" })).toBeInTheDocument();
    // Deleted for good there, they are no longer offered here.
    await userEvent.click(screen.getByRole("button", { name: "Delete all for good…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Delete all for good" }));
    expect(await screen.findByText("Deleted 2 boards for good.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    await waitFor(() => {
      expect(screen.queryByText(line)).toBeNull();
    });
    expect(screen.queryByRole("button", { name: "Open Deleted boards…" })).toBeNull();
  });

  it("names the one board deleted lately on the welcome, cut short when long", async () => {
    let name = "Q3 infra";
    fakeBackend(null, {
      list_deleted_boards: () => [{ id: 1, name, ideaCount: 3, deletedAt: Date.now() - 1000 }],
    });
    const { unmount } = renderApp();
    expect(
      await screen.findByText(
        "The board “Q3 infra” was deleted in the last 30 days, and can be brought back.",
      ),
    ).toBeInTheDocument();
    unmount();
    // A name of 100 characters with no space took the line, and its button, past the window's edge.
    name = `${"N".repeat(95)}01234`;
    renderApp();
    expect(
      await screen.findByText(
        `The board “${"N".repeat(39)}…” was deleted in the last 30 days, and can be brought back.`,
      ),
    ).toBeInTheDocument();
  });

  it("takes a first-time member asked to estimate straight to Team rounds", async () => {
    const fake = firstRun();
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Join a team round…" }));
    expect(await screen.findByRole("heading", { name: "Team rounds", level: 2 })).toBeInTheDocument();
    // The board is named for what it is for, not "My first board".
    expect(fake.calls.find((c) => c.command === "create_board")?.args).toEqual({ name: "Team rounds" });
    // Not connected yet: the way to connect is the screen's one action.
    expect(await screen.findByRole("button", { name: "Connect to Mattermost…" })).toBeInTheDocument();
  });

  it("takes the board Join made away when Back leaves it with nothing on it, and welcomes again", async () => {
    let made = false;
    const fake = firstRun({
      create_board: (args) => {
        made = true;
        return { id: 1, name: args.name, ideaCount: 0, updatedAt: 0 };
      },
      get_board: () => board([], "Team rounds"),
      list_boards: () => (made ? [{ id: 1, name: "Team rounds", ideaCount: 0, updatedAt: 0 }] : []),
      list_open_rounds: () => [],
      list_closed_rounds: () => [],
      delete_board: () => {
        made = false;
        return null;
      },
      delete_boards_for_good: () => null,
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Join a team round…" }));
    await userEvent.click(await screen.findByRole("button", { name: "← Back to the board" }));
    expect(await screen.findByRole("heading", { name: "Welcome to Pickboard" })).toBeInTheDocument();
    expect(fake.calls.find((c) => c.command === "delete_boards_for_good")?.args).toEqual({ ids: [1] });
  });

  it("keeps the board Join made when a round was joined on it", async () => {
    const fake = firstRun({
      list_open_rounds: () => [],
      list_closed_rounds: () => [{ ...joinedRound, state: "closed" }],
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Join a team round…" }));
    await userEvent.click(await screen.findByRole("button", { name: "← Back to the board" }));
    expect(await screen.findByRole("region", { name: "Implement" })).toBeInTheDocument();
    expect(fake.commands()).not.toContain("delete_board");
  });

  it("opens a board with no idea and a round open on its Team rounds, as the member left it", async () => {
    const fake = fakeBackend(board([], "Team rounds"), {
      list_open_rounds: () => [joinedRound],
      list_closed_rounds: () => [],
    });
    renderApp();
    expect(await screen.findByRole("heading", { name: "Team rounds" })).toBeInTheDocument();
    expect(fake.calls.find((c) => c.command === "list_open_rounds")?.args).toEqual({ boardId: 1 });
  });

  it("opens a board with ideas on the board, without asking for its rounds", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")], "Platform"), {
      list_open_rounds: () => [joinedRound],
    });
    renderApp();
    expect(await screen.findByRole("region", { name: "Implement" })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.commands()).not.toContain("list_open_rounds");
    expect(screen.queryByRole("heading", { name: "Team rounds" })).toBeNull();
  });

  it("says on the welcome that File › Export board needs a board, where it did nothing", async () => {
    const backend = backendEvents();
    const fake = firstRun({ listen_to_backend: backend.listen });
    renderApp();
    await screen.findByRole("button", { name: "Join a team round…" });
    await backend.choose("export-json");
    expect(
      await screen.findByText("Open a board first: an export saves the board shown to a file."),
    ).toBeInTheDocument();
    expect(fake.commands()).not.toContain("create_board");
  });

  it("answers the Team menu on the welcome: the account and rounds as Join does, Post to channel in words", async () => {
    const backend = backendEvents();
    const fake = firstRun({ listen_to_backend: backend.listen });
    renderApp();
    await screen.findByRole("button", { name: "Join a team round…" });
    await backend.choose("post-to-channel");
    expect(await screen.findByText(/Open a board first: its outcome/)).toBeInTheDocument();
    expect(fake.commands()).not.toContain("create_board");
    await backend.choose("mattermost-account");
    expect(await screen.findByRole("heading", { name: "Team rounds", level: 2 })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Connect to Mattermost…" })).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.command === "create_board").map((c) => c.args)).toEqual([
      { name: "Team rounds" },
    ]);
  });

  it("says in the window that today's backup failed", async () => {
    const backend = backendEvents();
    fakeBackend(board([], "Infra"), { listen_to_backend: backend.listen });
    renderApp();
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    const message =
      "Today's backup could not be made: the disk is full. Your boards are saved as always; only the folder " +
      '"backups" has no copy of today. Pickboard tries again the next time it starts.';
    await backend.send({ event: "backup-failed", payload: { message } });
    expect(await screen.findByText(message)).toBeVisible();
  });

  it("says a post is held up in the outbox once its dialog is closed, and when it has gone out", async () => {
    const backend = backendEvents();
    const held = heldPost;
    let waiting = [held];
    fakeBackend(board([], "Infra"), {
      listen_to_backend: backend.listen,
      waiting_posts: () => waiting,
      list_posts: () => [{ ...held, status: "posted", error: null, partsSent: 1, postedAt: 1 }],
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "1 post waiting" }));
    expect(await screen.findByRole("complementary", { name: "Posts" })).toBeInTheDocument();
    // The outbox sends it by itself, and says so.
    waiting = [];
    await backend.send({ event: "outbox-changed", payload: {} });
    expect(await screen.findByText("The post that waited in the outbox is in Mattermost now.")).toBeVisible();
    expect(screen.queryByRole("button", { name: "1 post waiting" })).toBeNull();
  });

  it("says once that a held-up post went out when Retry now in its dialog sent it", async () => {
    const backend = backendEvents();
    const held = heldPost;
    const posted: Post = { ...held, status: "posted", error: null, partsSent: 1, postedAt: 1 };
    let now: Post | null = null;
    fakeBackend(board([idea(1, "Rotate certs", "implement")], "Infra"), {
      listen_to_backend: backend.listen,
      get_channel_settings: () => webhookSettings,
      preview_post: () => "#### PICK outcome: Infra",
      post_to_channel: () => (now = held),
      waiting_posts: () => (now?.status === "pending" ? [now] : []),
      list_posts: () => (now ? [now] : []),
      retry_post: () => {
        now = posted;
        return posted;
      },
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Post to channel" }));
    await userEvent.click(await screen.findByRole("button", { name: "Post" }));
    await screen.findByText(/could not be reached/);
    await backend.send({ event: "outbox-changed", payload: {} });
    await userEvent.click(screen.getByRole("button", { name: "Retry now" }));
    expect(await screen.findByText("Posted to Mattermost.")).toBeVisible();
    await backend.send({ event: "outbox-changed", payload: {} });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.queryByText("The post that waited in the outbox is in Mattermost now.")).toBeNull();
  });

  it("shows the keyboard shortcuts from Help and on F1 on the welcome", async () => {
    const backend = backendEvents();
    firstRun({ listen_to_backend: backend.listen });
    renderApp();
    await screen.findByRole("button", { name: "Join a team round…" });
    await backend.choose("shortcuts");
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    // F1 too, as on a board.
    await userEvent.keyboard("{F1}");
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeInTheDocument();
  });

  it("leaves the menu's items but quit and the theme waiting while a dialog is open", async () => {
    const backend = backendEvents();
    const fake = infraAndWeb(true, { listen_to_backend: backend.listen });
    renderApp();
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    await backend.choose("mattermost-account");
    const connect = await screen.findByRole("dialog", { name: "Connect to Mattermost" });
    // Team rounds opened behind it, and File's dialogs over it.
    for (const command of [
      "team-rounds",
      "restore",
      "deleted-boards",
      "shortcuts",
      "post-to-channel",
    ] as const) {
      await backend.choose(command);
    }
    await backend.choose("theme-dark");
    await waitFor(() => {
      expect(fake.commands()).toContain("set_preferences");
    });
    expect(screen.getAllByRole("dialog")).toEqual([connect]);
    expect(screen.queryByRole("heading", { name: "Team rounds" })).not.toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    await backend.choose("team-rounds");
    expect(await screen.findByRole("heading", { name: "Team rounds" })).toBeInTheDocument();
  });

  it("makes one board for + New board pressed twice before the first is made", async () => {
    const fake = infraAndWeb(true, {
      create_board: (args) => ({ id: 3, name: args.name, ideaCount: 0, updatedAt: 0 }),
    });
    renderApp();
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "+ New board" });
    // Two Enters in one go, before the page draws again.
    act(() => {
      button.click();
      button.click();
    });
    await waitFor(() => {
      expect(fake.commands()).toContain("create_board");
    });
    await act(() => new Promise((done) => setTimeout(done, 50)));
    expect(fake.commands().filter((c) => c === "create_board")).toHaveLength(1);
  });

  it("makes a new board from File › New board, its name ready to type, on the welcome too", async () => {
    const backend = backendEvents();
    const fake = firstRun({ listen_to_backend: backend.listen });
    renderApp();
    await screen.findByRole("button", { name: "Join a team round…" });
    await backend.choose("new-board");
    // Selected, ready to type over (`select()`, which focuses it in the window).
    const name = await screen.findByDisplayValue<HTMLInputElement>("Untitled board");
    await waitFor(() => {
      expect([name.selectionStart, name.selectionEnd]).toEqual([0, "Untitled board".length]);
    });
    expect(fake.calls.filter((c) => c.command === "create_board")).toEqual([
      { command: "create_board", args: { name: "Untitled board" } },
    ]);
  });

  it("keeps the rest of a double click on Start empty from the new board under the pointer", async () => {
    firstRun();
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Start empty" }));
    // The second press landed on the board drawn under the pointer: it took the focus from the new board's name, and
    // the name typed next went to the board's keys (N to New idea).
    expect(fireEvent.mouseDown(document.body, { detail: 2 })).toBe(false);
    expect(await screen.findByDisplayValue("My first board")).toBeInTheDocument();
  });

  it("leaves the name of a new board alone once it was renamed and the rename undone", async () => {
    const backend = backendEvents();
    let name = "Untitled board";
    const named = () => ({ ...board([], name), canUndo: name !== "Untitled board" });
    firstRun({
      listen_to_backend: backend.listen,
      get_board: named,
      rename_board: (args) => {
        name = args.name;
        return {
          value: { id: 1, name, ideaCount: 0, updatedAt: 1 },
          history: { canUndo: true, canRedo: false, lastEvent: 1 },
        };
      },
      undo: () => {
        name = "Untitled board";
        return { board: named(), event: null };
      },
    });
    renderApp();
    await screen.findByRole("button", { name: "Join a team round…" });
    await backend.choose("new-board");
    const field = await screen.findByDisplayValue<HTMLInputElement>("Untitled board");
    const selected = (input: HTMLInputElement) => [input.selectionStart, input.selectionEnd];
    await waitFor(() => {
      expect(selected(field)).toEqual([0, "Untitled board".length]);
    });
    await userEvent.clear(field);
    await userEvent.type(field, "Trip{Enter}");
    expect(await screen.findByDisplayValue("Trip")).toBeInTheDocument();
    await undoOffered();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    const back = await screen.findByDisplayValue<HTMLInputElement>("Untitled board");
    // Selected again (in the window, with the focus), as when the board was new, it took the next keys: a redo, and
    // typing renamed the board.
    await act(() => new Promise((done) => setTimeout(done, 50)));
    expect(selected(back)).not.toEqual([0, "Untitled board".length]);
  });

  it("reopens the last board", async () => {
    fakeBackend(board([], "Platform Q3"));
    renderApp();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
  });

  it("opens a board on the view it was left in, kept across restarts in the preferences", async () => {
    const fake = fakeBackend(board([], "Platform Q3"), {
      get_preferences: () => ({ theme: "light", lastBoardId: 1, chartBoards: [1] }),
    });
    renderApp();
    expect(await screen.findByRole("radio", { name: "Chart" })).toBeChecked();
    expect(fake.commands()).not.toContain("set_preferences");
    await userEvent.click(screen.getByRole("radio", { name: "Quadrants" }));
    await waitFor(() => {
      expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toMatchObject({
        preferences: { lastBoardId: 1, chartBoards: [] },
      });
    });
    await userEvent.click(screen.getByRole("radio", { name: "Chart" }));
    await waitFor(() => {
      expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toMatchObject({
        preferences: { chartBoards: [1] },
      });
    });
  });

  it("opens a duplicate of a board shown as the chart on the chart", async () => {
    const fake = platformAndCopy({
      get_preferences: () => ({ theme: "light", lastBoardId: 1, chartBoards: [1] }),
    });
    renderApp();
    expect(await screen.findByRole("radio", { name: "Chart" })).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Duplicate" }));
    expect(await screen.findByDisplayValue("Platform Q3 (copy)")).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Chart" })).toBeChecked();
    expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toMatchObject({
      preferences: { lastBoardId: 2, chartBoards: [1, 2] },
    });
  });

  it("says a board was copied, and its Undo takes the copy back and shows the board copied", async () => {
    const fake = platformAndCopy({
      get_preferences: () => ({ theme: "light", lastBoardId: 1, chartBoards: [1] }),
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Duplicate" }));
    expect(
      await screen.findByText("Made a copy of “Platform Q3”: “Platform Q3 (copy)”."),
    ).toBeInTheDocument();
    expect(screen.getByDisplayValue("Platform Q3 (copy)")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Platform Q3 \(copy\)/ })).toBeInTheDocument();

    // A double click takes it back once.
    await userEvent.dblClick(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Took back the copy “Platform Q3 (copy)”.")).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.command === "discard_copy")).toEqual([
      { command: "discard_copy", args: { id: 2 } },
    ]);
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Platform Q3 \(copy\)/ })).not.toBeInTheDocument();
    // Nor is its view kept: a new board that took its number opened on the chart.
    await waitFor(() => {
      expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toMatchObject({
        preferences: { lastBoardId: 1, chartBoards: [1] },
      });
    });
  });

  it("takes a copy just made back on Ctrl+Z too, which the toolbar's ↶ says", async () => {
    const fake = platformAndCopy();
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Duplicate" }));
    expect(await screen.findByDisplayValue("Platform Q3 (copy)")).toBeInTheDocument();
    // The copy has no history of its own: Ctrl+Z said "Nothing to undo".
    expect(screen.getByRole("button", { name: "Take back the copy “Platform Q3 (copy)”" })).toBeEnabled();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByText("Took back the copy “Platform Q3 (copy)”.")).toBeInTheDocument();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "discard_copy")).toHaveLength(1);
    // Once taken back, the toast's Undo is gone with its toast, and Ctrl+Z is the board's own again.
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(screen.getByRole("button", { name: "Undo the last change" })).toBeInTheDocument();
  });

  it("makes a copy taken back on Ctrl+Z again on Ctrl+Shift+Z, not the board's own older undone step", async () => {
    // Platform Q3 has a step undone before the copy: Ctrl+Shift+Z redid that, though Ctrl+Z had taken the copy back.
    const fake = platformAndCopy({
      get_board: (args) =>
        args.id === 2
          ? { ...board([], "Platform Q3 (copy)"), id: 2 }
          : { ...board([], "Platform Q3"), canRedo: true },
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Duplicate" }));
    expect(await screen.findByDisplayValue("Platform Q3 (copy)")).toBeInTheDocument();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByText("Took back the copy “Platform Q3 (copy)”.")).toBeInTheDocument();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    const again = await screen.findByRole("button", { name: "Make the copy “Platform Q3 (copy)” again" });
    expect(again).toHaveAttribute("title", "Make the copy “Platform Q3 (copy)” again (Ctrl+Shift+Z)");

    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    expect(await screen.findByDisplayValue("Platform Q3 (copy)")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "duplicate_board")).toHaveLength(2);
    expect(fake.commands()).not.toContain("redo");
    // The copy made again is taken back as the first was; then the board's own step is the next redo.
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    await waitFor(() => {
      expect(fake.commands().filter((c) => c === "discard_copy")).toHaveLength(2);
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    expect(await screen.findByDisplayValue("Platform Q3 (copy)")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "duplicate_board")).toHaveLength(3);
    expect(fake.commands()).not.toContain("redo");
  }, 20_000);

  it("keeps a copy changed since it was made, and says why, when its Undo is pressed", async () => {
    const reason =
      "“Platform Q3 (copy)” was changed since it was made, so it is kept. If it is not wanted, delete it from the board's menu (Delete…).";
    platformAndCopy({
      discard_copy: () => {
        throw { kind: "invalid", message: reason };
      },
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Duplicate" }));
    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(screen.getByDisplayValue("Platform Q3 (copy)")).toBeInTheDocument();
  });

  it("shows an error screen naming the file when the database cannot be opened", async () => {
    mockIPC(() => {
      throw { kind: "databaseTooNew", message: "Update Pickboard to open it.", path: "/home/a/pickboard.db" };
    });
    renderApp();
    expect(
      await screen.findByRole("heading", { name: "This database needs a newer Pickboard" }),
    ).toBeInTheDocument();
    expect(screen.getByText("/home/a/pickboard.db")).toBeInTheDocument();
  });

  it("takes the theme picked in View › Theme, and keeps it, as the sidebar's switch does", async () => {
    const backend = backendEvents();
    const fake = fakeBackend(board([], "Platform Q3"), {
      listen_to_backend: backend.listen,
    });
    renderApp();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    await backend.choose("theme-dark");
    await waitFor(() => {
      expect(document.documentElement.dataset.theme).toBe("dark");
    });
    expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toMatchObject({
      preferences: { theme: "dark" },
    });
    expect(screen.getByRole("radio", { name: "Dark" })).toBeChecked();
  });

  it("shows a database that cannot be opened in the person's theme, and follows View › Theme there", async () => {
    const backend = backendEvents();
    const fake = fakeBackend(null, {
      listen_to_backend: backend.listen,
      get_preferences: () => ({ theme: "dark", lastBoardId: 4, chartBoards: [4] }),
      open_status: () => {
        throw {
          kind: "databaseCorrupt",
          message: "Pickboard could not read it.",
          path: "/d/pickboard.db",
          problem: null,
        };
      },
      list_backups: () => [],
    });
    renderApp();
    expect((await screen.findAllByText(/could not read it/)).length).toBeGreaterThan(0);
    expect(document.documentElement.dataset.theme).toBe("dark");
    await backend.choose("theme-light");
    await waitFor(() => {
      expect(document.documentElement.dataset.theme).toBe("light");
    });
    // The rest of what was stored stays as it was.
    expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toEqual({
      preferences: { theme: "light", lastBoardId: 4, chartBoards: [4] },
    });
  });

  it("asks before quitting with a change not saved, stays open on Keep, and quits by itself once it is saved", async () => {
    const backend = backendEvents();
    let save: (() => void) | null = null;
    const fake = fakeBackend(board([], "Platform Q3"), {
      listen_to_backend: backend.listen,
      keep_open: () => null,
      quit_app: () => null,
      // The data folder cannot be written: the save waits.
      add_idea: ((args: { title: string }) =>
        new Promise((resolve) => {
          save = () => {
            resolve(edited(idea(100, args.title, "unsorted")));
          };
        })) as unknown as NonNullable<Handlers["add_idea"]>,
    });
    renderApp();
    await userEvent.type(await screen.findByLabelText("New idea"), "Rotate TLS certificates{Enter}");
    const quit = async () => {
      await backend.choose("quit");
      return screen.findByRole("dialog", { name: "Quit without saving?" }, { timeout: 4000 });
    };
    const asked = await quit();
    expect(asked).toHaveTextContent("1 change is not saved yet");
    expect(fake.commands()).toContain("keep_open");
    expect(fake.commands()).not.toContain("quit_app");
    const keep = screen.getByRole("button", { name: "Keep Pickboard open" });
    expect(keep).toHaveFocus();
    await userEvent.click(keep);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fake.commands()).not.toContain("quit_app");

    await quit();
    act(() => {
      save?.();
    });
    await waitFor(() => {
      expect(fake.commands()).toContain("quit_app");
    });
  }, 15_000);

  it("adds a New idea typed and not added when Pickboard is quit, before it quits", async () => {
    const backend = backendEvents();
    const fake = fakeBackend(board([], "Platform Q3"), {
      listen_to_backend: backend.listen,
      quit_app: () => null,
    });
    renderApp();
    await userEvent.type(await screen.findByLabelText("New idea"), "Rotate TLS certificates");
    await backend.choose("quit");
    await waitFor(() => {
      expect(fake.commands()).toContain("quit_app");
    });
    const commands = fake.commands();
    expect(fake.calls.find((c) => c.command === "add_idea")?.args).toMatchObject({
      title: "Rotate TLS certificates",
      zone: "unsorted",
    });
    expect(commands.indexOf("add_idea")).toBeLessThan(commands.indexOf("quit_app"));
    expect(screen.getByLabelText("New idea")).toHaveValue("");
  });

  it("asks before quitting with a score typed in the details that cannot be saved, and stays open on Keep", async () => {
    const backend = backendEvents();
    const fake = fakeBackend(board([idea(7, "Rotate TLS certificates", "implement")], "Platform Q3"), {
      listen_to_backend: backend.listen,
      keep_open: () => null,
      quit_app: () => null,
    });
    renderApp();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate TLS certificates/ }));
    const payoff = await screen.findByRole("textbox", { name: /^Payoff/ });
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "15");
    // Ctrl+Q quit at once, and the 15 was gone.
    await backend.choose("quit");
    const asked = await screen.findByRole("dialog", { name: "Quit without saving?" }, { timeout: 4000 });
    expect(asked).toHaveTextContent("A field of the idea's details holds what cannot be saved");
    expect(fake.commands()).toContain("keep_open");
    await userEvent.click(screen.getByRole("button", { name: "Keep Pickboard open" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fake.commands()).not.toContain("quit_app");
    expect(screen.getByRole("textbox", { name: /^Payoff/ })).toHaveValue("15");
  }, 15_000);

  it("asks before quitting with a post waiting in the outbox, and quits by itself once it has gone out", async () => {
    const backend = backendEvents();
    let waiting = 1;
    const fake = fakeBackend(board([], "Platform Q3"), {
      listen_to_backend: backend.listen,
      keep_open: () => null,
      quit_app: () => null,
      waiting_post_count: () => waiting,
    });
    renderApp();
    await screen.findByDisplayValue("Platform Q3");
    await backend.choose("quit");
    const asked = await screen.findByRole("dialog", { name: "Quit with a post waiting?" }, { timeout: 4000 });
    expect(asked).toHaveTextContent("1 post to Mattermost waits in the outbox");
    expect(fake.commands()).toContain("keep_open");
    expect(fake.commands()).not.toContain("quit_app");
    await userEvent.click(screen.getByRole("button", { name: "Keep Pickboard open" }));
    expect(screen.queryByRole("dialog")).toBeNull();

    await backend.choose("quit");
    await screen.findByRole("dialog", { name: "Quit with a post waiting?" }, { timeout: 4000 });
    expect(fake.commands()).not.toContain("quit_app");
    // The outbox sends it while the question stands.
    waiting = 0;
    await backend.send({ event: "outbox-changed", payload: {} });
    await waitFor(() => {
      expect(fake.commands()).toContain("quit_app");
    });
  }, 15_000);

  it("brings a board just deleted back on Ctrl+Z, not undoing the next board's last change", async () => {
    const fake = await deleteInfraForWeb();
    await expectCtrlZToBringInfraBack(fake);
    expect(await screen.findByText("Brought back the board “Infra”.")).toBeInTheDocument();
    // The focus is on the board's menu, as after the delete: it was lost with the board shown before.
    await waitFor(() => {
      expect(screen.getByRole("button", { name: "Board" })).toHaveFocus();
    });
    expect(screen.queryByText("Deleted the board “Infra”.")).not.toBeInTheDocument();
    // Once it is back, Ctrl+Z is the shown board's own undo again.
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(fake.commands()).toContain("undo");
    });
    expect(fake.commands().filter((c) => c === "restore_board")).toHaveLength(1);
  }, 20_000);

  it("offers a board deleted minutes before the window opened: its Undo and Ctrl+Z bring it back, not Web's last change", async () => {
    // Pickboard was killed right after the delete: it opens on Web, and the delete's Ctrl+Z undid Web's last change.
    let back = false;
    const summary = (id: number, name: string) => ({ id, name, ideaCount: 0, updatedAt: 0 });
    const fake = infraAndWeb(false, {
      list_boards: () => (back ? [summary(1, "Infra"), summary(2, "Web")] : [summary(2, "Web")]),
      list_deleted_boards: () =>
        back ? [] : [{ id: 1, name: "Infra", ideaCount: 0, deletedAt: Date.now() - 2 * 60_000 }],
      restore_board: () => {
        back = true;
        return summary(1, "Infra");
      },
    });
    renderApp();
    expect(await screen.findByDisplayValue("Web")).toBeInTheDocument();
    expect(await screen.findByText("Deleted the board “Infra” 2 minutes ago.")).toBeInTheDocument();
    await expectCtrlZToBringInfraBack(fake);
  }, 20_000);

  it("leaves a board deleted long before the window opened to Deleted boards: Ctrl+Z is the shown board's", async () => {
    const fake = infraAndWeb(false, {
      list_boards: () => [{ id: 2, name: "Web", ideaCount: 0, updatedAt: 0 }],
      list_deleted_boards: () => [
        { id: 1, name: "Infra", ideaCount: 0, deletedAt: Date.now() - 60 * 60_000 },
      ],
    });
    renderApp();
    expect(await screen.findByDisplayValue("Web")).toBeInTheDocument();
    await waitFor(() => {
      expect(fake.commands()).toContain("list_deleted_boards");
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(fake.commands()).toContain("undo");
    });
    expect(fake.commands()).not.toContain("restore_board");
    expect(screen.queryByText(/Deleted the board “Infra”/)).not.toBeInTheDocument();
  }, 20_000);

  it("deletes a board brought back on Ctrl+Z again on Ctrl+Shift+Z, and brings it back again on Ctrl+Z", async () => {
    const fake = await deleteInfraForWeb({
      get_board: (args) => (args.id === 2 ? { ...board([], "Web"), id: 2 } : board([], "Infra")),
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    const again = await screen.findByRole("button", { name: "Delete the board “Infra” again" });
    await userEvent.click(again);
    expect(await screen.findByDisplayValue("Web")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "delete_board")).toHaveLength(2);
    expect(await screen.findByText("Deleted the board “Infra”.")).toBeInTheDocument();
    // Nothing left to do again: the ↷ is the board's own, with nothing to redo.
    expect(screen.getByRole("button", { name: "Redo the last undone change" })).toBeDisabled();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "restore_board")).toHaveLength(2);
    expect(fake.commands()).not.toContain("undo");
  }, 20_000);

  it("keeps a board just deleted for Ctrl+Z after a Ctrl+Shift+Z with nothing to redo", async () => {
    const web = { ...board([], "Web"), id: 2 };
    const fake = await deleteInfraForWeb({
      get_board: (args) => (args.id === 2 ? web : board([], "Infra")),
      redo: () => ({ board: web, event: null }),
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(() => {
      expect(fake.commands()).toContain("redo");
    });
    // The redo found nothing: it made Ctrl+Z forget the delete, which it promised to take back.
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    expect(fake.commands()).toContain("restore_board");
  }, 20_000);

  it("deletes a board brought back once on a double click on ↷, though it has a step of its own to redo", async () => {
    const fake = await deleteInfraForWeb({
      get_board: (args) =>
        args.id === 2 ? { ...board([], "Web"), id: 2 } : { ...board([], "Infra"), canRedo: true },
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    // The second click went to the history of the board being deleted: "This board no longer exists."
    const again = await screen.findByRole("button", { name: "Delete the board “Infra” again" });
    fireEvent.click(again);
    fireEvent.click(again);
    expect(await screen.findByDisplayValue("Web")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "delete_board")).toHaveLength(2);
    expect(fake.commands()).not.toContain("redo");
  }, 20_000);

  it("forgets a board's delete to do again once a board is deleted anew", async () => {
    const fake = await deleteInfraForWeb({
      get_board: (args) => (args.id === 2 ? { ...board([], "Web"), id: 2 } : board([], "Infra")),
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByRole("button", { name: "Delete the board “Infra” again" })).toBeEnabled();
    await deleteFromItsMenu("Infra", "Web");
    // It offered to delete again the board deleted now, and said "This board no longer exists".
    expect(await screen.findByRole("button", { name: "Redo the last undone change" })).toBeDisabled();
    // The delete is brought back as ever.
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "restore_board")).toHaveLength(2);
  }, 20_000);

  it("forgets a board's delete to do again once Deleted boards brought a board back", async () => {
    await deleteInfraForWeb({
      get_board: (args) => (args.id === 2 ? { ...board([], "Web"), id: 2 } : board([], "Infra")),
      list_deleted_boards: () => [{ id: 1, name: "Infra", ideaCount: 0, deletedAt: Date.now() - 1000 }],
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByRole("button", { name: "Delete the board “Infra” again" })).toBeEnabled();
    await userEvent.click(screen.getByRole("button", { name: "Deleted boards…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Restore “Infra”" }));
    expect(await screen.findByText(/^Brought back the board “Infra”/)).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Redo the last undone change" })).toBeDisabled();
  }, 20_000);

  it("forgets a board's delete to do again once the board brought back is changed", async () => {
    const fake = await deleteInfraForWeb({
      get_board: (args) => (args.id === 2 ? { ...board([], "Web"), id: 2 } : board([], "Infra")),
      rename_board: (args) => ({
        value: { id: args.id, name: args.name, ideaCount: 0, updatedAt: 1 },
        history: { canUndo: true, canRedo: false, lastEvent: 7 },
      }),
    });
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Delete the board “Infra” again" })).toBeEnabled();
    const name = screen.getByRole("textbox", { name: "Board name" });
    await userEvent.click(name);
    await userEvent.keyboard("{End} 2{Enter}");
    await waitFor(() => {
      expect(fake.commands()).toContain("rename_board");
    });
    expect(await screen.findByRole("button", { name: "Redo the last undone change" })).toBeDisabled();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    expect(fake.commands().filter((c) => c === "delete_board")).toHaveLength(1);
  }, 20_000);

  it("leaves the focus on the next board's menu after a board is deleted from its own", async () => {
    let webName = "Web";
    const fake = await deleteInfraForWeb({
      get_board: (args) => (args.id === 2 ? { ...board([], webName), id: 2 } : board([], "Infra")),
      rename_board: (args) => {
        webName = args.name;
        return {
          value: { id: args.id, name: args.name, ideaCount: 0, updatedAt: 1 },
          history: { canUndo: true, canRedo: false, lastEvent: 7 },
        };
      },
    });
    await waitFor(() => {
      expect(screen.getByRole("button", { name: "Board" })).toHaveFocus();
    });
    // Once: a rename of the board shown leaves the focus where the person put it.
    const name = screen.getByRole("textbox", { name: "Board name" });
    await userEvent.click(name);
    await userEvent.keyboard("{End} 2{Enter}");
    await waitFor(() => {
      expect(fake.commands()).toContain("rename_board");
    });
    expect(await screen.findByDisplayValue("Web 2")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Board" })).not.toHaveFocus();
  }, 20_000);

  it("lights the toolbar's ↶ to bring a deleted board back while the next board has nothing to undo", async () => {
    const fake = await deleteInfraForWeb({
      get_board: (args) => (args.id === 2 ? { ...board([], "Web"), id: 2 } : board([], "Infra")),
    });
    const bringBack = screen.getByRole("button", { name: "Bring back the board “Infra”" });
    expect(bringBack).toBeEnabled();
    expect(bringBack).toHaveAttribute("title", "Bring back the board “Infra” (Ctrl+Z)");
    await userEvent.click(bringBack);
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    expect(fake.commands()).toContain("restore_board");
    expect(fake.commands()).not.toContain("undo");
    // Back to the board's own undo, which has nothing to take back.
    expect(await screen.findByRole("button", { name: "Undo the last change" })).toBeDisabled();
  }, 20_000);

  it("shows a board brought back under a free name by that name, not the one read before its delete", async () => {
    let back = false;
    const infra = board([], "Infra");
    const fake = infraAndWeb(false, {
      get_board: (args) =>
        args.id === 2 ? { ...board([], "Web"), id: 2 } : { ...infra, name: back ? "Infra (2)" : "Infra" },
      restore_board: () => {
        back = true;
        return { id: 1, name: "Infra (2)", ideaCount: 0, updatedAt: 0 };
      },
    });
    renderApp();
    await deleteFromItsMenu("Infra", "Web");
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByText("Brought back the board “Infra (2)”.")).toBeInTheDocument();
    expect(await screen.findByDisplayValue("Infra (2)")).toBeInTheDocument();
    expect(fake.commands()).toContain("restore_board");
  }, 20_000);

  it("says why a board brought back from Deleted boards has another name", async () => {
    const gone = { id: 2, name: "Web", ideaCount: 0, deletedAt: Date.now() - 60_000 };
    infraAndWeb(true, {
      list_deleted_boards: () => [gone],
      restore_board: () => ({ id: 2, name: "Web (2)", ideaCount: 0, updatedAt: 0 }),
    });
    renderApp();
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Deleted boards…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Restore “Web”" }));
    expect(
      await screen.findByText("Brought back “Web” as “Web (2)”: a board took its name meanwhile."),
    ).toBeInTheDocument();
  }, 20_000);

  it("leaves a board brought back from Deleted boards out of Ctrl+Z, which said it was deleted for good", async () => {
    const fake = await deleteInfraForWeb({
      list_deleted_boards: () => [{ id: 1, name: "Infra", ideaCount: 0, deletedAt: Date.now() - 1000 }],
    });
    await userEvent.click(screen.getByRole("button", { name: "Deleted boards…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Restore “Infra”" }));
    expect(await screen.findByText("Brought back the board “Infra”.")).toBeInTheDocument();
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByText("Nothing to undo.")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "restore_board")).toHaveLength(1);
  }, 20_000);

  it("brings deleted boards back on Ctrl+Z however long after, until another board is opened", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout"] });
    try {
      const fake = await deleteInfraThenWeb();
      // A slow hand: a minute after the deletes, well past their toasts.
      act(() => {
        vi.advanceTimersByTime(60_000);
      });
      (document.activeElement as HTMLElement | null)?.blur();
      await userEvent.keyboard("{Control>}z{/Control}");
      expect(
        await screen.findByText("Brought back the board “Web”. Ctrl+Z brings back “Infra” too."),
      ).toBeInTheDocument();
      act(() => {
        vi.advanceTimersByTime(60_000);
      });
      (document.activeElement as HTMLElement | null)?.blur();
      await userEvent.keyboard("{Control>}z{/Control}");
      expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
      expect(fake.commands()).not.toContain("undo");
    } finally {
      vi.useRealTimers();
    }
  }, 20_000);

  it("leaves Ctrl+Z to the board shown once another program changed it after a delete", async () => {
    const backend = backendEvents();
    let imported = false;
    const web = { ...board([], "Web"), id: 2, canUndo: true };
    const fake = await deleteInfraForWeb({
      listen_to_backend: backend.listen,
      get_board: (args) =>
        args.id === 2
          ? { ...web, ideas: imported ? [idea(7, "Imported from the command line", "implement")] : [] }
          : { ...board([], "Infra") },
    });
    // The command line imported ideas into Web.
    imported = true;
    await backend.send({ event: "database-changed", payload: {} });
    await waitFor(() => {
      expect(screen.queryByRole("button", { name: /^Bring back the board/ })).toBeNull();
    });
    await expectCtrlZToUndoTheBoardNotTheDelete(fake);
  }, 20_000);

  it("keeps Ctrl+Z for the board deleted when another program changed only another board", async () => {
    const backend = backendEvents();
    const fake = await deleteInfraForWeb({ listen_to_backend: backend.listen });
    // The command line imported ideas into a board not shown: Web, shown, is as it was. Ctrl+Z undid Web's last
    // change, from before the delete, and the delete's question had promised it would bring Infra back.
    await backend.send({ event: "database-changed", payload: {} });
    await waitFor(() => {
      expect(fake.commands().filter((c) => c === "list_boards").length).toBeGreaterThan(2);
    });
    await expectCtrlZToBringInfraBack(fake);
  }, 20_000);

  it("takes back a deleted board's Undo once the command line brought the board back", async () => {
    const backend = backendEvents();
    let infraGone = false;
    const fake = await deleteInfraForWeb({
      listen_to_backend: backend.listen,
      delete_board: () => {
        infraGone = true;
        return null;
      },
      list_boards: () => [
        ...(infraGone ? [] : [{ id: 1, name: "Infra", ideaCount: 0, updatedAt: 0 }]),
        { id: 2, name: "Web", ideaCount: 0, updatedAt: 0 },
      ],
    });
    expect(screen.getByText("Deleted the board “Infra”.")).toBeInTheDocument();
    // `pickboard restore --board Infra`: the toast's Undo did nothing, and said nothing.
    infraGone = false;
    await backend.send({ event: "database-changed", payload: {} });
    await waitFor(() => {
      expect(screen.queryByText("Deleted the board “Infra”.")).toBeNull();
    });
    await expectCtrlZToUndoTheBoardNotTheDelete(fake);
  }, 20_000);

  it("opens a board made by another program while the welcome is shown", async () => {
    const backend = backendEvents();
    let made = false;
    fakeBackend(null, {
      listen_to_backend: backend.listen,
      list_boards: () => (made ? [{ id: 3, name: "Imported", ideaCount: 0, updatedAt: 0 }] : []),
      get_board: () => ({ ...board([], "Imported"), id: 3 }),
    });
    renderApp();
    expect(await screen.findByRole("heading", { name: "Welcome to Pickboard" })).toBeInTheDocument();
    // Nothing made yet: the welcome stays.
    await backend.send({ event: "database-changed", payload: {} });
    expect(screen.getByRole("heading", { name: "Welcome to Pickboard" })).toBeInTheDocument();
    // `pickboard import …`: the board showed in the sidebar, and the welcome stayed as if there were none.
    made = true;
    await backend.send({ event: "database-changed", payload: {} });
    expect(await screen.findByDisplayValue("Imported")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Welcome to Pickboard" })).toBeNull();
  });

  it("leaves Ctrl+Z to the rename of the board shown after a delete", async () => {
    const fake = await deleteInfraForWeb({
      rename_board: (args) => ({
        value: { id: args.id, name: args.name, ideaCount: 0, updatedAt: 1 },
        history: { canUndo: true, canRedo: false, lastEvent: 7 },
      }),
    });
    const name = screen.getByRole("textbox", { name: "Board name" });
    await userEvent.clear(name);
    await userEvent.type(name, "Web 2{Enter}");
    await waitFor(() => {
      expect(fake.commands()).toContain("rename_board");
    });
    await expectCtrlZToUndoTheBoardNotTheDelete(fake);
  }, 20_000);

  it("shows a new board that takes the number of one deleted for good as new, and Ctrl+Z no longer offers that one", async () => {
    const gone = new Set<number>();
    let created = false;
    let purged = false;
    const infra = { ...board([idea(1, "Old idea", "implement")], "Infra"), id: 1 };
    const fresh = { ...board([], "Untitled board"), id: 1 };
    const web = { ...board([], "Web"), id: 2 };
    const summary = (b: typeof infra) => ({
      id: b.id,
      name: b.name,
      ideaCount: b.ideas.length,
      updatedAt: 0,
    });
    const fake = fakeBackend(infra, {
      list_boards: () => [
        ...(created ? [summary(fresh)] : gone.has(1) ? [] : [summary(infra)]),
        summary(web),
      ],
      get_board: (args) => (args.id === 2 ? web : created ? fresh : infra),
      count_open_rounds: () => 0,
      delete_board: (args) => {
        gone.add(args.id);
        return null;
      },
      list_deleted_boards: () =>
        gone.has(1) && !purged ? [{ id: 1, name: "Infra", ideaCount: 1, deletedAt: Date.now() }] : [],
      delete_boards_for_good: () => {
        purged = true;
        return null;
      },
      // Infra was last seen on its chart.
      get_preferences: () => ({ theme: "system", lastBoardId: 1, chartBoards: [1] }),
      // SQLite hands the highest number out again once its row is gone.
      create_board: () => {
        created = true;
        return summary(fresh);
      },
    });
    renderApp();
    await deleteFromItsMenu("Infra", "Web");
    await userEvent.click(screen.getByRole("button", { name: "Deleted boards…" }));
    await userEvent.click(await screen.findByRole("button", { name: "Delete “Infra” for good" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete for good" }));
    expect(await screen.findByText("No board was deleted in the last 30 days.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(fake.commands()).not.toContain("restore_board");

    expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toMatchObject({
      preferences: { chartBoards: [] },
    });

    await userEvent.click(screen.getByRole("button", { name: "+ New board" }));
    expect(await screen.findByDisplayValue("Untitled board")).toBeInTheDocument();
    expect(screen.queryByText("Old idea")).not.toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Quadrants" })).toBeChecked();
  }, 20_000);

  it("shows the board below a deleted one in the list next, or the one above when it was the last", async () => {
    fourBoards();
    await userEvent.click(await screen.findByRole("button", { name: /^Web/ }));
    await deleteFromItsMenu("Web", "Ops");
    await userEvent.click(screen.getByRole("button", { name: /^Lab/ }));
    await deleteFromItsMenu("Lab", "Ops");
  }, 20_000);

  it("leaves Ctrl+Z to the board opened after a delete", async () => {
    const fake = await deleteInfraThenWeb();
    await userEvent.click(screen.getByRole("button", { name: /^Lab/ }));
    expect(await screen.findByDisplayValue("Lab")).toBeInTheDocument();
    await expectCtrlZToUndoTheBoardNotTheDelete(fake);
  }, 20_000);

  it("brings two boards deleted one after the other back on two Ctrl+Z, the last first", async () => {
    const fake = await deleteInfraThenWeb();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Web")).toBeInTheDocument();
    expect(
      await screen.findByText("Brought back the board “Web”. Ctrl+Z brings back “Infra” too."),
    ).toBeInTheDocument();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    expect(await screen.findByText("Brought back the board “Infra”.")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "restore_board")).toHaveLength(2);
    expect(fake.commands()).not.toContain("undo");
  }, 20_000);

  it("brings the last board back on Ctrl+Z from the welcome screen its delete left", async () => {
    const backend = backendEvents();
    const fake = infraAndWeb(true, {
      listen_to_backend: backend.listen,
    });
    renderApp();
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Delete…" }));
    // The question is open (its script loaded: this test alone, as the first to delete, failed on the wait for it):
    // neither Ctrl+Z nor Edit › Undo acts behind it.
    expect(await screen.findByRole("button", { name: "Delete board" })).toBeInTheDocument();
    await userEvent.keyboard("{Control>}z{/Control}");
    await backend.choose("undo");
    expect(fake.commands()).not.toContain("undo");
    await userEvent.click(await screen.findByRole("button", { name: "Delete board" }));
    expect(await screen.findByRole("button", { name: "Start with a sample board" })).toHaveFocus();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByDisplayValue("Infra")).toBeInTheDocument();
    expect(fake.commands()).toContain("restore_board");
  }, 20_000);

  it("leaves Ctrl+Z to the next board once that board was changed after a board was deleted", async () => {
    const fake = await deleteInfraForWeb();
    await userEvent.type(screen.getByLabelText("New idea"), "Added on Web{Enter}");
    await waitFor(() => {
      expect(fake.commands()).toContain("add_idea");
    });
    await expectCtrlZToUndoTheBoardNotTheDelete(fake);
  }, 20_000);

  it("names new boards without clashing", () => {
    expect(newBoardName([])).toBe("Untitled board");
    expect(
      newBoardName([
        { id: 1, name: "Untitled board", ideaCount: 0, updatedAt: 0 },
        { id: 2, name: "Untitled board 2", ideaCount: 0, updatedAt: 0 },
      ]),
    ).toBe("Untitled board 3");
  });
});
