import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";

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

  describe("with a side panel over part of the board", () => {
    afterEach(() => {
      vi.restoreAllMocks();
      Reflect.deleteProperty(document, "elementFromPoint");
    });

    /** Lays the page out as at 1024 px: Implement's card at the left, Kill's card and + under the details at the
     * right (x ≥ 640), a toast's Undo over the panel. */
    function Board() {
      useTabStaysInWindow();
      return (
        <>
          <button type="button">Sidebar</button>
          <button type="button" data-x="300">
            Implement card
          </button>
          <button type="button" data-x="800">
            Kill card
          </button>
          <button type="button" data-x="900">
            Add to Kill
          </button>
          <aside className="details" data-x="800" data-width="340">
            <button type="button" data-x="930">
              Close details
            </button>
            <input aria-label="Title" data-x="800" />
          </aside>
          <button type="button" data-x="850" data-toast>
            Undo
          </button>
        </>
      );
    }

    function layOut() {
      const box = (el: Element) => {
        const x = Number(el.getAttribute("data-x") ?? 20);
        const width = Number(el.getAttribute("data-width") ?? 2);
        const [left, top, height] = el.classList.contains("details") ? [640, 0, 768] : [x - 1, 99, 2];
        return new DOMRect(left, top, width === 340 ? 340 : width, height);
      };
      vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
        return box(this);
      });
      const panel = document.querySelector(".details");
      document.elementFromPoint = (x: number) => {
        const toast = document.querySelector("[data-toast]");
        if (x === 850) return toast;
        return x >= 640 ? panel : document.body;
      };
    }

    it("passes over the stops under it, both ways, and goes round", async () => {
      render(<Board />);
      layOut();
      const name = () =>
        document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent;
      screen.getByRole("button", { name: "Implement card" }).focus();
      const seen = [];
      for (let i = 0; i < 5; i++) {
        await userEvent.tab();
        seen.push(name());
      }
      expect(seen).toEqual(["Close details", "Title", "Undo", "Sidebar", "Implement card"]);
      await userEvent.tab({ shift: true });
      expect(name()).toBe("Sidebar");
      await userEvent.tab({ shift: true });
      expect(name()).toBe("Undo");
      screen.getByRole("button", { name: "Close details" }).focus();
      await userEvent.tab({ shift: true });
      expect(name()).toBe("Implement card");
    });
  });
});
