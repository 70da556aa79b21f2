import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";

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

describe("Toasts", () => {
  afterEach(() => {
    vi.useRealTimers();
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
