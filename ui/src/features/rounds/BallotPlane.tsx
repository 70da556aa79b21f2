// The voter's side of a round: the round's ideas start off the plane, in a list beside it. Each is dragged onto the
// plane (or placed with its Place button, then moved with the arrow keys), or marked "no opinion". Nobody else's
// estimate is ever shown here.
import { useCallback, useEffect, useRef, useState } from "react";

import { LiveRegion } from "../../components/LiveRegion";
import type { RoundIdea, Thresholds } from "../../lib/bindings";
import { styleRef } from "../../lib/styleAttribute";
import { markdownAsText } from "../../lib/text";
import { focusLost, focusShown } from "../board/focus";
import { scoresAt } from "../chart/scale";
import { PlaneFrame } from "../chart/PlaneFrame";
import { quadrantOf } from "../../lib/zones";
import { place, toggleNoOpinion, unplace, type Ballot } from "./ballot";
import { EstimateDot } from "./EstimateDot";

interface BallotPlaneProps {
  ideas: readonly RoundIdea[];
  thresholds: Thresholds;
  ballot: Ballot;
  /** Voting has ended: the ballot can be read, not changed; says which it is (as sent, or never sent). */
  ended: string | null;
  /** Changes the ballot: an update of the latest one, so that a late nudge never undoes an edit made meanwhile. */
  onChange: (update: (ballot: Ballot) => Ballot) => void;
}

/** An idea dragged from the list, and where it would land (plane pixels and scores) while over the plane. */
interface Carried {
  key: string;
  pointerId: number;
  ghost: { left: number; top: number; payoff: number; cost: number } | null;
}

