import { describe, expect, it } from "vitest";

import type { Boot } from "./bindings";
import { handedIsStale } from "./startup";

const boot: Boot = {
  status: { dataDir: "/d", databasePath: "/d/pickboard.db" },
  preferences: { theme: "system", lastBoardId: null, chartBoards: [] },
  boards: [],
  board: null,
  readAt: 1_000_000,
};

describe("what the window hands the page", () => {
  it("is fresh as the window opens, and read again when the page loads much later", () => {
    expect(handedIsStale(boot, 1_000_400)).toBe(false);
    expect(handedIsStale(boot, 1_060_000)).toBe(true);
  });
});
