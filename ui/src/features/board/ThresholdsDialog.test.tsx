import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { ThresholdsDialog } from "./ThresholdsDialog";

describe("ThresholdsDialog", () => {
  it("saves on Enter a value between the steps of the field, rounded to a tenth, and says so first", async () => {
    const onSave = vi.fn();
    render(<ThresholdsDialog thresholds={{ payoff: 5, cost: 5 }} onSave={onSave} onCancel={vi.fn()} />);
    const payoff = screen.getByLabelText("High payoff from");
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "6.25");
    // Said before Save: the value is not saved as typed.
    expect(payoff).toHaveAccessibleDescription("Saved as 6.3: thresholds have one decimal.");
    expect(screen.getByLabelText("Hard (cost/risk) from")).not.toHaveAccessibleDescription();
    await userEvent.type(payoff, "{Enter}");
    expect(onSave).toHaveBeenCalledWith({ payoff: 6.3, cost: 5 });
    // Rounded first: 10.04 is 10, and 0.04 is 0, which is said so.
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "10.04");
    expect(payoff).toHaveAccessibleDescription("Saved as 10: thresholds have one decimal.");
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "0.04");
    expect(payoff).toHaveAccessibleDescription("High payoff: 0.04 is 0 at one decimal. Type 0.1 or more.");
  });

  it("says which threshold is wrong, at its field, and keeps Save dimmed until both are right", async () => {
    const onSave = vi.fn();
    render(<ThresholdsDialog thresholds={{ payoff: 5, cost: 5 }} onSave={onSave} onCancel={vi.fn()} />);
    const payoff = screen.getByLabelText("High payoff from");
    const cost = screen.getByLabelText("Hard (cost/risk) from");
    await userEvent.clear(payoff);
    await userEvent.clear(cost);
    await userEvent.type(cost, "12");
    expect(payoff).toHaveAccessibleDescription("High payoff: type a number from 0.1 to 10.");
    expect(cost).toHaveAccessibleDescription("Hard: 12 is out of range. Type a number from 0.1 to 10.");
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
    // Enter in the cost field: the focus goes to the first field that says what is wrong.
    await userEvent.type(cost, "{Enter}");
    expect(payoff).toHaveFocus();
    expect(onSave).not.toHaveBeenCalled();
    await userEvent.type(payoff, "7");
    expect(payoff).toHaveAttribute("aria-invalid", "false");
    await userEvent.clear(cost);
    await userEvent.type(cost, "3{Enter}");
    expect(onSave).toHaveBeenCalledWith({ payoff: 7, cost: 3 });
  });

  it("takes a decimal comma, says what a number written otherwise is, and steps by a tenth on Up and Down", async () => {
    const onSave = vi.fn();
    render(<ThresholdsDialog thresholds={{ payoff: 5, cost: 5 }} onSave={onSave} onCancel={vi.fn()} />);
    const payoff = screen.getByLabelText("High payoff from");
    const cost = screen.getByLabelText("Hard (cost/risk) from");
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "1e1");
    expect(payoff).toHaveAccessibleDescription("High payoff: write 1e1 with digits and a point, e.g. 6.5.");
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "high");
    expect(payoff).toHaveAccessibleDescription(
      "High payoff: “high” is not a number. Type a number from 0.1 to 10, e.g. 6.5.",
    );
    await userEvent.clear(payoff);
    await userEvent.type(payoff, "6,5");
    expect(payoff).toHaveAttribute("aria-invalid", "false");
    await userEvent.type(cost, "{ArrowUp}{ArrowUp}{Shift>}{ArrowDown}{/Shift}");
    expect(cost).toHaveValue("4.2");
    await userEvent.type(cost, "{Enter}");
    expect(onSave).toHaveBeenCalledWith({ payoff: 6.5, cost: 4.2 });
  });
});
