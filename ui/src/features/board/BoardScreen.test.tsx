import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { ErrorPayload } from "../../lib/bindings";
import { keepNewIdea } from "../../lib/drafts";
import {
  board,
  edited,
  fakeBackend,
  historyEvent,
  idea,
  backendEvents,
  type Handlers,
} from "../../test/fakeBackend";
import { renderBoard } from "../../test/renderBoard";

/** A board of 300 ideas in Possible, rendered: the quadrant, once it shows its first 12 cards. */
async function longPossible() {
  const many = Array.from({ length: 300 }, (_, n) => idea(n + 1, `Idea ${n + 1}`, "possible"));
  fakeBackend(board(many));
  await renderBoard();
  const possible = await screen.findByRole("region", { name: "Possible" });
  await waitFor(() => {
    expect(within(possible).getAllByRole("button", { name: /^Idea \d+/ })).toHaveLength(12);
  });
  return possible;
}

/**
 * A stand-in for the browser's IntersectionObserver: it reports whether the "Show more" button is in view (`inView`)
 * when it starts observing, as the real one does, and again on `fireAll` (a scroll).
 */
function stubInViewObserver() {
  const observers = new Set<{ fire: () => void }>();
  const state = {
    inView: false,
    fireAll: () => {
      observers.forEach((o) => {
        o.fire();
      });
    },
  };
  class InViewObserver {
    private target: Element | null = null;
    constructor(private readonly report: IntersectionObserverCallback) {}
    fire() {
      if (!this.target) return;
      const entry = { isIntersecting: state.inView, target: this.target } as IntersectionObserverEntry;
      this.report([entry], this as unknown as IntersectionObserver);
    }
    observe(target: Element) {
      this.target = target;
      observers.add(this);
      setTimeout(() => {
        this.fire();
      }, 0);
    }
    disconnect() {
      this.target = null;
      observers.delete(this);
    }
  }
  vi.stubGlobal("IntersectionObserver", InViewObserver);
  return state;
}

/** The board rendered, "Rotate certs" clicked: the Payoff box of its details. */
async function payoffOfRotateCerts() {
  await renderBoard();
  await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
  return screen.findByLabelText(/^Payoff/, { selector: "input[type=text]" }, { timeout: 5000 });
}

/** "Drop me" deleted with the Delete key while the disk is full (the backend refuses the delete until `makeRoom`), on
 * a board with something to undo. */
async function deletedOnAFullDisk() {
  let diskFull = true;
  const fake = fakeBackend(
    { ...board([idea(1, "Drop me", "possible")]), canUndo: true },
    {
      delete_idea: () => {
        if (diskFull)
          throw {
            kind: "diskFull",
            message: "The disk is full, so your last change was not saved.",
            path: null,
          };
        return edited(idea(1, "Drop me", "possible"));
      },
    },
  );
  await renderBoard();
  (await screen.findByRole("button", { name: /^Drop me/ })).focus();
  await userEvent.keyboard("{Delete}");
  const makeRoom = () => {
    diskFull = false;
  };
  return { fake, makeRoom };
}

/** Board "Infra" renamed "Web" with Enter, which the backend refuses (another board has that name): the field, with
 * the focus back in it, and the reason shown. */
/** The backend's answer to a rename it took: the board under its new name, the rename the step to undo. */
function renameTaken(args: { id: number; name: string }, ideaCount = 0) {
  return {
    value: { id: args.id, name: args.name, ideaCount, updatedAt: 1 },
    history: { canUndo: true, canRedo: false, lastEvent: 7 },
  };
}

async function nameRefused() {
  const taken = "There is already a board named “Web”. Pick another name, such as “Web (2)”.";
  fakeBackend(board([], "Infra"), {
    rename_board: () => {
      throw { kind: "invalid", message: taken, path: null };
    },
  });
  await renderBoard();
  const field = await screen.findByRole("textbox", { name: "Board name" });
  await userEvent.clear(field);
  await userEvent.type(field, "Web{Enter}");
  expect(await screen.findByText(taken)).toBeInTheDocument();
  await waitFor(() => {
    expect(field).toHaveFocus();
  });
  return { field, taken };
}

