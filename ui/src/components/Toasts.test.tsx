import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { styleRef } from "../lib/styleAttribute";
import { Modal } from "./Modal";
import { ToastProvider, useToast } from "./Toasts";

function Show({ message }: { message: string }) {
  const toast = useToast();
  return (
    <button
      type="button"
      onClick={() => {
        toast({ message, duration: 1000 });
      }}
    >
      Show
    </button>
  );
}

/** A card in a list that scrolls, at 500–560 px down the window, where a toast comes at 540–600 px (a layout of its
 * own: the test page has none). */
function cardInAList(listHeight = 2000) {
  render(
    <ToastProvider>
      <div data-testid="list" ref={styleRef({ overflowY: "auto" })}>
        <button type="button">Card</button>
      </div>
      <Show message="Moved “Drop Jenkins” to Kill." />
    </ToastProvider>,
  );
  const list = screen.getByTestId("list");
  const card = screen.getByRole("button", { name: "Card" });
  Object.defineProperty(list, "scrollHeight", { value: listHeight });
  Object.defineProperty(list, "clientHeight", { value: 400 });
  const box = (top: number, bottom: number) =>
    DOMRect.fromRect({ x: 100, y: top, width: 300, height: bottom - top });
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
    if (this === card) return box(500, 560);
    if (this.classList.contains("toast")) return box(540, 600);
    return box(0, 0);
  });
  return { list, card };
}

