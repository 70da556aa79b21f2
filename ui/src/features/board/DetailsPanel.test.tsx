import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import type { Idea, IdeaEdit } from "../../lib/bindings";
import { fakeBackend, idea } from "../../test/fakeBackend";
import { keepDraft } from "../../lib/drafts";
import { cleanScore, DetailsPanel } from "./DetailsPanel";
import type { UnsavedField } from "./fields";

function renderPanel(overrides: Partial<Parameters<typeof DetailsPanel>[0]> = {}) {
  fakeBackend(null);
  const props = {
    idea: { ...idea(7, "Rotate certs", "implement"), tags: ["security"] },
    boardTags: ["security", "ci"],
    version: 0,
    onSave: vi.fn(),
    onScores: vi.fn(),
    onMove: vi.fn(),
    onDelete: vi.fn(),
    onClose: vi.fn(),
    onError: vi.fn(),
    ...overrides,
  };
  render(
    <Providers>
      <DetailsPanel {...props} />
    </Providers>,
  );
  return props;
}

/** The panel over an idea that takes each saved edit at once, as the board's guess does. */
function renderSaving(start: Idea) {
  fakeBackend(null);
  const saves: IdeaEdit[] = [];
  const reports: UnsavedField[][] = [];
  const onError = vi.fn();
  function Board() {
    const [current, setCurrent] = useState(start);
    return (
      <DetailsPanel
        idea={current}
        boardTags={[]}
        onSave={(_id, edit) => {
          saves.push(edit);
          setCurrent((i) => ({ ...i, ...edit }));
        }}
        onScores={vi.fn()}
        onMove={vi.fn()}
        onDelete={vi.fn()}
        onClose={vi.fn()}
        onError={onError}
        onUnsaved={(unsaved) => reports.push(unsaved)}
      />
    );
  }
  const view = render(
    <Providers>
      <Board />
    </Providers>,
  );
  return { saves, reports, onError, unmount: view.unmount };
}

/** The panel over `start`, drawn again by `show` over the idea as it changes under it (an undo, Place). */
function renderFollowing(start: Idea, extra: Partial<Parameters<typeof DetailsPanel>[0]> = {}) {
  fakeBackend(null);
  const props = {
    boardTags: [],
    onSave: vi.fn(),
    onScores: vi.fn(),
    onMove: vi.fn(),
    onDelete: vi.fn(),
    onClose: vi.fn(),
    onError: vi.fn(),
    ...extra,
  };
  const panel = (at: Idea) => (
    <Providers>
      <DetailsPanel idea={at} {...props} />
    </Providers>
  );
  const view = render(panel(start));
  return {
    props,
    show: (at: Idea) => {
      view.rerender(panel(at));
    },
  };
}

/** Types `payoff` and `cost` into the score boxes, over what they held, and leaves them; the payoff box. */
async function typeScores(payoff: string, cost: string) {
  const payoffBox = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
  const costBox = screen.getByLabelText(/^Cost \/ risk/, { selector: "input[type=text]" });
  await userEvent.clear(payoffBox);
  await userEvent.type(payoffBox, payoff);
  await userEvent.clear(costBox);
  await userEvent.type(costBox, cost);
  await userEvent.tab();
  return payoffBox;
}

