import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import type { ChannelSettings, Post } from "../../lib/bindings";
import { Providers } from "../../components/Providers";
import { ana, board, fakeBackend, idea, planning, postGoneFailure } from "../../test/fakeBackend";
import { isUsername, PostDialog, withEmoji } from "./PostDialog";

const settings: ChannelSettings = {
  webhookMasked: "https://chat.example.com/hooks/abcd…",
  plainHttp: false,
  channel: "ops",
  username: "",
  iconUrl: "",
};

const post = (status: Post["status"]): Post => ({
  id: 5,
  boardId: 1,
  status,
  message: "m",
  parts: 1,
  partsSent: status === "posted" ? 1 : 0,
  error: null,
  createdAt: 0,
  postedAt: null,
  permalink: null,
  updatesEarlier: false,
  channelId: null,
  heldBehind: null,
});

/** A post held up: Mattermost could not be reached, and the outbox sends it again by itself. */
const offline: Post = {
  ...post("pending"),
  error: {
    ...postGoneFailure,
    problem: "offline",
    message: "Mattermost could not be reached. The post will be sent when the network is back.",
    retry: true,
  },
};

/** The dialog on board 1, as the board opens it. */
function renderDialog() {
  return render(
    <Providers>
      <PostDialog boardId={1} onClose={vi.fn()} onPosted={vi.fn()} />
    </Providers>,
  );
}

