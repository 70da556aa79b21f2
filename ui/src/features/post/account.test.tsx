import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { AccountChannel, ErrorPayload, Post, Problem, TeamChannels } from "../../lib/bindings";
import { Providers } from "../../components/Providers";
import { ana, fakeBackend, planning, postGoneFailure, type Handlers } from "../../test/fakeBackend";
import { AccountForm } from "./AccountForm";
import { DestinationForm } from "./DestinationForm";
import { PostDialog } from "./PostDialog";
import { eventTime } from "../history/describe";
import { PostsPanel } from "./PostsPanel";

const teams: TeamChannels[] = [
  {
    teamName: "infra",
    teamDisplay: "Infrastructure",
    channels: [
      { path: "infra/planning", displayName: "Planning", private: false },
      { path: "infra/oncall", displayName: "On-call", private: true },
    ],
  },
  {
    teamName: "web",
    teamDisplay: "Web",
    channels: [{ path: "web/town-square", displayName: "Town Square", private: false }],
  },
];

const post = (id: number, permalink: string | null): Post => ({
  id,
  boardId: 1,
  status: "posted",
  message: "m",
  parts: 3,
  partsSent: 3,
  error: null,
  createdAt: 0,
  postedAt: 1,
  permalink,
  updatesEarlier: false,
  channelId: planning.channelId,
  heldBehind: null,
});

const refused: ErrorPayload = {
  kind: "mattermost",
  message: "Mattermost did not accept the access token: it is wrong, revoked or expired.",
  path: null,
  problem: "notSignedIn",
};

/** Types the server's address and `token` into the account form. */
async function typeAccount(token: string) {
  await userEvent.type(await screen.findByLabelText("Mattermost server address"), "https://chat.example.com");
  await userEvent.type(screen.getByLabelText("Personal access token"), token);
}

/** The channel form of board 1, as ana, whose every save Mattermost refuses with `message` (`problem`): its group of
 * Infrastructure's channels, once listed. */
async function channelRefused(message: string, problem: Problem) {
  fakeBackend(null, {
    get_account: () => ana,
    list_account_channels: () => teams,
    set_account_channel: () => {
      throw { kind: "mattermost", message, path: null, problem } satisfies ErrorPayload;
    },
  });
  render(
    <Providers>
      <DestinationForm boardId={1} webhook={null} accountChannel={null} onSaved={vi.fn()} />
    </Providers>,
  );
  return screen.findByRole("group", { name: "Infrastructure" });
}

