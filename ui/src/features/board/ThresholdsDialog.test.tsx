import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ThresholdsDialog } from "./ThresholdsDialog";

describe("ThresholdsDialog", () => {
  it("saves on Enter a value between the steps of the field, rounded to a tenth", async () => {
    const onSave = vi.fn();
    render(<ThresholdsDialog thresholds={{ payoff: 5, cost: 5 }} onSave={onSave} onCancel={vi.fn()} />);
    const payoff = screen.getByLabelText("High payoff from");
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "6.25{Enter}");
    expect(onSave).toHaveBeenCalledWith({ payoff: 6.3, cost: 5 });
  });
});
