import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { App, newBoardName } from "./App";
import { Providers } from "./components/Providers";
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
