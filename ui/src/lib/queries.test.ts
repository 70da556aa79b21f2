import { describe, expect, it } from "vitest";

import { board, idea } from "../test/fakeBackend";
import { afterChange, createQueryClient, keys } from "./queries";

/** A client holding board 1 (two ideas) and the boards list, both fresh. */
function seeded() {
  const client = createQueryClient();
  client.setQueryData(
    keys.content(1),
    board([idea(1, "Rotate certs", "kill"), idea(2, "Add alerts", "implement")]),
  );
  client.setQueryData(keys.boards, [{ id: 1, name: "Infra", ideaCount: 2, updatedAt: 0 }]);
  return client;
}

const listStale = (client: ReturnType<typeof seeded>) => client.getQueryState(keys.boards)?.isInvalidated;

describe("afterChange", () => {
  it("does not read the boards list again for an edit of an idea the board had", async () => {
    const client = seeded();
    await afterChange(client, { board: 1, idea: { ...idea(1, "Rotate certs", "implement"), rank: 9 } });
    expect(client.getQueryData<ReturnType<typeof board>>(keys.content(1))?.ideas[0]?.zone).toBe("implement");
    expect(listStale(client)).toBe(false);
  });

  it("reads the boards list again when the number of ideas may have changed", async () => {
    const added = seeded();
    await afterChange(added, { board: 1, idea: idea(3, "New", "unsorted") });
    expect(listStale(added)).toBe(true);

    const deleted = seeded();
    await afterChange(deleted, { board: 1, idea: idea(2, "Add alerts", "implement"), deleted: 2 });
    expect(listStale(deleted)).toBe(true);

    const replaced = seeded();
    await afterChange(replaced, { board: 1, content: board([idea(1, "Rotate certs", "kill")]) });
    expect(listStale(replaced)).toBe(true);

    const unknown = seeded();
    await afterChange(unknown, { board: 1 });
    expect(listStale(unknown)).toBe(true);
  });

  it("reads again what is read as the account when another account connects, and nothing of the boards' content", async () => {
    const client = seeded();
    client.setQueryData(keys.account, { username: "cy" });
    client.setQueryData(keys.accountChannels, []);
    client.setQueryData(keys.accountChannel(1), { channelName: "planning" });
    client.setQueryData(keys.rounds(1), []);
    client.setQueryData(keys.roundStatus("p1"), {});
    await afterChange(client, { account: true });
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(
      [keys.accountChannels, keys.accountChannel(1), keys.rounds(1), keys.roundStatus("p1")].map(stale),
    ).toEqual([true, true, true, true]);
    expect([keys.account, keys.content(1), keys.boards].map(stale)).toEqual([false, false, false]);
  });

  it("reads every board's posts again when the outbox sent or was held up, and nothing else", async () => {
    const client = seeded();
    client.setQueryData(keys.posts(1), []);
    client.setQueryData(keys.posts(2), []);
    client.setQueryData(keys.updatablePost(1), null);
    await afterChange(client, { outbox: true });
    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect([keys.posts(1), keys.posts(2), keys.updatablePost(1)].map(stale)).toEqual([true, true, true]);
    expect([keys.content(1), keys.boards].map(stale)).toEqual([false, false]);
  });
});
