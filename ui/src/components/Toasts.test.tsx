import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

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
});
