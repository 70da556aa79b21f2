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
});
