// Where the lines between the quadrants sit. Ideas re-flow into their quadrants as soon as it is saved.
import { useId, useState, type KeyboardEvent } from "react";

import { Modal } from "../../components/Modal";
import type { Thresholds } from "../../lib/bindings";
import { cleanScore } from "./DetailsPanel";
import { parseScore } from "./fields";

interface ThresholdsDialogProps {
  thresholds: Thresholds;
  onSave: (thresholds: Thresholds) => void;
  onCancel: () => void;
}

export function ThresholdsDialog({ thresholds, onSave, onCancel }: ThresholdsDialogProps) {
  const [payoff, setPayoff] = useState(String(thresholds.payoff));
  const [cost, setCost] = useState(String(thresholds.cost));
  const ids = { payoff: useId(), cost: useId(), payoffError: useId(), costError: useId() };
  const payoffProblem = thresholdProblem("High payoff", payoff);
  const costProblem = thresholdProblem("Hard", cost);
  // What each field's line says: what is wrong, else what a value with two decimals is saved as.
  const payoffLine = payoffProblem ?? roundedNote(payoff);
  const costLine = costProblem ?? roundedNote(cost);
  const ok = payoffProblem === null && costProblem === null;

  function save() {
    const [p, c] = [parseScore(payoff), parseScore(cost)];
    if (ok && p !== null && c !== null) {
      onSave({ payoff: cleanScore(p), cost: cleanScore(c) });
      return;
    }
    // Enter with a wrong value: the focus goes to the field that says what is wrong (it stayed, and nothing moved).
    document.getElementById(payoffProblem ? ids.payoff : ids.cost)?.focus();
  }

  return (
    <Modal
      title="Thresholds"
      onCancel={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={!ok} onClick={save}>
            Save
          </button>
        </>
      }
    >
      <form
        className="thresholds-form modal-form"
        // Pickboard's own check speaks (below); the browser's would block Enter without a word (0.15 is off its step).
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p>
          Where high payoff and hard begin, on the 0–10 scales. A score exactly on a line counts as high or
          hard.
        </p>
        <label htmlFor={ids.payoff}>High payoff from</label>
        <input
          id={ids.payoff}
          {...THRESHOLD_FIELD}
          value={payoff}
          data-autofocus
          aria-invalid={payoffProblem !== null}
          aria-describedby={payoffLine ? ids.payoffError : undefined}
          onChange={(e) => {
            setPayoff(e.target.value);
          }}
          onKeyDown={(e) => {
            stepWithArrows(e, payoff, setPayoff);
          }}
        />
        <p
          id={ids.payoffError}
          className={payoffProblem ? "field-error thresholds-error" : "field-hint thresholds-error"}
        >
          {payoffLine}
        </p>
        <label htmlFor={ids.cost}>Hard (cost/risk) from</label>
        <input
          id={ids.cost}
          {...THRESHOLD_FIELD}
          value={cost}
          aria-invalid={costProblem !== null}
          aria-describedby={costLine ? ids.costError : undefined}
          onChange={(e) => {
            setCost(e.target.value);
          }}
          onKeyDown={(e) => {
            stepWithArrows(e, cost, setCost);
          }}
        />
        <p
          id={ids.costError}
          className={costProblem ? "field-error thresholds-error" : "field-hint thresholds-error"}
        >
          {costLine}
        </p>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}

/** A threshold's box: text, as the scores' boxes are. A number field took neither a decimal comma ("6,5" read as
 * empty) nor said why "1e1" (ten, to it) was refused. Up and Down step it by a tenth, as the number field did. */
const THRESHOLD_FIELD = {
  type: "text",
  inputMode: "decimal",
  autoComplete: "off",
  spellCheck: false,
} as const;

/** Up and Down in a threshold's box: a tenth more or less (Shift: 1), within 0.1 to 10. */
function stepWithArrows(e: KeyboardEvent<HTMLInputElement>, text: string, set: (text: string) => void) {
  if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
  e.preventDefault();
  const step = (e.shiftKey ? 1 : 0.1) * (e.key === "ArrowUp" ? 1 : -1);
  const from = parseScore(text) ?? 5;
  set(String(Math.min(10, Math.max(0.1, Math.round((from + step) * 10) / 10))));
}

/** Why a threshold's text cannot be saved, said for its field, or null when it can. */
function thresholdProblem(name: string, text: string): string | null {
  if (text.trim() === "") return `${name}: type a number from 0.1 to 10.`;
  const value = parseScore(text);
  if (value === 0 && typed(text) > 0) return `${name}: ${text.trim()} is 0 at one decimal. Type 0.1 or more.`;
  if (value === null && !Number.isFinite(typed(text)))
    return `${name}: “${text.trim()}” is not a number. Type a number from 0.1 to 10, e.g. 6.5.`;
  if (value === null && !/^\s*[+-]?[\d.,]+\s*$/.test(text))
    return `${name}: write ${text.trim()} with digits and a point, e.g. 6.5.`;
  if (value === null || value === 0)
    return `${name}: ${text.trim()} is out of range. Type a number from 0.1 to 10.`;
  return null;
}

/** What a threshold typed with more than one decimal is saved as, said before Save (5.55 is saved as 5.6), or null. */
function roundedNote(text: string): string | null {
  const value = parseScore(text);
  if (value === null || value === typed(text)) return null;
  return `Saved as ${String(value)}: thresholds have one decimal.`;
}

/** The number a threshold's text holds as typed, before rounding (a decimal comma counts as a point). */
function typed(text: string): number {
  return Number(text.trim().replace(",", "."));
}
