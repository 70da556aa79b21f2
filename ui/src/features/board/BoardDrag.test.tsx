// Drag and drop arrives with the first input, and the board's body is drawn anew under it: nothing the person was
// doing in that moment is lost, and a card pressed before it was there is picked up once it is.
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { flushSync } from "react-dom";
import { describe, expect, it, vi } from "vitest";

import { board, fakeBackend, idea } from "../../test/fakeBackend";
import { renderBoard } from "../../test/renderBoard";
import { forgetDragLayer, loadDragLayer, loadDragLayerWithFirstInput } from "./BoardDrag";

/** dnd-kit's hidden instructions, which every card points to once drag and drop is there. */
function instructions(): Element | null {
  return document.querySelector('[id^="DndDescribedBy"]');
}

async function loaded() {
  await waitFor(() => {
    expect(instructions()).not.toBeNull();
  });
}

/** jsdom has no pointer events; dnd-kit's pointer sensor needs one that says it is the primary pointer. */
class TestPointerEvent extends MouseEvent {
  readonly pointerId: number;
  readonly pointerType: string;
  readonly isPrimary: boolean;
  constructor(type: string, init: PointerEventInit = {}) {
    super(type, init);
    this.pointerId = init.pointerId ?? 1;
    this.pointerType = init.pointerType ?? "mouse";
    this.isPrimary = init.isPrimary ?? true;
  }
}