describe("DetailsPanel", () => {
  it("takes a place browsed to with the keys once chosen, not at each step, and a click's at once", () => {
    const props = renderPanel();
    const place = screen.getByLabelText("Place");
    const browse = (key: string, zone: string) => {
      fireEvent.keyDown(place, { key });
      fireEvent.change(place, { target: { value: zone } });
    };
    // Down, Down, Up: each step moved the idea, and one through Unsorted lost its scores.
    browse("ArrowDown", "challenge");
    browse("ArrowDown", "unsorted");
    browse("ArrowUp", "kill");
    expect(props.onMove).not.toHaveBeenCalled();
    expect(place).toHaveValue("kill");
    fireEvent.keyDown(place, { key: "Enter" });
    expect(props.onMove).toHaveBeenCalledExactlyOnceWith(7, "kill");
    // Escape takes the browsing back, and leaves the panel open.
    browse("ArrowDown", "possible");
    fireEvent.keyDown(place, { key: "Escape" });
    expect(place).toHaveValue("implement");
    expect(props.onClose).not.toHaveBeenCalled();
    // Leaving the list takes what it shows.
    browse("ArrowDown", "possible");
    fireEvent.blur(place);
    expect(props.onMove).toHaveBeenLastCalledWith(7, "possible");
    // Picked from the opened list (no browsing key), at once.
    fireEvent.keyDown(place, { key: " " });
    fireEvent.change(place, { target: { value: "challenge" } });
    expect(props.onMove).toHaveBeenLastCalledWith(7, "challenge");
    expect(props.onMove).toHaveBeenCalledTimes(3);
  });

  it("opens with the focus in the title and the caret at its end", () => {
    renderPanel();
    const title = screen.getByLabelText<HTMLTextAreaElement>("Title");
    expect(title).toHaveFocus();
    expect([title.selectionStart, title.selectionEnd]).toEqual([
      "Rotate certs".length,
      "Rotate certs".length,
    ]);
  });

  it("offers to copy the link when no browser opens it", async () => {
    const link = "https://jira.example.com/browse/OPS-1";
    fakeBackend(null, {
      open_link: () => {
        throw { kind: "invalid", message: "No web browser could be opened for this link.", path: null };
      },
    });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(
      <Providers>
        <DetailsPanel
          idea={{ ...idea(7, "Rotate certs", "implement"), link }}
          boardTags={[]}
          onSave={vi.fn()}
          onScores={vi.fn()}
          onMove={vi.fn()}
          onDelete={vi.fn()}
          onClose={vi.fn()}
          onError={vi.fn()}
        />
      </Providers>,
    );
    expect(screen.queryByRole("button", { name: "Copy link" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Open" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "No web browser could be opened for this link.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(screen.getByRole("alert")).toHaveTextContent("The link is copied: paste it into your browser.");
  });

  it("shows a long title whole in a field that wraps, saves it on Enter and keeps it on one line", async () => {
    const long = "Rotate the certificates ".repeat(21).slice(0, 500);
    const { saves } = renderSaving(idea(7, long, "implement"));
    const title = screen.getByLabelText("Title");
    // A text area of one row to start with, that wraps: the whole title is in it, not only its end.
    expect(title.tagName).toBe("TEXTAREA");
    expect(title).toHaveValue(long);
    expect(title).toHaveAttribute("maxLength", "500");

    // Enter saves and starts no new line; pasted line breaks become spaces.
    await userEvent.clear(title);
    await userEvent.type(title, "Rotate certs{Enter}");
    expect(title).toHaveValue("Rotate certs");
    expect(saves.at(-1)?.title).toBe("Rotate certs");
    await userEvent.clear(title);
    await userEvent.click(title);
    await userEvent.paste("Rotate\ncerts\r\nbefore they expire");
    await userEvent.keyboard("{Enter}");
    expect(title).toHaveValue("Rotate certs before they expire");
    expect(saves.at(-1)?.title).toBe("Rotate certs before they expire");
  });

  it("saves each field on its own and keeps an invalid link at its field, holding back nothing", async () => {
    const { saves, reports, onError, unmount } = renderSaving({
      ...idea(7, "Rotate certs", "implement"),
      owner: "bo",
    });
    const link = screen.getByLabelText("Link");
    await userEvent.type(link, "www.example.com");
    // While the first letters go in, nothing is marked yet.
    expect(link).toHaveAttribute("aria-invalid", "false");
    await userEvent.click(screen.getByLabelText("Owner"));
    expect(link).toHaveAttribute("aria-invalid", "true");
    const hint = document.getElementById(link.getAttribute("aria-describedby") ?? "");
    expect(hint).toHaveTextContent("Start the link with https:// — for example https://www.example.com");
    expect(reports.at(-1)).toEqual([{ field: "link", problem: hint?.textContent }]);

    await userEvent.clear(screen.getByLabelText("Owner"));
    await userEvent.type(screen.getByLabelText("Owner"), "ana");
    await userEvent.clear(screen.getByLabelText("Title"));
    await userEvent.type(screen.getByLabelText("Title"), "Rotate TLS certificates{Enter}");
    // Two edits, one field each, none with the invalid link; nothing refused, so nothing to toast.
    expect(saves).toEqual([
      { title: "Rotate certs", notes: "", owner: "ana", link: "", tags: [] },
      { title: "Rotate TLS certificates", notes: "", owner: "ana", link: "", tags: [] },
    ]);
    expect(onError).not.toHaveBeenCalled();
    expect(reports.at(-1)?.map((u) => u.field)).toEqual(["link"]);

    // Fixed, the link saves alone and nothing is left unsaved.
    await userEvent.clear(link);
    await userEvent.type(link, "https://www.example.com{Enter}");
    expect(saves.at(-1)).toEqual({
      title: "Rotate TLS certificates",
      notes: "",
      owner: "ana",
      link: "https://www.example.com",
      tags: [],
    });
    expect(link).toHaveAttribute("aria-invalid", "false");
    expect(reports.at(-1)).toEqual([]);
    unmount();
    expect(onError).not.toHaveBeenCalled();
  });

  it("says so when it closes with a value it could not save", async () => {
    const { onError, unmount } = renderSaving(idea(7, "Rotate certs", "implement"));
    await userEvent.type(screen.getByLabelText("Link"), "intranet/wiki");
    unmount();
    expect(onError).toHaveBeenCalledWith(
      "The link “intranet/wiki” was not saved. Start the link with https:// — for example https://www.example.com",
      "not-saved-7-link",
    );
  });

  it("follows a change made under it, unless the field is being typed in", () => {
    const before = { ...idea(7, "Rotate certs", "implement"), owner: "ana", link: "https://a.example" };
    const { show } = renderFollowing(before);
    fireEvent.change(screen.getByLabelText("Owner"), { target: { value: "bo (typing)" } });
    // An undo puts back an older owner and link.
    show({ ...before, owner: "cy", link: "" });
    expect(screen.getByLabelText("Link")).toHaveValue("");
    expect(screen.getByLabelText("Owner")).toHaveValue("bo (typing)");
  });

  it("takes what the backend stored of a title and notes as saved, and follows an undo of them", async () => {
    const reports: UnsavedField[][] = [];
    const onSave = vi.fn();
    const before = idea(7, "Rotate certs", "implement");
    const { show } = renderFollowing(before, { onSave, onUnsaved: (u) => reports.push(u) });
    const title = screen.getByLabelText("Title");
    await userEvent.type(title, " now ");
    const notes = screen.getByLabelText("Notes");
    await userEvent.click(notes);
    // A paste ends in a new line; the backend keeps the title and the notes without the spaces at their ends.
    fireEvent.change(notes, { target: { value: "## Why\nExpiry\n" } });
    await userEvent.tab();
    expect(onSave).toHaveBeenCalledWith(7, expect.objectContaining({ title: "Rotate certs now " }));
    expect(onSave).toHaveBeenLastCalledWith(7, expect.objectContaining({ notes: "## Why\nExpiry\n" }));
    show({ ...before, title: "Rotate certs now", notes: "## Why\nExpiry" });
    expect(reports.at(-1)).toEqual([]);
    // Saved, the title shows as stored.
    expect(title).toHaveValue("Rotate certs now");
    // The board's undo: both fields follow, and leaving them saves nothing again.
    show(before);
    expect(title).toHaveValue("Rotate certs");
    expect(screen.getByLabelText("Notes")).toHaveValue("");
    const saves = onSave.mock.calls.length;
    screen.getByLabelText("Notes").focus();
    await userEvent.tab();
    expect(onSave).toHaveBeenCalledTimes(saves);
    expect(reports.at(-1)).toEqual([]);
  });

  it("shows a title saved without the right-to-left override typed in it as saved, not as typed", async () => {
    const onSave = vi.fn();
    const before = idea(7, "Rotate certs", "implement");
    const { show } = renderFollowing(before, { onSave });
    const title = screen.getByLabelText("Title");
    fireEvent.change(title, { target: { value: "Pay \u202Egnp.exe now" } });
    await userEvent.tab();
    expect(onSave).toHaveBeenCalledWith(7, expect.objectContaining({ title: "Pay \u202Egnp.exe now" }));
    // The board shows what was typed at once, then what the backend stored.
    show({ ...before, title: "Pay \u202Egnp.exe now" });
    show({ ...before, title: "Pay gnp.exe now" });
    expect(title).toHaveValue("Pay gnp.exe now");
    // So is one saved without the zero-width space typed in it.
    fireEvent.change(title, { target: { value: "Pay now\u200B" } });
    await userEvent.tab();
    show({ ...before, title: "Pay now\u200B" });
    show({ ...before, title: "Pay now" });
    expect(title).toHaveValue("Pay now");
  });

  it("puts the new scores in boxes left holding what is not a score, not in the one being typed in", async () => {
    const reports: UnsavedField[][] = [];
    const before = idea(7, "Rotate certs", "implement");
    const { props, show } = renderFollowing(before, { onUnsaved: (u) => reports.push(u) });
    const payoff = await typeScores("15", "abc");
    const cost = screen.getByLabelText(/^Cost \/ risk/, { selector: "input[type=text]" });
    expect(cost).toHaveAttribute("aria-invalid", "true");
    // Place › Possible: the idea moves to 2.5 / 2.5. Before, the boxes kept "15" and "abc" with their errors beside
    // the card's new scores, and closing said neither was saved.
    show({ ...before, zone: "possible", position: { payoff: 2.5, cost: 2.5 } });
    expect(payoff).toHaveValue("2.5");
    expect(cost).toHaveValue("2.5");
    expect(payoff).toHaveAttribute("aria-invalid", "false");
    expect(cost).toHaveAttribute("aria-invalid", "false");
    expect(reports.at(-1)).toEqual([]);
    expect(props.onScores).not.toHaveBeenCalled();

    // A box with the focus keeps what is being typed in it, however it reads.
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "-");
    show({ ...before, zone: "possible", position: { payoff: 1, cost: 2.5 } });
    expect(payoff).toHaveValue("-");
    expect(cost).toHaveValue("2.5");
  });

  it("saves typed scores with one decimal", () => {
    const props = renderPanel();
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    fireEvent.change(payoff, { target: { value: "8.46" } });
    fireEvent.blur(payoff);
    expect(props.onScores).toHaveBeenCalledWith(7, 8.5, 2.5);
  });

  it("saves a burst of slider steps by the keyboard as one change, once the keys rest or the slider is left", async () => {
    const props = renderPanel();
    const slider = screen.getByLabelText("Payoff slider");
    for (const value of ["7.6", "7.7", "7.8"]) {
      fireEvent.change(slider, { target: { value } });
      fireEvent.keyUp(slider, { key: "ArrowRight" });
    }
    expect(props.onScores).not.toHaveBeenCalled();
    await waitFor(() => {
      expect(props.onScores).toHaveBeenCalledWith(7, 7.8, 2.5);
    });
    expect(props.onScores).toHaveBeenCalledTimes(1);

    fireEvent.change(slider, { target: { value: "7.9" } });
    fireEvent.keyUp(slider, { key: "ArrowRight" });
    fireEvent.blur(slider);
    expect(props.onScores).toHaveBeenLastCalledWith(7, 7.9, 2.5);
    expect(props.onScores).toHaveBeenCalledTimes(2);
  });

  it("shows a score box exactly as typed, marks a value that is not a score and never saves it", async () => {
    const reports: UnsavedField[][] = [];
    const props = renderPanel({ onUnsaved: (u) => reports.push(u) });
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    await userEvent.clear(payoff);
    await userEvent.tab();
    expect(payoff).toHaveValue("");
    expect(payoff).toHaveAttribute("aria-invalid", "true");
    expect(payoff).toHaveAccessibleDescription("Payoff is a number from 0 to 10, e.g. 6.5");
    expect(reports.at(-1)).toEqual([
      { field: "payoff", problem: "Payoff is a number from 0 to 10, e.g. 6.5" },
    ]);
    await userEvent.type(payoff, "-2");
    expect(payoff).toHaveValue("-2");
    expect(payoff).toHaveAttribute("aria-invalid", "true");
    await userEvent.keyboard("{Enter}");
    await userEvent.tab();
    expect(payoff).toHaveValue("-2");
    expect(props.onScores).not.toHaveBeenCalled();
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "6.5");
    expect(payoff).toHaveAttribute("aria-invalid", "false");
    await userEvent.tab();
    expect(props.onScores).toHaveBeenCalledWith(7, 6.5, 2.5);
  });

  it("saves a right score beside a wrong one, and says at close what was held back", async () => {
    const props = renderPanel();
    const payoff = await typeScores("11", "8");
    // The payoff as it was saved, the cost as typed.
    expect(props.onScores).toHaveBeenLastCalledWith(7, 7.5, 8);
    expect(payoff).toHaveAttribute("aria-invalid", "true");
  });

  it("keeps a wrong score beside the right one it saved, when the board takes that one", async () => {
    const reports: UnsavedField[][] = [];
    const before = idea(7, "Rotate certs", "implement");
    const { props, show } = renderFollowing(before, { onUnsaved: (u) => reports.push(u) });
    const payoff = await typeScores("11", "8");
    expect(props.onScores).toHaveBeenLastCalledWith(7, 7.5, 8);
    // The board takes the cost/risk saved from here: the payoff typed stays, marked, and still not saved. It went
    // back to 7.5 without a word.
    show({ ...before, zone: "challenge", position: { payoff: 7.5, cost: 8 } });
    expect(payoff).toHaveValue("11");
    expect(payoff).toHaveAttribute("aria-invalid", "true");
    expect(reports.at(-1)).toEqual([
      { field: "payoff", problem: "Payoff is a number from 0 to 10, e.g. 6.5" },
    ]);
  });

  it("says, for an unplaced idea, that a right score waited for the wrong one", async () => {
    const props = renderPanel({ idea: { ...idea(7, "Rotate certs", "unsorted"), position: null } });
    await typeScores("11", "8");
    expect(props.onScores).not.toHaveBeenCalled();
    // The right one says, at its box, that it waits: it showed as saved.
    const cost = screen.getByLabelText(/^Cost \/ risk/, { selector: "input[type=text]" });
    expect(cost).toHaveAttribute("aria-invalid", "false");
    expect(cost).toHaveAccessibleDescription("Saved with the payoff, once that is fixed.");
    cleanup();
    expect(props.onError).toHaveBeenCalledWith(
      "The payoff “11” was not saved. Payoff is a number from 0 to 10, e.g. 6.5. Nor was the cost/risk 8: an idea is placed with both.",
      "not-saved-7-payoff",
    );
  });

  it("does not name the other score of an unplaced idea when only the wrong one was typed", async () => {
    const reports: UnsavedField[][] = [];
    const props = renderPanel({
      idea: { ...idea(7, "Rotate certs", "unsorted"), position: null },
      onUnsaved: (u) => reports.push(u),
    });
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "11");
    await userEvent.tab();
    // Nor as a field not saved, nor as one that waits for the payoff.
    expect(reports.at(-1)).toEqual([
      { field: "payoff", problem: "Payoff is a number from 0 to 10, e.g. 6.5" },
    ]);
    expect(screen.queryByText(/Saved with the payoff/)).toBeNull();
    cleanup();
    // The 5 it shows was not typed, and nothing of it was lost.
    expect(props.onError).toHaveBeenCalledWith(
      "The payoff “11” was not saved. Payoff is a number from 0 to 10, e.g. 6.5.",
      "not-saved-7-payoff",
    );
  });

  it("says what an emptied score stays at, and how to take an idea off the chart", async () => {
    const props = renderPanel();
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    await userEvent.clear(payoff);
    await userEvent.tab();
    expect(props.onScores).not.toHaveBeenCalled();
    cleanup();
    expect(props.onError).toHaveBeenCalledWith(
      "The payoff was left empty, so it stays 7.5. To take the idea off the chart, move it to Unsorted.",
      "not-saved-7-payoff",
    );
  });

  it("does not place an unplaced idea by passing through its score boxes", async () => {
    const props = renderPanel({ idea: { ...idea(7, "Rotate certs", "unsorted"), position: null } });
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    payoff.focus();
    await userEvent.tab();
    expect(props.onScores).not.toHaveBeenCalled();
    await userEvent.type(payoff, "{Backspace}6");
    await userEvent.tab();
    expect(props.onScores).toHaveBeenCalledWith(7, 6, 5);
  });

  it("shows an unplaced idea's 5s as not set, and says where a score left unset placed it", async () => {
    const props = renderPanel({ idea: { ...idea(7, "Rotate certs", "unsorted"), position: null } });
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    const cost = screen.getByLabelText(/^Cost/, { selector: "input[type=text]" });
    expect(payoff).toHaveClass("score-unset");
    expect(cost).toHaveClass("score-unset");
    expect(screen.getByLabelText("Payoff slider")).toHaveClass("score-unset");
    await userEvent.type(payoff, "8", { initialSelectionStart: 0, initialSelectionEnd: 1 });
    expect(payoff).not.toHaveClass("score-unset");
    expect(cost).toHaveClass("score-unset");
    await userEvent.tab();
    // Placed, as before, and said: a cost/risk of 5 was saved that nobody set.
    expect(props.onScores).toHaveBeenCalledWith(7, 8, 5);
    expect(
      await screen.findByText(
        "Placed at cost/risk 5, the middle: only the payoff was set. Change it here or on the chart.",
      ),
    ).toBeInTheDocument();
  });

  it("selects an unplaced idea's suggested 5 when its box is clicked, so that a score typed replaces it", async () => {
    const props = renderPanel({ idea: { ...idea(7, "Rotate certs", "unsorted"), position: null } });
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    // The caret after the 5, where a click put it: "7" made "57".
    await userEvent.click(payoff);
    await userEvent.keyboard("7{Enter}");
    expect(payoff).toHaveValue("7");
    expect(props.onScores).toHaveBeenCalledWith(7, 7, 5);
  });

  it("places an unplaced idea at the 5 it shows when a 5 is typed over it, or Enter pressed in a box", async () => {
    const props = renderPanel({ idea: { ...idea(7, "Rotate certs", "unsorted"), position: null } });
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    await userEvent.type(payoff, "5", { initialSelectionStart: 0, initialSelectionEnd: 1 });
    expect(payoff).toHaveValue("5");
    await userEvent.tab();
    expect(props.onScores).toHaveBeenCalledWith(7, 5, 5);
    cleanup();

    const again = renderPanel({ idea: { ...idea(7, "Rotate certs", "unsorted"), position: null } });
    const cost = screen.getByLabelText(/^Cost/, { selector: "input[type=text]" });
    await userEvent.type(cost, "{Enter}");
    expect(again.onScores).toHaveBeenCalledWith(7, 5, 5);
    expect(
      await screen.findByText(
        "Placed in the middle, at payoff 5 and cost/risk 5: no score was set. Change them here or on the chart.",
      ),
    ).toBeInTheDocument();
  });

  it("leaves an idea off the chart when an undo took it off, as the boxes are passed through", async () => {
    const unplaced = { ...idea(7, "Rotate certs", "unsorted"), position: null };
    const { props, show } = renderFollowing(unplaced);
    await typeScores("7", "5");
    expect(props.onScores).toHaveBeenLastCalledWith(7, 7, 5);
    const saves = vi.mocked(props.onScores).mock.calls.length;
    show({ ...unplaced, zone: "challenge", position: { payoff: 7, cost: 5 } });
    // Ctrl+Z takes the idea back off the chart; the boxes show an unplaced idea's 5 and 5 again.
    show(unplaced);
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    expect(payoff).toHaveValue("5");
    payoff.focus();
    await userEvent.tab();
    await userEvent.tab();
    // Before, leaving a box placed the idea again, at what the boxes held, undoing the undo.
    expect(props.onScores).toHaveBeenCalledTimes(saves);
  });

  it("adds a tag on Enter and saves it with the other details", async () => {
    const props = renderPanel();
    await userEvent.type(screen.getByLabelText("Tags", { selector: "input" }), "ci{Enter}");
    expect(props.onSave).toHaveBeenCalledWith(7, expect.objectContaining({ tags: ["security", "ci"] }));
  });

  it("says so when a tag reaches its 40 characters, where the field takes no more", async () => {
    renderPanel();
    const field = screen.getByLabelText("Tags", { selector: "input" });
    await userEvent.type(field, "a".repeat(39));
    expect(screen.queryByText(/A tag can be at most/)).toBeNull();
    await userEvent.type(field, "bc");
    expect(field).toHaveValue(`${"a".repeat(39)}b`);
    expect(field).toHaveAccessibleDescription("A tag can be at most 40 characters long.");
  });

  it("closes on Escape", async () => {
    const props = renderPanel();
    await userEvent.keyboard("{Escape}");
    expect(props.onClose).toHaveBeenCalled();
  });

  it("takes E pressed first after the details opened as the key that opens them, not as a letter of the title", async () => {
    const props = renderPanel();
    const title = screen.getByLabelText<HTMLTextAreaElement>("Title");
    // A click opened the details (the title has the focus), then E, meant to open them.
    await userEvent.keyboard("e");
    expect(title).toHaveValue("Rotate certs");
    // From then on, E is a letter like any other.
    await userEvent.keyboard("ee");
    expect(title).toHaveValue("Rotate certsee");
    await userEvent.tab();
    expect(props.onSave).toHaveBeenCalledWith(7, expect.objectContaining({ title: "Rotate certsee" }));
  });

  it("takes back a key typed into the title by mistake on Escape, and closes on the next", async () => {
    const props = renderPanel();
    const title = screen.getByLabelText<HTMLTextAreaElement>("Title");
    // Opened by a click, the panel has the focus in the title: V, meant for the board, lands there.
    await userEvent.keyboard("v");
    expect(title).toHaveValue("Rotate certsv");
    await userEvent.keyboard("{Escape}");
    expect(title).toHaveValue("Rotate certs");
    expect(title).toHaveFocus();
    expect(props.onClose).not.toHaveBeenCalled();
    expect(
      await screen.findByText("Took back the title you typed, unsaved. Escape again closes the details."),
    ).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(props.onClose).toHaveBeenCalled();
    await userEvent.tab();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it("takes back a score typed and not saved on Escape, one that cannot be saved too, and closes on the next", async () => {
    const props = renderPanel();
    const payoffBox = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    const saved = (payoffBox as HTMLInputElement).value;
    await userEvent.clear(payoffBox);
    await userEvent.type(payoffBox, "11");
    await userEvent.keyboard("{Escape}");
    expect(payoffBox).toHaveValue(saved);
    expect(payoffBox).toHaveFocus();
    expect(props.onClose).not.toHaveBeenCalled();
    expect(
      await screen.findByText("Took back the payoff you typed, unsaved. Escape again closes the details."),
    ).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(props.onClose).toHaveBeenCalled();
    await userEvent.tab();
    expect(props.onScores).not.toHaveBeenCalled();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it("leaves an unplaced idea off the chart when Escape takes back a score typed for it", async () => {
    const props = renderPanel({ idea: { ...idea(7, "Rotate certs", "unsorted"), position: null } });
    const payoffBox = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    await userEvent.clear(payoffBox);
    await userEvent.type(payoffBox, "7");
    await userEvent.keyboard("{Escape}");
    expect(payoffBox).toHaveValue("5");
    await userEvent.tab();
    expect(props.onScores).not.toHaveBeenCalled();
  });

  it("puts the caret in the notes on Edit, at their end", async () => {
    renderPanel({ idea: { ...idea(7, "Rotate certs", "implement"), notes: "Why: expiry" } });
    await userEvent.click(screen.getByRole("button", { name: "Edit" }));
    const notes = screen.getByLabelText<HTMLTextAreaElement>("Notes");
    expect(notes).toHaveFocus();
    expect(notes.selectionStart).toBe("Why: expiry".length);
  });

  it("goes from the title into the notes on Tab, and what is typed on Edit goes into the notes", async () => {
    const { saves } = renderSaving(idea(7, "Rotate certs", "implement"));
    await userEvent.type(screen.getByLabelText("Title"), " now");
    await userEvent.tab();
    const notes = screen.getByLabelText<HTMLTextAreaElement>("Notes");
    expect(notes).toHaveFocus();
    await userEvent.keyboard("Alpha beta");
    await userEvent.tab();
    expect(saves.at(-1)).toMatchObject({ title: "Rotate certs now", notes: "Alpha beta" });
  });

  it("puts what is typed on Edit, Tab's stop after the title when notes show as Markdown, at the notes' end", async () => {
    renderSaving({ ...idea(7, "Rotate certs", "implement"), notes: "Alpha beta" });
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Edit" })).toHaveFocus();
    await userEvent.keyboard("!");
    const again = screen.getByLabelText<HTMLTextAreaElement>("Notes");
    expect(again).toHaveFocus();
    expect(again.value).toBe("Alpha beta!");
  });

  it("brings back text typed before the window went, saving what can be saved and saying what cannot", async () => {
    const start = idea(7, "Rotate certs", "implement");
    keepDraft(start.boardId, start.id, { notes: "Half a thought", link: "not a url" });
    const { saves } = renderSaving(start);
    expect(screen.getByLabelText("Notes")).toHaveValue("Half a thought");
    expect(screen.getByLabelText("Link")).toHaveValue("not a url");
    expect(saves).toEqual([expect.objectContaining({ notes: "Half a thought", link: "" })]);
    expect(
      await screen.findByText(
        "Brought back what you were typing before the window last closed or stopped: the notes, now saved; the link, not saved until fixed (see the field).",
      ),
    ).toBeInTheDocument();
  });

  it("clamps scores to the scale", () => {
    expect(cleanScore(12)).toBe(10);
    expect(cleanScore(-1)).toBe(0);
    expect(cleanScore(Number.NaN)).toBe(0);
    expect(cleanScore(3.14159)).toBe(3.1);
  });
});
