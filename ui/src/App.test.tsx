import type { Channel } from "@tauri-apps/api/core";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { App, newBoardName } from "./App";
import { Providers } from "./components/Providers";
import type { EventMessage } from "./lib/bindings";
import { board, fakeBackend } from "./test/fakeBackend";

function renderApp() {
  return render(
    <Providers>
      <App />
    </Providers>,
  );
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

  it("reopens the last board", async () => {
    fakeBackend(board([], "Platform Q3"));
    renderApp();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
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
    let events: Channel<EventMessage> | null = null;
    const fake = fakeBackend(board([], "Platform Q3"), {
      listen_to_backend: (args) => {
        events = args.events;
        return null;
      },
    });
    renderApp();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    await waitFor(() => {
      expect(events).not.toBeNull();
    });
    act(() => {
      events?.onmessage({ event: "menu-command", payload: "theme-dark" });
    });
    await waitFor(() => {
      expect(document.documentElement.dataset.theme).toBe("dark");
    });
    expect(fake.calls.findLast((c) => c.command === "set_preferences")?.args).toMatchObject({
      preferences: { theme: "dark" },
    });
    expect(screen.getByRole("radio", { name: "Dark" })).toBeChecked();
  });

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
