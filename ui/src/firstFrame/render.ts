// The app's first frame, drawn from the board the window was handed (src-tauri/src/boot.rs) without React: the same
// elements, classes and text that React's components draw in their own first frame (src/App.tsx and the board's
// components), so that React, once its bundle has run, replaces it with a frame that looks the same. It runs as a
// small script of its own while the page is still loading (see `firstFrame` in vite.config.ts), about 80 ms before
// React's first frame on a 1,000-idea board (docs/benchmarks.md). A test holds the two to the same markup
// (render.test.tsx); until React's frame replaces it, #root carries FIRST_FRAME_ATTRIBUTE.
//
// It draws the quadrants view of a board only; where the window shows anything else (the welcome screen, an error,
// the splash), it draws nothing and React's frame is the first.
import type { Boot, Idea, Zone } from "../lib/bindings";
import { groupByZone } from "../features/board/columns";
import { facets } from "../features/search/filter";
import {
  ALL_SAVED,
  CARD_TAGS,
  cardsThatFit,
  COMPACT_BELOW,
  initials,
  MAX_CHIPS,
  NARROW_WINDOW,
  resolveTheme,
  showMoreLabel,
  tagsNotShown,
  THEMES,
} from "../lib/firstFrameRules";
import { counted, formatCount } from "../lib/numbers";
import { osOf } from "../lib/os";
import { QUADRANTS, ZONE_INFO } from "../lib/zones";

type Child = Node | string | false | null | undefined;

/** An element with `attributes` (`true` is an empty attribute, `false` or `undefined` none) and `children`, whose
 * strings become text: nothing here is ever read as HTML. */
function h(
  tag: string,
  attributes: Record<string, string | number | boolean | undefined>,
  ...children: Child[]
) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    element.append(child);
  }
  return element;
}

function sidebar(boot: Boot, currentId: number, open: boolean): HTMLElement {
  const theme = boot.preferences.theme;
  return h(
    "nav",
    { class: open ? "sidebar sidebar-open" : "sidebar sidebar-collapsed", "aria-label": "Boards" },
    h(
      "div",
      { class: "brand" },
      h(
        "button",
        {
          type: "button",
          class: "sidebar-toggle",
          "aria-label": "Sidebar",
          "aria-expanded": String(open),
          "aria-controls": "sidebar-content",
        },
        h("span", { "aria-hidden": "true" }, "☰"),
      ),
      h(
        "span",
        { class: "brand-mark", "aria-hidden": "true" },
        h("i", {}),
        h("i", {}),
        h("i", {}),
        h("i", {}),
      ),
      open && h("span", { class: "brand-name" }, "Pickboard"),
    ),
    h(
      "div",
      { id: "sidebar-content", class: "sidebar-content", hidden: !open },
      h(
        "div",
        { class: "sidebar-section" },
        h("h2", { class: "sidebar-heading" }, "Boards"),
        h("button", { type: "button", class: "sidebar-new" }, "+ New board"),
      ),
      h(
        "ul",
        { class: "board-list", role: "list" },
        ...boot.boards.map((b) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: "board-link",
                "aria-current": b.id === currentId ? "page" : undefined,
                title: b.name,
              },
              h("span", { class: "board-link-name" }, b.name),
              h(
                "span",
                { class: "board-link-count", "aria-label": counted(b.ideaCount, "idea") },
                formatCount(b.ideaCount),
              ),
            ),
          ),
        ),
      ),
      h(
        "div",
        { class: "sidebar-footer" },
        h(
          "fieldset",
          { class: "theme-picker" },
          h("legend", {}, "Theme"),
          h(
            "div",
            { class: "theme-options" },
            ...THEMES.map((t) =>
              h(
                "label",
                { class: theme === t.value ? "theme-option theme-option-on" : "theme-option" },
                h("input", { type: "radio", name: "theme", value: t.value, checked: theme === t.value }),
                t.label,
              ),
            ),
          ),
        ),
        h(
          "p",
          { class: "data-location", title: boot.status.dataDir },
          "Saved automatically in ",
          boot.status.dataDir,
        ),
        h(
          "div",
          { class: "sidebar-links" },
          h("button", { type: "button", class: "sidebar-link" }, "Import…"),
          h("button", { type: "button", class: "sidebar-link" }, "Backups…"),
          h("button", { type: "button", class: "sidebar-link" }, "Deleted boards…"),
        ),
      ),
    ),
  );
}

/** The toolbar as `BoardToolbar` draws it: `compact` (narrower than COMPACT_BELOW) folds Activity and the shortcuts
 * into the board's menu, which it calls "More". */
