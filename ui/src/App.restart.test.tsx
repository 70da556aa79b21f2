// A page loaded again after WebKit's web process ended under the window (src-tauri/src/page_restarts.rs). Its own
// file: what a page was handed at start is read once per page, and each test file gets the app's modules afresh.
import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import type { Boot } from "./lib/bindings";
import { board, fakeBackend } from "./test/fakeBackend";

const HANDED_NAME = "As the window opened";

function handedAtOpen(): Boot {
  return {
    status: {
      dataDir: "/home/ana/.local/share/pickboard",
      databasePath: "/home/ana/.local/share/pickboard/p.db",
    },
    preferences: { theme: "light", lastBoardId: 1, chartBoards: [] },
    boards: [{ id: 1, name: HANDED_NAME, ideaCount: 0, updatedAt: 0 }],
    board: board([], HANDED_NAME),
    readAt: Date.now(),
  };
}

afterEach(() => {
  delete (window as { __PICKBOARD_BOOT__?: Boot }).__PICKBOARD_BOOT__;
  window.history.replaceState(null, "", "/");
});

describe("a page loaded again after its process ended", () => {
  it("reads the board as saved, not as handed at start, says what happened once, and drops the mark", async () => {
    (window as { __PICKBOARD_BOOT__?: Boot }).__PICKBOARD_BOOT__ = handedAtOpen();
    window.history.replaceState(null, "", "/?restarted");
    const fake = fakeBackend(board([], "Renamed since"));
    const { App, RESTARTED_MESSAGE } = await import("./App");
    const { Providers } = await import("./components/Providers");
    render(
      <Providers>
        <App />
      </Providers>,
    );

    expect(await screen.findByDisplayValue("Renamed since")).toBeInTheDocument();
    expect(screen.queryByDisplayValue(HANDED_NAME)).not.toBeInTheDocument();
    expect(fake.commands()).toContain("open_status");
    expect(screen.getAllByText(RESTARTED_MESSAGE)).toHaveLength(1);
    expect(window.location.search).toBe("");
    vi.resetModules();
  });
});