describe("PostDialog", () => {
  it("asks for the channel first when none is set", async () => {
    fakeBackend(null, { get_channel_settings: () => null, preview_post: () => "#### x" });
    renderDialog();
    expect(await screen.findByLabelText("Incoming webhook address")).toHaveAttribute("type", "password");
    const postButton = screen.getByRole("button", { name: "Post" });
    expect(postButton).toBeDisabled();
    // It says why, beside it.
    expect(postButton).toHaveAccessibleDescription("Enter the incoming webhook address first.");
  });

  it("says what is missing for the way of posting chosen: the account, its channel, or the webhook's address", async () => {
    let account: typeof ana | null = null;
    fakeBackend(null, {
      get_account: () => account,
      get_channel_settings: () => null,
      preview_post: () => "#### x",
    });
    const { unmount } = renderDialog();
    const postButton = await screen.findByRole("button", { name: "Post" });
    await waitFor(() => {
      expect(postButton).toHaveAccessibleDescription("Enter the incoming webhook address first.");
    });
    await userEvent.click(screen.getByLabelText(/^As yourself/));
    expect(postButton).toHaveAccessibleDescription("Connect your account first.");
    unmount();

    // Connected, the dialog starts on the account: its channel is what is missing, and the webhook's address once
    // the webhook is chosen.
    account = ana;
    renderDialog();
    const post = await screen.findByRole("button", { name: "Post" });
    await waitFor(() => {
      expect(post).toHaveAccessibleDescription("Choose where to post first.");
    });
    await userEvent.click(screen.getByLabelText(/^Through an incoming webhook/));
    expect(post).toHaveAccessibleDescription("Enter the incoming webhook address first.");
  });

  it("says to save the channel once one is typed, and makes Save channel the button to press", async () => {
    fakeBackend(null, { get_channel_settings: () => null, preview_post: () => "#### x" });
    renderDialog();
    const field = await screen.findByLabelText("Incoming webhook address");
    const save = screen.getByRole("button", { name: "Save channel" });
    expect(save).not.toHaveClass("button-primary");
    await userEvent.type(field, "https://chat.example.com/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c");
    const postButton = screen.getByRole("button", { name: "Post" });
    expect(postButton).toBeDisabled();
    expect(postButton).toHaveAccessibleDescription("Save the channel first.");
    expect(save).toHaveClass("button-primary");
    // Typed away again: back to the address.
    await userEvent.clear(field);
    expect(postButton).toHaveAccessibleDescription("Enter the incoming webhook address first.");
  });

  it("says to save the channel, not to enter its address, once a test message failed with the address kept", async () => {
    fakeBackend(null, {
      get_channel_settings: () => null,
      preview_post: () => "#### x",
      save_channel_settings: () => ({ ...settings, channel: "" }),
      send_test_message: () => {
        throw { kind: "network", message: "Mattermost could not be reached." };
      },
    });
    renderDialog();
    const field = await screen.findByLabelText("Incoming webhook address");
    await userEvent.type(field, "https://chat.example.com/hooks/xq9k3rj1d7nbtefhw8o5yzpa4c");
    await userEvent.click(screen.getByRole("button", { name: "Send test message" }));
    expect(await screen.findByText(/The test message did not go out/)).toBeInTheDocument();
    expect(field).toHaveValue("");
    expect(screen.getByRole("button", { name: "Post" })).toHaveAccessibleDescription(
      "Save the channel first.",
    );
  });

  it("opened to connect (from Team rounds), is about the account alone, even on a board with a webhook", async () => {
    fakeBackend(null, { get_channel_settings: () => settings, preview_post: () => "#### x" });
    const onClose = vi.fn();
    render(
      <Providers>
        <PostDialog boardId={1} connectFirst onClose={onClose} onPosted={vi.fn()} />
      </Providers>,
    );
    expect(await screen.findByRole("dialog", { name: "Connect to Mattermost" })).toBeInTheDocument();
    expect(await screen.findByLabelText("Mattermost server address")).toBeInTheDocument();
    // Nothing of posting: no webhook to choose, no Post button, no hint to save a channel.
    expect(screen.queryByLabelText(/Through an incoming webhook/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Post" })).toBeNull();
    expect(screen.queryByText("Save the channel first.")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Done" }));
    expect(onClose).toHaveBeenCalled();
  });

  it("previews the message as Mattermost shows it, posts with the chosen options and reports Posted", async () => {
    let listed = 0;
    const fake = fakeBackend(null, {
      get_channel_settings: () => settings,
      preview_post: () =>
        "#### PICK outcome: Infra\n\n**:large_green_circle: Implement** · quick wins\n\n| # | Idea |\n|---:|---|\n| 1 | Rotate |",
      post_to_channel: () => post("pending"),
      list_posts: () => [post(listed++ > 0 ? "posted" : "pending")],
    });
    const onPosted = vi.fn();
    render(
      <Providers>
        <PostDialog boardId={1} onClose={vi.fn()} onPosted={onPosted} />
      </Providers>,
    );
    expect(await screen.findByText(/To/)).toHaveTextContent("~ops");
    expect(await screen.findByRole("table")).toBeInTheDocument();
    expect(screen.getByText(/🟢 Implement/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Post" })).not.toHaveAccessibleDescription();

    await userEvent.click(screen.getByLabelText("Kill"));
    await userEvent.click(screen.getByRole("button", { name: "Post" }));
    await waitFor(() => {
      expect(onPosted).toHaveBeenCalled();
    });
    const sent = fake.calls.find((c) => c.command === "post_to_channel")?.args as {
      options: { quadrants: string[] };
    };
    expect(sent.options.quadrants).toEqual(["implement", "challenge", "possible"]);
  });

  it("says when nothing on the board has changed since its last post, and then offers to post again", async () => {
    const last: Post = { ...post("posted"), createdAt: 2_000, postedAt: 3_000 };
    const placed = [idea(1, "Rotate keys", "implement", 1)];
    const posts = () => [{ ...post("posted"), id: 4, createdAt: 500, postedAt: 600 }, last];
    // The board's last change as the list of boards has it: the board read with its ideas is kept up to date idea by
    // idea, not its time.
    let changedAt = 1_000;
    const handlers = {
      get_channel_settings: () => settings,
      preview_post: () => "#### x",
      list_posts: posts,
      list_boards: () => [{ id: 1, name: "Infra", ideaCount: 1, updatedAt: changedAt }],
    };
    fakeBackend(board(placed), handlers);
    const { unmount } = renderDialog();
    const again = await screen.findByRole("button", { name: "Post again" });
    expect(again).toBeEnabled();
    expect(again).toHaveAccessibleDescription(
      /^Nothing on this board has changed since its last post, .+\.$/,
    );
    unmount();

    // Changed after the post's message was made: a plain Post, without a word.
    changedAt = 2_500;
    const fake = fakeBackend(board(placed), handlers);
    renderDialog();
    const postButton = await screen.findByRole("button", { name: "Post" });
    await waitFor(() => {
      expect(fake.commands()).toEqual(expect.arrayContaining(["list_posts", "list_boards"]));
    });
    expect(postButton).not.toHaveAccessibleDescription();
  });

  it("offers the changes since the last post only on a board posted before", async () => {
    const rotate = idea(1, "Rotate", "implement");
    const handlers = { get_channel_settings: () => settings, preview_post: () => "m" };
    fakeBackend(board([rotate]), { ...handlers, list_posts: () => [] });
    const { unmount } = renderDialog();
    expect(await screen.findByLabelText("Changes since the last post (none posted yet)")).toBeDisabled();
    unmount();

    fakeBackend(board([rotate]), { ...handlers, list_posts: () => [post("posted")] });
    renderDialog();
    expect(await screen.findByLabelText("Changes since the last post")).toBeEnabled();
  });

  it("offers Owners and Notify owners only on a board where an idea has an owner", async () => {
    const rotate = idea(1, "Rotate", "implement");
    fakeBackend(board([rotate]), { get_channel_settings: () => settings, preview_post: () => "m" });
    const { unmount } = renderDialog();
    expect(await screen.findByLabelText("Owners (no idea has one)")).toBeDisabled();
    expect(screen.getByLabelText("Owners (no idea has one)")).not.toBeChecked();
    expect(screen.getByLabelText("Notify owners (mentions their usernames)")).toBeDisabled();
    unmount();

    fakeBackend(board([{ ...rotate, owner: "ana" }]), {
      get_channel_settings: () => settings,
      preview_post: () => "m",
    });
    renderDialog();
    expect(await screen.findByLabelText("Owners")).toBeEnabled();
    expect(screen.getByLabelText("Notify owners (mentions their usernames)")).toBeEnabled();
  });

  it("names each owner that is not a username apart, so that right-to-left names keep their order", async () => {
    const owners = ["Ana Ribeiro", "דני", "عمر"].map((owner, k) => ({
      ...idea(k + 1, `Idea ${String(k)}`, "implement"),
      owner,
    }));
    fakeBackend(board(owners), { get_channel_settings: () => settings, preview_post: () => "m" });
    renderDialog();
    await userEvent.click(await screen.findByLabelText("Notify owners (mentions their usernames)"));
    const note = await screen.findByText(/as they are not usernames/);
    expect([...note.querySelectorAll("bdi")].map((b) => b.textContent)).toEqual([
      "Ana Ribeiro",
      "דני",
      "عمر",
    ]);
    expect(note).toHaveTextContent("as they are not usernames: Ana Ribeiro, דני, عمر.");
  });

  it("lets Tab stop at a preview that scrolls, and only then", async () => {
    // jsdom lays nothing out: the preview overflows while `tall` says so.
    let tall = true;
    const spy = vi.spyOn(HTMLElement.prototype, "scrollHeight", "get").mockImplementation(function (
      this: HTMLElement,
    ) {
      return tall && this.classList.contains("post-preview") ? 900 : 0;
    });
    fakeBackend(null, { get_channel_settings: () => settings, preview_post: () => "#### PICK outcome" });
    const { rerender } = renderDialog();
    const preview = await screen.findByRole("region", { name: "Message preview" });
    await waitFor(() => {
      expect(preview).toHaveAttribute("tabindex", "0");
    });
    tall = false;
    rerender(
      <Providers>
        <PostDialog boardId={1} onClose={vi.fn()} onPosted={vi.fn()} />
      </Providers>,
    );
    await waitFor(() => {
      expect(preview).not.toHaveAttribute("tabindex");
    });
    spy.mockRestore();
  });

  it("previews the start of a long outcome, and the whole message when asked", async () => {
    const rows = Array.from({ length: 2000 }, (_, n) => `| ${String(n + 1)} | Idea ${String(n + 1)} |`);
    fakeBackend(null, {
      get_channel_settings: () => settings,
      preview_post: () => ["#### PICK outcome: Big", "", "| # | Idea |", "|---:|---|", ...rows].join("\n"),
    });
    renderDialog();
    const preview = await screen.findByLabelText("Message preview");
    expect(await within(preview).findByRole("table")).toBeInTheDocument();
    // The heading, the table's head and its first 146 rows.
    expect(within(preview).getAllByRole("row")).toHaveLength(147);
    expect(preview).toHaveTextContent(
      "The preview shows the first 150 of 2,004 lines; the post carries them all.",
    );
    await userEvent.click(within(preview).getByRole("button", { name: "Show the whole message" }));
    await waitFor(() => {
      expect(within(preview).getAllByRole("row")).toHaveLength(2001);
    });
    expect(within(preview).queryByRole("button", { name: "Show the whole message" })).toBeNull();
  }, 20_000);

  it("posts as a new post when the post an update was for was deleted, rather than retrying the update", async () => {
    const gone: Post = {
      ...post("failed"),
      updatesEarlier: true,
      error: postGoneFailure,
    };
    let queued = 0;
    const fake = fakeBackend(null, {
      get_account: () => ana,
      get_channel_settings: () => null,
      get_account_channel: () => planning,
      updatable_post: () => 4,
      preview_post: () => "#### PICK outcome: Infra",
      post_to_channel: () =>
        queued++ === 0 ? { ...post("pending"), updatesEarlier: true } : { ...post("pending"), id: 6 },
      list_posts: () => [gone, { ...post("posted"), id: 6 }],
      retry_post: () => gone,
    });
    renderDialog();
    const scrolled = vi.spyOn(Element.prototype, "scrollIntoView");
    await userEvent.click(await screen.findByLabelText("Update the last post instead of adding a new one"));
    await userEvent.click(screen.getByRole("button", { name: "Post" }));
    const failure = await screen.findByText(/no longer in the channel/);
    expect(failure).not.toHaveTextContent("Retry now");
    // Brought into view: below a long preview it was under the buttons.
    expect(scrolled.mock.contexts).toContain(failure);
    scrolled.mockRestore();
    await userEvent.click(screen.getByRole("button", { name: "Post as a new post" }));
    await waitFor(() => {
      expect(fake.calls.filter((c) => c.command === "post_to_channel").map((c) => c.args.updateLast)).toEqual(
        [true, false],
      );
    });
    expect(fake.commands()).not.toContain("retry_post");
  });

  it("says that an update notifies no owner, as Mattermost notifies mentions in new posts only", async () => {
    fakeBackend(board([{ ...idea(1, "Rotate", "implement"), owner: "ana" }]), {
      get_account: () => ana,
      get_channel_settings: () => null,
      get_account_channel: () => planning,
      updatable_post: () => 4,
      preview_post: () => "m",
    });
    renderDialog();
    const said = /An updated post notifies nobody/;
    await userEvent.click(await screen.findByLabelText("Notify owners (mentions their usernames)"));
    expect(screen.queryByText(said)).toBeNull();
    await userEvent.click(await screen.findByLabelText("Update the last post instead of adding a new one"));
    expect(screen.getByText(said)).toHaveTextContent("To notify the owners, add a new post.");
    await userEvent.click(screen.getByLabelText("Notify owners (mentions their usernames)"));
    expect(screen.queryByText(said)).toBeNull();
  });

  it("says when the note is at its longest, where more typed or pasted is not kept", async () => {
    fakeBackend(null, { get_channel_settings: () => settings, preview_post: () => "m" });
    renderDialog();
    const note = await screen.findByLabelText("Note from the facilitator");
    const said = /A note holds at most 4,000 characters/;
    await userEvent.click(note);
    await userEvent.paste("x".repeat(3999));
    expect(screen.queryByText(said)).toBeNull();
    await userEvent.paste("yz");
    expect(note).toHaveValue(`${"x".repeat(3999)}y`);
    expect(screen.getByText(said)).toBeInTheDocument();
  });

  it("says that a name after @ in the note notifies nobody, which the preview does not show", async () => {
    fakeBackend(null, {
      get_channel_settings: () => settings,
      preview_post: () => "#### PICK outcome: Infra",
    });
    renderDialog();
    const note = await screen.findByLabelText("Note from the facilitator");
    const said = /A name after @ in the note shows as written, without notifying anyone/;
    await userEvent.type(note, "Mail ops@example.com first.");
    expect(screen.queryByText(said)).toBeNull();
    await userEvent.type(note, " @cy please review");
    expect(screen.getByText(said)).toBeInTheDocument();
  });

  it("says when Retry now last sent a held-up post again, which failed the same way as before", async () => {
    const fake = fakeBackend(null, {
      get_channel_settings: () => settings,
      preview_post: () => "#### PICK outcome: Infra",
      post_to_channel: () => offline,
      list_posts: () => [offline],
      retry_post: () => offline,
    });
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Post" }));
    const failure = await screen.findByText(/could not be reached/);
    expect(failure).not.toHaveTextContent("Last tried again at");
    await userEvent.click(screen.getByRole("button", { name: "Retry now" }));
    await waitFor(() => {
      expect(fake.commands()).toContain("retry_post");
    });
    expect(await screen.findByText(/could not be reached/)).toHaveTextContent(/Last tried again at \d/);
  });

  it("says a post waits behind an earlier one held up, and Retry now sends that one", async () => {
    const earlier = { ...offline, id: 3 };
    const error = offline.error ?? postGoneFailure;
    const behind: Post = { ...post("pending"), id: 4, heldBehind: { postId: 3, error } };
    const fake = fakeBackend(null, {
      get_channel_settings: () => settings,
      preview_post: () => "#### PICK outcome: Infra",
      post_to_channel: () => behind,
      list_posts: () => [behind, earlier],
      retry_post: () => earlier,
    });
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Post" }));
    // It said "Posting…" for as long as the earlier post was held, with no word of it.
    const said = await screen.findByText(
      /^It waits in the outbox behind an earlier post that has not gone out/,
    );
    expect(said).toHaveTextContent("Mattermost could not be reached.");
    expect(screen.getByRole("button", { name: "Close" })).toBeEnabled();
    await userEvent.click(screen.getByRole("button", { name: "Retry now" }));
    await waitFor(() => {
      expect(fake.calls.find((c) => c.command === "retry_post")?.args).toEqual({ postId: 3 });
    });
    expect(fake.commands().filter((c) => c === "post_to_channel")).toHaveLength(1);
  });

  it("says a held-up post waits for the account once it is disconnected, not that Retry now sends it", async () => {
    let connected = true;
    fakeBackend(null, {
      get_account: () => (connected ? ana : null),
      disconnect_account: () => {
        connected = false;
        return null;
      },
      get_channel_settings: () => null,
      get_account_channel: () => planning,
      preview_post: () => "#### PICK outcome: Infra",
      post_to_channel: () => offline,
      list_posts: () => [offline],
    });
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Post" }));
    expect(await screen.findByText(/could not be reached/)).toHaveTextContent(
      /Retry now sends this same post at once/,
    );
    await userEvent.click(screen.getByRole("button", { name: "Change" }));
    await userEvent.click(await screen.findByRole("button", { name: "Disconnect…" }));
    await userEvent.click(
      within(screen.getByRole("group", { name: "Disconnect?" })).getByRole("button", { name: "Disconnect" }),
    );
    await waitFor(() => {
      expect(screen.getByText(/could not be reached/)).toHaveTextContent(
        "It stays in the outbox and goes out by itself once your account is connected again.",
      );
    });
    expect(screen.getByText(/could not be reached/)).not.toHaveTextContent("Retry now");
    expect(screen.getByRole("button", { name: "Retry now" })).toBeDisabled();
  });

  it("posts nothing from a board with no idea in its quadrants, and says why", async () => {
    const fake = fakeBackend(board([idea(1, "Rotate certs", "unsorted")]), {
      get_channel_settings: () => settings,
      preview_post: () => "#### PICK outcome: Infra",
    });
    renderDialog();
    const postButton = await screen.findByRole("button", { name: "Post" });
    await waitFor(() => {
      expect(postButton).toBeDisabled();
    });
    expect(postButton).toHaveAccessibleDescription(
      "Nothing to post yet: the outcome lists the ideas placed in the four quadrants.",
    );
    expect(fake.commands()).not.toContain("post_to_channel");
  });

  it("says why Post waits while the channel is being changed, and can keep the channel it had", async () => {
    fakeBackend(null, { get_channel_settings: () => settings, preview_post: () => "#### x" });
    renderDialog();
    await userEvent.click(await screen.findByRole("button", { name: "Change" }));
    const postButton = screen.getByRole("button", { name: "Post" });
    expect(postButton).toBeDisabled();
    expect(postButton).toHaveAccessibleDescription("Save the channel first.");
    // Changed its mind: the channel it had, and Post, come back without saving anything.
    await userEvent.click(screen.getByRole("button", { name: "Keep the channel it had" }));
    expect(screen.getByText(/To/)).toHaveTextContent("~ops");
    expect(screen.getByRole("button", { name: "Post" })).toBeEnabled();
  });

  it("turns the message's emoji codes into emoji for the preview", () => {
    expect(withEmoji(":large_green_circle: a :red_circle: :unknown:")).toBe("🟢 a 🔴 :unknown:");
  });
});

describe("isUsername", () => {
  it("takes what Mattermost can mention, as the message does", () => {
    expect(isUsername("ana")).toBe(true);
    expect(isUsername("@ana.smith_2")).toBe(true);
    expect(isUsername("Ana Maria Smith")).toBe(false);
    expect(isUsername("Ana")).toBe(false);
    expect(isUsername("")).toBe(false);
    // The whole channel's mentions are no one's username.
    expect(isUsername("@channel")).toBe(false);
    expect(isUsername("all")).toBe(false);
    expect(isUsername("here")).toBe(false);
  });
});
