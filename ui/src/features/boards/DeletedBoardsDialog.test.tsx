import { QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import { ToastProvider } from "../../components/Toasts";
import type { DeletedBoard } from "../../lib/bindings";
import { localDate } from "../../lib/dates";
import { createQueryClient } from "../../lib/queries";
import { fakeBackend } from "../../test/fakeBackend";
import { DeletedBoardsDialog } from "./DeletedBoardsDialog";

const deletedAt = Date.UTC(2026, 11, 4, 10, 0);
const infra: DeletedBoard = { id: 7, name: "Infra Q3", ideaCount: 12, deletedAt };
const empty: DeletedBoard = { id: 9, name: "Scratch", ideaCount: 0, deletedAt: deletedAt - 60_000 };

function renderDialog() {
  const onRestored = vi.fn();
  render(
    <Providers>
      <DeletedBoardsDialog onRestored={onRestored} onDeletedForGood={vi.fn()} onClose={vi.fn()} />
    </Providers>,
  );
  return onRestored;
}

/** A backend that lists `deleted` and deletes them for good when asked. */
function keepingDeleted(deleted: DeletedBoard[]) {
  let kept = deleted;
  return fakeBackend(null, {
    list_deleted_boards: () => kept,
    delete_boards_for_good: ({ ids }) => {
      kept = kept.filter((b) => !ids.includes(b.id));
      return null;
    },
  });
}

describe("DeletedBoardsDialog", () => {
  it("lists each deleted board with its ideas and the day it is kept until", async () => {
    fakeBackend(null, { list_deleted_boards: () => [infra, empty] });
    renderDialog();
    const rows = await screen.findAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent("Infra Q3");
    expect(rows[1]).toHaveTextContent("12 ideas");
    expect(rows[1]).toHaveTextContent(
      `kept until ${localDate(new Date(deletedAt + 30 * 24 * 60 * 60 * 1000))}`,
    );
    expect(rows[2]).toHaveTextContent("Scratch");
    expect(rows[2]).toHaveTextContent("0 ideas");
  });

  it("says so when no board was deleted", async () => {
    fakeBackend(null, { list_deleted_boards: () => [] });
    renderDialog();
    expect(await screen.findByText("No board was deleted in the last 30 days.")).toBeInTheDocument();
  });

  it("brings a board back once, on a double click too", async () => {
    const fake = fakeBackend(null, {
      list_deleted_boards: () => [infra],
      restore_board: () => ({ id: 7, name: "Infra Q3 (2)", ideaCount: 12, updatedAt: 1 }),
    });
    const onRestored = renderDialog();
    await userEvent.dblClick(await screen.findByRole("button", { name: "Restore “Infra Q3”" }));
    await waitFor(() => {
      expect(onRestored).toHaveBeenCalledWith(
        { id: 7, name: "Infra Q3 (2)", ideaCount: 12, updatedAt: 1 },
        "Brought back “Infra Q3” as “Infra Q3 (2)”: a board took its name meanwhile.",
      );
    });
    expect(fake.calls.filter((c) => c.command === "restore_board")).toEqual([
      { command: "restore_board", args: { id: 7 } },
    ]);
    expect(onRestored).toHaveBeenCalledTimes(1);
  });

  it("deletes a board for good only once asked, and reads the list again", async () => {
    const fake = keepingDeleted([infra, empty]);
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Delete “Infra Q3” for good" }));
    const ask = screen.getByRole("dialog", { name: "Delete “Infra Q3” for good?" });
    expect(ask).toHaveTextContent(
      "Its 12 ideas, their history and the record of its posts go with it. This cannot be undone.",
    );
    // The safe choice first: Cancel keeps the board.
    await userEvent.click(within(ask).getByRole("button", { name: "Cancel" }));
    expect(fake.calls.some((c) => c.command === "delete_boards_for_good")).toBe(false);

    await userEvent.click(await screen.findByRole("button", { name: "Delete “Infra Q3” for good" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete for good" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Deleted “Infra Q3” for good.");
    await waitFor(() => {
      expect(screen.getAllByRole("row")).toHaveLength(2);
    });
    expect(screen.getByRole("row", { name: /Scratch/ })).toBeInTheDocument();
  });

  it("deletes all the boards it lists for good, once asked, and only when there are two or more", async () => {
    const fake = keepingDeleted([infra, empty]);
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Delete all for good…" }));
    const ask = screen.getByRole("dialog", { name: "Delete all 2 boards for good?" });
    expect(ask).toHaveTextContent(
      "Their 12 ideas, the ideas' history and the record of their posts go with them. This cannot be undone.",
    );
    await userEvent.dblClick(within(ask).getByRole("button", { name: "Delete all for good" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Deleted 2 boards for good.");
    expect(fake.calls.filter((c) => c.command === "delete_boards_for_good")).toEqual([
      { command: "delete_boards_for_good", args: { ids: [7, 9] } },
    ]);
    expect(await screen.findByText("No board was deleted in the last 30 days.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete all for good…" })).not.toBeInTheDocument();
  });

  it("puts the question away when its board is no longer deleted (restored from the command line meanwhile)", async () => {
    let kept = [infra, empty];
    const fake = fakeBackend(null, { list_deleted_boards: () => kept });
    const client = createQueryClient();
    render(
      <QueryClientProvider client={client}>
        <ToastProvider>
          <DeletedBoardsDialog onRestored={vi.fn()} onDeletedForGood={vi.fn()} onClose={vi.fn()} />
        </ToastProvider>
      </QueryClientProvider>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Delete “Scratch” for good" }));
    expect(screen.getByRole("dialog", { name: "Delete “Scratch” for good?" })).toBeInTheDocument();
    kept = [infra];
    await act(() => client.invalidateQueries());
    await waitFor(() => {
      expect(screen.queryByRole("dialog", { name: "Delete “Scratch” for good?" })).not.toBeInTheDocument();
    });
    expect(screen.getAllByRole("row")).toHaveLength(2);
    // Deleted again, it does not bring the old question back.
    kept = [empty, infra];
    await act(() => client.invalidateQueries());
    await waitFor(() => {
      expect(screen.getAllByRole("row")).toHaveLength(3);
    });
    expect(screen.queryByRole("dialog", { name: /for good\?/ })).not.toBeInTheDocument();
    expect(fake.calls.some((c) => c.command === "delete_boards_for_good")).toBe(false);
  });

  it("gives the focus back to the button that asked when the question is put away with Escape", async () => {
    fakeBackend(null, { list_deleted_boards: () => [infra, empty] });
    renderDialog();
    const asker = await screen.findByRole("button", { name: "Delete “Scratch” for good" });
    await userEvent.click(asker);
    expect(screen.getByRole("dialog", { name: "Delete “Scratch” for good?" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Delete “Scratch” for good?" })).not.toBeInTheDocument();
    // The list is still open, and the keyboard where it was.
    expect(screen.getByRole("dialog", { name: "Deleted boards" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete “Scratch” for good" })).toHaveFocus();
  });

  it("says why a board cannot come back, and lists what is left", async () => {
    let kept = [infra];
    fakeBackend(null, {
      list_deleted_boards: () => kept,
      restore_board: () => {
        kept = [];
        throw {
          kind: "notFound",
          message: "This board can no longer be brought back: it was deleted for good.",
          path: null,
        };
      },
    });
    const onRestored = renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Restore “Infra Q3”" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "This board can no longer be brought back: it was deleted for good.",
    );
    expect(await screen.findByText("No board was deleted in the last 30 days.")).toBeInTheDocument();
    expect(onRestored).not.toHaveBeenCalled();
  });
});
