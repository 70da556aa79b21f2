import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";

import { hasOwnUndo, tookBoardStep } from "../features/board/useShortcuts";
import { fieldStep } from "./fieldHistory";

// The history is recorded by src/test/setup.ts, as main.tsx does in the app.
describe("a text field's own history", () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  function field(label: string) {
    const input = document.createElement("input");
    input.setAttribute("aria-label", label);
    document.body.append(input);
    return input;
  }

  it("undoes a run of typing as one step and redoes it, telling the page each time", async () => {
    const search = field("Search");
    const seen: string[] = [];
    search.addEventListener("input", (e) => {
      seen.push(`${(e as InputEvent).inputType}:${search.value}`);
    });
    await userEvent.type(search, "rotate");
    expect(fieldStep(search, "undo")).toBe(true);
    expect(search).toHaveValue("");
    expect(fieldStep(search, "redo")).toBe(true);
    expect(search).toHaveValue("rotate");
    expect(seen.slice(-2)).toEqual(["historyUndo:", "historyRedo:rotate"]);
    // A paste is a step of its own.
    await userEvent.paste(" certs");
    expect(fieldStep(search, "undo")).toBe(true);
    expect(search).toHaveValue("rotate");
  });

  it("changes only the field it is asked for: one with nothing of its own to undo is left as it is", async () => {
    const [owner, newIdea] = [field("Owner"), field("New idea")];
    await userEvent.type(owner, "zed");
    await userEvent.click(newIdea);
    expect(fieldStep(newIdea, "undo")).toBe(false);
    expect(owner).toHaveValue("zed");
    expect(newIdea).toHaveFocus();
  });

  it("starts afresh when the page set the field's value since: another idea's title is not this one's", async () => {
    const title = field("Title");
    await userEvent.type(title, "Rotate certs");
    // The details now show another idea in the same field.
    title.value = "Patch the fleet";
    expect(fieldStep(title, "undo")).toBe(false);
    expect(title).toHaveValue("Patch the fleet");
  });
});

describe("Ctrl+Z and Ctrl+Y in a field that adds ideas", () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("are lent to the board after an add, one after the other, and the field's own once typed in", async () => {
    const newIdea = document.createElement("input");
    newIdea.className = "add-idea-input";
    document.body.append(newIdea);
    // Clicked into, nothing added: its own.
    expect(hasOwnUndo(newIdea, "undo")).toBe(true);
    // Right after an add (AddIdeaField), Ctrl+Z is the board's, then Ctrl+Y.
    newIdea.dataset.boardStep = "undo";
    expect(hasOwnUndo(newIdea, "undo")).toBe(false);
    expect(hasOwnUndo(newIdea, "redo")).toBe(true);
    tookBoardStep(newIdea, "undo");
    expect(hasOwnUndo(newIdea, "undo")).toBe(true);
    expect(hasOwnUndo(newIdea, "redo")).toBe(false);
    // Typed in since: its own both ways. Ctrl+Y redid the idea taken back.
    await userEvent.type(newIdea, "Zz");
    expect(hasOwnUndo(newIdea, "redo")).toBe(true);
  });
});
