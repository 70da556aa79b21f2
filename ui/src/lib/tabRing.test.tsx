import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { tabStops, useTabStaysInWindow } from "./tabRing";

function Page({ dialog = false }: { dialog?: boolean }) {
  useTabStaysInWindow();
  return (
    <>
      <button type="button">Sidebar</button>
      <input type="radio" name="view" aria-label="Quadrants" />
      <input type="radio" name="view" aria-label="Chart" defaultChecked />
      <button type="button" disabled>
        Undo
      </button>
      <button type="button">Last card</button>
      <button type="button" hidden>
        Gone
      </button>
      <div tabIndex={-1}>Panel</div>
      {dialog && (
        <div role="dialog" aria-modal="true">
          <button type="button">In the dialog</button>
        </div>
      )}
    </>
  );
}

describe("useTabStaysInWindow", () => {
  it("takes Tab from the window's last stop round to its first, and Shift+Tab back", async () => {
    render(<Page />);
    const first = screen.getByRole("button", { name: "Sidebar" });
    const last = screen.getByRole("button", { name: "Last card" });
    last.focus();
    await userEvent.tab();
    expect(first).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(last).toHaveFocus();
  });

  it("marks the stop it went round to for its ring, until the focus leaves it", async () => {
    render(<Page />);
    const first = screen.getByRole("button", { name: "Sidebar" });
    const last = screen.getByRole("button", { name: "Last card" });
    last.focus();
    await userEvent.tab();
    // WebKit shows no :focus-visible ring for a focus moved by script after a click; the mark draws it (base.css).
    expect(first).toHaveAttribute("data-tab-focus");
    await userEvent.tab();
    expect(first).not.toHaveAttribute("data-tab-focus");
    expect(screen.getByRole("radio", { name: "Chart" })).not.toHaveAttribute("data-tab-focus");
  });

  it("knows WebKitGTK's Shift+Tab, whose key it calls Unidentified", () => {
    render(<Page />);
    screen.getByRole("button", { name: "Sidebar" }).focus();
    const shiftTab = new KeyboardEvent("keydown", {
      key: "Unidentified",
      code: "Tab",
      shiftKey: true,
      bubbles: true,
      cancelable: true,
    });
    document.activeElement?.dispatchEvent(shiftTab);
    expect(shiftTab.defaultPrevented).toBe(true);
    expect(screen.getByRole("button", { name: "Last card" })).toHaveFocus();
  });

  it("leaves Tab alone between the first and the last stop, and while a dialog is open", async () => {
    const { unmount } = render(<Page />);
    screen.getByRole("radio", { name: "Chart" }).focus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Last card" })).toHaveFocus();
    unmount();

    render(<Page dialog />);
    screen.getByRole("button", { name: "Last card" }).focus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "In the dialog" })).toHaveFocus();
  });

  it("counts enabled, shown stops, and of a group of radios the checked one", () => {
    render(<Page />);
    expect(tabStops(document.body).map((el) => el.getAttribute("aria-label") ?? el.textContent)).toEqual([
      "Sidebar",
      "Chart",
      "Last card",
    ]);
  });
});