describe("BoardDrag", () => {
  it("draws the board with nothing to drag until the first input, then loads drag and drop", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard({ dragAndDrop: "at first input" });
    const card = await screen.findByRole("button", { name: /^Patch bastion/ });
    expect(card).not.toHaveAttribute("aria-describedby");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(instructions()).toBeNull();

    fireEvent.pointerMove(document.body);
    await loaded();
    const now = screen.getByRole("button", { name: /^Patch bastion/ });
    expect(now).toHaveAttribute("aria-describedby", instructions()?.id);
  });

  it("loads with an input made before the board was drawn, with no input on the board itself", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    forgetDragLayer();
    loadDragLayerWithFirstInput();
    fireEvent.pointerDown(window); // say, on the welcome screen's "Start with a sample board"
    await renderBoard({ dragAndDrop: "as the test left it" });
    await screen.findByRole("button", { name: /^Patch bastion/ });
    await loaded();
  });

  it("draws a board that comes after the first input with drag and drop from the start", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    forgetDragLayer();
    loadDragLayerWithFirstInput();
    fireEvent.keyDown(window, { key: "Tab", code: "Tab" });
    await loadDragLayer();
    await renderBoard({ dragAndDrop: "as the test left it" });
    const card = await screen.findByRole("button", { name: /^Patch bastion/ });
    expect(card).toHaveAttribute("aria-describedby", instructions()?.id);
  });

  it("keeps what was typed, and the focus, when the body is drawn anew under drag and drop", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard({ dragAndDrop: "at first input" });
    const field = await screen.findByLabelText("New idea");
    field.focus();
    fireEvent.change(field, { target: { value: "Rotate TLS" } });

    fireEvent.keyDown(field, { key: "Shift", code: "ShiftLeft" });
    await loaded();
    const drawnAnew = screen.getByLabelText("New idea");
    expect(drawnAnew).not.toBe(field);
    expect(drawnAnew).toHaveValue("Rotate TLS");
    expect(drawnAnew).toHaveFocus();

    await userEvent.keyboard(" certificates{Enter}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "add_idea")?.args).toEqual({
        boardId: 1,
        title: "Rotate TLS certificates",
        zone: "unsorted",
      });
    });
  });

  it("picks up a card on which Space was pressed before drag and drop was there", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill"), idea(2, "Add alerts", "kill")]));
    await renderBoard({ dragAndDrop: "at first input" });
    const card = await screen.findByRole("button", { name: /^Patch bastion/ });
    card.focus();

    const space = fireEvent.keyDown(card, { key: " ", code: "Space" });
    expect(space).toBe(false); // the page does not scroll
    await loaded();
    const picked = screen.getByRole("button", { name: /^Patch bastion/ });
    expect(picked).toHaveFocus();
    await waitFor(() => {
      expect(picked).toHaveClass("card-placeholder");
    });
    expect(
      await screen.findByText(/^Picked up\. “Patch bastion” is in Kill, position 1 of 2\./),
    ).toBeInTheDocument();

    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.getByRole("button", { name: /^Patch bastion/ })).not.toHaveClass("card-placeholder");
    });
  });

  it("lets no key act on a card while it is carried: 1 moved it under the hand, and Escape kept the move", async () => {
    const fake = fakeBackend(board([idea(1, "Patch bastion", "kill"), idea(2, "Add alerts", "kill")]));
    await renderBoard({ dragAndDrop: "at first input" });
    const card = await screen.findByRole("button", { name: /^Patch bastion/ });
    card.focus();
    fireEvent.keyDown(card, { key: " ", code: "Space" });
    await loaded();
    await waitFor(() => {
      expect(screen.getByRole("button", { name: /^Patch bastion/ })).toHaveClass("card-placeholder");
    });

    await userEvent.keyboard("1e{Delete}v");
    // V waits too: it switched to the chart under the card, whose copy was left floating over the plane.
    expect(screen.getByRole("radio", { name: "Quadrants" })).toBeChecked();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.getByRole("button", { name: /^Patch bastion/ })).not.toHaveClass("card-placeholder");
    });
    expect(fake.calls.map((c) => c.command)).not.toContain("move_idea");
    expect(fake.calls.map((c) => c.command)).not.toContain("delete_idea");
    expect(screen.queryByRole("complementary")).toBeNull();
  });

  it("drags a card pressed with the pointer before drag and drop was there", async () => {
    vi.stubGlobal("PointerEvent", TestPointerEvent);
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard({ dragAndDrop: "at first input" });
    const card = await screen.findByRole("button", { name: /^Patch bastion/ });

    card.dispatchEvent(
      new TestPointerEvent("pointerdown", { bubbles: true, button: 0, buttons: 1, clientX: 20, clientY: 20 }),
    );
    await loaded();
    fireEvent(
      document,
      new TestPointerEvent("pointermove", { bubbles: true, buttons: 1, clientX: 60, clientY: 20 }),
    );
    await waitFor(() => {
      expect(document.querySelector(".card-dragging")).not.toBeNull();
    });
    expect(screen.getByRole("button", { name: /^Patch bastion/ })).toHaveClass("card-placeholder");
    fireEvent(document, new TestPointerEvent("pointerup", { bubbles: true, clientX: 60, clientY: 20 }));
    await waitFor(() => {
      expect(document.querySelector(".card-dragging")).toBeNull();
    });
    vi.unstubAllGlobals();
  });

  it("cancels a pointer drag on Escape and leaves the open details as they were", async () => {
    // @dnd-kit swallows the click that follows a drop for 50 ms; the test before this one ends with a drop.
    await new Promise((resolve) => setTimeout(resolve, 100));
    fakeBackend(board([idea(1, "Patch bastion", "kill"), idea(2, "Add alerts", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Add alerts/ }));
    const details = await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    await loaded();
    vi.stubGlobal("PointerEvent", TestPointerEvent);
    const card = screen.getByRole("button", { name: /^Patch bastion/ });
    card.dispatchEvent(
      new TestPointerEvent("pointerdown", { bubbles: true, button: 0, buttons: 1, clientX: 20, clientY: 20 }),
    );
    card.focus(); // as the card's own press does
    fireEvent(
      document,
      new TestPointerEvent("pointermove", { bubbles: true, buttons: 1, clientX: 60, clientY: 20 }),
    );
    await waitFor(() => {
      expect(document.querySelector(".card-dragging")).not.toBeNull();
    });
    // A browser runs microtasks between an event's listeners (the key comes from no script), and React commits the
    // drag's end there, before the key reaches the window. jsdom, dispatching from the test, does not: done by hand.
    const commitBetweenListeners = () => {
      flushSync(() => undefined);
    };
    document.addEventListener("keydown", commitBetweenListeners);
    fireEvent.keyDown(card, { key: "Escape", code: "Escape" });
    document.removeEventListener("keydown", commitBetweenListeners);
    await waitFor(() => {
      expect(document.querySelector(".card-dragging")).toBeNull();
    });
    expect(details).toBeInTheDocument();
    vi.unstubAllGlobals();
  });

  it("keeps the chart zoomed by a key pressed as drag and drop arrives and draws the chart anew", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard({ dragAndDrop: "at first input", chart: true });
    const level = await screen.findByText("100%", {}, { timeout: 5000 });
    fireEvent.pointerMove(document.body);
    // The board's body is drawn anew under drag and drop in the same update as the zoom.
    await loadDragLayer();
    fireEvent.keyDown(window, { key: "+", code: "Equal" });
    await loaded();
    await waitFor(() => {
      expect(document.querySelector(".chart-zoom-level")).not.toHaveTextContent("100%");
    });
    expect(level).not.toBeInTheDocument();
  });

  it("goes on with a rectangle on the chart pressed before drag and drop was there", async () => {
    vi.stubGlobal("PointerEvent", TestPointerEvent);
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard({ dragAndDrop: "at first input", chart: true });
    // The chart is drawn (zoomed as the test before left it).
    await screen.findByRole("button", { name: "Fit" }, { timeout: 5000 });
    const plane = document.querySelector(".plane");
    expect(plane).not.toBeNull();
    plane?.dispatchEvent(
      new TestPointerEvent("pointerdown", { bubbles: true, button: 0, buttons: 1, clientX: 5, clientY: 5 }),
    );
    await loaded();
    const drawnAnew = document.querySelector(".plane");
    expect(drawnAnew).not.toBe(plane);
    fireEvent(
      drawnAnew as Element,
      new TestPointerEvent("pointermove", { bubbles: true, buttons: 1, clientX: 60, clientY: 40 }),
    );
    await waitFor(() => {
      expect(document.querySelector(".plane-rect")).not.toBeNull();
    });
    vi.unstubAllGlobals();
  });
});
