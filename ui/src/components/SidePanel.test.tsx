import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { SidePanel } from "./SidePanel";

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
});