describe("AccountForm", () => {
  it("says an answer about an address changed during the check is not about the address as it is", async () => {
    let answer: (() => void) | null = null;
    fakeBackend(null, {
      connect_account: (() =>
        new Promise((_, reject) => {
          answer = () => {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what the backend rejects with.
            reject(refused);
          };
        })) as unknown as NonNullable<Handlers["connect_account"]>,
    });
    render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    await typeAccount("wrong-token");
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    await screen.findByText("Checking the address and the token with Mattermost…");
    await userEvent.type(screen.getByLabelText("Mattermost server address"), "/mm");
    await waitFor(() => {
      expect(answer).not.toBeNull();
    });
    act(() => {
      answer?.();
    });
    expect(
      await screen.findByText(
        "The address or token changed while Mattermost was checking them: press Connect to check them as they are now.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    // The address typed is kept for the next time the form opens: not for the next test.
    await userEvent.clear(screen.getByLabelText("Mattermost server address"));
  });

  it("shows Mattermost's refusal at the form, then connects and shows only the masked token", async () => {
    let attempts = 0;
    const fake = fakeBackend(null, {
      connect_account: () => {
        if (attempts++ === 0) throw refused;
        return ana;
      },
    });
    render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    const token = await screen.findByLabelText("Personal access token");
    expect(token).toHaveAttribute("type", "password");
    expect(screen.getByText(/Profile › Security › Personal access tokens/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("Mattermost server address"), "https://chat.example.com");
    await userEvent.type(token, "wrong-token");
    const scrolled = vi.spyOn(Element.prototype, "scrollIntoView");
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    const refusal = await screen.findByRole("alert");
    expect(refusal).toHaveTextContent("did not accept the access token");
    // Brought into view: below the fields it was cut off at the dialog's bottom.
    expect(scrolled.mock.contexts).toContain(refusal);
    scrolled.mockRestore();

    await userEvent.clear(screen.getByLabelText("Personal access token"));
    // Corrected, the field takes the refusal back.
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.type(screen.getByLabelText("Personal access token"), "tok-secret-ana{Enter}");
    const card = await screen.findByRole("region", { name: "Mattermost account" });
    // The button pressed is gone: the focus is on the card that took its place, with the ring a key shows.
    expect(card).toHaveFocus();
    expect(card).toHaveAttribute("data-tab-focus");
    expect(card).toHaveTextContent("Connected as @ana (Ana Ribeiro) on https://chat.example.com");
    expect(card).toHaveTextContent("tok-…ana");
    expect(document.body.textContent).not.toContain("tok-secret-ana");
    expect(fake.calls.filter((c) => c.command === "connect_account").at(-1)?.args).toEqual({
      server: "https://chat.example.com",
      token: "tok-secret-ana",
      keeping: "credentialStore",
    });
  });

  it("marks the field a refusal is about, and keeps it while the other field is edited", async () => {
    fakeBackend(null, {
      connect_account: () => {
        throw {
          kind: "invalid",
          message:
            "This is not a server address. Type it as your browser shows it, for example https://chat.example.com.",
          path: null,
          problem: null,
        } satisfies ErrorPayload;
      },
    });
    render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    const server = await screen.findByLabelText("Mattermost server address");
    const token = screen.getByLabelText("Personal access token");
    await userEvent.type(server, "htp:/127.0.0.1:18191");
    await userEvent.type(token, "tok-ana{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("This is not a server address.");
    expect(server).toHaveAttribute("aria-invalid", "true");
    expect(server).toHaveAccessibleErrorMessage(/This is not a server address/);
    expect(token).toHaveAttribute("aria-invalid", "false");

    // A key in the token says nothing about the address: the message and the mark stay.
    await userEvent.type(token, "{Backspace}");
    expect(screen.getByRole("alert")).toHaveTextContent("This is not a server address.");
    expect(server).toHaveAttribute("aria-invalid", "true");

    // Corrected, the address takes it back.
    await userEvent.clear(server);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(server).toHaveAttribute("aria-invalid", "false");
  });

  it("offers to keep the token for this session only when there is no credential store", async () => {
    const fake = fakeBackend(null, {
      connect_account: (args) => {
        if (args.keeping === "credentialStore")
          throw {
            kind: "noCredentialStore",
            message: "This computer has no credential store Pickboard can use.",
            path: null,
            problem: null,
          } satisfies ErrorPayload;
        return { ...ana, keeping: "session" };
      },
    });
    render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    await typeAccount("tok");
    await userEvent.click(screen.getByRole("button", { name: "Connect" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("no credential store");
    await userEvent.click(screen.getByRole("button", { name: "Keep it for this session only" }));
    expect(await screen.findByText(/kept for this session only/)).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.command === "connect_account").map((c) => c.args.keeping)).toEqual([
      "credentialStore",
      "session",
    ]);
  });

  it("keeps the typed address, not the token, when the form is closed before connecting", async () => {
    fakeBackend(null);
    const { unmount } = render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    await typeAccount("tok-secret");
    unmount();
    render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    expect(await screen.findByLabelText("Mattermost server address")).toHaveValue("https://chat.example.com");
    expect(screen.getByLabelText("Personal access token")).toHaveValue("");
    await userEvent.clear(screen.getByLabelText("Mattermost server address"));
  });

  it("disconnects only after a confirmation", async () => {
    const fake = fakeBackend(null, { get_account: () => ana, disconnect_account: () => null });
    render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect…" }));
    expect(fake.commands()).not.toContain("disconnect_account");
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await userEvent.click(screen.getByRole("button", { name: "Disconnect…" }));
    await userEvent.click(screen.getByRole("button", { name: "Disconnect" }));
    expect(await screen.findByLabelText("Personal access token")).toBeInTheDocument();
    expect(fake.commands()).toContain("disconnect_account");
    // The address stays, to connect again (as another user) with a token alone.
    expect(screen.getByLabelText("Mattermost server address")).toHaveValue("https://chat.example.com");
  });

  it("asks to connect again when the token is not at hand", async () => {
    fakeBackend(null, { get_account: () => ({ ...ana, tokenMasked: null }) });
    render(
      <Providers>
        <AccountForm />
      </Providers>,
    );
    expect(await screen.findByText(/no longer has the access token/)).toHaveTextContent("Connect again");
    expect(screen.getByLabelText("Mattermost server address")).toHaveValue("https://chat.example.com");
    // The dialog gives the focus to the field left to fill: the token, not the address (typed into twice).
    expect(screen.getByLabelText("Personal access token")).toHaveAttribute("data-autofocus");
    expect(screen.getByLabelText("Mattermost server address")).not.toHaveAttribute("data-autofocus");
    // Another server typed: the notice about the one it was connected to is dimmed, not taken away (the fields moved
    // up under the pointer), and marked again with its address.
    const address = screen.getByLabelText("Mattermost server address");
    const notice = () => screen.getByText(/no longer has the access token/);
    expect(notice()).toHaveClass("field-error");
    await userEvent.clear(address);
    await userEvent.type(address, "https://other.example.com");
    expect(notice()).toHaveClass("field-hint");
    expect(notice()).not.toHaveClass("field-error");
    await userEvent.clear(address);
    await userEvent.type(address, "https://chat.example.com");
    expect(notice()).toHaveClass("field-error");
    // The same server typed as people type it: without its scheme, with a slash at the end.
    await userEvent.clear(address);
    await userEvent.type(address, "chat.example.com/");
    expect(notice()).toHaveClass("field-error");
  });
});

describe("DestinationForm", () => {
  it("picks a channel from the account's teams and saves it", async () => {
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_account_channels: () => teams,
      set_account_channel: () => planning,
    });
    const onSaved = vi.fn();
    const onPending = vi.fn();
    render(
      <Providers>
        <DestinationForm
          boardId={1}
          webhook={null}
          accountChannel={null}
          onSaved={onSaved}
          onPending={onPending}
        />
      </Providers>,
    );
    expect(await screen.findByLabelText(/As yourself \(@ana\)/)).toBeChecked();
    const infra = await screen.findByRole("group", { name: "Infrastructure" });
    expect(within(infra).getByLabelText(/On-call/)).toBeInTheDocument();
    expect(within(infra).getByText("(private)", { exact: false })).toBeInTheDocument();
    expect(onPending).toHaveBeenLastCalledWith(false);
    await userEvent.click(within(infra).getByLabelText(/Planning/));
    // Picked, not saved yet: the dialog hears it, and Save channel is the button to press.
    expect(onPending).toHaveBeenLastCalledWith(true);
    expect(screen.getByRole("button", { name: "Save channel" })).toHaveClass("button-primary");
    await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
    await waitFor(() => {
      expect(onSaved).toHaveBeenCalledWith("Channel saved: Planning.");
    });
    expect(fake.calls.find((c) => c.command === "set_account_channel")?.args).toEqual({
      boardId: 1,
      channel: "infra/planning",
    });
  });

  it("takes back a channel's problem once another is picked or typed", async () => {
    const infra = await channelRefused("The channel could not be found.", "channelNotFound");
    const typed = screen.getByLabelText(/Or type it as team\/channel/);
    await userEvent.type(typed, "infra/nochannel");
    await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
    const problem = await screen.findByText(/could not be found/);
    // The field typed into is marked, and names what was said about it.
    expect(typed).toHaveAttribute("aria-invalid", "true");
    expect(typed).toHaveAttribute("aria-errormessage", problem.id);
    // Planning picked: the typed channel is gone, and so is what was said about it.
    await userEvent.click(within(infra).getByLabelText(/Planning/));
    expect(typed).toHaveValue("");
    expect(typed).toHaveAttribute("aria-invalid", "false");
    expect(screen.queryByText(/could not be found/)).not.toBeInTheDocument();
    // The same for a channel typed again after a refusal.
    await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
    expect(await screen.findByText(/could not be found/)).toBeInTheDocument();
    await userEvent.type(typed, "infra/town-square");
    expect(screen.queryByText(/could not be found/)).not.toBeInTheDocument();
    expect(typed).not.toHaveAttribute("aria-errormessage");
  });

  it("leaves the typed channel unmarked when Mattermost could not be reached", async () => {
    await channelRefused("Mattermost did not answer.", "noAnswer");
    const typed = screen.getByLabelText(/Or type it as team\/channel/);
    await userEvent.type(typed, "infra/planning");
    await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
    expect(await screen.findByText(/did not answer/)).toBeInTheDocument();
    expect(typed).toHaveAttribute("aria-invalid", "false");
  });

  it("says why the channels could not be listed, and saves a typed team/channel", async () => {
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_account_channels: () => {
        throw {
          kind: "mattermost",
          message: "Mattermost could not be reached.",
          path: null,
          problem: "serverNotFound",
        } satisfies ErrorPayload;
      },
      set_account_channel: () => planning,
    });
    render(
      <Providers>
        <DestinationForm boardId={1} webhook={null} accountChannel={null} onSaved={vi.fn()} />
      </Providers>,
    );
    expect(await screen.findByRole("alert")).toHaveTextContent("Your channels could not be listed.");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Or type it as team\/channel/), "infra/planning");
    await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
    await waitFor(() => {
      expect(fake.commands()).toContain("set_account_channel");
    });
  });

  it("switching back to the webhook stops posting as the account", async () => {
    const fake = fakeBackend(null, {
      get_account: () => ana,
      list_account_channels: () => teams,
      clear_account_channel: () => null,
      save_channel_settings: () => ({
        webhookMasked: "https://chat.example.com/hooks/abcd…",
        plainHttp: false,
        channel: "",
        username: "",
        iconUrl: "",
      }),
    });
    const onSaved = vi.fn();
    render(
      <Providers>
        <DestinationForm boardId={1} webhook={null} accountChannel={planning} onSaved={onSaved} />
      </Providers>,
    );
    await userEvent.click(await screen.findByLabelText(/Through an incoming webhook/));
    await userEvent.type(
      screen.getByLabelText("Incoming webhook address"),
      "https://chat.example.com/hooks/abcdef",
    );
    await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
    await waitFor(() => {
      expect(onSaved).toHaveBeenCalled();
    });
    const order = fake
      .commands()
      .filter((c) => c === "clear_account_channel" || c === "save_channel_settings");
    // The account's channel goes only once the webhook is saved: a refused address leaves the board as it was.
    expect(order).toEqual(["save_channel_settings", "clear_account_channel"]);
  });
});

