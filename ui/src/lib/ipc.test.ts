import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";

import { backend } from "./backend";
import type { EventMessage } from "./bindings";
import { AppError, listen } from "./ipc";

describe("the backend wrapper", () => {
  it("calls the named command with camelCase arguments and returns its result", async () => {
    const seen: [string, unknown][] = [];
    mockIPC((command, args) => {
      seen.push([command, args]);
      return { id: 7, boardId: 1, title: "x" };
    });
    const result = await backend.moveIdea(7, "kill", 2);
    expect(seen).toEqual([["move_idea", { id: 7, zone: "kill", index: 2 }]]);
    expect(result).toMatchObject({ id: 7 });
  });

  it("turns an error from Rust into an AppError with its kind, message and path", async () => {
    mockIPC(() => {
      throw { kind: "databaseTooNew", message: "Update Pickboard to open it.", path: "/d/pickboard.db" };
    });
    const err = await backend.openStatus().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      kind: "databaseTooNew",
      message: "Update Pickboard to open it.",
      path: "/d/pickboard.db",
    });
  });

  it("wraps anything else as an unexpected error that still reads as a sentence", async () => {
    mockIPC(() => {
      throw new Error("bridge down");
    });
    const err = await backend.listBoards().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).kind).toBe("unexpected");
    expect((err as AppError).message).toContain("bridge down");
  });
});

describe("the backend's events", () => {
  it("reach their listeners through one channel handed over once, and stop when a listener stops", async () => {
    const handed: { id: number }[] = [];
    mockIPC((command, args) => {
      if (command === "listen_to_backend") handed.push((args as { events: { id: number } }).events);
      return null;
    });
    const drags: boolean[] = [];
    const drops: string[] = [];
    const stopDrag = listen("file-drag", (drag) => drags.push(drag.over));
    listen("file-dropped", (dropped) => drops.push(dropped.fileName));
    await Promise.resolve();
    expect(handed).toHaveLength(1);

    const internals = (
      window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }
    ).__TAURI_INTERNALS__;
    const channel = handed[0];
    const send = (index: number, message: EventMessage) => {
      internals.runCallback(channel?.id ?? -1, { index, message });
    };
    send(0, { event: "file-drag", payload: { over: true } });
    send(1, { event: "file-dropped", payload: { fileName: "ideas.csv" } });
    stopDrag();
    send(2, { event: "file-drag", payload: { over: false } });
    expect(drags).toEqual([true]);
    expect(drops).toEqual(["ideas.csv"]);
  });
});
