// How much of the board one action draws again. Every card calls `useSortable` once each time it renders, so the
// calls counted here are the cards drawn. On a long board, drawing every card for each click or move is what made a
// session's memory climb (docs/benchmarks.md, "Ten minutes of use, looked into").
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { board, edited, fakeBackend, idea } from "../../test/fakeBackend";
import { renderBoard } from "../../test/renderBoard";

const drawn = vi.hoisted(() => ({ cards: 0, contents: 0 }));

vi.mock("@dnd-kit/sortable", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@dnd-kit/sortable")>();
  return {
    ...actual,
    useSortable: (...args: Parameters<typeof actual.useSortable>) => {
      drawn.cards += 1;
      return actual.useSortable(...args);
    },
  };
});

// A card's contents show its owner's initials: each call is one card's contents drawn.
vi.mock("../../lib/firstFrameRules", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/firstFrameRules")>();
  return {
    ...actual,
    initials: (...args: Parameters<typeof actual.initials>) => {
      drawn.contents += 1;
      return actual.initials(...args);
    },
  };
});

/** 20 ideas in each quadrant, each with an owner. */
function quadrants() {
  const zones = ["implement", "challenge", "possible", "kill"] as const;
  return zones.flatMap((zone, z) =>
    Array.from({ length: 20 }, (_, n) => ({
      ...idea(z * 100 + n + 1, `${zone} ${n + 1}`, zone),
      owner: "Ann Lee",
    })),
  );
}

/** The cards drawn while `act` runs and the board settles. */
async function cardsDrawnBy(act: () => Promise<void>): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 100));
  drawn.cards = 0;
  drawn.contents = 0;
  await act();
  await new Promise((resolve) => setTimeout(resolve, 200));
  return drawn.cards;
}

describe("BoardScreen drawing", () => {
  it("draws again only the cards an opened idea changes, not all 80", async () => {
    fakeBackend(board(quadrants()), { list_events: () => [] });
    await renderBoard();
    const possible = await screen.findByRole("region", { name: "Possible" });
    await userEvent.click(within(possible).getByRole("button", { name: /^possible 1\b/ }));
    await screen.findByLabelText("Title", {}, { timeout: 5000 });

    // Another card: the one that was selected and the one that is now.
    const drawnByOpening = await cardsDrawnBy(() =>
      userEvent.click(within(possible).getByRole("button", { name: /^possible 7\b/ })),
    );
    expect(drawnByOpening).toBeLessThanOrEqual(4);
  }, 20_000);

  it("draws each card at most once for a move, however it is guessed and answered", async () => {
    const ideas = quadrants();
    const mover = ideas.find((i) => i.title === "possible 3");
    if (!mover) throw new Error("no mover");
    fakeBackend(board(ideas), {
      list_events: () => [],
      move_idea: (args) => edited({ ...mover, zone: args.zone, rank: 1000 }),
    });
    await renderBoard();
    const possible = await screen.findByRole("region", { name: "Possible" });
    await userEvent.click(within(possible).getByRole("button", { name: /^possible 3\b/ }));
    const place = await screen.findByLabelText("Place", {}, { timeout: 5000 });

    const drawnByMoving = await cardsDrawnBy(() => userEvent.selectOptions(place, "Kill"));
    await waitFor(() => {
      expect(
        within(screen.getByRole("region", { name: "Kill" })).getByRole("button", { name: /^possible 3\b/ }),
      ).toBeInTheDocument();
    });
    // Every card once (dnd-kit draws every sortable card again when one joins or leaves a list) and the moved card a
    // few times: not the two quadrants again for the guess and again for the answer (102 before), nor every card for
    // each (201 before).
    expect(drawnByMoving).toBeLessThanOrEqual(90);
    // Of those, only the moved card's contents are drawn again (its guess and its answer): the others' ideas did not
    // change. Drawing all 80 cards' contents for each move was most of what a move allocated.
    expect(drawn.contents).toBeLessThanOrEqual(4);
  }, 20_000);
});
