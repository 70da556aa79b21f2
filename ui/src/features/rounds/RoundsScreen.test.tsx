import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import type {
  Draft,
  ErrorPayload,
  Estimate,
  NotCounted,
  Reveal,
  RoundStatus,
  RoundView,
  Voter,
} from "../../lib/bindings";
import { formatDateTime } from "../../lib/dates";
import { keys } from "../../lib/queries";
import { ana, board, fakeBackend, idea, joinedRound as joined } from "../../test/fakeBackend";
import { REREAD_MS, type StepsBack } from "./ballot";
import { RoundsScreen } from "./RoundsScreen";

const gone: ErrorPayload = {
  kind: "mattermost",
  message: "This round's post is not in Mattermost: it was deleted, or the link is not to it.",
  path: null,
  problem: "postGone",
};

/** Bo's draft ballot of the joined round, never sent, with `estimates`. */
function draftOf(estimates: Draft["estimates"]): Draft {
  return {
    rootPostId: "p1",
    roundId: "r1",
    board: "Platform",
    estimates,
    sentPostId: null,
    sentEstimates: null,
    waiting: false,
    sendError: null,
    updatedAt: 0,
  };
}

/** The backend of Ana, connected, who started `round` (its only open round), whose thread reads `status`. */
function facilitating(round: RoundView, status: () => ReturnType<typeof statusOf>) {
  return fakeBackend(null, {
    get_account: () => ana,
    list_open_rounds: () => [round],
    list_closed_rounds: () => [],
    find_round: () => round,
    round_status: status,
  });
}

/** The joined round, of one idea ("Cache builds", key 7), with `draft`. */
function cacheBuilds(draft: Draft): RoundView {
  return { ...joined, ideas: [{ key: "7", title: "Cache builds", notes: "", link: "" }], draft };
}

/** One axis of the reveal for Bo's one estimate `v`. */
function one(v: number) {
  return {
    median: v,
    q1: v,
    q3: v,
    iqr: 0,
    min: v,
    max: v,
    split: false,
    lowest: ["Bo Lind"],
    highest: ["Bo Lind"],
  };
}

/** The reveal of one idea: Bo's estimate `at`, or no vote. */
function stats(key: string, title: string, at: [number, number] | null) {
  return {
    key,
    title,
    votes: at ? 1 : 0,
    noOpinion: 0,
    payoff: at ? one(at[0]) : null,
    cost: at ? one(at[1]) : null,
    split: false,
    medianPosition: at,
    dots: at ? [{ voter: "Bo Lind", payoff: at[0], cost: at[1] }] : [],
  };
}

/** What round_status answers: `summary`, and who voted. */
function statusOf(state: RoundView["state"], summary: string, voted: Voter[] = []): RoundStatus {
  return { roundId: "r1", state, summary, voted, notVoted: [], notCounted: [], updatedAt: 0 };
}

/** The query client of the page `renderRounds` drew last, for a test to change what the page has read. */
const held: { client: QueryClient | null } = { client: null };
function Client() {
  const client = useQueryClient();
  useEffect(() => {
    held.client = client;
  });
  return null;
}

/** Opens `round`, Ana's one open round, from the list of rounds (after `atList`, when given, looks at the list). */
async function openTheOnlyRound(round: RoundView, atList?: () => void) {
  fakeBackend(null, {
    get_account: () => ana,
    list_open_rounds: () => [round],
    find_round: () => round,
  });
  renderRounds();
  const list = await screen.findByRole("region", { name: "Open rounds" });
  atList?.();
  await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
}

/** Presses Reveal… on the round shown, once it can be pressed (who voted is read first): the question it asks. */
async function askToReveal(): Promise<HTMLElement> {
  const ask = await screen.findByRole("button", { name: "Reveal…" });
  await waitFor(() => {
    expect(ask).toBeEnabled();
  });
  await userEvent.click(ask);
  return screen.findByRole("dialog", { name: "Reveal the round?" });
}

/** Ana's revealed round `round`, as the backend has it: 1 of 3 voted, and its reveal `reveal()` each time it is read. */
function revealedBackend(round: RoundView, reveal: () => Reveal) {
  return fakeBackend(null, {
    get_account: () => ana,
    list_open_rounds: () => [round],
    list_closed_rounds: () => [],
    find_round: () => round,
    reveal_round: reveal,
    round_status: () => statusOf("revealed", "1 of 3 voted"),
  });
}

/** Team rounds of `shown`, opened with the idea `selectedId` selected on the board. */
function renderWithSelected(shown: ReturnType<typeof board>, selectedId: number) {
  render(
    <Providers>
      <RoundsScreen
        board={shown}
        selectedId={selectedId}
        onBack={vi.fn()}
        onConnect={vi.fn()}
        onPlaceIdea={vi.fn()}
        onUndo={vi.fn()}
      />
    </Providers>,
  );
}

/** An open round this account started on board 1, of the ideas `keyed` (key, title). */
function startedHere(...keyed: [string, string][]): RoundView {
  return {
    ...joined,
    amFacilitator: true,
    boardId: 1,
    ideas: keyed.map(([key, title]) => ({ key, title, notes: "", link: "" })),
  };
}

function renderRounds(
  ideas = board([]),
  onBallotSteps?: (steps: StepsBack | null) => void,
  onConnect: () => void = vi.fn(),
  onBack: () => void = vi.fn(),
  onUndo: (expected: number) => void = vi.fn(),
) {
  const screenFor = (shown: typeof ideas) => (
    <Providers>
      <Client />
      <RoundsScreen
        board={shown}
        selectedId={null}
        onBack={onBack}
        onConnect={onConnect}
        onPlaceIdea={vi.fn()}
        onUndo={onUndo}
        onBallotSteps={onBallotSteps}
      />
    </Providers>
  );
  const { rerender } = render(screenFor(ideas));
  return (shown: typeof ideas) => {
    rerender(screenFor(shown));
  };
}

/** A joined round's ballot sent while Mattermost is away: it waits; with `goesOut`, this computer's list says it has
 * since gone out by itself. */
