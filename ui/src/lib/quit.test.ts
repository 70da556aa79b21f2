import { MutationObserver, QueryClient } from "@tanstack/react-query";
import { mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";

import { quitOnceSaved } from "./quit";

describe("quitting", () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it("leaves the field being typed in, and quits only once its save is done", async () => {
    const seen: string[] = [];
    mockIPC((command) => {
      seen.push(command);
      return command === "waiting_post_count" ? 0 : null;
    });
    const client = new QueryClient();
    const notes = document.createElement("textarea");
    document.body.append(notes);
    // The field saves when it is left, as the idea's details do; the save takes a while.
    notes.addEventListener("blur", () => {
      const save = new MutationObserver(client, {
        mutationFn: () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              seen.push("saved");
              resolve();
            }, 150),
          ),
      });
      void save.mutate();
    });
    notes.focus();
    expect(await quitOnceSaved(client)).toBeNull();
    expect(document.activeElement).not.toBe(notes);
    expect(seen).toEqual(["saved", "waiting_post_count", "quit_app"]);
  });

  it("keeps Pickboard open when a save does not end, and says how many changes wait", async () => {
    const seen: string[] = [];
    mockIPC((command) => {
      seen.push(command);
    });
    const client = new QueryClient();
    void new MutationObserver(client, { mutationFn: () => new Promise<void>(() => undefined) }).mutate();
    expect(await quitOnceSaved(client, 100)).toEqual({ kind: "unsaved", count: 1 });
    expect(seen).toEqual(["keep_open"]);
  });

  it("keeps Pickboard open while a field of the details holds what cannot be saved, and says how many", async () => {
    const seen: string[] = [];
    mockIPC((command) => {
      seen.push(command);
      return command === "waiting_post_count" ? 0 : null;
    });
    const details = document.createElement("aside");
    details.className = "details";
    const payoff = document.createElement("input");
    payoff.value = "15";
    payoff.setAttribute("aria-invalid", "true");
    details.append(payoff);
    document.body.append(details);
    payoff.focus();
    expect(await quitOnceSaved(new QueryClient())).toEqual({ kind: "refused", count: 1 });
    expect(seen).toEqual(["keep_open"]);
  });

  it("keeps Pickboard open while posts wait in the outbox, which sends them only while it is open", async () => {
    const seen: string[] = [];
    mockIPC((command) => {
      seen.push(command);
      return command === "waiting_post_count" ? 2 : null;
    });
    expect(await quitOnceSaved(new QueryClient())).toEqual({ kind: "posts", count: 2 });
    expect(seen).toEqual(["waiting_post_count", "keep_open"]);
  });
});