describe("Toasts", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("makes the message itself the live region, its buttons beside it", async () => {
    render(
      <ToastProvider>
        <Show message="Deleted “Drop Jenkins”." />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    // As the toast's own role, in a row with its buttons, WebKitGTK gave screen readers the buttons and no message.
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent(/^Deleted “Drop Jenkins”\.$/);
    expect(status.querySelector("button")).toBeNull();
    expect(status.closest(".toast")?.querySelector("button")).not.toBeNull();
    // Told as it is added to a live region: one that comes with its words is not.
    expect(screen.getByRole("region", { name: "Notifications" })).toHaveAttribute("aria-live", "polite");
  });

  it("scrolls the focused card up in its list, clear of a toast that came over it", () => {
    const { list, card } = cardInAList();
    card.focus();
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(screen.getByRole("status")).toHaveTextContent("Moved");
    // 20 px under the toast, and 8 px of room.
    expect(list.scrollTop).toBe(28);
    expect(card).toHaveFocus();
  });

  it("gives a list room past its last card under a toast while toasts are shown", () => {
    vi.useFakeTimers();
    // All the list's cards in view: the card under the toast is its last.
    const { list, card } = cardInAList(400);
    card.focus();
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(list).toHaveAttribute("data-room-for-toasts");
    expect(list.scrollTop).toBe(28);
    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    expect(list).not.toHaveAttribute("data-room-for-toasts");
  });

  it("scrolls a card that takes the focus under a toast already shown up, clear of it", async () => {
    const { list, card } = cardInAList();
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(list.scrollTop).toBe(0);
    // The card drawn back where the undo put it, the focus following it.
    card.focus();
    await waitFor(() => {
      expect(list.scrollTop).toBe(28);
    });
  });

  it("goes to the top of the board while it would lie over the focus that no list scrolls (a chart's marker)", () => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <div className="board-body">
          <button type="button">Marker</button>
        </div>
        <Show message="Deleted “Drop Jenkins”." />
      </ToastProvider>,
    );
    const marker = screen.getByRole("button", { name: "Marker" });
    const box = (top: number, bottom: number) =>
      DOMRect.fromRect({ x: 100, y: top, width: 300, height: bottom - top });
    let [markerAt, toastAt] = [
      [650, 670],
      [640, 690],
    ];
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      if (this === marker) return box(markerAt[0] ?? 0, markerAt[1] ?? 0);
      if (this.classList.contains("toast")) return box(toastAt[0] ?? 0, toastAt[1] ?? 0);
      if (this.classList.contains("board-body")) return box(150, 700);
      return box(0, 0);
    });
    marker.focus();
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    const region = screen.getByRole("region", { name: "Notifications" });
    expect(region).toHaveAttribute("data-at-top");
    expect(region).toHaveAttribute("style", "--toasts-top: 166px");
    expect(marker).toHaveFocus();
    // Carried up under them with the arrows: back to the bottom.
    markerAt = [170, 190];
    toastAt = [166, 216];
    fireEvent.keyUp(marker, { key: "ArrowUp" });
    act(() => {
      vi.advanceTimersToNextFrame();
    });
    expect(region).not.toHaveAttribute("data-at-top");
    // Back at the bottom for the next, once all have gone.
    act(() => {
      vi.advanceTimersByTime(1500);
    });
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
    expect(region).not.toHaveAttribute("data-at-top");
  });

  it("stays at the bottom over the edge of a large part with the focus (a quadrant clicked into)", () => {
    render(
      <ToastProvider>
        <section tabIndex={-1} aria-label="Kill" />
        <Show message="Moved “Drop Jenkins” to Kill." />
      </ToastProvider>,
    );
    const zone = screen.getByRole("region", { name: "Kill" });
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      const box = (top: number, bottom: number) =>
        DOMRect.fromRect({ x: 100, y: top, width: 300, height: bottom - top });
      if (this === zone) return box(400, 700);
      if (this.classList.contains("toast")) return box(640, 690);
      return box(0, 0);
    });
    zone.focus();
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    expect(screen.getByRole("region", { name: "Notifications" })).not.toHaveAttribute("data-at-top");
  });

  it("keeps the second click of a double click on its action from what lies under it once it goes", async () => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const run = vi.fn();
    const under = vi.fn();
    function WithUndo() {
      const toast = useToast();
      return (
        <button
          type="button"
          onClick={() => {
            toast({ message: "Made a copy.", action: { label: "Undo", run } });
          }}
        >
          Show
        </button>
      );
    }
    render(
      <ToastProvider>
        <button type="button" onClick={under}>
          Card
        </button>
        <WithUndo />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    fireEvent.click(await screen.findByRole("button", { name: "Undo" }), { detail: 1 });
    // The toast gone, the second click lands on the card that was under it.
    fireEvent.click(screen.getByRole("button", { name: "Card" }), { detail: 2 });
    expect(run).toHaveBeenCalledTimes(1);
    expect(under).not.toHaveBeenCalled();
  });

  it("stays while the pointer is on it, and goes its whole time after", () => {
    vi.useFakeTimers();
    render(
      <ToastProvider>
        <Show message="Deleted “Drop Jenkins”." />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Show" }));
    const toast = screen.getByRole("status");
    fireEvent.pointerEnter(toast);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    // Under the pointer, about to be pressed: still there.
    expect(screen.getByText("Deleted “Drop Jenkins”.")).toBeInTheDocument();
    fireEvent.pointerLeave(toast);
    act(() => {
      vi.advanceTimersByTime(900);
    });
    expect(screen.getByText("Deleted “Drop Jenkins”.")).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByText("Deleted “Drop Jenkins”.")).toBeNull();
  });

  it("goes when a dialog opens over the screen it was about; one shown after stays", () => {
    function Screen() {
      const toast = useToast();
      const [open, setOpen] = useState(false);
      return (
        <>
          <button
            type="button"
            onClick={() => {
              toast({ tone: "error", message: "“notes.json” is not a board file." });
            }}
          >
            Fail
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(true);
            }}
          >
            Import
          </button>
          {open && (
            <Modal title="Import" footer={null} onCancel={() => {}}>
              <button
                type="button"
                onClick={() => {
                  toast({ message: "Cut to 100 characters." });
                }}
              >
                Paste
              </button>
            </Modal>
          )}
        </>
      );
    }
    render(
      <ToastProvider>
        <Screen />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Fail" }));
    expect(screen.getByText("“notes.json” is not a board file.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    // Before, it stayed over the new dialog's buttons.
    expect(screen.queryByText("“notes.json” is not a board file.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Paste" }));
    expect(screen.getByText("Cut to 100 characters.")).toBeInTheDocument();
  });
});
