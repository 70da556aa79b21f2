import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";

import { hasOwnUndo } from "../features/board/useShortcuts";
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

  it("are the board's while the field has nothing of its own, and the field's once typed in again", async () => {
    const newIdea = document.createElement("input");
    newIdea.className = "add-idea-input";
    document.body.append(newIdea);
    expect(hasOwnUndo(newIdea, "undo")).toBe(false);
    expect(hasOwnUndo(newIdea, "redo")).toBe(false);
    await userEvent.type(newIdea, "Zz");
    expect(hasOwnUndo(newIdea, "undo")).toBe(true);
    // Nothing of its own to redo, but typed in since: Ctrl+Y redid the idea the board's undo had taken back.
    expect(hasOwnUndo(newIdea, "redo")).toBe(true);
    // Any other text field keeps its own, with or without a history.
    const search = document.createElement("input");
    document.body.append(search);
    expect(hasOwnUndo(search, "undo")).toBe(true);
  });
});