/** The Post dialog of board 1 for Ana, connected, whose board posts to Planning, with the backend's `extra` answers. */
/** Town Square of the Web team, as a board that posts as the account keeps it. */
const townSquare: AccountChannel = {
  teamId: "t2",
  teamName: "web",
  teamDisplay: "Web",
  channelId: "c9",
  channelName: "town-square",
  channelDisplay: "Town Square",
};

function postAsAna(extra: Handlers) {
  const fake = fakeBackend(null, {
    get_account: () => ana,
    get_channel_settings: () => null,
    get_account_channel: () => planning,
    list_account_channels: () => teams,
    preview_post: () => "#### x",
    ...extra,
  });
  render(
    <Providers>
      <PostDialog boardId={1} onClose={vi.fn()} onPosted={vi.fn()} />
    </Providers>,
  );
  return fake;
}

describe("PostDialog as the account", () => {
  it("names the board's team as Mattermost does while its channels cannot be listed", async () => {
    const unreachable = {
      kind: "mattermost",
      message: "Mattermost could not be reached. Check the network.",
      path: null,
      problem: "unreachable",
    };
    const fake = postAsAna({
      list_account_channels: () => {
        throw unreachable;
      },
      list_posts: () => [],
      updatable_post: () => null,
    });
    await waitFor(() => {
      expect(screen.getByText(/Posts as/)).toHaveTextContent("Posts as @ana to Infrastructure › Planning");
    });
    // Kept with the channel, the name needs no list of channels.
    expect(fake.commands()).not.toContain("list_account_channels");
  });

  it("says where it posts, and can update the last post in place", async () => {
    const fake = postAsAna({
      list_posts: () => [post(4, "https://chat.example.com/infra/pl/p4")],
      updatable_post: () => 4,
      post_to_channel: () => ({ ...post(5, null), status: "pending", partsSent: 0 }),
    });
    await waitFor(() => {
      expect(screen.getByText(/Posts as/)).toHaveTextContent("Posts as @ana to Infrastructure › Planning");
    });
    const update = await screen.findByLabelText("Update the last post instead of adding a new one");
    expect(update).not.toBeChecked();
    const previews = () =>
      fake.calls.filter((c) => c.command === "preview_post").map((c) => c.args.updateLast);
    await waitFor(() => {
      expect(previews()).toContain(false);
    });
    await userEvent.click(update);
    // The preview is the update's: its changes are counted from the post before the one it updates.
    await waitFor(() => {
      expect(previews().at(-1)).toBe(true);
    });
    await userEvent.click(screen.getByRole("button", { name: "Post" }));
    await waitFor(() => {
      expect(fake.commands()).toContain("post_to_channel");
    });
    expect(fake.calls.find((c) => c.command === "post_to_channel")?.args.updateLast).toBe(true);
  });

  it("offers the update in place for the channel chosen now, unticked, when the channel changes", async () => {
    let channel = planning;
    postAsAna({
      get_account_channel: () => channel,
      list_posts: () => [post(4, "https://chat.example.com/infra/pl/p4")],
      // Ana's last post is in Planning; she has posted nothing in Town Square.
      updatable_post: () => (channel === planning ? 4 : null),
      set_account_channel: (args) => {
        channel = args.channel === "web/town-square" ? townSquare : planning;
        return channel;
      },
    });
    const label = "Update the last post instead of adding a new one";
    await userEvent.click(await screen.findByLabelText(label));
    const pick = async (name: RegExp) => {
      await userEvent.click(screen.getByRole("button", { name: "Change" }));
      await userEvent.click(await screen.findByLabelText(name));
      await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
      await waitFor(() => {
        expect(screen.getByText(/Posts as/)).toHaveTextContent(
          name.source.includes("Town") ? "Web › Town Square" : "Infrastructure › Planning",
        );
      });
    };
    await pick(/Town Square/);
    await waitFor(() => {
      expect(screen.queryByLabelText(label)).toBeNull();
    });
    await pick(/Planning/);
    expect(await screen.findByLabelText(label)).not.toBeChecked();
  });

  it("counts the last post to the channel chosen now: one made to another is not this one's", async () => {
    let channel = planning;
    postAsAna({
      get_account_channel: () => channel,
      // Posted to Planning, after the board's last change.
      list_posts: () => [post(4, "https://chat.example.com/infra/pl/p4")],
      list_boards: () => [{ id: 1, name: "Infra", ideaCount: 1, updatedAt: -1 }],
      set_account_channel: (args) => {
        channel = args.channel === "web/town-square" ? townSquare : planning;
        return channel;
      },
    });
    expect(await screen.findByRole("button", { name: "Post again" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Change" }));
    await userEvent.click(await screen.findByLabelText(/Town Square/));
    // Picked, not saved yet: its dimmed button said "Post again", of the channel being left.
    expect(screen.getByRole("button", { name: "Post" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Save channel" }));
    // Never posted there: "Post again", and "nothing has changed since its last post", were about Planning's.
    expect(await screen.findByRole("button", { name: "Post" })).toBeInTheDocument();
    expect(screen.queryByText(/has changed since its last post/)).toBeNull();
    expect(screen.getByLabelText("Changes since the last post (none posted yet)")).toBeDisabled();
  });

  it("offers no update in place of a post it may not edit, and keeps the option's place dimmed", async () => {
    // The board's last outcome was posted as another account (Bo, on this computer before Ana connected): only Bo
    // may edit it, so the backend names no post to update.
    postAsAna({
      list_posts: () => [post(4, "https://chat.example.com/infra/pl/p4")],
      updatable_post: () => null,
    });
    expect(await screen.findByText(/Posts as/)).toBeInTheDocument();
    // There from the start, as Post below it stays where it is: it came once the post to update was read.
    const option = await screen.findByLabelText("Update the last post (none of yours is in this channel)");
    expect(option).toBeDisabled();
    expect(option).not.toBeChecked();
  });

  it("says why no post is updated in place while a newer one waits in the outbox", async () => {
    // The newer outcome, held up: an update of the older post rewrote it with the newest outcome, and the waiting
    // one went out below it. The backend names no post to update until it is out.
    const waiting: Post = { ...post(5, null), status: "pending", postedAt: null };
    postAsAna({
      list_posts: () => [waiting, post(4, "https://chat.example.com/infra/pl/p4")],
      updatable_post: () => null,
    });
    const option = await screen.findByLabelText("Update the last post (a newer one waits in the outbox)");
    expect(option).toBeDisabled();
  });
});

describe("PostDialog opened to connect", () => {
  /** The dialog as Team rounds opens it, for ana with no channel yet; Planning picked in Infrastructure. */
  async function connectAndPick() {
    const fake = fakeBackend(null, {
      get_account: () => ana,
      get_account_channel: () => null,
      get_channel_settings: () => null,
      list_account_channels: () => teams,
      set_account_channel: () => planning,
      send_test_message: () => null,
    });
    const onClose = vi.fn();
    render(
      <Providers>
        <PostDialog boardId={1} connectFirst onClose={onClose} onPosted={vi.fn()} />
      </Providers>,
    );
    const infra = await screen.findByRole("group", { name: "Infrastructure" });
    expect(screen.getByRole("button", { name: "Done" })).toBeInTheDocument();
    await userEvent.click(within(infra).getByLabelText(/Planning/));
    return { fake, onClose };
  }

  it("saves a channel picked and not saved when it is closed, instead of throwing it away", async () => {
    const { fake, onClose } = await connectAndPick();
    expect(screen.queryByRole("button", { name: "Done" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Save channel and close" }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(fake.calls.find((c) => c.command === "set_account_channel")?.args).toEqual({
      boardId: 1,
      channel: "infra/planning",
    });
  });

  it("closes without saving a channel picked, when asked to", async () => {
    const { fake, onClose } = await connectAndPick();
    await userEvent.click(screen.getByRole("button", { name: "Close without saving" }));
    expect(onClose).toHaveBeenCalled();
    expect(fake.commands()).not.toContain("set_account_channel");
  });

  it("says the test message went out as it closes", async () => {
    const { onClose } = await connectAndPick();
    await userEvent.click(screen.getByRole("button", { name: "Send test message" }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalled();
    });
    expect(await screen.findByText("Test message sent: look for it in the channel.")).toBeInTheDocument();
  });
});

describe("PostsPanel", () => {
  it("dates a post by when it reached Mattermost, and says when it was queued if that was earlier", async () => {
    const queued = new Date(2026, 11, 6, 2, 36).getTime();
    const sent = new Date(2026, 11, 6, 2, 37, 15).getTime();
    fakeBackend(null, { list_posts: () => [{ ...post(7, null), createdAt: queued, postedAt: sent }] });
    render(
      <Providers>
        <PostsPanel boardId={1} onClose={vi.fn()} onError={vi.fn()} />
      </Providers>,
    );
    const when = await screen.findByText(eventTime(sent));
    expect(when).toHaveAttribute("dateTime", new Date(sent).toISOString());
    expect(when).toHaveAttribute("title", `Queued at ${eventTime(queued)}`);
  });

  it("shows a failed post's reason, and not once it is discarded", async () => {
    const failure = postGoneFailure;
    fakeBackend(null, {
      list_posts: () => [
        { ...post(6, null), status: "failed", error: failure },
        { ...post(5, null), status: "discarded", error: failure },
      ],
    });
    render(
      <Providers>
        <PostsPanel boardId={1} onClose={vi.fn()} onError={vi.fn()} />
      </Providers>,
    );
    expect(await screen.findAllByText(/no longer in the channel/)).toHaveLength(1);
  });

  it("says a post discarded after Mattermost did not answer may be in the channel all the same", async () => {
    const timedOut = {
      ...postGoneFailure,
      problem: "timeout" as const,
      message: "Mattermost did not answer in time.",
    };
    let discarded = false;
    fakeBackend(null, {
      list_posts: () => [
        { ...post(6, null), status: discarded ? "discarded" : "pending", error: timedOut },
        { ...post(5, null), status: "discarded", error: postGoneFailure },
      ],
      discard_post: () => {
        discarded = true;
        return { ...post(6, null), status: "discarded", error: timedOut };
      },
    });
    render(
      <Providers>
        <PostsPanel boardId={1} onClose={vi.fn()} onError={vi.fn()} />
      </Providers>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Discard" }));
    // Only of that one: the other was refused, and never made.
    expect(await screen.findAllByText(/may be in the channel all the same/)).toHaveLength(1);
  });

  it("says Retry is trying, keeps the focus on it, and says when it tried once the reason is back", async () => {
    const unreachable = {
      ...postGoneFailure,
      problem: "offline" as const,
      message: "Mattermost could not be reached: check the network.",
      retry: true,
    };
    // The outbox as the backend keeps it: Retry clears the reason, the attempt gives it back.
    let current: Post = {
      ...post(7, null),
      status: "pending",
      partsSent: 0,
      postedAt: null,
      error: unreachable,
    };
    const fake = fakeBackend(null, {
      list_posts: () => [current],
      retry_post: () => {
        current = { ...current, error: null };
        return current;
      },
    });
    render(
      <Providers>
        <PostsPanel boardId={1} onClose={vi.fn()} onError={vi.fn()} />
      </Providers>,
    );
    const retry = await screen.findByRole("button", { name: "Retry" });
    retry.focus();
    await userEvent.keyboard("{Enter}");
    const trying = await screen.findByRole("button", { name: "Retrying…" });
    expect(trying).toHaveAttribute("aria-disabled", "true");
    expect(trying).toHaveFocus();
    expect(screen.queryByText(/could not be reached/)).toBeNull();
    // A second press while it tries sends nothing more.
    await userEvent.keyboard("{Enter}");
    expect(fake.commands().filter((c) => c === "retry_post")).toHaveLength(1);
    // The attempt fails: Mattermost is still out of reach.
    current = { ...current, error: unreachable };
    expect(
      await screen.findByText(/could not be reached: check the network\. Tried again at /, undefined, {
        timeout: 3000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Retry" })).toHaveFocus();
  });

  it("opens a post in Mattermost and copies its link", async () => {
    const link = "https://chat.example.com/infra/pl/p4";
    const fake = fakeBackend(null, {
      list_posts: () => [post(4, link), post(3, null)],
      open_link: () => null,
    });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(
      <Providers>
        <PostsPanel boardId={1} onClose={vi.fn()} onError={vi.fn()} />
      </Providers>,
    );
    expect(await screen.findByRole("link", { name: link })).toHaveAttribute("href", link);
    expect(screen.getAllByRole("button", { name: "Open in Mattermost" })).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "Open in Mattermost" }));
    expect(fake.calls.find((c) => c.command === "open_link")?.args).toEqual({ url: link });
    // The second click of a double click (on Retry, which drew this button under the pointer) opens nothing.
    fireEvent.click(screen.getByRole("button", { name: "Open in Mattermost" }), { detail: 2 });
    fireEvent.click(screen.getByRole("link", { name: link }), { detail: 2 });
    expect(fake.commands().filter((c) => c === "open_link")).toHaveLength(1);
    await userEvent.click(screen.getByRole("button", { name: "Copy link" }));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(await screen.findByRole("button", { name: "Link copied" })).toBeInTheDocument();
    // Copy as Markdown says so too, on the post copied.
    const [first] = screen.getAllByRole("button", { name: "Copy as Markdown" });
    if (first) await userEvent.click(first);
    expect(writeText).toHaveBeenLastCalledWith(post(4, link).message);
    expect(await screen.findByRole("button", { name: "Copied as Markdown" })).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: "Copy as Markdown" })).toHaveLength(1);
  });
});
