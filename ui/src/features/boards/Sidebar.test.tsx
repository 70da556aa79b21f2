import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import type { BoardSummary } from "../../lib/bindings";
import { Sidebar } from "./Sidebar";

const boards: BoardSummary[] = [{ id: 1, name: "Platform", ideaCount: 3, updatedAt: 0 }];

function renderSidebar(open: boolean, overlay: boolean, list: BoardSummary[] = boards) {
  const onToggle = vi.fn();
  const onSelect = vi.fn();
  const onNew = vi.fn();
  render(
    <Sidebar
      boards={list}
      currentId={1}
      theme="system"
      dataDir="/data"
      onSelect={onSelect}
      onNew={onNew}
      onImport={vi.fn()}
      onBackups={vi.fn()}
      onDeleted={vi.fn()}
      onTheme={vi.fn()}
      open={open}
      overlay={overlay}
      onToggle={onToggle}
    />,
  );
  return { onToggle, onSelect, onNew };
}

describe("Sidebar", () => {
  it("open over the board, goes once + New board is pressed, and keeps Tab inside while open", async () => {
    const { onToggle, onNew } = renderSidebar(true, true);
    const first = screen.getByRole("button", { name: "Sidebar" });
    const last = screen.getByRole("button", { name: "Deleted boards…" });
    last.focus();
    await userEvent.tab();
    expect(first).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(last).toHaveFocus();
    // The theme's radios are one stop, the checked one.
    screen.getByRole("radio", { name: "System" }).focus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Import…" })).toHaveFocus();

    await userEvent.click(screen.getByRole("button", { name: "+ New board" }));
    expect(onNew).toHaveBeenCalledTimes(1);
    expect(onToggle).toHaveBeenCalledWith(false);
    // The focus stays where the sidebar was, on its toggle, not at the window's top.
    expect(first).toHaveFocus();
  });

  it("open over the board, stays closed after Enter pressed twice on + New board", async () => {
    const onNew = vi.fn();
    function Drawer() {
      const [open, setOpen] = useState(true);
      return (
        <Sidebar
          boards={boards}
          currentId={1}
          theme="system"
          dataDir="/data"
          onSelect={vi.fn()}
          onNew={onNew}
          onImport={vi.fn()}
          onBackups={vi.fn()}
          onDeleted={vi.fn()}
          onTheme={vi.fn()}
          open={open}
          overlay
          onToggle={setOpen}
        />
      );
    }
    render(<Drawer />);
    screen.getByRole("button", { name: "+ New board" }).focus();
    // The second Enter reached the toggle, which had the focus by then, and opened the sidebar again.
    await userEvent.keyboard("{Enter}{Enter}");
    expect(onNew).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "Sidebar" })).toHaveAttribute("aria-expanded", "false");
  });

  it("beside the board, stays open when + New board is pressed", async () => {
    const { onToggle, onNew } = renderSidebar(true, false);
    await userEvent.click(screen.getByRole("button", { name: "+ New board" }));
    expect(onNew).toHaveBeenCalledTimes(1);
    expect(onToggle).not.toHaveBeenCalled();
  });

  it("makes one board for a double click on + New board", async () => {
    // The first board was made before the second click: a second one came of it.
    const { onNew } = renderSidebar(true, false);
    await userEvent.dblClick(screen.getByRole("button", { name: "+ New board" }));
    expect(onNew).toHaveBeenCalledTimes(1);
  });

  it("goes from board to board with Up, Down, Home and End", async () => {
    const three = ["Platform", "Web", "Data"].map((name, i) => ({
      id: i + 1,
      name,
      ideaCount: 0,
      updatedAt: 0,
    }));
    renderSidebar(true, false, three);
    const link = (name: string) => screen.getByRole("button", { name: new RegExp(`^${name}`) });
    link("Platform").focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(link("Web")).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(link("Data")).toHaveFocus();
    await userEvent.keyboard("{Home}");
    expect(link("Platform")).toHaveFocus();
    await userEvent.keyboard("{ArrowUp}");
    expect(link("Platform")).toHaveFocus();
    await userEvent.keyboard("{End}");
    expect(link("Data")).toHaveFocus();
  });

  it("keeps a copy's number apart from the name it cuts short, under the same accessible name", () => {
    const name = "Platform team — next quarter";
    renderSidebar(true, false, [
      { id: 1, name, ideaCount: 0, updatedAt: 0 },
      { id: 2, name: `${name} (2)`, ideaCount: 0, updatedAt: 0 },
    ]);
    const copy = screen.getByRole("button", { name: `${name} (2) 0 ideas` });
    expect(copy.querySelector(".board-link-suffix")).toHaveTextContent("(2)");
    expect(copy.querySelector(".board-link-main")).toHaveTextContent(name);
    expect(
      screen.getByRole("button", { name: `${name} 0 ideas` }).querySelector(".board-link-suffix"),
    ).toBeNull();
  });

  it("keeps a duplicate's (copy) marks apart too", () => {
    const name = "Platform team next quarter planning and roadmap (copy) (copy)";
    renderSidebar(true, false, [{ id: 1, name, ideaCount: 0, updatedAt: 0 }]);
    const row = screen.getByRole("button", { name: `${name} 0 ideas` });
    expect(row.querySelector(".board-link-suffix")).toHaveTextContent("(copy) (copy)");
  });

  it("folds to its toggle, which says whether it is expanded", async () => {
    const { onToggle } = renderSidebar(false, true);
    const toggle = screen.getByRole("button", { name: "Sidebar" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("button", { name: /Platform/ })).not.toBeInTheDocument();
    await userEvent.click(toggle);
    expect(onToggle).toHaveBeenCalledWith(true);
  });

  it("over the board, folds again on Escape and when a board is chosen", async () => {
    const { onToggle, onSelect } = renderSidebar(true, true);
    expect(screen.getByRole("button", { name: "Sidebar" })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("navigation", { name: "Boards" })).toHaveClass("sidebar-overlay");
    await userEvent.click(screen.getByRole("button", { name: /Platform/ }));
    expect(onSelect).toHaveBeenCalledWith(1);
    expect(onToggle).toHaveBeenLastCalledWith(false);
    onToggle.mockClear();
    screen.getByRole("button", { name: "+ New board" }).focus();
    await userEvent.keyboard("{Escape}");
    expect(onToggle).toHaveBeenCalledWith(false);
  });

  it("beside the board, stays open when a board is chosen", async () => {
    const { onToggle } = renderSidebar(true, false);
    await userEvent.click(screen.getByRole("button", { name: /Platform/ }));
    expect(onToggle).not.toHaveBeenCalled();
  });
});