function toolbar(name: string, canUndo: boolean, canRedo: boolean) {
  const menu = h(
    "button",
    {
      type: "button",
      class: "button",
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-label": "Board",
    },
    "Board ▾",
  );
  const wideOnly = [
    h("button", { type: "button", class: "button", "aria-pressed": "false" }, "Activity"),
    h(
      "button",
      {
        type: "button",
        class: "icon-button",
        "aria-label": "Keyboard shortcuts",
        title: "Keyboard shortcuts (?)",
      },
      "?",
    ),
  ];
  const header = h(
    "header",
    { class: "toolbar" },
    h("input", { class: "board-name", "aria-label": "Board name", maxlength: 100, value: name }),
    h("span", { class: "save-state save-state-saved", role: "status" }, ALL_SAVED),
    h("div", { class: "toolbar-spacer" }),
    h(
      "div",
      { class: "segmented", role: "radiogroup", "aria-label": "View" },
      h(
        "button",
        { type: "button", role: "radio", "aria-checked": "true", title: "Quadrants view (V)" },
        "Quadrants",
      ),
      h(
        "button",
        { type: "button", role: "radio", "aria-checked": "false", title: "Chart view (V)" },
        "Chart",
      ),
    ),
    h(
      "button",
      {
        type: "button",
        class: "icon-button",
        "aria-label": "Undo the last change",
        title: "Undo (Ctrl+Z)",
        disabled: !canUndo,
      },
      "↶",
    ),
    h(
      "button",
      {
        type: "button",
        class: "icon-button",
        "aria-label": "Redo the last undone change",
        title: "Redo (Ctrl+Shift+Z)",
        disabled: !canRedo,
      },
      "↷",
    ),
    ...wideOnly,
    h("div", { class: "menu" }, menu),
    h("button", { type: "button", class: "button button-primary" }, "Post to channel"),
  );
  const fold = () => {
    header.className = "toolbar toolbar-compact";
    for (const button of wideOnly) button.remove();
    menu.textContent = "More ▾";
    menu.setAttribute("aria-label", "More");
  };
  return { header, fold };
}

function searchBar(ideas: readonly Idea[]): HTMLElement {
  const { tags, owners } = facets(ideas);
  return h(
    "div",
    { class: "search-bar", role: "search" },
    h("input", {
      type: "search",
      class: "search-input",
      "aria-label": "Search ideas",
      placeholder: "Search ideas (Ctrl+F)",
      value: "",
    }),
    h(
      "div",
      { class: "search-chips", role: "toolbar", "aria-label": "Tags and owners" },
      ...[
        ...tags.slice(0, MAX_CHIPS).map((tag) => ["chip", `#${tag}`]),
        ...owners.slice(0, MAX_CHIPS).map((owner) => ["chip chip-owner", `@${owner}`]),
      ].map(([chip, text], at) =>
        h(
          "button",
          { type: "button", class: chip, "aria-pressed": "false", tabindex: at ? "-1" : "0" },
          text,
        ),
      ),
    ),
    h("div", { class: "match-count", role: "status", "aria-live": "polite", "aria-atomic": "true" }),
  );
}

/** A card as IdeaCard draws it; the first of its zone is the zone's Tab stop (ZoneList). */
function card(idea: Idea, index: number): HTMLElement {
  const { owner, position, notes, link, tags } = idea;
  const more = tagsNotShown(tags);
  const hidden = (text: string) => h("span", { class: "visually-hidden" }, text);
  return h(
    "div",
    {
      class: "card",
      role: "button",
      tabindex: index === 0 ? 0 : -1,
      "aria-disabled": "false",
      "aria-pressed": "false",
      "aria-roledescription": "idea",
      "data-idea-id": idea.id,
    },
    h("span", { class: "card-title" }, idea.title),
    (position !== null || notes || owner || link || tags.length > 0) &&
      h(
        "span",
        { class: "card-meta" },
        owner &&
          h(
            "span",
            { class: "card-owner", title: owner },
            h("span", { "aria-hidden": "true" }, initials(owner)),
            hidden(`, owner ${owner}`),
          ),
        position &&
          h(
            "span",
            { class: "card-scores", title: "Payoff · Cost/risk" },
            h("span", { "aria-hidden": "true" }, `P ${position.payoff} · C ${position.cost}`),
            hidden(`, payoff ${position.payoff}, cost/risk ${position.cost}`),
          ),
        notes && h("span", { class: "card-notes", title: "Has notes" }, hidden(", "), "Notes"),
        link && h("span", { class: "card-link", title: link }, hidden(", "), "Link"),
        ...tags.slice(0, CARD_TAGS).map((tag) => h("span", { class: "card-tag" }, hidden(", "), `#${tag}`)),
        more &&
          h(
            "span",
            { class: "card-tag card-tag-more", title: more.names },
            hidden(", "),
            `+${more.count}`,
            hidden(` ${counted(more.count, "more tag")}`),
          ),
      ),
  );
}

