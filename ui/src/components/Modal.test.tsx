import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ConfirmDialog, Modal } from "./Modal";

function renderModal() {
  const onCancel = vi.fn();
  render(
    <>
      <button type="button">Behind the dialog</button>
      <Modal title="Post to channel" onCancel={onCancel} footer={<button type="button">Post</button>}>
        <button type="button">Connect</button>
      </Modal>
    </>,
  );
  return { onCancel, dialog: screen.getByRole("dialog", { name: "Post to channel" }) };
}

describe("Modal", () => {
  it("gives the focus to a field marked for it that comes after the dialog opens, unless it has moved on", async () => {
    function Loading({ loaded }: { loaded: boolean }) {
      return (
        <Modal title="Connect" onCancel={vi.fn()} footer={<button type="button">Done</button>}>
          {loaded ? <input aria-label="Address" data-autofocus /> : <p>Loading…</p>}
        </Modal>
      );
    }
    const { rerender } = render(<Loading loaded={false} />);
    expect(screen.getByRole("button", { name: "Done" })).toHaveFocus();
    rerender(<Loading loaded />);
    await vi.waitFor(() => {
      expect(screen.getByRole("textbox", { name: "Address" })).toHaveFocus();
    });
  });

  it("lets Tab reach its body while the body scrolls, and skips a dimmed button", async () => {
    render(
      <Modal
        title="Keyboard shortcuts"
        onCancel={vi.fn()}
        footer={
          <>
            <button type="button">Close</button>
            <button type="button" disabled>
              Post
            </button>
          </>
        }
      >
        <p>Many shortcuts</p>
      </Modal>,
    );
    const close = screen.getByRole("button", { name: "Close" });
    expect(close).toHaveFocus();
    // jsdom lays nothing out: the body is made scrollable by hand, as useScrollableFocus does when it overflows.
    const body = screen.getByText("Many shortcuts").parentElement as HTMLElement;
    body.tabIndex = 0;
    await userEvent.tab();
    expect(body).toHaveFocus();
    await userEvent.tab();
    expect(close).toHaveFocus();
  });

  it("closes on a press outside it, but not on the second press of the double click that opened it", async () => {
    // Past the moment after the last test's dialog closed, when such a press is swallowed anyway.
    await new Promise((resolve) => setTimeout(resolve, 700));
    const { onCancel, dialog } = renderModal();
    const backdrop = dialog.parentElement as HTMLElement;
    fireEvent.mouseDown(backdrop, { detail: 2 });
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.mouseDown(backdrop, { detail: 1 });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("stays open on a press outside it once something was typed in it, and closes on Escape", async () => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const onCancel = vi.fn();
    render(
      <Modal title="Thresholds" onCancel={onCancel} footer={<button type="button">Save</button>}>
        <input aria-label="Payoff" defaultValue="5" />
      </Modal>,
    );
    const dialog = screen.getByRole("dialog", { name: "Thresholds" });
    await userEvent.type(screen.getByRole("textbox", { name: "Payoff" }), "6");
    fireEvent.mouseDown(dialog.parentElement as HTMLElement, { detail: 1 });
    expect(onCancel).not.toHaveBeenCalled();
    expect(dialog).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("still closes on Escape when the focus fell out of it (a button disabled while it works)", async () => {
    const { onCancel } = renderModal();
    expect(screen.getByRole("button", { name: "Connect" })).toHaveFocus();
    screen.getByRole("button", { name: "Connect" }).blur();
    expect(document.body).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("gives a focus dropped to the page as its content changes to its first stop, and leaves one on itself", async () => {
    function Changing({ step }: { step: number }) {
      return (
        <Modal title="Post to channel" onCancel={vi.fn()} footer={<button type="button">Cancel</button>}>
          {step === 0 ? <button type="button">Save channel</button> : <p>Saved</p>}
          {step === 2 && <p>The test message went out.</p>}
          <input aria-label="Note" />
        </Modal>
      );
    }
    const { rerender } = render(<Changing step={0} />);
    const save = screen.getByRole("button", { name: "Save channel" });
    save.focus();
    // The button with the focus goes with what it did: the focus, on the page, comes back to the first stop.
    rerender(<Changing step={1} />);
    await vi.waitFor(() => {
      expect(screen.getByLabelText("Note")).toHaveFocus();
    });
    // A click on the dialog's text puts the focus on the dialog: a change after it leaves it there.
    const dialog = screen.getByRole("dialog");
    dialog.focus();
    rerender(<Changing step={2} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dialog).toHaveFocus();
  });

  it("takes back the focus that falls out of it: Tab does not go on through the page behind", async () => {
    const { dialog } = renderModal();
    screen.getByRole("button", { name: "Connect" }).blur();
    // Tab from the page goes to the dialog's first stop, where a ring shows (the dialog itself shows none).
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Connect" })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Post" })).toHaveFocus();
    screen.getByRole("button", { name: "Behind the dialog" }).focus();
    expect(dialog).toHaveFocus();
  });

  it("gives the focus back to its opener, or to the screen's place for it when the opener is gone", () => {
    function Screen({ open, opener }: { open: boolean; opener: boolean }) {
      return (
        <>
          <h2 tabIndex={-1} data-focus-after-dialog>
            Team rounds
          </h2>
          {opener && <button type="button">Connect to Mattermost…</button>}
          {open && (
            <Modal
              title="Connect to Mattermost"
              onCancel={vi.fn()}
              footer={<button type="button">Done</button>}
            >
              <input aria-label="Server" />
            </Modal>
          )}
        </>
      );
    }
    const { rerender } = render(<Screen open={false} opener />);
    screen.getByRole("button", { name: "Connect to Mattermost…" }).focus();
    rerender(<Screen open opener />);
    expect(screen.getByRole("textbox", { name: "Server" })).toHaveFocus();
    rerender(<Screen open={false} opener />);
    expect(screen.getByRole("button", { name: "Connect to Mattermost…" })).toHaveFocus();

    rerender(<Screen open opener />);
    // Connecting takes the button away while the dialog is open.
    rerender(<Screen open opener={false} />);
    rerender(<Screen open={false} opener={false} />);
    expect(screen.getByRole("heading", { name: "Team rounds" })).toHaveFocus();
  });

  it("lets the rest of a double click whose first click closed it do nothing on the page behind", async () => {
    const { unmount } = render(
      <Modal title="Connect to Mattermost" onCancel={vi.fn()} footer={<button type="button">Done</button>}>
        <p>Connected</p>
      </Modal>,
    );
    render(<input type="checkbox" aria-label="Set a deadline" />);
    const deadline = screen.getByRole("checkbox", { name: "Set a deadline" });
    unmount();
    fireEvent.click(deadline, { detail: 2 });
    expect(deadline).not.toBeChecked();
    fireEvent.click(deadline, { detail: 1 });
    expect(deadline).toBeChecked();
    // A double click long after is one of its own.
    await new Promise((resolve) => setTimeout(resolve, 700));
    fireEvent.click(deadline, { detail: 2 });
    expect(deadline).not.toBeChecked();
  });

  it("lets the rest of a double click whose first click opened it do nothing in it", () => {
    render(
      <Modal
        title="Delete “Scratch” for good?"
        onCancel={vi.fn()}
        footer={<button type="button">Cancel</button>}
      >
        <p>This cannot be undone.</p>
      </Modal>,
    );
    const under = vi.fn();
    render(
      <button type="button" onClick={under}>
        Delete for good
      </button>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Delete for good" }), { detail: 2 });
    expect(under).not.toHaveBeenCalled();
  });

  it("shows the ring on its first stop when a key opened it, as Tab would, and not after a click", () => {
    function Opened({ open }: { open: boolean }) {
      return open ? (
        <Modal
          title="Delete “Scratch” for good?"
          onCancel={vi.fn()}
          footer={<button type="button">Cancel</button>}
        >
          <p>This cannot be undone.</p>
        </Modal>
      ) : null;
    }
    const { rerender } = render(<Opened open={false} />);
    fireEvent.keyDown(document.body, { key: "Enter" });
    rerender(<Opened open />);
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveAttribute("data-tab-focus");
    rerender(<Opened open={false} />);
    fireEvent.pointerDown(document.body);
    rerender(<Opened open />);
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(screen.getByRole("button", { name: "Cancel" })).not.toHaveAttribute("data-tab-focus");
  });

  it("shows the ring on a question's safe choice, which Enter takes, though the question was opened by a click", () => {
    fireEvent.pointerDown(document.body);
    render(
      <ConfirmDialog
        title="Reveal the round?"
        message="Ballots sent afterwards are not counted."
        confirmLabel="Reveal"
        tone="proceeds"
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const cancel = screen.getByRole("button", { name: "Cancel" });
    expect(cancel).toHaveFocus();
    expect(cancel).toHaveAttribute("data-tab-focus");
  });

  it("asks in red before what destroys, and not before a step that only cannot be taken back", () => {
    const { rerender } = render(
      <ConfirmDialog
        title="Delete?"
        message="Gone."
        confirmLabel="Delete board"
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(screen.getByRole("button", { name: "Delete board" })).toHaveClass("button-danger");
    rerender(
      <ConfirmDialog
        title="Start?"
        message="Posts."
        confirmLabel="Start round"
        tone="proceeds"
        onConfirm={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    const start = screen.getByRole("button", { name: "Start round" });
    expect(start).toHaveClass("button-primary");
    expect(start).not.toHaveClass("button-danger");
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
  });
});
