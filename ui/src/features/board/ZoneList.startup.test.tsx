// The board's first frame, in a file of its own: the app's start-up state (whether its first frame is on screen) is
// the module's, fresh in each test file.
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { board, fakeBackend, idea } from "../../test/fakeBackend";
import { renderBoard } from "../../test/renderBoard";
import { FIRST_CARDS } from "../../lib/firstFrameRules";

/** How tall a card is laid out, for the stand-ins below (jsdom lays nothing out). */
const CARD = 80;
/** How tall a quadrant's list is: it shows three cards and a bit. */
const LIST = 250;

describe("a long quadrant at start-up", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("renders its first page once the first frame is drawn, not a page more because its button was near before", async () => {
    // Lists have their height, and the "Show more" button is within one list height of a list's visible end (where
    // the list shows more by itself) while the cards above it are less than two list heights tall.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockImplementation(function (this: HTMLElement) {
      return this.classList.contains("zone-list") ? LIST : 0;
    });
    class NearEndObserver {
      constructor(private readonly report: IntersectionObserverCallback) {}
      observe(button: Element) {
        const cardsAbove = button.parentElement?.querySelectorAll("[data-idea-id]").length ?? 0;
        const entry = {
          isIntersecting: cardsAbove * CARD < 2 * LIST,
          target: button,
        } as IntersectionObserverEntry;
        setTimeout(() => {
          this.report([entry], this as unknown as IntersectionObserver);
        }, 0);
      }
      disconnect() {}
    }
    vi.stubGlobal("IntersectionObserver", NearEndObserver);
    fakeBackend(board(Array.from({ length: 100 }, (_, n) => idea(n + 1, `Idea ${n + 1}`, "possible"))));
    await renderBoard();
    const possible = await screen.findByRole("region", { name: "Possible" });
    const cards = () => within(possible).queryAllByRole("button", { name: /^Idea \d+/ });
    await waitFor(() => {
      expect(cards()).toHaveLength(FIRST_CARDS);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cards()).toHaveLength(FIRST_CARDS);
  });
});
