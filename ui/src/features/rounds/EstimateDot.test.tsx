import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { EstimateDot } from "./EstimateDot";

describe("EstimateDot", () => {
  it("caps a title shown whole at the room left to the plane's edge on its side", () => {
    const plane = () => new DOMRect(0, 0, 600, 400);
    render(
      <div>
        <EstimateDot
          title="Consolidate the three log pipelines into one, and drop the two old ones"
          what="your estimate"
          payoff={6}
          cost={6}
          zone="challenge"
          planeRect={plane}
          onPlace={vi.fn()}
        />
        <EstimateDot
          title="Rewrite the deploy scripts in a new language"
          what="your estimate"
          payoff={2}
          cost={9}
          zone="kill"
          planeRect={plane}
          onPlace={vi.fn()}
        />
      </div>,
    );
    // At cost/risk 6 the title goes right: 40 % of 600 px is left, less the gap to the dot.
    const middle = screen.getByRole("button", { name: /^Consolidate/ });
    fireEvent.focus(middle);
    expect(middle).toHaveClass("marker-label-right", "marker-room-200");
    // At 9 it goes left, where 90 % of the plane is: no cap below the title's own.
    const edge = screen.getByRole("button", { name: /^Rewrite/ });
    fireEvent.pointerEnter(edge);
    expect(edge).toHaveClass("marker-label-left");
    expect(edge.className).not.toMatch(/marker-room-/);
  });

  it("keeps the chosen dot's scores off its title, and inside the plane at its edges and its top", () => {
    const plane = () => new DOMRect(0, 0, 600, 400);
    const dot = (title: string, payoff: number, cost: number) => (
      <EstimateDot
        title={title}
        what="your estimate"
        payoff={payoff}
        cost={cost}
        zone="challenge"
        selected
        planeRect={plane}
        onPlace={vi.fn()}
      />
    );
    render(
      <div>
        {dot("Middle", 5, 5)}
        {dot("Left edge", 5, 0)}
        {dot("Right half", 5, 8)}
        {dot("Right edge", 2, 10)}
        {dot("Top corner", 10, 10)}
      </div>,
    );
    const scores = (title: string) =>
      screen.getByRole("button", { name: new RegExp(`^${title}`) }).querySelector(".marker-scores");
    // Above the dot, ending at it: the title is on the right, and a long one shown whole covered the first words.
    expect(scores("Middle")).toHaveTextContent("P 5 · C 5");
    expect(scores("Middle")?.className).toBe("marker-scores marker-scores-end");
    // At cost/risk 0 it starts at the dot instead, as it would run past the plane's left edge.
    expect(scores("Left edge")?.className).toBe("marker-scores");
    // In the right part the title goes left of the dot, and the tag starts at it.
    expect(scores("Right half")?.className).toBe("marker-scores");
    // At cost/risk 10 it ends at the dot (it ran past the edge, and read "P"); at payoff 10 it goes below.
    expect(scores("Right edge")).toHaveClass("marker-scores-end");
    expect(scores("Right edge")).not.toHaveClass("marker-scores-below");
    expect(scores("Top corner")).toHaveClass("marker-scores-end", "marker-scores-below");
  });
});
