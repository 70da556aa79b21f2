// The boards, a way to make a new one, and the app's settings. It folds to a narrow rail with its toggle button (folded
// at first on narrow windows, where it opens over the board instead of beside it).
import { useRef } from "react";

import type { BoardSummary, Theme } from "../../lib/bindings";
import { THEMES } from "../../lib/firstFrameRules";
import { counted, formatCount } from "../../lib/numbers";
import { listKeyTarget } from "../../lib/listKeys";
import { keepTabWithin } from "../../lib/tabRing";

import "./sidebar.css";

interface SidebarProps {
  boards: BoardSummary[];
  currentId: number | null;
  theme: Theme;
  dataDir: string;
  onSelect: (id: number) => void;
  onNew: () => void;
  onImport: () => void;
  onBackups: () => void;
  onDeleted: () => void;
  onTheme: (theme: Theme) => void;
  /** Shown in full; otherwise a rail with the toggle alone. */
  open: boolean;
  /** Open over the board (a narrow window) rather than beside it: Escape and choosing a board close it. */
  overlay: boolean;
  onToggle: (open: boolean) => void;
}

export function Sidebar(props: SidebarProps) {
  const { boards, currentId, theme, dataDir, onSelect, onNew, onImport, onBackups, onDeleted, onTheme } =
    props;
  const { open, overlay, onToggle } = props;
  const classes = [
    "sidebar",
    open ? "sidebar-open" : "sidebar-collapsed",
    open && overlay ? "sidebar-overlay" : "",
  ];
  // Open over the board, it goes once one of its items is used: "+ New board" left it open, with the new board's
  // name taking the focus (and the typing) unseen under it.
  const closedByItem = useRef(-Infinity);
  const then = (act: () => void) => () => {
    act();
    if (!open || !overlay) return;
    onToggle(false);
    closedByItem.current = performance.now();
    // The focus stays where the closed sidebar was, on its toggle (as after Escape), not at the window's top.
    document.querySelector<HTMLElement>(".sidebar-toggle")?.focus();
  };
  return (
    <nav
      className={classes.join(" ").trim()}
      aria-label="Boards"
      onKeyDown={(e) => {
        if (!open || !overlay) return;
        if (e.key === "Escape") {
          e.preventDefault();
          onToggle(false);
          document.querySelector<HTMLElement>(".sidebar-toggle")?.focus();
        }
        // Open over the board, Tab stays in it, as in a dialog: it went on through the board under the backdrop.
        keepTabWithin(e, e.currentTarget);
      }}
    >
      <div className="brand">
        {/* No tooltip: WebKitGTK's stayed over "+ New board" after the click that opened the sidebar, until the
            pointer moved. The ☰ says what it does. */}
        <button
          type="button"
          className="sidebar-toggle"
          aria-label="Sidebar"
          aria-expanded={open}
          aria-controls="sidebar-content"
          onClick={() => {
            // The second Enter of a double one on an item lands here, on the toggle that took the focus: it opened
            // the sidebar again over the new board's name.
            if (!open && performance.now() - closedByItem.current < DOUBLE_PRESS_MS) return;
            onToggle(!open);
          }}
        >
          <span aria-hidden="true">☰</span>
        </button>
        <span className="brand-mark" aria-hidden="true">
          <i />
          <i />
          <i />
          <i />
        </span>
        {open && <span className="brand-name">Pickboard</span>}
      </div>
      <div id="sidebar-content" className="sidebar-content" hidden={!open}>
        <div className="sidebar-section">
          <h2 className="sidebar-heading">Boards</h2>
          <button
            type="button"
            className="sidebar-new"
            // A double click's second click (made once the first board was) made a second board.
            onClick={(e) => {
              if (e.detail < 2) then(onNew)();
            }}
          >
            + New board
          </button>
        </div>
        {/* A list by its role too, as every list without bullets here: WebKit takes one for a plain group, and a
            screen reader heard no "list of 5 items". */}
        <ul
          className="board-list"
          role="list"
          onKeyDown={(e) => {
            // Up and Down go from board to board, as in a list.
            const links = [...e.currentTarget.querySelectorAll<HTMLElement>(".board-link")];
            const at = links.indexOf(document.activeElement as HTMLElement);
            const next = at < 0 ? undefined : listKeyTarget(e.key, links, at);
            if (!next) return;
            e.preventDefault();
            next.focus();
          }}
        >
          {boards.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                className="board-link"
                aria-current={b.id === currentId ? "page" : undefined}
                title={b.name}
                onClick={then(() => {
                  onSelect(b.id);
                })}
              >
                <BoardName name={b.name} />
                <span className="board-link-count" aria-label={counted(b.ideaCount, "idea")}>
                  {formatCount(b.ideaCount)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <fieldset className="theme-picker">
            <legend>Theme</legend>
            <div className="theme-options">
              {THEMES.map((t) => (
                <label
                  key={t.value}
                  className={theme === t.value ? "theme-option theme-option-on" : "theme-option"}
                >
                  <input
                    type="radio"
                    name="theme"
                    value={t.value}
                    checked={theme === t.value}
                    onChange={() => {
                      onTheme(t.value);
                    }}
                  />
                  {t.label}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="data-location" title={dataDir}>
            Saved automatically in {dataDir}
          </p>
          <div className="sidebar-links">
            <button type="button" className="sidebar-link" onClick={then(onImport)}>
              Import…
            </button>
            <button type="button" className="sidebar-link" onClick={then(onBackups)}>
              Backups…
            </button>
            <button type="button" className="sidebar-link" onClick={then(onDeleted)}>
              Deleted boards…
            </button>
          </div>
        </div>
      </div>
    </nav>
  );
}

/** How soon after an item closed the sidebar a press of its toggle is the rest of a double press, not a new one. */
const DOUBLE_PRESS_MS = 500;

/** A board's name in the list, cut short at its end when long, but never what marks a copy: "Platform team — ne… (2)",
 * "… (copy) (copy)" and the original no longer read alike. */
function BoardName({ name }: { name: string }) {
  const copy = /( \([^()]{1,16}\))+$/.exec(name);
  if (!copy) return <span className="board-link-name">{name}</span>;
  return (
    <span className="board-link-name board-link-copy">
      <span className="board-link-main">{name.slice(0, copy.index)}</span>
      <span className="board-link-suffix">{copy[0]}</span>
    </span>
  );
}
