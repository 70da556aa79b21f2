import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import { fakeBackend, idea } from "../../test/fakeBackend";
import { cleanScore, DetailsPanel } from "./DetailsPanel";

function renderPanel(overrides: Partial<Parameters<typeof DetailsPanel>[0]> = {}) {
  fakeBackend(null);
  const props = {
    idea: { ...idea(7, "Rotate certs", "implement"), tags: ["security"] },
    boardTags: ["security", "ci"],
    version: 0,
    onSave: vi.fn(),
    onScores: vi.fn(),
    onMove: vi.fn(),
    onDelete: vi.fn(),
    onClose: vi.fn(),
    onError: vi.fn(),
    ...overrides,
  };
  render(
    <Providers>
      <DetailsPanel {...props} />
    </Providers>,
  );
  return props;
}

describe("DetailsPanel", () => {
  it("saves typed scores with one decimal", () => {
    const props = renderPanel();
    const payoff = screen.getByLabelText(/^Payoff/, { selector: "input[type=number]" });
    fireEvent.change(payoff, { target: { value: "8.46" } });
    fireEvent.blur(payoff);
    expect(props.onScores).toHaveBeenCalledWith(7, 8.5, 2.5);
  });

  it("adds a tag on Enter and saves it with the other details", async () => {
    const props = renderPanel();
    await userEvent.type(screen.getByLabelText("Tags", { selector: "input" }), "ci{Enter}");
    expect(props.onSave).toHaveBeenCalledWith(7, expect.objectContaining({ tags: ["security", "ci"] }));
  });

  it("closes on Escape", async () => {
    const props = renderPanel();
    await userEvent.keyboard("{Escape}");
    expect(props.onClose).toHaveBeenCalled();
  });

  it("clamps scores to the scale", () => {
    expect(cleanScore(12)).toBe(10);
    expect(cleanScore(-1)).toBe(0);
    expect(cleanScore(Number.NaN)).toBe(0);
    expect(cleanScore(3.14159)).toBe(3.1);
  });
});
