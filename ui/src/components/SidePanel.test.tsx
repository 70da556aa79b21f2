import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import { SidePanel } from "./SidePanel";

function renderPanel() {
  render(
    <SidePanel label="Idea details" title="Idea" closeLabel="Close details" onClose={vi.fn()}>
      <label htmlFor="owner">Owner</label>
      <input id="owner" defaultValue="bo" />
    </SidePanel>,
  );
  return screen.getByLabelText("Owner");
}

describe("SidePanel", () => {
  it("is a named panel with a heading and a close button", async () => {
    const onClose = vi.fn();
    render(
      <SidePanel label="Board activity" title="Activity" closeLabel="Close activity" onClose={onClose}>
        <p>Nothing has happened here yet.</p>
      </SidePanel>,
    );
    const panel = screen.getByRole("complementary", { name: "Board activity" });
    expect(panel).toHaveClass("details");
    expect(screen.getByRole("heading", { name: "Activity" })).toBeInTheDocument();
    expect(panel).toHaveTextContent("Nothing has happened here yet.");
    await userEvent.click(screen.getByRole("button", { name: "Close activity" }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("gives the focus back to the button that opened it when it closes with the focus inside", async () => {
    function Board() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button
            type="button"
            onClick={() => {
              setOpen(!open);
            }}
          >
            Activity
          </button>
          {open && (
            <SidePanel
              label="Board activity"
              title="Activity"
              closeLabel="Close activity"
              onClose={() => {
                setOpen(false);
              }}
            >
              <p>Nothing yet.</p>
            </SidePanel>
          )}
        </>
      );
    }
    render(<Board />);
    const opener = screen.getByRole("button", { name: "Activity" });
    await userEvent.click(opener);
    expect(screen.getByRole("heading", { name: "Activity" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("complementary")).toBeNull();
    // The next Tab goes on from there, not from the window's top.
    expect(opener).toHaveFocus();
  });

  it("closes on Escape from anywhere inside", async () => {
    const onClose = vi.fn();
    render(
      <SidePanel label="Posts" title="Posts" closeLabel="Close posts" onClose={onClose}>
        <button type="button">Retry</button>
      </SidePanel>,
    );
    screen.getByRole("button", { name: "Retry" }).focus();
    await userEvent.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("ignores the presses that continue a click begun before it opened", () => {
    const owner = renderPanel();
    // Under load the second press can come late, and still be the double click's.
    const now = performance.now();
    const later = vi.spyOn(performance, "now").mockReturnValue(now + 5000);
    // The second and third presses of a click on a card that opened the panel under the pointer.
    expect(fireEvent.mouseDown(owner, { detail: 2 })).toBe(false);
    expect(fireEvent.mouseDown(owner, { detail: 3 })).toBe(false);
    later.mockRestore();
  });

  it("lets a double click of its own through", () => {
    const owner = renderPanel();
    expect(fireEvent.mouseDown(owner, { detail: 1 })).toBe(true);
    expect(fireEvent.mouseDown(owner, { detail: 2 })).toBe(true);
  });
});
