import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { idea } from "../../test/fakeBackend";
import { IdeaList } from "./IdeaList";

describe("IdeaList", () => {
  it("goes from idea to idea with the arrows, Home and End, and opens the one reached with Enter", async () => {
    const onOpen = vi.fn();
    render(
      <IdeaList
        title="3 ideas at payoff 4, cost/risk 4"
        ideas={[
          idea(1, "Rotate certs", "implement"),
          idea(2, "Drop Jenkins", "kill"),
          idea(3, "Cache images", "possible"),
        ]}
        selectedId={null}
        onSelect={vi.fn()}
        onOpen={onOpen}
        onClose={vi.fn()}
      />,
    );
    const item = (title: string) => screen.getByRole("button", { name: new RegExp(`^${title}`) });
    // It opens with the focus on its heading; Down goes to the first idea, not the list's scroll.
    expect(screen.getByRole("heading", { name: "3 ideas at payoff 4, cost/risk 4" })).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    expect(item("Rotate certs")).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    expect(item("Drop Jenkins")).toHaveFocus();
    await userEvent.keyboard("{End}");
    expect(item("Cache images")).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    expect(item("Cache images")).toHaveFocus();
    await userEvent.keyboard("{Home}{ArrowDown}{Enter}");
    expect(onOpen).toHaveBeenCalledWith(2);
  });

  it("lists the matches of a search first, and sums up the rest in grouped figures", () => {
    const ideas = Array.from({ length: 1_500 }, (_, k) => idea(k + 1, `Idea ${String(k + 1)}`, "kill"));
    render(
      <IdeaList
        title="1,500 ideas in the rectangle"
        ideas={ideas}
        matches={new Set([1_400, 1_450])}
        selectedId={null}
        onSelect={vi.fn()}
        onOpen={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    const items = screen.getAllByRole("button", { name: /^Idea / });
    expect(items.slice(0, 2).map((b) => b.querySelector(".chart-list-title")?.textContent)).toEqual([
      "Idea 1400",
      "Idea 1450",
    ]);
    expect(screen.getByText(/more: zoom in/)).toHaveTextContent(
      "and 1,300 more: zoom in, or drag a smaller rectangle",
    );
  });
});
