// The first frame drawn before React (render.ts) must be the frame React draws first: the same elements, attributes
// and text, so that nothing moves or flashes when React replaces it. Both draw the same handed board here, in a wide
// and a narrow window, and their markup is compared.
import { render, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { Boot, Idea } from "../lib/bindings";
import { board, fakeBackend, idea } from "../test/fakeBackend";
import { handOverWhenReplaced } from "./handOver";
import { renderFirstFrame } from "./render";

function ideas(): Idea[] {
  const list: Idea[] = [
    {
      ...idea(1, "Rotate the TLS certificates", "implement"),
      owner: "Ana Ruiz",
      tags: ["tls", "ops", "q3", "extra"],
    },
    {
      ...idea(2, "<img src=x onerror=alert(1)> & “quotes”", "implement"),
      notes: "why",
      link: "https://x.example",
    },
    { ...idea(3, "Unscored idea", "unsorted"), owner: "bo" },
    { ...idea(4, "Retire the cron host", "kill"), position: { payoff: 1.25, cost: 9 } },
  ];
  // A long quadrant, with more ideas than the first frame draws.
  for (let n = 10; n < 40; n++) list.push(idea(n, `Possible idea ${n}`, "possible", n));
  return list;
}

function handedBoot(): Boot {
  const shown = board(ideas(), "Platform <Q3>");
  return {
    status: {
      dataDir: "/home/ana/.local/share/pickboard",
      databasePath: "/home/ana/.local/share/pickboard/p.db",
    },
    preferences: { theme: "dark", lastBoardId: 1, chartBoards: [] },
    boards: [
      { id: 1, name: "Platform <Q3>", ideaCount: shown.ideas.length, updatedAt: 0 },
      { id: 2, name: "Another board", ideaCount: 0, updatedAt: 0 },
    ],
    board: shown,
    readAt: Date.now(),
  };
}

/** `node`'s markup with what differs between two renderers and means nothing to the eye left out: attributes in name
 * order, text joined and without empty runs, React's and the first frame's generated ids replaced, dnd-kit's hidden
 * helpers (the instructions a card points to, its live region) and empty `style` attributes left out. */
function canonical(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
  if (!(node instanceof Element)) return "";
  if (node.id.startsWith("Dnd")) return "";
  const attributes = [...node.attributes]
    .filter((a) => !(a.name === "style" && a.value === ""))
    .filter((a) => !(a.name === "aria-describedby" && a.value.startsWith("DndDescribedBy")))
    .map((a) => {
      const generated = (a.name === "id" || a.name === "for") && /^(_r_|first-frame-)/.test(a.value);
      return `${a.name}="${generated ? "ID" : a.value}"`;
    })
    .sort();
  const inner = [...node.childNodes].map(canonical).join("");
  return `<${node.localName}${attributes.map((a) => ` ${a}`).join("")}>${inner}</${node.localName}>`;
}

function stubLayout(width: number, height: number) {
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(height);
  vi.spyOn(window, "matchMedia").mockImplementation(
    (query: string) =>
      ({
        matches: query.includes("max-width") ? width <= 1099 : false,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
}

describe("the first frame drawn before React", () => {
  beforeEach(() => {
    // The toolbar measures itself only where ResizeObserver exists, as it does in the app.
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observe() {}
        disconnect() {}
      },
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (window as { __PICKBOARD_BOOT__?: Boot }).__PICKBOARD_BOOT__;
    delete document.documentElement.dataset.theme;
  });

  // A page reads what it was handed, and draws its first frame, once: each window gets the app's modules afresh.
  it.each([
    ["a wide window", 1400, 180],
    ["a narrow window", 900, 60],
  ])("is the frame React draws first, in %s", async (_name, width, height) => {
    vi.resetModules();
    const { App } = await import("../App");
    const { Providers } = await import("../components/Providers");
    stubLayout(width, height);
    const boot = handedBoot();
    const before = document.createElement("div");
    document.body.append(before);
    expect(renderFirstFrame(boot, before)).toBe(true);
    const theme = document.documentElement.dataset.theme;

    (window as { __PICKBOARD_BOOT__?: Boot }).__PICKBOARD_BOOT__ = boot;
    fakeBackend(boot.board);
    const { container } = render(
      <Providers>
        <App />
      </Providers>,
    );

    expect(theme).toBe("dark");
    expect(document.documentElement.dataset.theme).toBe(theme);
    expect(container.querySelectorAll(".card").length).toBeGreaterThan(4);
    // A card with four tags shows three, then counts the fourth and names it on hover (it went without a word).
    const more = container.querySelector(".card-tag-more");
    expect(more?.textContent).toBe(", +1 1 more tag");
    expect(more).toHaveAttribute("title", "#extra");
    expect(canonical(before)).toBe(canonical(container));
    before.remove();
  });

  it("draws nothing where React's first frame is not a board's quadrants", () => {
    const root = document.createElement("div");
    expect(renderFirstFrame(null, root)).toBe(false);
    expect(renderFirstFrame({ ...handedBoot(), board: null }, root)).toBe(false);
    // A board left as the chart: React draws it so (the first frame would flash the quadrants).
    const onChart = handedBoot();
    onChart.preferences.chartBoards = [1];
    expect(renderFirstFrame(onChart, root)).toBe(false);
    expect(root.childNodes).toHaveLength(0);
  });

  it("shows hostile text as text", () => {
    const root = document.createElement("div");
    renderFirstFrame(handedBoot(), root);
    expect(root.querySelector("img")).toBeNull();
    expect(root.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("hands what was typed in its fields, and the focus, to React's", async () => {
    stubLayout(1400, 180);
    const boot = handedBoot();
    const root = document.createElement("div");
    document.body.append(root);
    renderFirstFrame(boot, root);
    const frame = root.firstElementChild;
    if (!frame) throw new Error("no first frame");
    handOverWhenReplaced(root, frame);
    const user = userEvent.setup();
    const early = root.querySelector<HTMLInputElement>(".add-idea-input");
    if (!early) throw new Error("no New idea field in the first frame");
    await user.click(early);
    await user.keyboard("new vendor");

    vi.resetModules();
    const { App } = await import("../App");
    const { Providers } = await import("../components/Providers");
    (window as { __PICKBOARD_BOOT__?: Boot }).__PICKBOARD_BOOT__ = boot;
    const fake = fakeBackend(boot.board);
    render(
      <Providers>
        <App />
      </Providers>,
      { container: root },
    );

    const field = root.querySelector<HTMLInputElement>(".add-idea-input");
    expect(field).not.toBe(early);
    await waitFor(() => {
      expect(field).toHaveValue("new vendor");
    });
    expect(document.activeElement).toBe(field);
    // The rest of the title goes where the first half went, and Enter adds it: the single-key shortcuts (n, v) never
    // see these keys.
    await user.keyboard(" contract{Enter}");
    await waitFor(() => {
      const added = fake.calls.filter((c) => c.command === "add_idea").map((c) => c.args.title);
      expect(added).toEqual(["new vendor contract"]);
    });
    root.remove();
  });
});
