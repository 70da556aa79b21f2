import { fireEvent } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { keepContextMenuToText } from "./contextMenu";

describe("the context menu", () => {
  keepContextMenuToText();
  afterEach(() => {
    document.body.replaceChildren();
    document.getSelection()?.removeAllRanges();
  });

  function rightClick(target: Element): boolean {
    // fireEvent returns false when the event's default was prevented.
    return fireEvent.contextMenu(target);
  }

  it("is WebKit's own in a text field, for Cut, Copy and Paste", () => {
    const notes = document.createElement("textarea");
    const name = document.createElement("input");
    document.body.append(notes, name);
    expect(rightClick(notes)).toBe(true);
    expect(rightClick(name)).toBe(true);
  });

  it("offers nothing on a card, a link or the page, where WebKit's was Back, Reload and Open Link", () => {
    const card = document.createElement("div");
    card.className = "card";
    card.textContent = "Rotate certs";
    const link = document.createElement("a");
    link.href = "https://example.com";
    link.textContent = "runbook";
    document.body.append(card, link);
    expect(rightClick(card)).toBe(false);
    expect(rightClick(link)).toBe(false);
    expect(rightClick(document.body)).toBe(false);
  });

  it("is WebKit's own on selected text, to copy it", () => {
    const notes = document.createElement("p");
    notes.textContent = "Decided: keep vendor A";
    document.body.append(notes);
    document.getSelection()?.selectAllChildren(notes);
    expect(rightClick(notes)).toBe(true);
  });
});
