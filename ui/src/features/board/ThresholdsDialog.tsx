// Where the lines between the quadrants sit. Ideas re-flow into their quadrants as soon as it is saved.
import { useId, useState } from "react";

import { Modal } from "../../components/Modal";
import type { Thresholds } from "../../lib/bindings";
import { cleanScore } from "./DetailsPanel";

interface ThresholdsDialogProps {
  thresholds: Thresholds;
  onSave: (thresholds: Thresholds) => void;
  onCancel: () => void;
}

export function ThresholdsDialog({ thresholds, onSave, onCancel }: ThresholdsDialogProps) {
  const [payoff, setPayoff] = useState(String(thresholds.payoff));
  const [cost, setCost] = useState(String(thresholds.cost));
  const ids = { payoff: useId(), cost: useId() };
  const valid = (v: string) => v.trim() !== "" && Number(v) > 0 && Number(v) <= 10;
  const ok = valid(payoff) && valid(cost);

  function save() {
    if (ok) onSave({ payoff: cleanScore(Number(payoff)), cost: cleanScore(Number(cost)) });
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
          type="number"
          min={0.1}
          max={10}
          step={0.1}
          value={payoff}
          data-autofocus
          onChange={(e) => {
            setPayoff(e.target.value);
          }}
        />
        <label htmlFor={ids.cost}>Hard (cost/risk) from</label>
        <input
          id={ids.cost}
          type="number"
          min={0.1}
          max={10}
          step={0.1}
          value={cost}
          onChange={(e) => {
            setCost(e.target.value);
          }}
        />
        {!ok && <p className="field-error">Each threshold must lie above 0 and at most 10.</p>}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