describe("BoardScreen", () => {
  it("shows the four quadrants and the tray as regions named exactly, with counts and cards", async () => {
    fakeBackend(
      board([
        idea(1, "Patch bastion", "kill"),
        idea(2, "Add alerts", "implement"),
        idea(3, "New", "unsorted"),
      ]),
    );
    await renderBoard();
    for (const name of ["Implement", "Challenge", "Possible", "Kill", "Unsorted"]) {
      expect(await screen.findByRole("region", { name })).toBeInTheDocument();
    }
    const kill = screen.getByRole("region", { name: "Kill" });
    expect(within(kill).getByRole("button", { name: /^Patch bastion/ })).toBeInTheDocument();
    expect(within(kill).getByLabelText("1 idea")).toBeInTheDocument();
    expect(
      within(screen.getByRole("region", { name: "Challenge" })).getByText(/Big bets go here/),
    ).toBeInTheDocument();
  });

  it("gives the board's name a tooltip only where the field cuts it", async () => {
    fakeBackend(board([], "Infra"));
    await renderBoard();
    const field = await screen.findByRole("textbox", { name: "Board name" });
    // The name fits: no tooltip saying it again (it stayed up over the next screen's Back button).
    await userEvent.hover(field);
    expect(field).not.toHaveAttribute("title");
    await userEvent.unhover(field);
    Object.defineProperty(field, "scrollWidth", { configurable: true, value: 400 });
    Object.defineProperty(field, "clientWidth", { configurable: true, value: 200 });
    await userEvent.hover(field);
    expect(field).toHaveAttribute("title", "Infra");
  });

  it("stops Tab at one card per zone: the one last focused, else the first the search does not dim", async () => {
    fakeBackend(
      board([
        idea(1, "Patch bastion", "kill"),
        idea(2, "Rotate certs", "kill"),
        idea(3, "Drop the VPN", "kill"),
        idea(4, "Add alerts", "implement"),
      ]),
    );
    await renderBoard();
    const patch = await screen.findByRole("button", { name: /^Patch bastion/ });
    const rotate = screen.getByRole("button", { name: /^Rotate certs/ });
    const drop = screen.getByRole("button", { name: /^Drop the VPN/ });
    const alerts = screen.getByRole("button", { name: /^Add alerts/ });
    const tabIndexes = () => [patch, rotate, drop, alerts].map((c) => c.tabIndex);
    expect(tabIndexes()).toEqual([0, -1, -1, 0]);

    // The arrows move the zone's Tab stop with the focus; Tab goes on out of the zone.
    patch.focus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown}");
    expect(drop).toHaveFocus();
    expect(tabIndexes()).toEqual([-1, -1, 0, 0]);
    await userEvent.tab({ shift: true });
    expect(drop).not.toHaveFocus();
    expect([patch, rotate].some((c) => c === document.activeElement)).toBe(false);

    // The search dims the stop: the first match takes it, and the dimmed cards are out of the Tab order.
    await userEvent.type(screen.getByLabelText("Search ideas"), "rotate");
    await waitFor(() => {
      expect(drop).toHaveClass("dimmed");
    });
    expect(tabIndexes()).toEqual([-1, 0, -1, -1]);
    // Each zone counts its matches among its ideas, not its ideas alone.
    const count = (zone: string) => within(screen.getByRole("region", { name: zone })).getByText(/ of /);
    expect(count("Kill")).toHaveTextContent("1 of 3");
    expect(count("Kill")).toHaveAccessibleName("1 of 3 ideas match");
    expect(count("Implement")).toHaveTextContent("0 of 1");
  });

  it("goes from card to card with the arrows, Home and End, and across to the quadrant beside", async () => {
    fakeBackend(
      board([
        idea(1, "Add alerts", "implement"),
        idea(2, "Rotate certs", "implement"),
        idea(3, "Tune probes", "implement"),
        idea(4, "Move to Postgres", "challenge"),
        idea(5, "Split the monolith", "challenge"),
      ]),
    );
    await renderBoard();
    await screen.findByRole("button", { name: /^Split the monolith/ });
    const card = (name: string) => screen.getByRole("button", { name: new RegExp(`^${name}`) });
    // jsdom lays nothing out: Implement and Challenge side by side, the cards 60 px high in each.
    const place = (element: HTMLElement, left: number, top: number, width: number, height: number) => {
      element.getBoundingClientRect = () =>
        ({ left, right: left + width, top, bottom: top + height, width, height, x: left, y: top }) as DOMRect;
    };
    place(screen.getByRole("region", { name: "Unsorted" }), 0, 0, 200, 800);
    place(screen.getByRole("region", { name: "Implement" }), 220, 0, 400, 400);
    place(screen.getByRole("region", { name: "Challenge" }), 640, 0, 400, 400);
    place(screen.getByRole("region", { name: "Possible" }), 220, 420, 400, 400);
    place(screen.getByRole("region", { name: "Kill" }), 640, 420, 400, 400);
    ["Add alerts", "Rotate certs", "Tune probes"].forEach((name, k) => {
      place(card(name), 230, 40 + 60 * k, 380, 50);
    });
    ["Move to Postgres", "Split the monolith"].forEach((name, k) => {
      place(card(name), 650, 40 + 60 * k, 380, 50);
    });

    card("Add alerts").focus();
    // Each key, and the card with the focus after it.
    const steps: [string, string][] = [
      ["{ArrowDown}", "Rotate certs"],
      ["{End}", "Tune probes"],
      ["{ArrowDown}", "Tune probes"],
      ["{Home}", "Add alerts"],
      ["{ArrowDown}{ArrowRight}", "Split the monolith"],
      ["{ArrowUp}{ArrowLeft}", "Add alerts"],
      // Left of Implement is the tray, empty, and nothing past it: the focus stays on the card, where the arrows
      // still work (on the empty tray they stopped).
      ["{ArrowLeft}", "Add alerts"],
    ];
    for (const [keys, focused] of steps) {
      await userEvent.keyboard(keys);
      expect(card(focused)).toHaveFocus();
    }
  });

  it("takes End in a long zone to its last card, which is drawn for it, not the whole list", async () => {
    const possible = await longPossible();
    within(possible)
      .getByRole("button", { name: /^Idea 1(?!\d)/ })
      .focus();
    await userEvent.keyboard("{End}");
    await waitFor(() => {
      expect(within(possible).getByRole("button", { name: /^Idea 300/ })).toHaveFocus();
    });
    expect(within(possible).getAllByRole("button", { name: /^Idea \d+/ })).toHaveLength(13);
    // Up from there goes back to the cards drawn before it.
    await userEvent.keyboard("{ArrowUp}");
    expect(within(possible).getByRole("button", { name: /^Idea 12(?!\d)/ })).toHaveFocus();
  });

  it("shows the idea open in the details in its new quadrant when its scores take it there, past a long list's cards", async () => {
    const many = Array.from({ length: 300 }, (_, n) => idea(n + 1, `Idea ${n + 1}`, "possible"));
    const nagios = idea(1000, "Retire Nagios", "implement");
    fakeBackend(board([...many, nagios]), {
      set_scores: (args) =>
        edited({ ...nagios, zone: "possible", position: { payoff: args.payoff, cost: args.cost } }),
    });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Retire Nagios/ }));
    await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=text]" });
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "2{Enter}");
    // Drawn after Possible's first cards, not behind "Show more" with the 288 others.
    const possible = screen.getByRole("region", { name: "Possible" });
    expect(await within(possible).findByRole("button", { name: /^Retire Nagios/ })).toBeInTheDocument();
    expect(
      within(possible).getAllByRole("button", { name: /^(Idea \d+|Retire Nagios)/ }).length,
    ).toBeLessThan(40);
  });

  it("takes Down on the last card drawn to the next one, drawn for it with the next page", async () => {
    const possible = await longPossible();
    within(possible)
      .getByRole("button", { name: /^Idea 12(?!\d)/ })
      .focus();
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => {
      expect(within(possible).getByRole("button", { name: /^Idea 13(?!\d)/ })).toHaveFocus();
    });
    expect(within(possible).getAllByRole("button", { name: /^Idea \d+/ })).toHaveLength(36);
    // With End's last card drawn past "Show more", Down from the last of the page still goes to the next idea.
    await userEvent.keyboard("{End}");
    await waitFor(() => {
      expect(within(possible).getByRole("button", { name: /^Idea 300/ })).toHaveFocus();
    });
    within(possible)
      .getByRole("button", { name: /^Idea 36(?!\d)/ })
      .focus();
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => {
      expect(within(possible).getByRole("button", { name: /^Idea 37(?!\d)/ })).toHaveFocus();
    });
  });

  it("lets the second click of a double click on a menu item do nothing on what the menu covered", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    fireEvent.click(screen.getByRole("menuitem", { name: "Rename" }), { detail: 1 });
    // The second click lands on the quadrant's + that the menu covered.
    fireEvent.click(screen.getByRole("button", { name: "Add an idea to Implement" }), { detail: 2 });
    expect(screen.queryByPlaceholderText("New idea in Implement")).toBeNull();
  });

  it("gives the focus back to the board's menu button after a dialog opened from the menu closes", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard();
    const menu = await screen.findByRole("button", { name: "Board" });
    await userEvent.click(menu);
    await userEvent.click(screen.getByRole("menuitem", { name: "Thresholds…" }));
    await screen.findByRole("dialog");
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    expect(menu).toHaveFocus();
    // Escape in the menu itself, too.
    await userEvent.click(menu);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(menu).toHaveFocus();
  });

  it("closes the board's menu when a dialog opened from the window's menu bar takes the focus", async () => {
    const menus = backendEvents();
    fakeBackend(board([idea(1, "Patch bastion", "kill")]), { listen_to_backend: menus.listen });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    await userEvent.keyboard("{ArrowDown}");
    expect(screen.getByRole("menu")).toBeInTheDocument();
    await menus.choose("shortcuts");
    expect(await screen.findByRole("dialog")).toBeInTheDocument();
    // Once the dialog has taken the focus, which may be a render after it shows (CI once read the menu between).
    await waitFor(() => {
      expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    });
  });

  it("opens Post to channel, Team rounds and the Mattermost account from the window's Team menu", async () => {
    const menus = backendEvents();
    fakeBackend(board([idea(1, "Patch bastion", "kill")]), { listen_to_backend: menus.listen });
    await renderBoard();
    await menus.choose("mattermost-account");
    expect(await screen.findByRole("dialog", { name: "Connect to Mattermost" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    await menus.choose("post-to-channel");
    expect(await screen.findByRole("dialog", { name: /Post/ })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    await menus.choose("team-rounds");
    expect(await screen.findByRole("heading", { name: "Team rounds" })).toBeInTheDocument();
  });

  it("moves to the board menu's first and last items on Home and End, with the ring the keys show", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    const items = screen.getAllByRole("menuitem");
    await userEvent.keyboard("{End}");
    expect(items.at(-1)).toHaveFocus();
    await userEvent.keyboard("{Home}");
    expect(items[0]).toHaveFocus();
    // Opened by a click, the menu's items show the ring once the arrows move among them.
    await userEvent.keyboard("{ArrowDown}");
    expect(items[1]).toHaveFocus();
    expect(items[1]).toHaveAttribute("data-tab-focus");
  });

  it("opens the board menu from its button with the arrows: Down onto its first item, Up onto its last", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]));
    await renderBoard();
    const button = await screen.findByRole("button", { name: "Board" });
    button.focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(screen.getAllByRole("menuitem")[0]).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(button).toHaveFocus();
    await userEvent.keyboard("{ArrowUp}");
    expect(screen.getAllByRole("menuitem").at(-1)).toHaveFocus();
  });

  it("warns, before deleting a board, that its open team rounds could not be revealed without it", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]), { count_open_rounds: () => 2 });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: "Delete…" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete “Infra”?" });
    expect(
      await within(dialog).findByText(
        /2 team rounds started on it are not closed: only this board holds the key/,
      ),
    ).toBeInTheDocument();
  });

  it("adds an idea to Unsorted from the New idea field", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    const field = await screen.findByLabelText("New idea");
    await userEvent.type(field, "Rotate TLS certificates{Enter}");
    const tray = screen.getByRole("region", { name: "Unsorted" });
    expect(await within(tray).findByRole("button", { name: /^Rotate TLS certificates/ })).toBeInTheDocument();
    expect(fake.calls.find((c) => c.command === "add_idea")?.args).toEqual({
      boardId: 1,
      title: "Rotate TLS certificates",
      zone: "unsorted",
    });
    expect(field).toHaveValue("");
  });

  it("adds each idea typed and entered while the one before is still saving, and loses none", async () => {
    let answerFirst: (() => void) | null = null;
    let nextId = 100;
    const fake = fakeBackend(board([]), {
      add_idea: ((args: { title: string }) => {
        const added = edited(idea(nextId++, args.title, "unsorted"));
        if (answerFirst !== null) return added;
        return new Promise((resolve) => {
          answerFirst = () => {
            resolve(added);
          };
        });
      }) as unknown as NonNullable<Handlers["add_idea"]>,
    });
    await renderBoard();
    const field = await screen.findByLabelText("New idea");
    await userEvent.type(field, "First quick{Enter}Second quick{Enter}Third");
    expect(field).toHaveValue("Third");
    await waitFor(() => {
      expect(answerFirst).not.toBeNull();
    });
    (answerFirst as unknown as () => void)();
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.command === "add_idea").map((c) => c.args.title)).toEqual([
        "First quick",
        "Second quick",
      ]);
    });
    expect(field).toHaveValue("Third");
  });

  it("makes the idea just added the tray's Tab stop: Tab from New idea, then 1, moves that idea", async () => {
    const fake = fakeBackend(board([idea(1, "Patch bastion", "unsorted")]));
    await renderBoard();
    await userEvent.type(await screen.findByLabelText("New idea"), "Rotate certs{Enter}");
    const tray = screen.getByRole("region", { name: "Unsorted" });
    const added = await within(tray).findByRole("button", { name: /^Rotate certs/ });
    await userEvent.tab();
    expect(added).toHaveFocus();
    await userEvent.keyboard("1");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "move_idea")?.args).toMatchObject({
        id: 100,
        zone: "implement",
      });
    });
  });

  it("opens the details of the idea just added on E or F2 once Escape left New idea, as 1–4 and Delete act on it", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "unsorted")]));
    await renderBoard();
    await userEvent.type(await screen.findByLabelText("New idea"), "Rotate certs{Enter}");
    await userEvent.keyboard("{Escape}");
    expect(screen.getByLabelText("New idea")).not.toHaveFocus();
    await userEvent.keyboard("e");
    const details = await screen.findByRole("complementary", { name: "Idea details" });
    expect(within(details).getByLabelText("Title")).toHaveValue("Rotate certs");
  });

  it("shows the board the answer carries when a move renumbered it, not the other cards' old places", async () => {
    const [a, b, c] = [
      idea(1, "Alpha", "implement", 1),
      idea(2, "Bravo", "implement", 1.2),
      idea(3, "Charlie", "kill"),
    ];
    // The backend found no room between two neighbours and renumbered the board: Bravo's place is 2 now, which the
    // answer's idea alone does not say.
    const moved = { ...c, zone: "implement" as const, rank: 1.5 };
    fakeBackend(board([a, b, c]), {
      move_idea: () => ({ ...edited(moved), board: board([a, moved, { ...b, rank: 2 }]) }),
    });
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Charlie/ });
    card.focus();
    await userEvent.keyboard("1");
    const implement = screen.getByRole("region", { name: "Implement" });
    await waitFor(() => {
      const titles = within(implement)
        .getAllByRole("button", { name: /^(Alpha|Bravo|Charlie)/ })
        .map((button) => /Alpha|Bravo|Charlie/.exec(button.textContent)?.[0]);
      expect(titles).toEqual(["Alpha", "Charlie", "Bravo"]);
    });
  });

  it("gives the text back to the New idea field when the idea was not saved", async () => {
    fakeBackend(board([]), {
      add_idea: () => {
        throw {
          kind: "storage",
          message: "The disk is full.",
          path: null,
          problem: null,
        } satisfies ErrorPayload;
      },
    });
    await renderBoard();
    const field = await screen.findByLabelText("New idea");
    await userEvent.type(field, "Rotate TLS certificates{Enter}");
    await screen.findByText("The disk is full.");
    expect(field).toHaveValue("Rotate TLS certificates");
  });

  it("drops what was typed in the New idea field on Escape and lets go of the focus, adding nothing", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    const field = await screen.findByLabelText("New idea");
    await userEvent.type(field, "Half a thought");
    await userEvent.keyboard("{Escape}");
    expect(field).toHaveValue("");
    expect(field).not.toHaveFocus();
    expect(fake.calls.some((c) => c.command === "add_idea")).toBe(false);
  });

  it("keeps what was typed in the New idea field and not added for the next time the board opens", async () => {
    const fake = fakeBackend(board([]));
    const first = await renderBoard();
    await userEvent.type(await screen.findByLabelText("New idea"), "Half a thought");
    // The window goes (quit, closed, its page ended) with the idea not added.
    first.unmount();
    const second = await renderBoard();
    const field = await screen.findByLabelText("New idea");
    expect(field).toHaveValue("Half a thought");
    await userEvent.type(field, " done{Enter}");
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.command === "add_idea").map((c) => c.args.title)).toEqual([
        "Half a thought done",
      ]);
    });
    second.unmount();
    await renderBoard();
    expect(await screen.findByLabelText("New idea")).toHaveValue("");
  });

  it("keeps what was typed in a quadrant's add field when another quadrant's field opens", async () => {
    fakeBackend(board([]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Add an idea to Implement" }));
    await userEvent.type(screen.getByLabelText("New idea in Implement"), "Half a thought");
    await userEvent.click(screen.getByRole("button", { name: "Add an idea to Kill" }));
    expect(screen.getByLabelText("New idea in Kill")).toHaveFocus();
    expect(screen.getByLabelText("New idea in Implement")).toHaveValue("Half a thought");
  });

  it("gives the keyboard back to a quadrant's + when its add field is left with Escape", async () => {
    fakeBackend(board([]));
    await renderBoard();
    const add = await screen.findByRole("button", { name: "Add an idea to Implement" });
    add.focus();
    await userEvent.keyboard("{Enter}");
    expect(screen.getByLabelText("New idea in Implement")).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByLabelText("New idea in Implement")).toBeNull();
    expect(add).toHaveFocus();
    // With its ring, after a key.
    expect(add).toHaveAttribute("data-tab-focus");
  });

  it("gives the keyboard back to the board's menu when Team rounds is left", async () => {
    const menus = backendEvents();
    fakeBackend(board([idea(1, "Patch bastion", "kill")]), { listen_to_backend: menus.listen });
    await renderBoard();
    await screen.findByRole("button", { name: /^Patch bastion/ });
    await menus.choose("team-rounds");
    await userEvent.click(await screen.findByRole("button", { name: /Back to the board/ }));
    await waitFor(() => {
      expect(screen.getByRole("button", { name: "Board" })).toHaveFocus();
    });
  });

  it("adds straight into a quadrant from its own add button", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Add an idea to Challenge" }));
    await userEvent.type(screen.getByLabelText("New idea in Challenge"), "Move Postgres{Enter}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "add_idea")?.args).toMatchObject({ zone: "challenge" });
    });
  });

  it("renders hostile titles as text, never as HTML", async () => {
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    fakeBackend(board([idea(1, hostile, "implement")]));
    const { container } = await renderBoard();
    expect(await screen.findByText(hostile)).toBeInTheDocument();
    expect(container.querySelector("img, script")).toBeNull();
  });

  it("names a card by what it shows, in words", async () => {
    fakeBackend(
      board([
        { ...idea(1, "Patch bastion", "kill"), owner: "ana.ribeiro", notes: "n", tags: ["infra", "ssh"] },
        idea(2, "New", "unsorted"),
      ]),
    );
    await renderBoard();
    const kill = await screen.findByRole("region", { name: "Kill" });
    expect(
      within(kill).getByRole("button", {
        // jsdom knows no layout, so it puts a space at every element's edge; a browser does not, for inline ones.
        name: (name) =>
          name.replace(/ ,/g, ",") ===
          "Patch bastion, owner ana.ribeiro, payoff 2.5, cost/risk 2.5, Notes, #infra, #ssh",
      }),
    ).toBeInTheDocument();
    const tray = screen.getByRole("region", { name: "Unsorted" });
    expect(within(tray).getByRole("button", { name: "New" })).toBeInTheDocument();
  });

  it("says when an undone change was made before this session, and only then", async () => {
    let made = 0;
    fakeBackend(board([idea(1, "Old", "kill")]), {
      undo: () => ({
        board: board([idea(1, "Old", "kill")]),
        event: { ...historyEvent("moved", { title: "Old", from: "possible", to: "kill" }, 1), at: made },
      }),
    });
    await renderBoard();
    (await screen.findByRole("button", { name: /^Old/ })).focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByText(/^Undone: .*Old.*, before this session\)\.$/)).toBeInTheDocument();
    made = Date.now();
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(screen.getByText(/^Undone: .*Old/)).not.toHaveTextContent("before this session");
    });
  });

  it("says the name a board has after its rename is undone, when another board took the old one meanwhile", async () => {
    const renamed = {
      ...historyEvent("renamed", { title: "Infra long name", nameBefore: "Infra" }, 0),
      at: Date.now(),
    };
    fakeBackend(board([idea(1, "Old", "kill")]), {
      undo: () => ({ board: { ...board([idea(1, "Old", "kill")]), name: "Infra (2)" }, event: renamed }),
    });
    await renderBoard();
    (await screen.findByRole("button", { name: /^Old/ })).focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(
      await screen.findByText(
        "Undone: renamed the board to “Infra long name” (was “Infra”). Another board is named “Infra” now, so this one is “Infra (2)”.",
      ),
    ).toBeInTheDocument();
  });

  it("deletes a focused card with the Delete key and offers Undo", async () => {
    const fake = fakeBackend(board([idea(1, "Drop me", "possible")]));
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Drop me/ });
    card.focus();
    await userEvent.keyboard("{Delete}");
    await waitFor(() => {
      expect(screen.queryByRole("button", { name: /^Drop me/ })).toBeNull();
    });
    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("button", { name: /^Drop me/ })).toBeInTheDocument();
    // The toast's Undo is the history's undo, pinned to the delete it offered to take back.
    expect(fake.calls.at(-1)).toEqual({ command: "undo", args: { boardId: 1, expectedEvent: 1 } });
  });

  it("leaves a card alone on Backspace, a key for text off macOS, once Enter has left the board's name", async () => {
    const fake = fakeBackend(board([idea(1, "Keep me", "possible")], "Infra"), {
      rename_board: (args) => renameTaken(args, 1),
    });
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Keep me/ });
    await userEvent.click(card);
    const name = screen.getByRole("textbox", { name: "Board name" });
    await userEvent.click(name);
    await userEvent.keyboard(" plan{Enter}");
    await waitFor(() => {
      expect(screen.getByRole("button", { name: /^Keep me/ })).toHaveFocus();
    });
    // Pressed out of habit, as if still in the name: it deleted the idea.
    await userEvent.keyboard("{Backspace}");
    expect(fake.commands()).not.toContain("delete_idea");
    expect(screen.getByRole("button", { name: /^Keep me/ })).toBeInTheDocument();
  });

  it("gives the focus back to a deleted card when its delete is undone, by Ctrl+Z or the toast's Undo", async () => {
    fakeBackend(board([idea(1, "Drop me", "possible"), idea(2, "Stay", "possible")]));
    await renderBoard();
    (await screen.findByRole("button", { name: /^Drop me/ })).focus();
    await userEvent.keyboard("{Delete}");
    await waitFor(
      () => {
        expect(screen.getByRole("button", { name: /^Stay/ })).toHaveFocus();
      },
      { timeout: 3000 },
    );
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(
      () => {
        expect(screen.getByRole("button", { name: /^Drop me/ })).toHaveFocus();
      },
      { timeout: 3000 },
    );

    await userEvent.keyboard("{Delete}");
    await userEvent.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(
      () => {
        expect(screen.getByRole("button", { name: /^Drop me/ })).toHaveFocus();
      },
      { timeout: 3000 },
    );
  });

  it("moves the focus to the next card when a redo takes the focused card's idea away again", async () => {
    fakeBackend(board([idea(1, "Drop me", "possible"), idea(2, "Stay", "possible")]), {
      redo: () => ({
        board: board([idea(2, "Stay", "possible")]),
        event: historyEvent("deleted", { title: "Drop me", from: "possible" }, 1),
      }),
    });
    await renderBoard();
    (await screen.findByRole("button", { name: /^Drop me/ })).focus();
    await userEvent.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    await waitFor(
      () => {
        expect(screen.getByRole("button", { name: /^Stay/ })).toHaveFocus();
      },
      { timeout: 3000 },
    );
  });

  it("replaces a delete's toast with the undo's when Ctrl+Z takes the delete back", async () => {
    fakeBackend(board([idea(1, "Drop me", "possible")]));
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Drop me/ });
    card.focus();
    await userEvent.keyboard("{Delete}");
    expect(await screen.findByText("Deleted “Drop me”.")).toBeInTheDocument();
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(await screen.findByRole("button", { name: /^Drop me/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.queryByText("Deleted “Drop me”.")).not.toBeInTheDocument();
    });
    expect(screen.queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
  });

  it("keeps the focus on a card that an undo takes back to another quadrant", async () => {
    const back = board([idea(1, "Tune probes", "kill"), idea(2, "Stay", "kill")]);
    fakeBackend(board([idea(1, "Tune probes", "possible"), idea(2, "Stay", "kill")]), {
      undo: () => ({ board: back, event: null }),
    });
    await renderBoard();
    (await screen.findByRole("button", { name: /^Tune probes/ })).focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    const kill = screen.getByRole("region", { name: "Kill" });
    await waitFor(
      () => {
        expect(within(kill).getByRole("button", { name: /^Tune probes/ })).toHaveFocus();
      },
      { timeout: 3000 },
    );
  });

  it("takes back a score that could not be saved on the toolbar's Undo, before the board's last change", async () => {
    const start = { ...board([idea(1, "Rotate certs", "implement")]), canUndo: true };
    const fake = fakeBackend(start, { undo: () => ({ board: start, event: null }) });
    const payoff = await payoffOfRotateCerts();
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "11");
    const undo = screen.getByRole("button", { name: "Undo the last change" });
    await userEvent.click(undo);
    expect(
      await screen.findByText("Undone: the payoff “11” you typed, which could not be saved."),
    ).toBeVisible();
    expect(payoff).toHaveValue("7.5");
    expect(document.querySelector(".save-state")).not.toHaveTextContent("not saved");
    expect(fake.calls.filter((c) => c.command === "undo" || c.command === "set_scores")).toEqual([]);
    // The next Undo is the board's.
    await userEvent.click(undo);
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.command === "undo")).toHaveLength(1);
    });
  });

  it("takes back a change saved after a score that could not be saved before that score, on the toolbar's Undo", async () => {
    const start = { ...board([idea(1, "Rotate certs", "implement")]), canUndo: true };
    const fake = fakeBackend(start, {
      update_idea: (args) => edited({ ...idea(1, "Rotate certs", "implement"), ...args.edit }),
      undo: () => ({ board: start, event: null }),
    });
    const payoff = await payoffOfRotateCerts();
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "12");
    await userEvent.type(screen.getByLabelText("Owner"), "ana");
    const undo = screen.getByRole("button", { name: "Undo the last change" });
    // The click leaves the owner, which saves it: that is the newest change, taken back first.
    await userEvent.click(undo);
    await waitFor(() => {
      expect(fake.calls.map((c) => c.command).filter((c) => c === "update_idea" || c === "undo")).toEqual([
        "update_idea",
        "undo",
      ]);
    });
    expect(payoff).toHaveValue("12");
    await userEvent.click(undo);
    expect(
      await screen.findByText("Undone: the payoff “12” you typed, which could not be saved."),
    ).toBeVisible();
    expect(payoff).toHaveValue("7.5");
    expect(fake.calls.filter((c) => c.command === "undo")).toHaveLength(1);
  });

  it("takes the message of a score not saved away once that score is saved", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    const payoff = await payoffOfRotateCerts();
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "-1");
    await userEvent.click(screen.getByRole("button", { name: "Close details" }));
    const message = await screen.findByText(/^The payoff “-1” was not saved/);
    // Opened again, a payoff saved: the message about the one before would say the payoff is not saved.
    await userEvent.click(screen.getByRole("button", { name: /^Rotate certs/ }));
    const again = await screen.findByLabelText(/^Payoff/, { selector: "input[type=text]" });
    await userEvent.clear(again);
    await userEvent.type(again, "6");
    await userEvent.tab();
    await waitFor(() => {
      expect(message).not.toBeInTheDocument();
    });
  });

  it("keeps the message of a score not saved while another field is saved", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]), {
      update_idea: (args) => edited({ ...idea(1, "Rotate certs", "implement"), ...args.edit }),
    });
    const payoff = await payoffOfRotateCerts();
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "11");
    await userEvent.click(screen.getByRole("button", { name: "Close details" }));
    const message = await screen.findByText(/^The payoff “11” was not saved/);
    await userEvent.click(screen.getByRole("button", { name: /^Rotate certs/ }));
    const title = await screen.findByLabelText("Title");
    await userEvent.type(title, " two{Enter}");
    await waitFor(() => {
      expect(screen.getByRole("button", { name: /^Rotate certs two/ })).toBeInTheDocument();
    });
    expect(message).toBeInTheDocument();
  });

  it("lights the toolbar's Undo while a score that cannot be saved is typed, and one click takes it back", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    const payoff = await payoffOfRotateCerts();
    const undo = screen.getByRole("button", { name: "Undo the last change" });
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "12");
    expect(payoff).toHaveFocus();
    expect(undo).toBeEnabled();
    await userEvent.click(undo);
    expect(payoff).toHaveValue("7.5");
    expect(undo).toBeDisabled();
  });

  it("keeps the toolbar's Undo for a score that could not be saved when the board has nothing to undo", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    const payoff = await payoffOfRotateCerts();
    const undo = screen.getByRole("button", { name: "Undo the last change" });
    expect(undo).toBeDisabled();
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "x{Tab}");
    expect(undo).toBeEnabled();
    await userEvent.click(undo);
    expect(payoff).toHaveValue("7.5");
    expect(undo).toBeDisabled();
  });

  it("takes Ctrl+Z on Team rounds as Edit › Undo, and leaves the board's other keys to the board", async () => {
    const fake = fakeBackend(board([idea(1, "Drop me", "possible"), idea(2, "Stay", "kill")]), {
      get_account: () => null,
    });
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Drop me/ });
    card.focus();
    await userEvent.keyboard("{Delete}");
    await screen.findByText("Deleted “Drop me”.");
    await userEvent.click(screen.getByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: /Team rounds/ }));
    await screen.findByRole("heading", { name: "Team rounds" });
    // Neither view is shown while the rounds cover the board.
    const views = screen.getByRole("radiogroup", { name: "View" });
    expect(within(views).queryAllByRole("radio", { checked: true })).toHaveLength(0);
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(fake.commands()).toContain("undo");
    });
    // Delete, with the board out of sight, deletes nothing.
    await userEvent.keyboard("{Delete}");
    expect(fake.commands().filter((c) => c === "delete_idea")).toHaveLength(1);
  });

  it("closes a panel open beside Team rounds with Escape, and the next Escape goes back to the board", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]), { get_account: () => null });
    await renderBoard();
    await screen.findByRole("button", { name: /^Rotate certs/ });
    await userEvent.click(screen.getByRole("button", { name: "Board" }));
    await userEvent.click(screen.getByRole("menuitem", { name: /Team rounds/ }));
    await screen.findByRole("heading", { name: "Team rounds" });
    await userEvent.click(screen.getByRole("button", { name: "Activity" }));
    await screen.findByRole("complementary", { name: "Board activity" });
    screen.getByRole("heading", { name: "Team rounds" }).focus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("complementary", { name: "Board activity" })).toBeNull();
    expect(screen.getByRole("heading", { name: "Team rounds" })).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("heading", { name: "Team rounds" })).toBeNull();
    expect(await screen.findByRole("button", { name: /^Rotate certs/ })).toBeInTheDocument();
  });

  it("leaves Team rounds for the board in the view View's items ask for", async () => {
    const menus = backendEvents();
    fakeBackend(board([idea(1, "Rotate certs", "implement")]), {
      get_account: () => null,
      listen_to_backend: menus.listen,
    });
    await renderBoard();
    await screen.findByRole("button", { name: /^Rotate certs/ });
    const views = screen.getByRole("radiogroup", { name: "View" });
    for (const [command, shown] of [
      ["view-chart", "Chart"],
      ["view-quadrants", "Quadrants"],
    ] as const) {
      await userEvent.click(screen.getByRole("button", { name: "Board" }));
      await userEvent.click(screen.getByRole("menuitem", { name: /Team rounds/ }));
      await screen.findByRole("heading", { name: "Team rounds" });
      await menus.choose(command);
      expect(screen.queryByRole("heading", { name: "Team rounds" })).not.toBeInTheDocument();
      expect(within(views).getByRole("radio", { checked: true })).toHaveAccessibleName(shown);
    }
  });

  it("takes Edit › Undo in a text field as the field's own undo, and on the board as the board's", async () => {
    const menus = backendEvents();
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]), {
      listen_to_backend: menus.listen,
    });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
    const notes = await screen.findByLabelText("Notes", {}, { timeout: 5000 });
    await userEvent.type(notes, "Half a thought");
    await menus.choose("undo");
    expect(notes).toHaveValue("");
    await menus.choose("redo");
    // The idea and the notes typed stay: the board's history was not asked.
    expect(notes).toHaveValue("Half a thought");
    expect(fake.commands()).not.toContain("undo");

    // Out of the field, Edit › Undo is the board's again.
    screen.getByRole("button", { name: /^Rotate certs/ }).focus();
    await menus.choose("undo");
    await waitFor(() => {
      expect(fake.commands()).toContain("undo");
    });
  });

  it("takes Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in a text field as the field's own undo and redo", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    const search = await screen.findByLabelText("Search ideas");
    await userEvent.type(search, "rot");
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(search).toHaveValue("");
    await userEvent.keyboard("{Control>}{Shift>}z{/Shift}{/Control}");
    expect(search).toHaveValue("rot");
    await userEvent.keyboard("{Control>}z{/Control}{Control>}y{/Control}");
    expect(search).toHaveValue("rot");
    expect(fake.commands()).not.toContain("undo");
    expect(fake.commands()).not.toContain("redo");
  });

  it("leaves the owner typed before as it is when Ctrl+Z is pressed in New idea, which has nothing to undo", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
    const owner = await screen.findByLabelText("Owner", {}, { timeout: 5000 });
    await userEvent.type(owner, "zed");
    const newIdea = screen.getByLabelText("New idea");
    await userEvent.click(newIdea);
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(owner).toHaveValue("zed");
    expect(newIdea).toHaveFocus();
    // Nor is it the board's: clicked into, New idea has added nothing to take back.
    expect(fake.commands()).not.toContain("undo");
  });

  it("takes back the idea just added with Ctrl+Z in New idea, once what was typed there is undone", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    const newIdea = await screen.findByLabelText("New idea");
    await userEvent.type(newIdea, "Alpha{Enter}");
    await waitFor(() => {
      expect(fake.commands()).toContain("add_idea");
    });
    await userEvent.type(newIdea, "Be");
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(newIdea).toHaveValue("");
    expect(fake.commands()).not.toContain("undo");
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(fake.commands()).toContain("undo");
    });
    expect(newIdea).toHaveFocus();
  });

  it("says so when a pasted title is longer than a title can be, in New idea and in the details", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    const said =
      "An idea's title can be at most 500 characters: the rest was left out. Put longer text in its notes.";
    const toNotes =
      "An idea's title can be at most 500 characters: the title keeps the start, and the whole text goes in its notes.";
    await userEvent.click(await screen.findByLabelText("New idea"));
    const pasted = `${"A".repeat(4990)} END`;
    await userEvent.paste(pasted);
    expect(await screen.findByText(toNotes)).toBeInTheDocument();
    expect(screen.getByLabelText("New idea")).toHaveValue("A".repeat(500));
    // Added, the idea keeps the whole paste in its notes: the rest was gone.
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "update_idea")?.args).toMatchObject({
        edit: { title: "A".repeat(500), notes: pasted },
      });
    });
    expect(fake.calls.find((c) => c.command === "add_idea")?.args).toMatchObject({ title: "A".repeat(500) });

    const toast = screen.getByText(toNotes).closest<HTMLElement>(".toast");
    await userEvent.click(within(toast ?? document.body).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByText(toNotes)).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: /^Rotate certs/ }));
    const title = await screen.findByLabelText("Title", {}, { timeout: 5000 });
    // A paste that fits says nothing.
    await userEvent.clear(title);
    await userEvent.paste("Rotate the certificates");
    expect(screen.queryByText(said)).toBeNull();
    await userEvent.paste("B".repeat(600));
    expect(await screen.findByText(said)).toBeInTheDocument();
    expect(title).toHaveValue(`Rotate the certificates${"B".repeat(477)}`);
  });

  it("says so when typing in New idea goes past the longest title, which the field stops taking", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    const newIdea = await screen.findByLabelText("New idea");
    await userEvent.click(newIdea);
    await userEvent.paste("M".repeat(499));
    await userEvent.type(newIdea, "N");
    expect(
      screen.queryByText(/An idea's title can be at most 500 characters: the rest was left out/),
    ).toBeNull();
    await userEvent.type(newIdea, "TAIL");
    expect(
      await screen.findByText(
        "An idea's title can be at most 500 characters: the rest was left out. Put longer text in its notes.",
      ),
    ).toBeInTheDocument();
    expect(newIdea).toHaveValue(`${"M".repeat(499)}N`);
  });

  it("pastes nothing into New idea that is longer than an idea's notes hold, and adds nothing", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    const newIdea = await screen.findByLabelText("New idea");
    await userEvent.click(newIdea);
    await userEvent.type(newIdea, "Kept ");
    // 100,000 characters: the idea was added with 500 of them, its notes refused, and the rest gone.
    await userEvent.paste("L".repeat(100_000));
    expect(
      await screen.findByText(
        "Nothing was pasted: 100,000 characters are more than one idea holds (its notes take up to 50,000). Paste a shorter part, or import a longer text as a CSV file of several ideas.",
      ),
    ).toBeInTheDocument();
    expect(newIdea).toHaveValue("Kept ");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "add_idea")?.args).toMatchObject({ title: "Kept" });
    });
    expect(fake.commands()).not.toContain("update_idea");
    // Lines too, with no word about adding them one per line.
    await userEvent.paste(Array.from({ length: 300 }, () => "M".repeat(200)).join("\n"));
    expect(screen.queryByText(/lines pasted, as one idea/)).toBeNull();
    expect(newIdea).toHaveValue("");
  }, 20_000);

  it("keeps a pasted title of 500 characters whole when some are emoji, which a field counts twice", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
    const title = await screen.findByLabelText("Title", {}, { timeout: 5000 });
    const pasted = `🚀🔥 ${"x".repeat(498)}`.slice(0, 502);
    expect(Array.from(pasted)).toHaveLength(500);
    await userEvent.clear(title);
    await userEvent.paste(pasted);
    expect(title).toHaveValue(pasted);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "update_idea")?.args).toMatchObject({
        edit: { title: pasted },
      });
    });
    expect(screen.queryByText(/can be at most 500 characters/)).toBeNull();
  });

  it("tells a screen reader where a number key put the idea, and of an idea added, each in an element of its own", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement"), idea(2, "Drop Jenkins", "kill")]));
    await renderBoard();
    const live = () => document.querySelector<HTMLElement>('.board-screen [aria-live="assertive"]');
    const card = await screen.findByRole("button", { name: /^Rotate certs/ });
    act(() => {
      card.focus();
    });
    await userEvent.keyboard("4");
    await waitFor(() => {
      expect(live()).toHaveTextContent("“Rotate certs” is in Kill, position 2 of 2.");
    });
    // WebKitGTK tells screen readers of an element added to a live region, not of a text changed in place.
    const first = live()?.firstElementChild;
    await userEvent.click(screen.getByLabelText("New idea"));
    await userEvent.keyboard("Patch bastion{Enter}");
    await waitFor(() => {
      expect(live()).toHaveTextContent("Added “Patch bastion” to Unsorted.");
    });
    expect(first?.isConnected).toBe(false);
    expect(live()?.children).toHaveLength(1);
    // The same words again are said again: in an element of their own.
    const added = live()?.firstElementChild;
    await userEvent.click(screen.getByLabelText("New idea"));
    await userEvent.keyboard("Patch bastion{Enter}");
    await waitFor(() => {
      expect(live()?.firstElementChild).not.toBe(added);
    });
    expect(live()).toHaveTextContent("Added “Patch bastion” to Unsorted.");
  });

  it("leaves the idea selected alone when Delete is pressed on another control", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement"), idea(2, "Drop Jenkins", "kill")]));
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Rotate certs/ });
    // Tabbed past: the card is selected, then the focus goes on to Kill's +.
    act(() => {
      card.focus();
    });
    act(() => {
      screen.getByRole("button", { name: "Add an idea to Kill" }).focus();
    });
    await userEvent.keyboard("{Delete}");
    await act(() => new Promise((done) => setTimeout(done, 100)));
    expect(fake.commands()).not.toContain("delete_idea");
    expect(card).toBeInTheDocument();
    act(() => {
      card.focus();
    });
    await userEvent.keyboard("{Delete}");
    await waitFor(() => {
      expect(fake.commands()).toContain("delete_idea");
    });
  });

  it("leaves the board's keys alone while a click in the details holds the focus there", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
    const panel = await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    // A click on the panel's text, off its fields: the focus fell to the page, and 4 moved the idea to Kill.
    await userEvent.click(panel);
    expect(panel).toHaveFocus();
    await userEvent.keyboard("4");
    expect(fake.commands()).not.toContain("move_idea");
    expect(fake.commands()).not.toContain("set_scores");
  });

  it("ends a title cut from a long paste at a word, and keeps the lines of the paste in the notes", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    await userEvent.click(await screen.findByLabelText("New idea"));
    const pasted = `First line of a ticket\n${"lorem ipsum ".repeat(60)}`;
    await userEvent.paste(pasted);
    const title = screen.getByLabelText<HTMLInputElement>("New idea").value;
    expect(title.length).toBeLessThanOrEqual(500);
    expect(title).toMatch(/^First line of a ticket lorem ipsum .* (lorem|ipsum)$/);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "update_idea")?.args).toMatchObject({
        edit: { title, notes: pasted.trim() },
      });
    });
  });

  it("adds a pasted list one idea per line, once, in one edit with an Undo", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    await userEvent.click(await screen.findByLabelText("New idea"));
    await userEvent.paste("- Rotate certs\r\n* [ ] Patch bastion\n\n  3. Drop the VPN  \n");
    // The choice loads when a list is first pasted.
    const offer = await screen.findByRole("group", { name: "Pasted lines" });
    expect(offer).toHaveTextContent("3 lines pasted: “Rotate certs”, “Patch bastion”, …");
    // Each line isolated from the sentence around it (a right-to-left override in one turned the rest).
    expect([...offer.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual([
      "Rotate certs",
      "Patch bastion",
    ]);
    expect(screen.getByLabelText("New idea")).toHaveValue("");
    const add = within(offer).getByRole("button", { name: "Add 3 ideas" });
    expect(add).toHaveFocus();
    // Pressed twice before the answer: added once.
    fireEvent.click(add);
    fireEvent.click(add);
    expect(await screen.findByText("Added 3 ideas, one per line.")).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.command === "add_ideas").map((c) => c.args)).toEqual([
      { boardId: 1, titles: ["Rotate certs", "Patch bastion", "Drop the VPN"], zone: "unsorted" },
    ]);
    expect(fake.commands()).not.toContain("add_idea");
    // The choice stays a moment where it was, dimmed: the second click of a double click landed on the card that
    // moved up under the pointer.
    expect(within(offer).getByRole("status")).toHaveTextContent("Added 3 ideas.");
    expect(within(offer).getByRole("button", { name: "Add 3 ideas" })).toBeDisabled();
    expect(screen.getByLabelText("New idea")).toHaveFocus();
    await waitFor(() => {
      expect(screen.queryByRole("group", { name: "Pasted lines" })).toBeNull();
    });
    expect(await screen.findByRole("button", { name: /^Drop the VPN/ })).toBeInTheDocument();

    const toast = screen.getByText("Added 3 ideas, one per line.").closest<HTMLElement>(".toast");
    await userEvent.click(within(toast ?? document.body).getByRole("button", { name: "Undo" }));
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "undo")?.args).toMatchObject({ expectedEvent: 7 });
    });
  });

  it("adds a pasted list once on a second press that comes after the answer, before the choice is drawn again", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    await userEvent.click(await screen.findByLabelText("New idea"));
    await userEvent.paste("Rotate certs\nPatch bastion");
    const add = await screen.findByRole("button", { name: "Add 2 ideas" });
    // The button's click handler as drawn before the first press. On a board of 2,000 ideas a double click's second
    // press came between the answer and the next frame, so the page ran this handler again, and added the list twice.
    const drawn = Object.entries(add).find(([key]) => key.startsWith("__reactProps$"))?.[1] as {
      onClick: () => void;
    };
    fireEvent.click(add);
    expect(await screen.findByText("Added 2 ideas, one per line.")).toBeInTheDocument();
    act(() => {
      drawn.onClick();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.commands().filter((c) => c === "add_ideas")).toHaveLength(1);
  });

  it("adds a pasted list on a second press once the first was refused", async () => {
    let refuse = true;
    const fake = fakeBackend(board([]), {
      add_ideas: () => {
        if (refuse) throw { kind: "invalid", message: "The disk is full.", path: null };
        return {
          value: { board: board([idea(100, "Rotate certs", "unsorted")]), ids: [100] },
          history: { canUndo: true, canRedo: false, lastEvent: 7 },
        };
      },
    });
    await renderBoard();
    await userEvent.click(await screen.findByLabelText("New idea"));
    await userEvent.paste("Rotate certs\nPatch bastion");
    await userEvent.click(await screen.findByRole("button", { name: "Add 2 ideas" }));
    expect(await screen.findByText("The disk is full.")).toBeInTheDocument();
    refuse = false;
    await userEvent.click(screen.getByRole("button", { name: "Add 2 ideas" }));
    expect(await screen.findByText(/^Added 2 ideas/)).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "add_ideas")).toHaveLength(2);
  });

  it("keeps a pasted list as one idea when asked, and drops it on Escape", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    const field = await screen.findByLabelText("New idea");
    await userEvent.click(field);
    await userEvent.type(field, "Plan: ");
    await userEvent.paste("Rotate certs\nPatch bastion");
    await userEvent.click(screen.getByRole("button", { name: "Keep as one idea" }));
    expect(field).toHaveValue("Plan: Rotate certs Patch bastion");
    expect(field).toHaveFocus();

    await userEvent.clear(field);
    await userEvent.paste("One\nTwo");
    expect(screen.getByRole("button", { name: "Add 2 ideas" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Pasted lines" })).toBeNull();
    expect(field).toHaveValue("");
    expect(field).toHaveFocus();
    expect(fake.commands()).not.toContain("add_ideas");
  });

  it("adds a list pasted in a quadrant's field to that quadrant, the field staying open for the choice", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Add an idea to Kill" }));
    await userEvent.paste("Drop Jenkins\nDrop the VPN");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "add_ideas")?.args).toMatchObject({
        titles: ["Drop Jenkins", "Drop the VPN"],
        zone: "kill",
      });
    });
    expect(screen.getByLabelText("New idea in Kill")).toHaveFocus();
  });

  it("takes a list too long to add at once, or with lines longer than a title, as one idea", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    const field = await screen.findByLabelText("New idea");
    await userEvent.click(field);
    const lines = Array.from({ length: 201 }, (_, n) => `Idea ${String(n)}`).join("\n");
    await userEvent.paste(lines);
    expect(screen.queryByRole("group", { name: "Pasted lines" })).toBeNull();
    expect(
      await screen.findByText(
        "201 lines pasted, as one idea: a list of up to 200 lines can be added one idea per line. Import a longer one as a CSV file.",
      ),
    ).toBeInTheDocument();
    // One idea: the start as its title, the whole list kept for its notes.
    expect((field as HTMLInputElement).value).toMatch(/^Idea 0 Idea 1 Idea 2 /);
    expect(fake.commands()).not.toContain("add_ideas");
  });

  it("says that an idea needs a title when New idea holds spaces alone, and adds nothing", async () => {
    const fake = fakeBackend(board([]));
    await renderBoard();
    await userEvent.type(await screen.findByLabelText("New idea"), "   {Enter}");
    expect(
      await screen.findByText("An idea needs a title: type a few words, then Enter."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("New idea")).toHaveValue("");
    expect(fake.commands()).not.toContain("add_idea");
    // Given one, the idea is added and the word goes: it stayed its seconds under the idea added.
    await userEvent.type(screen.getByLabelText("New idea"), "Rotate certs{Enter}");
    expect(await screen.findByRole("button", { name: /^Rotate certs/ })).toBeInTheDocument();
    expect(screen.queryByText("An idea needs a title: type a few words, then Enter.")).toBeNull();
  });

  it("moves the focus into a panel opened from the toolbar, where Escape closes it", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Activity" }));
    const panel = await screen.findByRole("complementary", { name: "Board activity" });
    expect(within(panel).getByRole("heading", { name: "Activity" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("complementary", { name: "Board activity" })).toBeNull();
  });

  it("says why a board name was not taken: emptied, or pasted longer than a name can be", async () => {
    const fake = fakeBackend(board([], "Infra"));
    await renderBoard();
    const field = await screen.findByRole("textbox", { name: "Board name" });
    await userEvent.clear(field);
    field.blur();
    expect(await screen.findByText("A board needs a name: it keeps “Infra”.")).toBeInTheDocument();
    expect(field).toHaveValue("Infra");
    expect(fake.commands()).not.toContain("rename_board");

    await userEvent.clear(field);
    await userEvent.paste("x".repeat(150));
    expect(
      await screen.findByText("A board name can be at most 100 characters: the rest was left out."),
    ).toBeInTheDocument();
  });

  it("keeps a board name refused after Enter in the field, selected, beside the reason", async () => {
    const { field } = await nameRefused();
    expect(field).toHaveValue("Web");
    const input = field as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 3]);
    // Left by a click elsewhere, it takes its name back.
    field.blur();
    await waitFor(() => {
      expect(field).toHaveValue("Infra");
    });
  });

  it("takes a refused name's reason away once a rename is done", async () => {
    const taken = "There is already a board named “Web”. Pick another name, such as “Web (2)”.";
    fakeBackend(board([], "Infra"), {
      rename_board: (args) => {
        if (args.name === "Web") throw { kind: "invalid", message: taken, path: null };
        return renameTaken(args);
      },
    });
    await renderBoard();
    const field = await screen.findByRole("textbox", { name: "Board name" });
    await userEvent.clear(field);
    await userEvent.type(field, "Web{Enter}");
    expect(await screen.findByText(taken)).toBeInTheDocument();
    await userEvent.clear(field);
    await userEvent.type(field, "Ops{Enter}");
    expect(await screen.findByText("Renamed “Infra” to “Ops”.")).toBeInTheDocument();
    expect(screen.queryByText(taken)).not.toBeInTheDocument();
  });

  it("takes a refused name's reason away when the name is taken back with Escape", async () => {
    const { field, taken } = await nameRefused();
    await userEvent.keyboard("{Escape}");
    expect(field).toHaveValue("Infra");
    expect(screen.queryByText(taken)).not.toBeInTheDocument();
  });

  it("takes a refused name's reason away when the name is emptied and left", async () => {
    const { field, taken } = await nameRefused();
    await userEvent.clear(field);
    await userEvent.tab();
    expect(await screen.findByText("A board needs a name: it keeps “Infra”.")).toBeInTheDocument();
    expect(screen.queryByText(taken)).not.toBeInTheDocument();
  });

  it("shows a long board name from its start once the field is left", async () => {
    fakeBackend(board([], "Infra"));
    await renderBoard();
    const field = await screen.findByRole("textbox", { name: "Board name" });
    await userEvent.click(field);
    // Where the caret at the end of a long name scrolled it.
    field.scrollLeft = 400;
    await userEvent.tab();
    expect(field.scrollLeft).toBe(0);
  });

  it("gives the focus to the idea selected when Enter leaves the board's name", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement"), idea(2, "Patch bastion", "kill")], "Infra"));
    await renderBoard();
    const picked = await screen.findByRole("button", { name: /^Patch bastion/ });
    await userEvent.click(picked);
    const field = screen.getByRole("textbox", { name: "Board name" });
    await userEvent.click(field);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(picked).toHaveFocus();
    });
  });

  it("gives the focus to New idea when Enter leaves the name of a board with no idea yet", async () => {
    fakeBackend(board([], "My first board"), { rename_board: renameTaken });
    await renderBoard();
    const field = await screen.findByRole("textbox", { name: "Board name" });
    await userEvent.clear(field);
    // A new board's name, then its first idea: the focus went to the first quadrant, with nothing to do there.
    await userEvent.type(field, "Q3 infra{Enter}");
    await waitFor(() => {
      expect(screen.getByLabelText("New idea")).toHaveFocus();
    });
    await userEvent.keyboard("Rotate certs{Enter}");
    expect(await screen.findByRole("button", { name: /^Rotate certs/ })).toBeInTheDocument();
  });

  it("takes back a board name typed over on Escape, renames nothing, and gives the focus to the board", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "implement")], "Infra"));
    await renderBoard();
    const field = await screen.findByRole("textbox", { name: "Board name" });
    await userEvent.clear(field);
    await userEvent.type(field, "Oops wrong{Escape}");
    expect(field).toHaveValue("Infra");
    await waitFor(() => {
      expect(screen.getByRole("button", { name: /^Rotate certs/ })).toHaveFocus();
    });
    expect(fake.commands()).not.toContain("rename_board");
  });

  it("says so when a key typed into a board name of 100 characters is not taken", async () => {
    fakeBackend(board([], "Infra"));
    await renderBoard();
    const field = await screen.findByRole("textbox", { name: "Board name" });
    await userEvent.clear(field);
    await userEvent.type(field, "n".repeat(100));
    expect(screen.queryByText(/A board name can be at most 100 characters/)).toBeNull();
    await userEvent.type(field, "s");
    expect(
      await screen.findByText("A board name can be at most 100 characters: the rest was left out."),
    ).toBeInTheDocument();
    expect(field).toHaveValue("n".repeat(100));
  });

  it("says why a change failed and reloads the saved board", async () => {
    const fake = fakeBackend(board([idea(1, "Keep me", "possible")]), {
      delete_idea: () => {
        throw { kind: "notFound", message: "This idea no longer exists.", path: null };
      },
    });
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Keep me/ });
    card.focus();
    await userEvent.keyboard("{Delete}");
    expect(await screen.findByRole("alert")).toHaveTextContent("This idea no longer exists.");
    expect(await screen.findByRole("button", { name: /^Keep me/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(fake.commands().filter((c) => c === "get_board")).toHaveLength(2);
    });
    // Read again, the board is what is saved: "Last change not saved" stayed on, red, until another change was made.
    expect(await screen.findByText("All changes saved")).toBeInTheDocument();
    expect(screen.queryByText("Last change not saved")).toBeNull();
    expect(screen.getByRole("alert")).toHaveTextContent("This idea no longer exists.");
  });

  it("keeps a change on screen while the disk is full and saves it when there is room again", async () => {
    const { fake, makeRoom } = await deletedOnAFullDisk();
    expect(await screen.findByText(/your changes stay on screen/)).toBeInTheDocument();
    expect(screen.getByText("Not saved yet: retrying")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Drop me/ })).toBeNull();

    makeRoom();
    await userEvent.click(screen.getByRole("button", { name: "Try now" }));
    await waitFor(() => {
      expect(screen.queryByText(/your changes stay on screen/)).toBeNull();
    });
    expect(screen.getByText("All changes saved")).toBeInTheDocument();
    expect(fake.commands().filter((c) => c === "delete_idea")).toHaveLength(2);
  });

  it("undoes nothing while changes wait for room on the disk, and says so", async () => {
    const { fake, makeRoom } = await deletedOnAFullDisk();
    expect(await screen.findByText("Not saved yet: retrying")).toBeInTheDocument();
    // Waiting with the delete, unseen, it took the delete back once there was room, minutes after the key.
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(
      await screen.findByText(
        "Nothing was undone: your latest changes are not saved yet. Once they are, try again.",
      ),
    ).toBeInTheDocument();
    makeRoom();
    await userEvent.click(screen.getByRole("button", { name: "Try now" }));
    await waitFor(() => {
      expect(screen.getByText("All changes saved")).toBeInTheDocument();
    });
    expect(fake.commands()).not.toContain("undo");
  });

  it("shows ideas added while the disk is full as waiting, and as cards once there is room", async () => {
    let diskFull = true;
    let nextId = 100;
    fakeBackend(board([]), {
      add_idea: (args) => {
        if (diskFull)
          throw {
            kind: "diskFull",
            message: "The disk is full, so your last change was not saved.",
            path: null,
          };
        return edited(idea(nextId++, args.title, "unsorted"));
      },
    });
    await renderBoard();
    await userEvent.type(await screen.findByLabelText("New idea"), "Rotate certs{Enter}Patch bastion{Enter}");
    const waiting = await screen.findByRole("list", { name: "New ideas waiting to be saved" });
    await waitFor(() => {
      expect(
        within(waiting)
          .getAllByRole("listitem")
          .map((li) => li.textContent),
      ).toEqual(["Rotate certs", "Patch bastion"]);
    });

    diskFull = false;
    await userEvent.click(screen.getByRole("button", { name: "Try now" }));
    const tray = screen.getByRole("region", { name: "Unsorted" });
    expect(await within(tray).findByRole("button", { name: /^Rotate certs/ })).toBeInTheDocument();
    expect(await within(tray).findByRole("button", { name: /^Patch bastion/ })).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "New ideas waiting to be saved" })).toBeNull();
  });

  it("acts on a new idea with the board's keys: 4 after adding one moved the idea selected before it", async () => {
    const before = idea(1, "Patch bastion", "implement");
    const fake = fakeBackend(board([before]), {
      list_events: () => [],
      add_idea: (args) => edited({ ...idea(2, args.title, args.zone), rank: 2 }),
      move_idea: (args) => edited({ ...idea(args.id, "moved", args.zone), rank: 3 }),
    });
    await renderBoard();
    // Picked, then closed: it stays selected.
    await userEvent.click(await screen.findByRole("button", { name: /^Patch bastion/ }));
    await screen.findByLabelText("Title", {}, { timeout: 5000 });
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByLabelText("Title")).not.toBeInTheDocument();
    });
    await userEvent.keyboard("n");
    await userEvent.keyboard("Keyboard idea{Enter}");
    await screen.findByRole("button", { name: /^Keyboard idea/ });
    await userEvent.keyboard("{Escape}4");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "move_idea")?.args).toMatchObject({ id: 2, zone: "kill" });
    });
    expect(fake.commands().filter((c) => c === "move_idea")).toHaveLength(1);
  }, 20_000);

  it("opens an idea's details from an event of the board's activity, for an idea still on the board", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]), {
      list_events: () => [
        { ...historyEvent("moved", { title: "Rotate certs", from: "kill", to: "implement" }, 1), id: 2 },
        historyEvent("deleted", { title: "Drop Jenkins", from: "kill" }, 9),
      ],
    });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "Activity" }));
    const activity = await screen.findByRole("complementary", { name: "Board activity" }, { timeout: 5000 });
    // The deleted idea's event is words only: there is nothing to open.
    expect(await within(activity).findByText(/Drop Jenkins/)).not.toHaveRole("button");
    await userEvent.click(within(activity).getByRole("button", { name: /Rotate certs/ }));
    const details = await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    expect(within(details).getByLabelText("Title")).toHaveValue("Rotate certs");
    expect(screen.queryByRole("complementary", { name: "Board activity" })).not.toBeInTheDocument();
  });

  it("leaves a card where it is on the number of its own quadrant", async () => {
    const card = idea(1, "Patch bastion", "challenge");
    const fake = fakeBackend(board([idea(2, "Rotate certs", "challenge"), card]), {
      list_events: () => [],
      move_idea: (args) => edited({ ...card, zone: args.zone, rank: 1 }),
    });
    await renderBoard();
    (await screen.findByRole("button", { name: /^Patch bastion/ })).focus();
    // Before, 2 moved it to the end of Challenge, out of the place it was put in, as an undo step of its own.
    await userEvent.keyboard("2");
    expect(fake.commands()).not.toContain("move_idea");
    await userEvent.keyboard("1");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "move_idea")?.args).toMatchObject({
        id: 1,
        zone: "implement",
      });
    });
  });

  it("moves a clicked card with 2, its details open beside it, and puts the focus in the title on E", async () => {
    const clicked = idea(1, "Patch bastion", "unsorted");
    const fake = fakeBackend(board([clicked]), {
      list_events: () => [],
      move_idea: (args) => edited({ ...clicked, zone: args.zone, rank: 1 }),
    });
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Patch bastion/ });
    await userEvent.click(card);
    const title = await screen.findByLabelText("Title", {}, { timeout: 5000 });
    // The click keeps the focus on the card: 2 moves the idea, as the shortcuts say, and types nothing.
    expect(title).not.toHaveFocus();
    await userEvent.keyboard("2");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "move_idea")?.args).toMatchObject({
        id: 1,
        zone: "challenge",
      });
    });
    expect(screen.getByLabelText("Title")).toHaveValue("Patch bastion");
    // E on the card puts the caret in the title, the details being open already.
    screen.getByRole("button", { name: /^Patch bastion/ }).focus();
    await userEvent.keyboard("e");
    await waitFor(() => {
      expect(screen.getByLabelText("Title")).toHaveFocus();
    });
    expect(screen.getByLabelText("Title")).toHaveValue("Patch bastion");
  }, 20_000);

  it("shows in the open details the card the keyboard goes to, which the board's keys then act on", async () => {
    const fake = fakeBackend(
      board([
        idea(1, "Patch bastion", "kill"),
        idea(2, "Rotate certs", "kill"),
        idea(3, "Add alerts", "implement"),
      ]),
      {
        list_events: () => [],
        delete_idea: (args) => edited(idea(args.id, "gone", "kill")),
      },
    );
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Patch bastion/ }));
    expect(await screen.findByLabelText("Title", {}, { timeout: 5000 })).toHaveValue("Patch bastion");
    await userEvent.keyboard("{ArrowDown}");
    expect(screen.getByRole("button", { name: /^Rotate certs/ })).toHaveFocus();
    await waitFor(() => {
      expect(screen.getByLabelText("Title")).toHaveValue("Rotate certs");
    });
    await userEvent.keyboard("{Delete}");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "delete_idea")?.args).toMatchObject({ id: 2 });
    });
  }, 20_000);

  it("selects the card the keyboard goes to, the details closed: one card looks selected, the one 1–4 act on", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill"), idea(2, "Rotate certs", "kill")]), {
      list_events: () => [],
    });
    await renderBoard();
    const clicked = await screen.findByRole("button", { name: /^Patch bastion/ });
    await userEvent.click(clicked);
    await screen.findByLabelText("Title", {}, { timeout: 5000 });
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(screen.queryByLabelText("Title")).not.toBeInTheDocument();
    });
    expect(clicked).toHaveAttribute("aria-pressed", "true");
    await userEvent.keyboard("{ArrowDown}");
    const below = screen.getByRole("button", { name: /^Rotate certs/ });
    expect(below).toHaveFocus();
    await waitFor(() => {
      expect(below).toHaveAttribute("aria-pressed", "true");
    });
    expect(clicked).toHaveAttribute("aria-pressed", "false");
    expect(document.querySelectorAll(".card-selected")).toHaveLength(1);
  }, 20_000);

  it("shows a new idea wherever it lands in a long list, and highlights it", async () => {
    const many = Array.from({ length: 100 }, (_, n) => idea(n + 1, `Idea ${n + 1}`, "unsorted"));
    fakeBackend(board(many), {
      add_idea: (args) => edited({ ...idea(1000, args.title, args.zone), rank: 1000 }),
    });
    await renderBoard();
    const tray = await screen.findByRole("region", { name: "Unsorted" });
    await userEvent.type(within(tray).getByLabelText("New idea"), "Rotate TLS certificates{Enter}");
    const card = await within(tray).findByRole("button", { name: /^Rotate TLS certificates/ });
    await waitFor(() => {
      expect(card).toHaveClass("card-arrived");
    });
    // The list renders its first page, the button for the ideas between, and the new idea after it: not every card
    // up to the new one.
    expect(within(tray).getAllByRole("button", { name: /^(Idea \d+|Rotate)/ })).toHaveLength(13);
    const more = within(tray).getByRole("button", { name: "Show 24 more · 88 not shown" });
    expect(more.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Not a Tab stop: focused, it scrolled into view, drew more cards and went out of sight with the focus.
    expect(more.tabIndex).toBe(-1);
  }, 20_000);

  it("shows an idea moved from its details to the end of a long quadrant", async () => {
    const many = Array.from({ length: 100 }, (_, n) => idea(n + 1, `Idea ${n + 1}`, "possible"));
    const mover = idea(500, "Rotate TLS certificates", "unsorted");
    fakeBackend(board([...many, mover]), {
      list_events: () => [],
      move_idea: (args) => edited({ ...mover, zone: args.zone, rank: 1000 }),
    });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate TLS certificates/ }));
    // The details load when first opened: give them time on a busy machine.
    await userEvent.selectOptions(await screen.findByLabelText("Place", {}, { timeout: 5000 }), "Possible");
    const possible = screen.getByRole("region", { name: "Possible" });
    const card = await within(possible).findByRole("button", { name: /^Rotate TLS certificates/ });
    await waitFor(() => {
      expect(card).toHaveClass("card-arrived");
    });
  }, 20_000);

  it("leaves the board's keys to the details: 1–4 and V on the details' slider neither move the idea nor switch the view", async () => {
    const fake = fakeBackend(board([idea(1, "Patch bastion", "kill")]), { list_events: () => [] });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Patch bastion/ }));
    const slider = await screen.findByLabelText("Cost / risk slider", {}, { timeout: 5000 });
    slider.focus();
    await userEvent.keyboard("4v2");
    expect(fake.calls.some((c) => c.command === "move_idea")).toBe(false);
    expect(screen.getByRole("region", { name: "Kill" })).toBeInTheDocument();
    expect(slider).toHaveFocus();
  }, 20_000);

  it("undoes the board's last change with Ctrl+Z on the details' Place menu, where it did nothing", async () => {
    const fake = fakeBackend(board([idea(1, "Patch bastion", "kill")]), {
      undo: () => ({
        board: board([idea(1, "Patch bastion", "kill")]),
        event: { ...historyEvent("moved", { title: "Patch bastion", from: "possible", to: "kill" }, 1) },
      }),
    });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Patch bastion/ }));
    const place = await screen.findByLabelText("Place", {}, { timeout: 5000 });
    place.focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    await waitFor(() => {
      expect(fake.commands()).toContain("undo");
    });
    // A field typed into keeps its own undo: the board's is not called from the title.
    const undos = fake.commands().filter((c) => c === "undo").length;
    screen.getByLabelText("Title").focus();
    await userEvent.keyboard("{Control>}z{/Control}");
    expect(fake.commands().filter((c) => c === "undo")).toHaveLength(undos);
  }, 20_000);

  it("selects all only inside a text field: Ctrl+A on the details' slider selected the window's every word", async () => {
    fakeBackend(board([idea(1, "Patch bastion", "kill")]), { list_events: () => [] });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Patch bastion/ }));
    const slider = await screen.findByLabelText("Cost / risk slider", {}, { timeout: 5000 });
    // fireEvent says whether the key's own action still runs: false when it was prevented.
    expect(fireEvent.keyDown(slider, { key: "a", ctrlKey: true })).toBe(false);
    expect(fireEvent.keyDown(screen.getByLabelText("Title"), { key: "a", ctrlKey: true })).toBe(true);
  }, 20_000);

  it("does not render more of a long quadrant because an arrival at its end has gone", async () => {
    const view = stubInViewObserver();
    try {
      const many = Array.from({ length: 100 }, (_, n) => idea(n + 1, `Idea ${n + 1}`, "possible"));
      const first = idea(500, "Rotate TLS certificates", "unsorted");
      const second = idea(501, "Retire the old bastion", "unsorted");
      fakeBackend(board([...many, first, second]), {
        list_events: () => [],
        move_idea: (args) =>
          edited({ ...(args.id === first.id ? first : second), zone: args.zone, rank: 1000 }),
      });
      await renderBoard();
      const possible = await screen.findByRole("region", { name: "Possible" });
      const cards = () => within(possible).getAllByRole("button", { name: /^Idea \d+/ });
      await waitFor(() => {
        expect(cards()).toHaveLength(12);
      });
      // The first idea goes to the end of Possible: shown after the button, and the list scrolls there.
      await userEvent.click(screen.getByRole("button", { name: /^Rotate TLS certificates/ }));
      await userEvent.selectOptions(await screen.findByLabelText("Place", {}, { timeout: 5000 }), "Possible");
      expect(
        await within(possible).findByRole("button", { name: /^Rotate TLS certificates/ }),
      ).toBeInTheDocument();
      view.inView = true;
      // The next idea lands in Kill: Possible's arrival is gone, and its button is in view where the arrival was.
      await userEvent.click(screen.getByRole("button", { name: /^Retire the old bastion/ }));
      await userEvent.selectOptions(screen.getByLabelText("Place"), "Kill");
      const kill = screen.getByRole("region", { name: "Kill" });
      expect(
        await within(kill).findByRole("button", { name: /^Retire the old bastion/ }),
      ).toBeInTheDocument();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(cards()).toHaveLength(12);
      expect(
        within(possible).getByRole("button", { name: "Show 24 more · 89 not shown" }),
      ).toBeInTheDocument();
      // Scrolling to the button later still shows more, a page after another while the button stays in view.
      view.fireAll();
      await waitFor(
        () => {
          expect(cards()).toHaveLength(100);
        },
        { timeout: 10_000 },
      );
    } finally {
      vi.unstubAllGlobals();
    }
  }, 20_000);

  it("does not render a page more of a quadrant each time it comes back from the chart at its end", async () => {
    const view = stubInViewObserver();
    try {
      const possible = await longPossible();
      // The observer's first report (not in view) is in; then the list is left at its end, its button in view.
      await new Promise((resolve) => setTimeout(resolve, 20));
      view.inView = true;
      for (let i = 0; i < 3; i++) {
        await userEvent.click(screen.getByRole("radio", { name: "Chart" }));
        await userEvent.click(await screen.findByRole("radio", { name: "Quadrants" }));
        await screen.findByRole("region", { name: "Possible" });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const back = screen.getByRole("region", { name: "Possible" });
      expect(within(back).getAllByRole("button", { name: /^Idea \d+/ })).toHaveLength(12);
      expect(possible).not.toBeInTheDocument();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("saves the other fields of an idea whose link is invalid, and the header says what is not saved", async () => {
    const start = idea(1, "Rotate certs", "implement");
    const fake = fakeBackend(board([start]), {
      update_idea: (args) => edited({ ...start, ...args.edit }),
    });
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
    await userEvent.type(await screen.findByLabelText("Link", {}, { timeout: 5000 }), "www.example.com");
    await userEvent.type(screen.getByLabelText("Owner"), "ana{Enter}");
    const implement = screen.getByRole("region", { name: "Implement" });
    await waitFor(() => {
      expect(within(implement).getByText("AN")).toBeInTheDocument();
    });
    expect(fake.calls.filter((c) => c.command === "update_idea").map((c) => c.args)).toEqual([
      { id: 1, edit: { title: "Rotate certs", notes: "", owner: "ana", link: "", tags: [] } },
    ]);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.querySelector(".save-state")).toHaveTextContent("1 field not saved: fix the link");
  });

  it("names the chips chosen beside the match count, since a chosen one may be scrolled out of sight", async () => {
    fakeBackend(
      board([
        { ...idea(1, "Rotate certs", "implement"), owner: "dana", tags: ["ssh"] },
        idea(2, "Add alerts", "kill"),
      ]),
    );
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: "@dana" }));
    await userEvent.click(screen.getByRole("button", { name: "#ssh" }));
    expect(document.querySelector(".match-count")).toHaveTextContent("1 of 2 ideas match · #ssh · @dana");
  });

  it("shows a search's first match in a long zone though it lies beyond the cards rendered", async () => {
    const possible = await longPossible();
    await userEvent.type(screen.getByLabelText("Search ideas"), "Idea 250");
    const match = await within(possible).findByRole("button", { name: /^Idea 250/ });
    expect(match).not.toHaveClass("dimmed");
    expect(within(possible).getByRole("button", { name: /^Idea 1\b/ })).toHaveClass("dimmed");
    // Twelve cards rendered, then the match, past the button for those between.
    expect(within(possible).getAllByRole("button", { name: /^Idea \d+/ })).toHaveLength(13);
  });

  it("takes End and Down in a long zone to the search's matches only, where a key then acts", async () => {
    const possible = await longPossible();
    // Ideas 25 and 250–259 match; 300, the zone's last, does not. End took the focus to it, drawn at full strength
    // as focused, and Delete deleted it.
    await userEvent.type(screen.getByLabelText("Search ideas"), "Idea 25");
    const first = await within(possible).findByRole("button", { name: /^Idea 25(?!\d)/ });
    first.focus();
    await userEvent.keyboard("{End}");
    await waitFor(() => {
      expect(within(possible).getByRole("button", { name: /^Idea 259/ })).toHaveFocus();
    });
    expect(document.activeElement).not.toHaveClass("dimmed");
    expect(within(possible).queryByRole("button", { name: /^Idea 300/ })).toBeNull();
  });

  it("scrolls a search's first match, out of sight below, to the top of its list", async () => {
    const possible = await longPossible();
    const list = possible.querySelector<HTMLElement>(".zone-list");
    const scrolled = vi.spyOn(Element.prototype, "scrollIntoView");
    // The list shows its first cards; Idea 9 lies below them.
    vi.spyOn(Element.prototype, "getBoundingClientRect").mockImplementation(function (this: Element) {
      const id = Number((this as HTMLElement).dataset.ideaId ?? 0);
      const top = this === list ? 0 : id * 60;
      return { top, bottom: this === list ? 300 : top + 56 } as DOMRect;
    });
    await userEvent.type(screen.getByLabelText("Search ideas"), "Idea 9");
    await waitFor(() => {
      expect(scrolled).toHaveBeenCalledWith({ block: "start" });
    });
    expect(scrolled.mock.contexts.at(-1)).toBe(within(possible).getByRole("button", { name: /^Idea 9\b/ }));
  });

  it("goes to a search's first match on Enter, though it lies beyond the cards rendered", async () => {
    const possible = await longPossible();
    await userEvent.type(screen.getByLabelText("Search ideas"), "Idea 250{Enter}");
    expect(await within(possible).findByRole("button", { name: /^Idea 250/ })).toHaveFocus();
  });

  it("takes a search back on Escape and stays in the field, then goes back to the card it came from", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement"), idea(2, "Patch bastion", "kill")]));
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Patch bastion/ });
    card.focus();
    await userEvent.keyboard("{Control>}f{/Control}");
    const search = screen.getByLabelText("Search ideas");
    expect(search).toHaveFocus();
    await userEvent.keyboard("rot{Escape}");
    expect(search).toHaveValue("");
    expect(search).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    expect(card).toHaveFocus();
  });

  it("shows a search's matches past the cards rendered a page at a time, and its button shows more of them", async () => {
    const possible = await longPossible();
    const search = screen.getByLabelText("Search ideas");
    // "7" matches 57 of the 300 ideas, 56 of them past the twelve cards rendered (17, 27, … 70–79, … 297).
    await userEvent.type(search, "7");
    const titles = () =>
      within(possible)
        .getAllByRole("button", { name: /^Idea \d+/ })
        .map((b) => Number(/^Idea (\d+)/.exec(b.textContent)?.[1]));
    const past = Array.from({ length: 300 }, (_, n) => n + 1).filter(
      (n) => n > 12 && String(n).includes("7"),
    );
    expect(past).toHaveLength(56);
    await waitFor(() => {
      expect(titles()).toHaveLength(12 + 24);
    });
    // The twelve in their place, then the next 24 matches in the list's order, then the button for the rest.
    expect(titles()).toEqual([...Array.from({ length: 12 }, (_, n) => n + 1), ...past.slice(0, 24)]);
    const more = within(possible).getByRole("button", { name: "Show 24 more · 32 matches not shown" });
    const last = within(possible).getByRole("button", { name: new RegExp(`^Idea ${past[23]}\\b`) });
    expect(more.compareDocumentPosition(last)).toBe(Node.DOCUMENT_POSITION_PRECEDING);
    await userEvent.click(more);
    expect(titles()).toHaveLength(12 + 48);
    await userEvent.click(within(possible).getByRole("button", { name: "Show the last 8 matches" }));
    expect(titles()).toHaveLength(12 + 56);
    // Another search starts again at a page of matches; none left, the button shows the next cards, as without one,
    // and says they do not match.
    await userEvent.clear(search);
    await userEvent.type(search, "29");
    await waitFor(() => {
      expect(titles()).toEqual([
        ...Array.from({ length: 12 }, (_, n) => n + 1),
        29,
        129,
        229,
        ...Array.from({ length: 10 }, (_, n) => 290 + n),
      ]);
    });
    expect(
      within(possible).getByRole("button", { name: "Show 24 more · 275 not matching" }),
    ).toBeInTheDocument();
  });

  it("brings back a New idea typed and not added, but not one the board has since got as an idea", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    keepNewIdea(1, "Patch bastion ");
    const first = await renderBoard();
    await waitFor(() => {
      expect(screen.getByLabelText("New idea")).toHaveValue("Patch bastion ");
    });
    first.unmount();

    // Added at a quit (AddIdeaField), the idea is on the board; the storage, written a moment later, still kept it.
    fakeBackend(board([idea(1, "Rotate certs", "implement"), idea(2, "Patch bastion", "unsorted")]));
    keepNewIdea(1, "Patch bastion ");
    await renderBoard();
    await screen.findByRole("button", { name: /^Patch bastion/ });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByLabelText("New idea")).toHaveValue("");
  });

  it("brings back notes typed and never left when the window went, in the idea's details, and saves them", async () => {
    const patch = idea(2, "Patch bastion", "kill");
    const ideas = [idea(1, "Rotate certs", "implement"), patch];
    const before = fakeBackend(board(ideas));
    const first = await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Patch bastion/ }));
    const notes = await screen.findByLabelText("Notes", {}, { timeout: 5000 });
    await userEvent.type(notes, "Half a thought");
    // The window goes without the field being left: nothing was saved, nothing closed the details.
    expect(before.commands()).not.toContain("update_idea");
    const kept = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? "").map(
      (key) => [key, localStorage.getItem(key) ?? ""] as const,
    );
    expect(kept).toHaveLength(1);
    first.unmount();

    // The next start, on the board as it was saved.
    localStorage.clear();
    for (const [key, value] of kept) localStorage.setItem(key, value);
    const fake = fakeBackend(board(ideas), {
      update_idea: (args) => edited({ ...patch, ...args.edit }),
    });
    await renderBoard();
    expect(await screen.findByLabelText("Notes", {}, { timeout: 5000 })).toHaveValue("Half a thought");
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "update_idea")?.args).toMatchObject({
        id: 2,
        edit: { notes: "Half a thought" },
      });
    });
    expect(
      screen.getByText(
        "Brought back what you were typing before the window last closed or stopped: the notes, now saved.",
      ),
    ).toBeInTheDocument();
    // Saved, the draft goes: closing and opening again brings back nothing more.
    await userEvent.keyboard("{Escape}");
    expect(localStorage.length).toBe(0);
  });

  it("renders a long zone a page at a time", async () => {
    const possible = await longPossible();
    await userEvent.click(within(possible).getByRole("button", { name: "Show 24 more · 288 not shown" }));
    expect(within(possible).getAllByRole("button", { name: /^Idea \d+/ })).toHaveLength(36);
    expect(
      within(possible).getByRole("button", { name: "Show 24 more · 264 not shown" }),
    ).toBeInTheDocument();

    // The chart and back: the quadrant comes back with the pages shown and where it was scrolled.
    const list = possible.querySelector<HTMLElement>(".zone-list");
    if (list) list.scrollTop = 900;
    await userEvent.click(screen.getByRole("radio", { name: "Chart" }));
    await userEvent.click(await screen.findByRole("radio", { name: "Quadrants" }));
    const back = await screen.findByRole("region", { name: "Possible" });
    expect(within(back).getAllByRole("button", { name: /^Idea \d+/ })).toHaveLength(36);
    expect(back.querySelector<HTMLElement>(".zone-list")?.scrollTop).toBe(900);
  });

  it("keeps the focus in the board when V switches the view from a quadrant's +: on the plane, then on a card", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement"), idea(2, "Patch bastion", "kill")]));
    await renderBoard();
    (await screen.findByRole("button", { name: "Add an idea to Kill" })).focus();
    await userEvent.keyboard("v");
    await waitFor(() => {
      expect(document.activeElement).toHaveClass("plane");
    });
    await userEvent.keyboard("v");
    expect(await screen.findByRole("button", { name: /^Rotate certs/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole("button", { name: /^Rotate certs/ })).toHaveFocus();
    });
    // With the focus nowhere, V leaves it there: it took the focus into a list, which it scrolled.
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard("v");
    await waitFor(() => {
      expect(document.querySelector(".plane")).not.toBeNull();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.activeElement).toBe(document.body);
  });

  it("closes an idea's details with Escape while the focus is still on its card, and gives the card the focus", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement"), idea(2, "Patch bastion", "kill")]));
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Rotate certs/ });
    await userEvent.click(card);
    const details = await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    // Where the focus is when Escape comes before the details' code has loaded: on the card just clicked.
    card.focus();
    await userEvent.keyboard("{Escape}");
    expect(details).not.toBeInTheDocument();
    expect(card).toHaveFocus();
  });

  it("gives the card its focus ring when Escape closes the details from their title, not when Close is clicked", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    const card = await screen.findByRole("button", { name: /^Rotate certs/ });
    await userEvent.click(card);
    await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    await userEvent.click(screen.getByLabelText("Title"));
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("complementary", { name: "Idea details" })).not.toBeInTheDocument();
    expect(card).toHaveFocus();
    expect(card).toHaveAttribute("data-tab-focus");

    await userEvent.click(card);
    const details = await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    await userEvent.click(within(details).getByRole("button", { name: /close/i }));
    expect(card).toHaveFocus();
    expect(card).not.toHaveAttribute("data-tab-focus");
  });

  it("takes the note of a title taken back away with the details it was about", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
    const title = await screen.findByLabelText("Title", {}, { timeout: 5000 });
    await userEvent.click(title);
    await userEvent.keyboard("v{Escape}");
    const note = "Took back the title you typed, unsaved. Escape again closes the details.";
    expect(await screen.findByText(note)).toBeInTheDocument();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("complementary", { name: "Idea details" })).not.toBeInTheDocument();
    expect(screen.queryByText(note)).not.toBeInTheDocument();
  });

  it("leaves the details open on Escape in a text field or a dialog, which have their own", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByRole("button", { name: /^Rotate certs/ }));
    await screen.findByRole("complementary", { name: "Idea details" }, { timeout: 5000 });
    await userEvent.click(screen.getByLabelText("New idea"));
    await userEvent.keyboard("{Escape}");
    expect(screen.getByRole("complementary", { name: "Idea details" })).toBeInTheDocument();
    screen.getByRole("button", { name: /^Rotate certs/ }).focus();
    await userEvent.keyboard("?");
    const sheet = await screen.findByRole("dialog", {}, { timeout: 5000 });
    await userEvent.keyboard("{Escape}");
    await waitFor(() => {
      expect(sheet).not.toBeInTheDocument();
    });
    expect(screen.getByRole("complementary", { name: "Idea details" })).toBeInTheDocument();
  });

  it("opens the keyboard shortcuts on F1, from a text field too", async () => {
    fakeBackend(board([idea(1, "Rotate certs", "implement")]));
    await renderBoard();
    await userEvent.click(await screen.findByLabelText("New idea"));
    await userEvent.keyboard("{F1}");
    expect(
      await screen.findByRole("dialog", { name: "Keyboard shortcuts" }, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("New idea")).toHaveValue("");
  });
});