/** A zone's list with no card yet (as `ZoneList` is before it has measured itself), and how to fill it. */
function zoneList(zone: Zone, ideas: readonly Idea[]) {
  const more = (hidden: number) =>
    h("button", { type: "button", class: "zone-more", tabindex: -1 }, showMoreLabel(hidden));
  const list = h("div", { class: "zone-list", "data-zone": zone });
  const fill = (count: number) => {
    const shown = ideas.slice(0, count);
    list.replaceChildren(...shown.map(card));
    if (ideas.length === 0) list.append(h("p", { class: "zone-empty" }, ZONE_INFO[zone].hint));
    if (ideas.length > shown.length) list.append(more(ideas.length - shown.length));
  };
  fill(0);
  return { list, fill };
}

function zoneHeader(zone: Zone, count: number, quadrant: boolean): HTMLElement {
  const info = ZONE_INFO[zone];
  const counter = h(
    "span",
    { class: "zone-count", "aria-label": counted(count, "idea") },
    formatCount(count),
  );
  if (!quadrant)
    return h("header", { class: "zone-header" }, h("h2", { class: "zone-name" }, info.name), counter);
  return h(
    "header",
    { class: "zone-header" },
    h(
      "div",
      { class: "zone-heading" },
      h("h2", { class: "zone-name" }, info.name),
      h("p", { class: "zone-meaning" }, info.meaning),
    ),
    h(
      "div",
      { class: "zone-tools" },
      counter,
      h(
        "button",
        {
          type: "button",
          class: "icon-button zone-add",
          "aria-label": `Add an idea to ${info.name}`,
          title: `Add an idea to ${info.name}`,
        },
        "+",
      ),
    ),
  );
}

/**
 * Draws the first frame of `boot`'s board into `root` (emptied first) and returns true; returns false, drawing
 * nothing, where React's first frame would not be a board, or would be its chart.
 */
export function renderFirstFrame(boot: Boot | null, root: HTMLElement): boolean {
  const board = boot?.board;
  // A board left as the chart opens on it again: React draws that (the first frame has only the quadrants).
  if (!boot || !board || boot.preferences.chartBoards.includes(board.id)) return false;
  document.documentElement.dataset.os = osOf(navigator.userAgent);
  document.documentElement.dataset.theme = resolveTheme(
    boot.preferences.theme,
    window.matchMedia("(prefers-color-scheme: dark)").matches,
  );
  const open = !window.matchMedia(NARROW_WINDOW).matches;
  const columns = groupByZone(board.ideas);
  const lists: ReturnType<typeof zoneList>[] = [];
  const listOf = (zone: Zone) => {
    const made = zoneList(zone, columns[zone]);
    lists.push(made);
    return made.list;
  };
  const { header, fold } = toolbar(board.name, board.canUndo, board.canRedo);
  const unsorted = ZONE_INFO.unsorted.name;
  const screen = h(
    "div",
    { class: "board-screen" },
    header,
    searchBar(board.ideas),
    h(
      "div",
      { class: "board-body" },
      h(
        "section",
        { class: "tray zone zone-unsorted", "aria-label": unsorted, tabindex: -1 },
        zoneHeader("unsorted", columns.unsorted.length, false),
        h(
          "form",
          { class: "add-idea" },
          h("label", { for: "first-frame-new-idea", class: "add-idea-label" }, "New idea"),
          h("input", {
            id: "first-frame-new-idea",
            class: "add-idea-input",
            placeholder: "Type an idea, press Enter",
            maxlength: 500,
            value: "",
          }),
        ),
        listOf("unsorted"),
      ),
      h(
        "div",
        { class: "chart" },
        h("div", { class: "axis axis-payoff", "aria-hidden": "true" }, h("span", {}, "Payoff ↑")),
        h(
          "div",
          { class: "quadrants" },
          ...QUADRANTS.map((q) =>
            h(
              "section",
              { class: `zone quadrant zone-${q}`, "aria-label": ZONE_INFO[q].name, tabindex: -1 },
              zoneHeader(q, columns[q].length, true),
              h("div", { class: "zone-body" }, listOf(q)),
            ),
          ),
        ),
        h("div", { class: "axis axis-cost", "aria-hidden": "true" }, h("span", {}, "Cost / risk →")),
      ),
    ),
    h("div", { class: "visually-hidden", "aria-live": "assertive", "aria-atomic": "true" }),
  );
  root.replaceChildren(
    h("div", { class: open ? "app app-sidebar-open" : "app" }, sidebar(boot, board.id, open), screen),
    h("div", { class: "toasts", role: "region", "aria-label": "Notifications", "aria-live": "polite" }),
  );
  // As React's components do before their first frame: each list measures its height with no card in it and draws
  // the cards that fit, and the toolbar folds where it is narrow. All heights are read before anything changes.
  const heights = lists.map(({ list }) => list.clientHeight);
  const compact = header.clientWidth < COMPACT_BELOW;
  lists.forEach(({ fill }, i) => {
    fill(cardsThatFit(heights[i] ?? 0));
  });
  if (compact) fold();
  return true;
}