/** Idea `key`'s Place button in the tray, if it is there. */
function placeButton(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-place-key="${CSS.escape(key)}"]`);
}

export function BallotPlane({ ideas, thresholds, ballot, ended, onChange }: BallotPlaneProps) {
  const readOnly = ended !== null;
  const planeRef = useRef<HTMLDivElement | null>(null);
  const dotRefs = useRef(new Map<string, HTMLButtonElement>());
  const [selected, setSelected] = useState<string | null>(null);
  const [carried, setCarried] = useState<Carried | null>(null);
  // Read out after each placement, for a screen reader following the keyboard.
  const [said, setSaid] = useState("");
  // After Place, the idea's dot takes the focus once it is drawn; after Delete, its Place button.
  const focusNext = useRef<{ key: string; on: "dot" | "place" } | null>(null);
  // The idea whose dot or buttons had the focus last: an undo or redo that takes its dot off the plane, or puts it
  // back, gives the focus to what stands for the idea now (it fell to the page, and the next Tab went to Send).
  const focusedKey = useRef<string | null>(null);
  const planeRect = useCallback(() => planeRef.current?.getBoundingClientRect() ?? null, []);

  useEffect(() => {
    const next = focusNext.current;
    focusNext.current = null;
    if (next !== null) {
      if (next.on === "dot") dotRefs.current.get(next.key)?.focus();
      else placeButton(next.key)?.focus();
      return;
    }
    const key = focusedKey.current;
    if (key === null || !focusLost()) return;
    const now = ballot[key]?.kind === "placed" ? dotRefs.current.get(key) : placeButton(key);
    if (now) focusShown(now);
  }, [ballot]);

  /** Where a pointer at (x, y) would place an idea: `null` off the plane. */
  const landing = (x: number, y: number) => {
    const rect = planeRect();
    if (!rect || x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) return null;
    const at = { left: x - rect.left, top: y - rect.top };
    return { ...at, ...scoresAt({ x: at.left, y: at.top }, rect.width, rect.height) };
  };

  const offPlane = ideas.filter((idea) => ballot[idea.key]?.kind !== "placed");
  const onPlane = ideas.filter((idea) => ballot[idea.key]?.kind === "placed");
  const ghost = carried?.ghost ?? null;

  return (
    <div
      className="ballot"
      onFocus={(e) => {
        const target = e.target as HTMLElement;
        const dot = [...dotRefs.current].find(([, node]) => node === target)?.[0];
        focusedKey.current =
          dot ?? target.closest<HTMLElement>("[data-ballot-key]")?.dataset.ballotKey ?? null;
      }}
    >
      <section className="ballot-tray" aria-label="Ideas to estimate">
        <h3 className="ballot-tray-title">
          Not on the chart <span className="zone-count">{offPlane.length}</span>
        </h3>
        {offPlane.length === 0 ? (
          <p className="ballot-empty">Every idea is on the chart.</p>
        ) : (
          <ul className="ballot-list">
            {offPlane.map((idea) => {
              const noOpinion = ballot[idea.key]?.kind === "noOpinion";
              return (
                <li
                  key={idea.key}
                  data-ballot-key={idea.key}
                  className={`ballot-item${noOpinion ? " ballot-item-none" : ""}${carried?.key === idea.key ? " ballot-item-carried" : ""}`}
                >
                  <div
                    className="ballot-item-grip"
                    data-round-idea={idea.key}
                    title={readOnly ? undefined : "Drag onto the chart"}
                    onPointerDown={(e) => {
                      if (readOnly || e.button !== 0) return;
                      // A drag, not a text selection.
                      e.preventDefault();
                      e.currentTarget.setPointerCapture(e.pointerId);
                      setCarried({ key: idea.key, pointerId: e.pointerId, ghost: null });
                    }}
                    onPointerMove={(e) => {
                      if (carried?.pointerId !== e.pointerId) return;
                      setCarried({ ...carried, ghost: landing(e.clientX, e.clientY) });
                    }}
                    onPointerUp={(e) => {
                      if (carried?.pointerId !== e.pointerId) return;
                      const at = landing(e.clientX, e.clientY);
                      setCarried(null);
                      if (!at) return;
                      onChange((b) => place(b, idea.key, at.payoff, at.cost));
                      setSelected(idea.key);
                    }}
                    onPointerCancel={() => {
                      setCarried(null);
                    }}
                  >
                    <span className="ballot-item-title" title={idea.title}>
                      {idea.title}
                    </span>
                    {idea.notes && <span className="ballot-item-notes">{markdownAsText(idea.notes)}</span>}
                  </div>
                  <div className="ballot-item-actions">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={readOnly}
                      aria-label={`Place “${idea.title}” on the chart`}
                      data-place-key={idea.key}
                      onClick={() => {
                        onChange((b) => place(b, idea.key, 5, 5));
                        setSelected(idea.key);
                        focusNext.current = { key: idea.key, on: "dot" };
                      }}
                    >
                      Place
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      disabled={readOnly}
                      aria-pressed={noOpinion}
                      aria-label={`No opinion on “${idea.title}”`}
                      onClick={() => {
                        onChange((b) => toggleNoOpinion(b, idea.key));
                      }}
                    >
                      No opinion
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <p className="ballot-help">
          {ended ??
            (offPlane.length === 0
              ? "Move a dot by dragging it, or with the arrow keys once it has the focus (Shift: by 1). Delete takes it off the chart."
              : "Drag an idea onto the chart, or press Place and move it with the arrow keys (Shift: by 1). Delete takes it off the chart.")}
        </p>
      </section>
      <PlaneFrame
        thresholds={thresholds}
        planeRef={planeRef}
        className={ghost ? "plane-target" : undefined}
        label={`Your estimates. Thresholds: payoff ${thresholds.payoff}, cost/risk ${thresholds.cost}.`}
      >
        {onPlane.map((idea) => {
          const estimate = ballot[idea.key];
          if (estimate?.kind !== "placed") return null;
          return (
            <EstimateDot
              key={idea.key}
              ref={(node) => {
                if (node) dotRefs.current.set(idea.key, node);
                else dotRefs.current.delete(idea.key);
              }}
              title={idea.title}
              zone={quadrantOf(estimate.payoff, estimate.cost, thresholds)}
              what="your estimate"
              immediate
              payoff={estimate.payoff}
              cost={estimate.cost}
              selected={selected === idea.key}
              planeRect={planeRect}
              onSelect={() => {
                setSelected(idea.key);
              }}
              onPlace={(payoff, cost) => {
                if (readOnly) return;
                onChange((b) => place(b, idea.key, payoff, cost));
                setSaid(`${idea.title}: payoff ${payoff}, cost/risk ${cost}`);
              }}
              onRemove={
                readOnly
                  ? undefined
                  : () => {
                      focusNext.current = { key: idea.key, on: "place" };
                      onChange((b) => unplace(b, idea.key));
                      setSaid(`${idea.title}: taken off the chart`);
                    }
              }
            />
          );
        })}
        {ghost && carried && (
          <div
            className="marker-ghost"
            ref={styleRef({ left: ghost.left, top: ghost.top })}
            aria-hidden="true"
          >
            <span className="marker-dot" />
            <span className="marker-ghost-label">
              {ideas.find((i) => i.key === carried.key)?.title}
              <span className="marker-ghost-scores">
                Payoff {ghost.payoff} · Cost/risk {ghost.cost}
              </span>
            </span>
          </div>
        )}
      </PlaneFrame>
      <LiveRegion message={said} />
    </div>
  );
}