async function sendWhileAway(goesOut: boolean) {
  const draft = draftOf({ "7": { kind: "noOpinion" } });
  const round = cacheBuilds(draft);
  const sent = {
    ...draft,
    sentPostId: "b1",
    sentEstimates: draft.estimates,
    updatedAt: Date.now() + 60_000,
  };
  const fake = fakeBackend(null, {
    get_account: () => ana,
    list_open_rounds: () => [goesOut ? { ...round, draft: sent } : round],
    find_round: () => round,
    save_draft_ballot: () => draft,
    round_status: () => statusOf("open", "0 of 3 voted"),
    submit_ballot: () => ({
      postId: null,
      waiting: "Mattermost could not be reached. Check the network.",
      count: 0,
    }),
  });
  renderRounds();
  const list = await screen.findByRole("region", { name: "Open rounds" });
  await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
  await userEvent.click(await screen.findByRole("button", { name: "Send my estimates" }));
  return fake;
}

describe("RoundsScreen", () => {
  it("goes back with Escape as ← does: from a round to all rounds, then to the board, not from a field", async () => {
    const round = cacheBuilds(draftOf({}));
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [round],
      list_closed_rounds: () => [],
      find_round: () => round,
      round_status: () => statusOf("open", "0 of 3 voted"),
    });
    const onBack = vi.fn();
    renderRounds(undefined, undefined, undefined, onBack);
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    await screen.findByRole("heading", { name: "Round on “Platform”" });
    await userEvent.keyboard("{Escape}");
    await screen.findByRole("heading", { name: "Team rounds" });
    expect(onBack).not.toHaveBeenCalled();
    // In the link field Escape is the field's.
    await userEvent.click(screen.getByLabelText("The round post's link"));
    await userEvent.keyboard("{Escape}");
    expect(onBack).not.toHaveBeenCalled();
    screen.getByRole("heading", { name: "Team rounds" }).focus();
    await userEvent.keyboard("{Escape}");
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it("closes an open round once another account connects, whose ballot it is not, and lists the rounds as that one", async () => {
    const placed = cacheBuilds(draftOf({ "7": { kind: "placed", payoff: 6, cost: 6 } }));
    let account = ana;
    fakeBackend(null, {
      get_account: () => account,
      list_open_rounds: () => [account === ana ? placed : { ...placed, draft: null }],
      list_closed_rounds: () => [],
      find_round: () => (account === ana ? placed : { ...placed, draft: null }),
      round_status: () => statusOf("open", "1 of 3 voted"),
    });
    renderRounds();
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    expect(await screen.findByRole("heading", { name: "Round on “Platform”" })).toBeInTheDocument();
    expect(screen.getByText(/as @ana/)).toBeInTheDocument();
    // Cy connects in the Connect dialog: Send sent Ana's estimates as Cy's ballot.
    account = { ...ana, userId: "u3", username: "cy", displayName: "Cy Okafor" };
    act(() => {
      held.client?.setQueryData(keys.account, account);
    });
    expect(await screen.findByRole("heading", { name: "Team rounds" })).toBeInTheDocument();
    expect(screen.getByText(/as @cy/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Send/ })).toBeNull();
  });

  it("takes back “Pick at least one idea” once one is picked", async () => {
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => [] });
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    const pick = await screen.findByRole("checkbox", { name: "Cache builds" });
    // A title cut short by the list's width is whole in its tooltip.
    expect(screen.getByText("Cache builds")).toHaveAttribute("title", "Cache builds");
    await userEvent.click(pick);
    await userEvent.click(screen.getByRole("button", { name: "Start round" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Pick at least one idea for the round.");
    await userEvent.click(pick);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("leaves out of a new round the tray's ideas already in an open one, and says which they are", async () => {
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [startedHere(["1", "Cache builds"])],
      start_round: () => startedHere(["1", "Cache builds"], ["2", "Rotate certs"]),
    });
    renderRounds(board([idea(1, "Cache builds", "unsorted"), idea(2, "Rotate certs", "unsorted")]));
    const busy = await screen.findByRole("checkbox", { name: "Cache builds in an open round" });
    expect(busy).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Rotate certs" })).toBeChecked();
    expect(screen.getByText(/^Ideas \(1 of 2\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "All" }));
    expect(busy).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Unsorted only" }));
    expect(busy).not.toBeChecked();
    // Picked by hand, it goes in: a second round on it may be meant. Start round asks first: it went out without a
    // word, a second thread on ideas still being voted on.
    await userEvent.click(busy);
    expect(busy).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: "Start round" }));
    const asked = await screen.findByRole("dialog", { name: "Start a round of 2 ideas?" });
    expect(asked).toHaveTextContent(
      "1 of them is in an open round already: members would estimate it in two threads, and each round can settle it on the board.",
    );
    expect(fake.commands()).not.toContain("start_round");
    await userEvent.click(within(asked).getByRole("button", { name: "Start round" }));
    await waitFor(() => {
      expect(fake.commands()).toContain("start_round");
    });
  });

  it("picks the tray's ideas again once the round that had them is closed, unless the picks were changed", async () => {
    const started: RoundView = {
      ...joined,
      amFacilitator: true,
      boardId: 1,
      ideas: [
        { key: "1", title: "Cache builds", notes: "", link: "" },
        { key: "2", title: "Rotate certs", notes: "", link: "" },
      ],
    };
    let open = [started];
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => open });
    renderRounds(board([idea(1, "Cache builds", "unsorted"), idea(2, "Rotate certs", "unsorted")]));
    expect(await screen.findByRole("checkbox", { name: "Cache builds in an open round" })).not.toBeChecked();
    // The round is closed (the list was read before, and is read again as Team rounds shows it).
    open = [];
    act(() => {
      void held.client?.invalidateQueries({ queryKey: keys.rounds(1) });
    });
    expect(await screen.findByRole("checkbox", { name: "Cache builds" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Rotate certs" })).toBeChecked();

    // Picks changed by hand stay as they are.
    open = [started];
    act(() => {
      void held.client?.invalidateQueries({ queryKey: keys.rounds(1) });
    });
    await screen.findByRole("checkbox", { name: "Cache builds in an open round" });
    await userEvent.click(screen.getByRole("button", { name: "None" }));
    open = [];
    act(() => {
      void held.client?.invalidateQueries({ queryKey: keys.rounds(1) });
    });
    expect(await screen.findByRole("checkbox", { name: "Cache builds" })).not.toBeChecked();
    expect(screen.getByText(/^Ideas \(0 of 2\)/)).toBeInTheDocument();
  });

  it("lists the idea selected on the board first, ticked, above the tray's: it was ticked out of sight", async () => {
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => [] });
    const many = Array.from({ length: 30 }, (_, n) => idea(n + 1, `Placed ${String(n + 1)}`, "kill"));
    renderWithSelected(board([...many, idea(99, "In the tray", "unsorted")]), 25);
    await screen.findByRole("checkbox", { name: "Placed 25" });
    const boxes = screen.getAllByRole("checkbox", { name: /^(Placed \d+|In the tray)$/ });
    expect(
      boxes.slice(0, 2).map((b) => [b.closest("label")?.textContent, (b as HTMLInputElement).checked]),
    ).toEqual([
      ["Placed 25", true],
      ["In the tray", true],
    ]);
  });

  it("leaves the idea selected on the board unticked when an open round has it, as it does the tray's", async () => {
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => [startedHere(["25", "Placed 25"])] });
    renderWithSelected(board([idea(25, "Placed 25", "kill"), idea(99, "In the tray", "unsorted")]), 25);
    expect(await screen.findByRole("checkbox", { name: "Placed 25 in an open round" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "In the tray" })).toBeChecked();
  });

  it("makes the list of ideas to pick one Tab stop, walked with the arrows, Home and End", async () => {
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => [] });
    const many = Array.from({ length: 30 }, (_, n) => idea(n + 1, `Placed ${String(n + 1)}`, "kill"));
    renderRounds(board(many));
    const first = await screen.findByRole("checkbox", { name: "Placed 1" });
    await userEvent.click(screen.getByRole("button", { name: "None" }));
    await userEvent.tab();
    expect(first).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}{ArrowDown} ");
    const third = screen.getByRole("checkbox", { name: "Placed 3" });
    expect(third).toHaveFocus();
    expect(third).toBeChecked();
    await userEvent.keyboard("{End}");
    expect(screen.getByRole("checkbox", { name: "Placed 30" })).toHaveFocus();
    // Tab leaves the list at once, to what follows it; Shift+Tab comes back to the idea left.
    await userEvent.tab();
    expect(screen.getByRole("checkbox", { name: "Set a deadline" })).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(screen.getByRole("checkbox", { name: "Placed 30" })).toHaveFocus();
    await userEvent.keyboard("{Home}");
    expect(first).toHaveFocus();
  });

  it("offers ideas that come to the board while Start round shows, the unsorted ones picked", async () => {
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => [] });
    const show = renderRounds(board([idea(1, "Cache builds", "implement")]));
    await userEvent.click(await screen.findByRole("button", { name: "Start round" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Pick at least one idea for the round.");
    // An import adds two ideas to Unsorted and one to Kill.
    show(
      board([
        idea(1, "Cache builds", "implement"),
        idea(2, "Rotate certs", "unsorted"),
        idea(3, "Tune probes", "unsorted"),
        idea(4, "Drop the old VPN", "kill"),
      ]),
    );
    expect(await screen.findByRole("checkbox", { name: "Rotate certs" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Tune probes" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Drop the old VPN" })).not.toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Cache builds" })).not.toBeChecked();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says a ballot waits to go out when the token is gone after a restart", async () => {
    fakeBackend(null, {
      get_account: () => ({ ...ana, keeping: "session", tokenMasked: null, ballotsWaiting: true }),
    });
    renderRounds();
    expect(await screen.findByRole("button", { name: "Connect to Mattermost…" })).toBeInTheDocument();
    expect(
      screen.getByText(
        "A ballot of yours waits on this computer to go out: connect again, and Pickboard sends it.",
      ),
    ).toBeInTheDocument();
  });

  it("counts the ideas to pick with thousands grouped, as everywhere else", async () => {
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => [] });
    renderRounds(
      board(Array.from({ length: 1_200 }, (_, n) => idea(n + 1, `Idea ${String(n + 1)}`, "kill"))),
    );
    expect(await screen.findByText("Ideas (0 of 1,200)")).toBeInTheDocument();
  });

  it("lets the second click of a double click on Start round do nothing on the round it opens", async () => {
    const round = startedHere(["1", "Cache builds"]);
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [],
      start_round: () => round,
      find_round: () => round,
      save_draft_ballot: () => draftOf({}),
      round_status: () => statusOf("open", "0 of 3 voted"),
    });
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    fireEvent.click(await screen.findByRole("button", { name: "Start round" }), { detail: 1 });
    // The round opened under the pointer before the second click: it marked "No opinion" on the facilitator's ballot.
    const none = await screen.findByRole("button", { name: "No opinion on “Cache builds”" });
    fireEvent.click(none, { detail: 2 });
    expect(none).toHaveAttribute("aria-pressed", "false");
  });

  it("asks before starting a round of more than a hundred ideas, and starts it once on Start round", async () => {
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [],
      start_round: () => {
        throw {
          kind: "invalid",
          message: "Choose the board's Mattermost channel first.",
          path: null,
          problem: null,
        } satisfies ErrorPayload;
      },
    });
    const tray = Array.from({ length: 120 }, (_, n) => idea(n + 1, `Idea ${String(n + 1)}`, "unsorted"));
    renderRounds(board(tray));
    await userEvent.click(await screen.findByRole("button", { name: "Start round" }));
    const asked = await screen.findByRole("dialog", { name: "Start a round of 120 ideas?" });
    expect(fake.commands()).not.toContain("start_round");
    // Not in red: starting loses nothing.
    expect(within(asked).getByRole("button", { name: "Start round" })).not.toHaveClass("button-danger");
    await userEvent.click(within(asked).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fake.commands()).not.toContain("start_round");

    // A hundred ideas go without a question.
    await userEvent.click(screen.getByRole("button", { name: "None" }));
    for (let n = 1; n <= 3; n++)
      await userEvent.click(screen.getByRole("checkbox", { name: `Idea ${String(n)}` }));
    await userEvent.click(screen.getByRole("button", { name: "Start round" }));
    await screen.findByRole("alert");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fake.commands().filter((c) => c === "start_round")).toHaveLength(1);

    await userEvent.click(screen.getByRole("button", { name: "All" }));
    await userEvent.click(screen.getByRole("button", { name: "Start round" }));
    await userEvent.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: "Start round" }),
    );
    await waitFor(() => {
      expect(fake.commands().filter((c) => c === "start_round")).toHaveLength(2);
    });
    expect(screen.queryByRole("dialog")).toBeNull();
  }, 15_000); // a list of 120 checkboxes, drawn again at each click: slower than most here

  it("takes back what Start round said went wrong once the form is changed", async () => {
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [],
      start_round: () => {
        throw {
          kind: "mattermost",
          message: "Mattermost could not be reached at https://chat.example.com.",
          path: null,
          problem: "serverNotFound",
        } satisfies ErrorPayload;
      },
    });
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    await userEvent.click(await screen.findByRole("button", { name: "Start round" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Mattermost could not be reached");
    await userEvent.type(screen.getByLabelText("Note for the team (optional)"), "T");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it('takes back "Choose the board\'s channel first" once the channel is chosen', async () => {
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [],
      start_round: () => {
        throw {
          kind: "invalid",
          message:
            "Choose the board's Mattermost channel first: “Choose the board's channel…” at the top of Team rounds.",
          path: null,
          problem: null,
        } satisfies ErrorPayload;
      },
    });
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    await userEvent.click(await screen.findByRole("button", { name: "Start round" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Choose the board's Mattermost channel first");
    // The Connect dialog saves the channel, as it does in the app.
    act(() => {
      held.client?.setQueryData(keys.accountChannel(1), {
        teamId: "t",
        teamName: "infra",
        teamDisplay: "Infrastructure",
        channelId: "c",
        channelName: "planning",
        channelDisplay: "Planning",
      });
    });
    expect(await screen.findByRole("button", { name: "in Planning" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says at the list why a listed round did not open, and removes it after asking", async () => {
    let listed: RoundView[] = [joined];
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => listed,
      find_round: () => {
        throw gone;
      },
      forget_round: () => {
        listed = [];
        return null;
      },
    });
    renderRounds();
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    // The reason shows at the list, not under the Join form's field.
    expect(await within(list).findByRole("alert")).toHaveTextContent(
      "This round's post is not in Mattermost",
    );
    const join = screen.getByRole("button", { name: "Join round" }).closest("form") as HTMLElement;
    expect(within(join).queryByRole("alert")).toBeNull();

    // Cancel keeps it; Remove takes it off.
    await userEvent.click(
      within(list).getByRole("button", { name: "Remove the round on “Platform” from this list" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Remove the round from this list?" });
    expect(dialog).toHaveTextContent("Your estimates for the round on “Platform” go from this computer");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(fake.calls.some((c) => c.command === "forget_round")).toBe(false);
    await userEvent.click(
      within(list).getByRole("button", { name: "Remove the round on “Platform” from this list" }),
    );
    await userEvent.click(
      within(await screen.findByRole("dialog", { name: "Remove the round from this list?" })).getByRole(
        "button",
        {
          name: "Remove",
        },
      ),
    );
    await waitFor(() => {
      expect(
        within(list).getByText("No open round: start one, or join one by its link."),
      ).toBeInTheDocument();
    });
    expect(fake.calls.find((c) => c.command === "forget_round")?.args).toEqual({ rootPostId: "p1" });
    expect(within(list).getByRole("status")).toHaveTextContent(
      "Removed the round on “Platform” from this list.",
    );
    // The focus, on the Remove… gone with the round, is on the list's heading: not at the top of the window.
    await waitFor(() => {
      expect(within(list).getByRole("heading", { name: "Open rounds" })).toHaveFocus();
    });
  });

  it("gives the focus to the round in a removed one's place, from the keyboard", async () => {
    const second: RoundView = { ...joined, rootPostId: "p2", board: "Web" };
    let listed: RoundView[] = [joined, second];
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => listed,
      forget_round: () => {
        listed = [second];
        return null;
      },
    });
    renderRounds();
    const list = await screen.findByRole("region", { name: "Open rounds" });
    (
      await within(list).findByRole("button", { name: "Remove the round on “Platform” from this list" })
    ).focus();
    await userEvent.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Remove the round from this list?" });
    within(dialog).getByRole("button", { name: "Remove" }).focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(within(list).getByRole("button", { name: /^Web/ })).toHaveFocus();
    });
  });

  it('says a ballot given up on was not sent, not "Sent", even after an earlier one went out', async () => {
    const estimates: Record<string, Estimate> = { "7": { kind: "placed", payoff: 80, cost: 20 } };
    const round: RoundView = {
      ...joined,
      ideas: [{ key: "7", title: "Cache builds", notes: "", link: "" }],
      draft: {
        rootPostId: "p1",
        roundId: "r1",
        board: "Platform",
        estimates,
        sentPostId: "b1",
        sentEstimates: estimates,
        waiting: false,
        sendError: gone.message,
        updatedAt: 0,
      },
    };
    await openTheOnlyRound(round);
    expect(await screen.findByText("Not sent: your draft is kept on this computer.")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent(`Your ballot was not sent: ${gone.message}`);
    expect(screen.getByRole("button", { name: "Try again" })).toBeEnabled();
    expect(screen.queryByText(/^Sent\./)).toBeNull();
  });

  it("leaves the board's channel out of a round someone else started, where a member has nothing to set up", async () => {
    const round: RoundView = { ...joined, ideas: [{ key: "7", title: "Cache builds", notes: "", link: "" }] };
    // The list is where rounds are started: the channel is chosen there.
    await openTheOnlyRound(round, () => {
      expect(screen.getByRole("button", { name: "Choose the board's channel…" })).toBeInTheDocument();
    });
    expect(await screen.findByRole("heading", { name: "Round on “Platform”" })).toBeInTheDocument();
    expect(screen.getByText("as @ana")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Choose the board's channel…" })).toBeNull();
  });

  it("says why Join round found nothing under the button, which stays where it is when the reason goes", async () => {
    fakeBackend(null, { get_account: () => ana, list_open_rounds: () => [] });
    renderRounds();
    const button = await screen.findByRole("button", { name: "Join round" });
    await userEvent.click(button);
    const reason = await screen.findByText(/Paste the link of the round's post first/);
    // The reason comes after the button: going at the next edit, it moves nothing above it.
    expect(button.compareDocumentPosition(reason) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.type(screen.getByLabelText("The round post's link"), "h");
    expect(screen.queryByText(/Paste the link of the round's post first/)).toBeNull();
  });

  it("lists a round closed here, and opens its reveal to look at and verify, not to close or settle", async () => {
    const closed: RoundView = {
      ...joined,
      amFacilitator: true,
      boardId: 1,
      startedAt: Date.UTC(2026, 11, 3, 14, 2),
      state: "closed",
      ideas: [{ key: "7", title: "Cache builds", notes: "", link: "" }],
    };
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [],
      list_closed_rounds: () => [closed],
      find_round: () => closed,
      reveal_round: () => ({
        roundId: "r1",
        ideas: [stats("7", "Cache builds", [8, 2])],
        counted: 2,
        notCounted: [],
        offline: false,
      }),
      round_status: () => statusOf("closed", "2 of 3 voted"),
      verify_round: () => ({
        roundId: "r1",
        checked: 2,
        mismatches: [],
        summary: "All 2 ballots match what was sealed.",
      }),
    });
    const onConnect = vi.fn();
    renderRounds(board([idea(7, "Cache builds", "implement")]), undefined, onConnect);
    // The board's channel is chosen from the top of the page (the Connect dialog), not only from Post to channel.
    await userEvent.click(await screen.findByRole("button", { name: "Choose the board's channel…" }));
    expect(onConnect).toHaveBeenCalled();
    const list = await screen.findByRole("region", { name: "Closed rounds" });
    // Rounds of one board tell apart by when they were started.
    const item = within(list).getByRole("button", { name: /^Platform/ });
    expect(item).toHaveTextContent(`You started it ${formatDateTime(Date.UTC(2026, 11, 3, 14, 2))} · 1 idea`);
    await userEvent.click(item);
    expect(
      await screen.findByText(
        "This round is closed: its result and every ballot are in the thread. To change where its ideas are, move them on the board.",
      ),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(fake.commands()).toContain("reveal_round");
    });
    expect(screen.queryByRole("button", { name: "Close the round…" })).toBeNull();
    // The thread has the result: nothing here places the round's ideas any more (Place all at the medians moved them
    // away from what was published). Its final spot is there to look at; the arrows leave it where it is.
    const spot = await screen.findByRole("button", {
      name: "Cache builds, final spot: payoff 7.5, cost/risk 2.5",
    });
    expect(screen.queryByRole("button", { name: "Place all at the medians" })).toBeNull();
    spot.focus();
    await userEvent.keyboard("{ArrowUp}{ArrowUp}");
    expect(spot).toHaveAccessibleName("Cache builds, final spot: payoff 7.5, cost/risk 2.5");
    await userEvent.click(screen.getByRole("button", { name: "Verify round" }));
    expect(await screen.findByText("All 2 ballots match what was sealed.")).toBeInTheDocument();
  });

  it("places the ideas once, with one toast, on a double click of Place all at the medians", async () => {
    let settles = 0;
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [{ ...startedHere(["1", "Cache builds"]), state: "revealed" as const }],
      list_closed_rounds: () => [],
      find_round: () => ({ ...startedHere(["1", "Cache builds"]), state: "revealed" as const }),
      reveal_round: () => ({
        roundId: "r1",
        ideas: [stats("1", "Cache builds", [8, 2])],
        counted: 2,
        notCounted: [],
        offline: false,
      }),
      round_status: () => statusOf("revealed", "2 of 3 voted"),
      settle_at_medians: () => {
        settles += 1;
        const settled = [{ ideaId: 1, title: "Cache builds", payoff: 80, cost: 20, votes: 2, line: "" }];
        const history = { canUndo: true, canRedo: false, lastEvent: 9 };
        return settles === 1
          ? { settled, moved: 1, skipped: [], eventId: 9, history }
          : { settled, moved: 0, skipped: [], eventId: null, history };
      },
    });
    const onUndo = vi.fn();
    renderRounds(board([idea(1, "Cache builds", "unsorted")]), undefined, vi.fn(), vi.fn(), onUndo);
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    // The first click's placing is done before the second click of the double click comes, as in the window.
    const place = await screen.findByRole("button", { name: "Place all at the medians" });
    fireEvent.click(place, { detail: 1 });
    expect(await screen.findByText(/^Placed 1 idea at the team's medians/)).toBeInTheDocument();
    await waitFor(() => {
      expect(place).toBeEnabled();
    });
    fireEvent.click(place, { detail: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settles).toBe(1);
    expect(screen.queryByText(/already sits at its medians/)).toBeNull();
    // Its Undo takes back this edit alone: it undid whatever was latest, the change before once Ctrl+Z had undone it.
    await userEvent.click(screen.getByRole("button", { name: "Undo" }));
    expect(onUndo).toHaveBeenCalledWith(9);
  });

  it("shows no final spot at the reveal for an idea in the tray that nobody placed", async () => {
    const revealed = {
      ...startedHere(["1", "Cache builds"], ["2", "Drop Jenkins"], ["3", "Tune probes"]),
      state: "revealed" as const,
    };
    revealedBackend(revealed, () => ({
      roundId: "r1",
      ideas: [
        stats("2", "Drop Jenkins", null),
        stats("1", "Cache builds", [8, 2]),
        {
          ...stats("3", "Tune probes", [6.8, 3]),
          votes: 2,
          payoff: {
            median: 6.75,
            q1: 6.625,
            q3: 6.875,
            iqr: 0.25,
            min: 6.5,
            max: 7,
            split: false,
            lowest: ["Bo Lind"],
            highest: ["Cy"],
          },
        },
      ],
      counted: 1,
      notCounted: [],
      offline: false,
    }));
    renderRounds(board([idea(1, "Cache builds", "unsorted"), idea(2, "Drop Jenkins", "unsorted")]));
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    // Nobody placed "Drop Jenkins": no spot for it on the plane.
    await userEvent.click(await screen.findByRole("button", { name: /Drop Jenkins/ }));
    expect(screen.queryByRole("button", { name: /final spot/ })).toBeNull();
    // "Cache builds" has its medians, and Bo's dot.
    await userEvent.click(screen.getByRole("button", { name: /Cache builds/ }));
    expect(
      await screen.findByRole("button", { name: "Cache builds, final spot: payoff 8, cost/risk 2" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Bo Lind: payoff 8, cost/risk 2" })).toBeInTheDocument();
    // One estimate has no range to tell.
    expect(screen.getByText("Payoff: 8 (Bo Lind alone)")).toBeInTheDocument();
    // A median between two estimates is said with where it is placed.
    expect(
      screen.getByText(
        "Payoff: median 6.75 (placed at 6.8) · middle half within 0.25 · range 6.5–7 (lowest Bo Lind, highest Cy)",
      ),
    ).toBeInTheDocument();
  });

  it("writes a voter's name before their dot near the plane's right edge, where after it the name was cut", async () => {
    const revealed = stats("1", "Cache builds", [8, 2]);
    revealedBackend({ ...startedHere(["1", "Cache builds"]), state: "revealed" }, () => ({
      roundId: "r1",
      ideas: [
        {
          ...revealed,
          dots: [
            { voter: "Bo Lind", payoff: 8, cost: 2 },
            { voter: "Cy Okafor", payoff: 3, cost: 10 },
          ],
        },
      ],
      counted: 2,
      notCounted: [],
      offline: false,
    }));
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    const name = (voter: string) =>
      screen.getByRole("img", { name: new RegExp(`^${voter}: payoff`) }).querySelector(".vote-dot-name");
    await waitFor(() => {
      expect(name("Cy Okafor")).toHaveClass("vote-dot-name-before");
    });
    expect(name("Bo Lind")).not.toHaveClass("vote-dot-name-before");
    // Bo's dot is the idea's spot, whose title is after it: Bo's name goes below, not over the title.
    expect(name("Bo Lind")).toHaveClass("vote-dot-name-below");
  });

  it("lists a ballot sent after the reveal, read again while the reveal is open", async () => {
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"],
    });
    try {
      let late: NotCounted[] = [];
      revealedBackend({ ...startedHere(["1", "Cache builds"]), state: "revealed" }, () => ({
        roundId: "r1",
        ideas: [stats("1", "Cache builds", [8, 2])],
        counted: 1,
        notCounted: late,
        offline: false,
      }));
      renderRounds(board([idea(1, "Cache builds", "unsorted")]));
      const list = await screen.findByRole("region", { name: "Open rounds" });
      await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
      expect(await screen.findByText("Payoff: 8 (Bo Lind alone)")).toBeInTheDocument();
      expect(screen.queryByRole("list", { name: "Ballots not counted" })).toBeNull();
      late = [
        {
          postId: "late",
          userId: "cy",
          name: "Cy Okafor",
          issue: "afterReveal",
          message: "Sent after the reveal, so it was not counted.",
        },
      ];
      act(() => {
        vi.advanceTimersByTime(REREAD_MS);
      });
      const notCounted = await screen.findByRole("list", { name: "Ballots not counted" });
      expect(notCounted).toHaveTextContent("Cy Okafor: Sent after the reveal, so it was not counted.");
    } finally {
      vi.useRealTimers();
    }
  });

  it("drops a reveal's failure once the round's post is found gone, which says more", async () => {
    const mine: RoundView = {
      ...joined,
      amFacilitator: true,
      boardId: 1,
      ideas: [{ key: "1", title: "Cache builds", notes: "", link: "" }],
    };
    let postGone = false;
    const unreachable: ErrorPayload = {
      kind: "mattermost",
      message: "Mattermost could not be reached. Try again in a moment.",
      path: null,
      problem: "offline",
    };
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [mine],
      list_closed_rounds: () => [],
      find_round: () => mine,
      round_status: () => {
        if (postGone) throw gone;
        return statusOf("open", "1 of 3 voted", [{ userId: "bo", name: "Bo Lind", at: 0, edited: false }]);
      },
      reveal_round: () => {
        postGone = true;
        throw unreachable;
      },
    });
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    const dialog = await askToReveal();
    await userEvent.click(within(dialog).getByRole("button", { name: "Reveal" }));
    expect(await screen.findByText(unreachable.message)).toBeInTheDocument();
    // The next reading finds the post gone: that is what stands, alone.
    expect(await screen.findByText(gone.message, undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByText(unreachable.message)).toBeNull();
  }, 15_000);

  it("says a round is revealed in the list as soon as it is, and reveals once for two Enters", async () => {
    const mine: RoundView = {
      ...joined,
      amFacilitator: true,
      boardId: 1,
      ideas: [{ key: "1", title: "Cache builds", notes: "", link: "" }],
    };
    let state: RoundView["state"] = "open";
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [{ ...mine, state }],
      list_closed_rounds: () => [],
      find_round: () => ({ ...mine, state }),
      round_status: () =>
        statusOf(state, "1 of 3 voted", [{ userId: "bo", name: "Bo Lind", at: 0, edited: false }]),
      reveal_round: () => {
        state = "revealed";
        return { roundId: "r1", ideas: [], counted: 1, notCounted: [], offline: false };
      },
    });
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    const list = await screen.findByRole("region", { name: "Open rounds" });
    const item = await within(list).findByRole("button", { name: /^Platform/ });
    expect(item).not.toHaveTextContent("revealed");
    await userEvent.click(item);
    const dialog = await askToReveal();
    within(dialog).getByRole("button", { name: "Reveal" }).focus();
    await userEvent.keyboard("{Enter}{Enter}");
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).toBeNull();
    });
    expect(fake.commands().filter((c) => c === "reveal_round")).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "← All rounds" }));
    const back = await screen.findByRole("region", { name: "Open rounds" });
    await waitFor(() => {
      expect(within(back).getByRole("button", { name: /^Platform/ })).toHaveTextContent("· revealed");
    });
  });

  it("says, before the reveal, that the facilitator's changes since their ballot are not sent, not the ballot", async () => {
    const sent: Record<string, Estimate> = { "1": { kind: "placed", payoff: 80, cost: 20 } };
    const mine: RoundView = {
      ...joined,
      amFacilitator: true,
      boardId: 1,
      ideas: [{ key: "1", title: "Cache builds", notes: "", link: "" }],
      draft: {
        rootPostId: "p1",
        roundId: "r1",
        board: "Platform",
        estimates: { "1": { kind: "placed", payoff: 60, cost: 20 } },
        sentPostId: "b1",
        sentEstimates: sent,
        waiting: false,
        sendError: null,
        updatedAt: 0,
      },
    };
    facilitating(mine, () =>
      statusOf("open", "1 of 3 voted", [{ userId: "ana", name: "Ana Ribeiro", at: 0, edited: false }]),
    );
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    const dialog = await askToReveal();
    expect(dialog).toHaveTextContent(
      "Your latest changes are not sent: the estimates you sent before them count.",
    );
    expect(dialog).not.toHaveTextContent("Your own estimates are not sent");
  });

  it("says when the deadline has passed, and which ballots came after it", async () => {
    const deadline = Date.now() - 60_000;
    const mine: RoundView = {
      ...joined,
      amFacilitator: true,
      boardId: 1,
      startedAt: Date.UTC(2026, 11, 3, 9, 0),
      deadline,
      ideas: [{ key: "1", title: "Cache builds", notes: "", link: "" }],
    };
    facilitating(mine, () =>
      statusOf("open", "2 of 3 voted", [
        { userId: "bo", name: "Bo Lind", at: deadline + 1_000, edited: false },
        { userId: "cy", name: "Cy", at: deadline - 1_000, edited: false },
      ]),
    );
    renderRounds(board([idea(1, "Cache builds", "unsorted")]));
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    expect(await screen.findByText(/: passed \(ballots still count until the reveal\)/)).toBeInTheDocument();
    expect(screen.getByText(`Started ${formatDateTime(Date.UTC(2026, 11, 3, 9, 0))}`)).toBeInTheDocument();
    expect(
      await screen.findByRole("listitem", { name: "Bo Lind: voted after the deadline" }),
    ).toHaveTextContent("✓ Bo Lind (late)");
    expect(screen.getByRole("listitem", { name: "Cy: voted" })).toHaveTextContent("✓ Cy");
  });

  it("lists a round joined and since closed among the closed rounds, with when it was last touched", async () => {
    const updatedAt = Date.UTC(2026, 11, 2, 9, 30);
    const done: RoundView = {
      ...joined,
      state: "closed",
      draft: {
        rootPostId: "p1",
        roundId: "r1",
        board: "Platform",
        estimates: {},
        sentPostId: "b1",
        sentEstimates: {},
        waiting: false,
        sendError: null,
        updatedAt,
      },
    };
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [],
      list_closed_rounds: () => [done],
    });
    renderRounds();
    const list = await screen.findByRole("region", { name: "Closed rounds" });
    expect(within(list).getByRole("button", { name: /^Platform/ })).toHaveTextContent(
      `Joined · your ballot sent ${formatDateTime(updatedAt)}`,
    );
    expect(screen.getByText("No open round: start one, or join one by its link.")).toBeInTheDocument();
  });

  it("shows a closed round's ballot as it was sent and counted, not the draft changed after it", async () => {
    const sent = { "7": { kind: "placed", payoff: 7, cost: 2 } } as const;
    const draft = {
      ...draftOf({ "7": { kind: "placed", payoff: 2.6, cost: 2.9 } }),
      sentPostId: "b1",
      sentEstimates: sent,
    };
    const done: RoundView = { ...cacheBuilds(draft), state: "closed" };
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [],
      list_closed_rounds: () => [done],
      find_round: () => done,
      round_status: () => statusOf("closed", "1 of 3 voted"),
    });
    renderRounds();
    const list = await screen.findByRole("region", { name: "Closed rounds" });
    await userEvent.click(within(list).getByRole("button", { name: /^Platform/ }));
    expect(
      await screen.findByRole("button", { name: /^Cache builds, .*: payoff 7, cost\/risk 2$/ }),
    ).toBeInTheDocument();
    expect(screen.getByText("Voting has ended: these are the estimates you sent.")).toBeInTheDocument();
  });

  it("moves a round joined here and closed elsewhere to Closed rounds as the page opens, without opening it", async () => {
    let refreshed = false;
    const done: RoundView = { ...joined, state: "closed" };
    fakeBackend(null, {
      get_account: () => ana,
      refresh_joined_rounds: () => {
        refreshed = true;
        return 1;
      },
      list_open_rounds: () => (refreshed ? [] : [joined]),
      list_closed_rounds: () => (refreshed ? [done] : []),
    });
    renderRounds();
    const closedList = await screen.findByRole("region", { name: "Closed rounds" });
    expect(within(closedList).getByRole("button", { name: /^Platform/ })).toBeInTheDocument();
    expect(screen.getByText("No open round: start one, or join one by its link.")).toBeInTheDocument();
  });

  it("keeps a round closed elsewhere in Closed rounds when Team rounds opens again", async () => {
    let closedNow = false;
    let refreshes = 0;
    const done: RoundView = { ...joined, state: "closed" };
    fakeBackend(null, {
      get_account: () => ana,
      refresh_joined_rounds: () => {
        refreshes += 1;
        // Read as closed once; after that, this computer knows.
        return closedNow && refreshes === 2 ? 1 : 0;
      },
      list_open_rounds: () => (closedNow ? [] : [joined]),
      list_closed_rounds: () => (closedNow ? [done] : []),
    });
    const screenFor = (shown: boolean) => (
      <Providers>
        <Client />
        {shown && (
          <RoundsScreen
            board={board([])}
            selectedId={null}
            onBack={vi.fn()}
            onConnect={vi.fn()}
            onPlaceIdea={vi.fn()}
            onUndo={vi.fn()}
          />
        )}
      </Providers>
    );
    const { rerender } = render(screenFor(true));
    const open = await screen.findByRole("region", { name: "Open rounds" });
    expect(await within(open).findByRole("button", { name: /^Platform/ })).toBeInTheDocument();
    closedNow = true;
    // Back to the board and Team rounds again, twice: the first opening reads the round closed, the second has
    // nothing new to read.
    for (const opening of [2, 3]) {
      rerender(screenFor(false));
      rerender(screenFor(true));
      await waitFor(() => {
        expect(refreshes).toBe(opening);
      });
      const closedList = await screen.findByRole("region", { name: "Closed rounds" });
      expect(await within(closedList).findByRole("button", { name: /^Platform/ })).toBeInTheDocument();
      expect(screen.getByText("No open round: start one, or join one by its link.")).toBeInTheDocument();
    }
  });

  it("says a waiting ballot goes out as it was sent, not with the changes made since", async () => {
    const fake = await sendWhileAway(false);
    expect(
      await screen.findByText("Waiting for Mattermost: your ballot goes out by itself."),
    ).toBeInTheDocument();
    // The count beside it said the changed ballot's, and the ballot as sent went out.
    await userEvent.click(screen.getByRole("button", { name: /^No opinion on/ }));
    expect(
      await screen.findByText(
        "Waiting for Mattermost: your ballot goes out by itself as you sent it. Try now sends it with your changes.",
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Try now" }));
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.command === "submit_ballot").at(-1)?.args).toMatchObject({
        estimates: {},
      });
    });
  });

  it("says when Try now found Mattermost still out of reach, as the waiting line would read the same", async () => {
    const fake = await sendWhileAway(false);
    const line = await screen.findByText(/^Not sent yet\. Mattermost could not be reached\./);
    expect(line).not.toHaveTextContent("Tried again");
    await userEvent.click(screen.getByRole("button", { name: "Try now" }));
    expect(await screen.findByText(/Tried again at .+: still no answer\./)).toHaveTextContent(
      /^Not sent yet/,
    );
    expect(fake.commands().filter((c) => c === "submit_ballot")).toHaveLength(2);
  });

  it("says the ballot is not sent, not that it waits, once Try now finds the round's post gone", async () => {
    const draft = draftOf({ "7": { kind: "noOpinion" } });
    const round = cacheBuilds(draft);
    let tries = 0;
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [round],
      find_round: () => round,
      save_draft_ballot: () => draft,
      submit_ballot: () => {
        if (tries++ > 0) throw gone;
        return { postId: null, waiting: "Mattermost could not be reached. Check the network.", count: 0 };
      },
    });
    renderRounds();
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    await userEvent.click(await screen.findByRole("button", { name: "Send my estimates" }));
    expect(
      await screen.findByText("Waiting for Mattermost: your ballot goes out by itself."),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Try now" }));
    expect(await screen.findByText(/This round's post is not in Mattermost/)).toBeInTheDocument();
    expect(screen.queryByText("Waiting for Mattermost: your ballot goes out by itself.")).toBeNull();
    expect(screen.getByText("Not sent: your draft is kept on this computer.")).toBeInTheDocument();
    // Trying again could never succeed: it is dimmed, and says why.
    expect(screen.getByRole("button", { name: "Try again" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "Try again" })).toHaveAttribute(
      "title",
      "The round's post is gone from Mattermost: a ballot cannot be sent to it",
    );
  });

  it("says once, above the plane, that the facilitator's round post is gone, not at who voted and the ballot", async () => {
    const draft = draftOf({ "7": { kind: "noOpinion" } });
    const round: RoundView = { ...cacheBuilds(draft), amFacilitator: true, boardId: 1 };
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [round],
      list_closed_rounds: () => [],
      find_round: () => round,
      save_draft_ballot: () => draft,
      round_status: () => {
        throw gone;
      },
      submit_ballot: () => {
        throw gone;
      },
    });
    renderRounds(board([idea(7, "Cache builds", "unsorted")]));
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    expect(await screen.findByRole("alert")).toHaveTextContent(gone.message);
    expect(screen.getByRole("button", { name: "Reveal…" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Send my estimates" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
    expect(screen.getAllByText(gone.message)).toHaveLength(1);
    expect(screen.queryByText(/Not up to date/)).toBeNull();
    expect(fake.commands().filter((c) => c === "round_status")).toHaveLength(1);
  });

  it("sends a ballot emptied after one went out, which takes those estimates back", async () => {
    const draft = {
      ...draftOf({}),
      sentPostId: "b1",
      sentEstimates: { "7": { kind: "placed", payoff: 8, cost: 2 } as Estimate },
    };
    const round = cacheBuilds(draft);
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [round],
      find_round: () => round,
      save_draft_ballot: () => draft,
      round_status: () => statusOf("open", "1 of 3 voted"),
      submit_ballot: () => ({ postId: "b2", waiting: null, count: 0 }),
    });
    renderRounds();
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    expect(
      await screen.findByText("Changed since you sent it: send again to count the changes."),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Send again" }));
    expect(
      await screen.findByText(/Sent: your earlier estimates are taken back; none of yours count now\./),
    ).toBeInTheDocument();
    // Dimmed, the button keeps the focus: a disabled one dropped it to the page.
    const again = screen.getByRole("button", { name: "Send again" });
    expect(again).toHaveAttribute("aria-disabled", "true");
    expect(again).toHaveFocus();
    await userEvent.click(again);
    expect(fake.commands().filter((c) => c === "submit_ballot")).toHaveLength(1);
    expect(fake.calls.find((c) => c.command === "submit_ballot")?.args).toMatchObject({ estimates: {} });
  });

  it("dims Send again once a ballot that waited has gone out by itself, unchanged", async () => {
    await sendWhileAway(true);
    expect(await screen.findByText("Sent: the ballot that waited went out, sealed.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send again" })).toHaveAttribute("aria-disabled", "true");
  });

  it("takes back the ballot's last placement on Undo, before anything of the board's", async () => {
    const round: RoundView = {
      ...joined,
      ideas: [{ key: "7", title: "Cache builds", notes: "", link: "" }],
    };
    fakeBackend(null, {
      get_account: () => ana,
      list_open_rounds: () => [round],
      find_round: () => round,
      save_draft_ballot: (args) => ({
        rootPostId: "p1",
        roundId: "r1",
        board: "Platform",
        estimates: args.estimates as Record<string, Estimate>,
        sentPostId: null,
        sentEstimates: null,
        waiting: false,
        sendError: null,
        updatedAt: 0,
      }),
    });
    let steps: StepsBack | null = null;
    renderRounds(board([]), (s) => {
      steps = s;
    });
    const list = await screen.findByRole("region", { name: "Open rounds" });
    await userEvent.click(await within(list).findByRole("button", { name: /^Platform/ }));
    await userEvent.click(await screen.findByRole("button", { name: "Place “Cache builds” on the chart" }));
    expect(screen.queryByRole("button", { name: "Place “Cache builds” on the chart" })).toBeNull();
    const dot = /^Cache builds, your estimate/;
    await waitFor(() => {
      expect(screen.getByRole("button", { name: dot })).toHaveFocus();
    });

    const taken = (steps as StepsBack | null)?.undo();
    expect(taken).toBe(true);
    // The focus goes with the idea, to its Place button, and back to its dot on Redo: it fell to the page.
    const placeButton = await screen.findByRole("button", { name: "Place “Cache builds” on the chart" });
    await waitFor(() => {
      expect(placeButton).toHaveFocus();
    });
    // Nothing more on the ballot: the next Undo is the board's.
    expect((steps as StepsBack | null)?.undo()).toBe(false);
    expect((steps as StepsBack | null)?.redo()).toBe(true);
    await waitFor(() => {
      expect(screen.queryByRole("button", { name: "Place “Cache builds” on the chart" })).toBeNull();
    });
    await waitFor(() => {
      expect(screen.getByRole("button", { name: dot })).toHaveFocus();
    });
  });
});
