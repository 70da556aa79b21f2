// The search bar's chips are one Tab stop, with the arrows from chip to chip: each was a Tab stop of its own, and up to
// 24 of them stood between the search and the board.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { NO_FILTER } from "./filter";
import { SearchBar } from "./SearchBar";

function renderBar(onChange = vi.fn()) {
  render(
    <>
      <SearchBar
        filter={NO_FILTER}
        tags={["backup", "dns", "vault"]}
        owners={["ana"]}
        matchCount={0}
        total={24}
        onChange={onChange}
        onFirstMatch={vi.fn()}
        onLeave={vi.fn()}
      />
      <button type="button">Board</button>
    </>,
  );
  return onChange;
}

describe("SearchBar's chips", () => {
  it("are one Tab stop, a toolbar, from the search to the board", async () => {
    renderBar();
    const user = userEvent.setup();
    await user.click(screen.getByRole("searchbox", { name: "Search ideas" }));
    await user.tab();
    expect(screen.getByRole("button", { name: "#backup" })).toHaveFocus();
    expect(screen.getByRole("toolbar", { name: "Tags and owners" })).toContainElement(
      screen.getByRole("button", { name: "#backup" }),
    );
    await user.tab();
    expect(screen.getByRole("button", { name: "Board" })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole("button", { name: "#backup" })).toHaveFocus();
  });

  it("go from one to the next with the arrows, tags then owners, stop at the ends, and go there on Home and End", async () => {
    const onChange = renderBar();
    const user = userEvent.setup();
    await user.click(screen.getByRole("searchbox", { name: "Search ideas" }));
    await user.tab();
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByRole("button", { name: "#backup" })).toHaveFocus();
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(screen.getByRole("button", { name: "@ana" })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("button", { name: "@ana" })).toHaveFocus();
    await user.keyboard("{ArrowLeft} ");
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTER, tags: ["vault"] });
    // Home and End go to the ends, as in any toolbar.
    await user.keyboard("{Home}");
    expect(screen.getByRole("button", { name: "#backup" })).toHaveFocus();
    await user.keyboard("{End}");
    expect(screen.getByRole("button", { name: "@ana" })).toHaveFocus();
  });

  it("start with the first owner's chip when there is no tag", async () => {
    render(
      <SearchBar
        filter={NO_FILTER}
        tags={[]}
        owners={["ana", "bo"]}
        matchCount={0}
        total={2}
        onChange={vi.fn()}
        onFirstMatch={vi.fn()}
        onLeave={vi.fn()}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("searchbox", { name: "Search ideas" }));
    await user.tab();
    expect(screen.getByRole("button", { name: "@ana" })).toHaveFocus();
    await user.tab();
    expect(document.body).toHaveFocus();
  });
});
