import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { FormStatus } from "./FormStatus";

describe("FormStatus", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("brings each new status into view, where a tall dialog had it below the fold", () => {
    const scrolled: { element: Element; options: unknown }[] = [];
    vi.spyOn(Element.prototype, "scrollIntoView").mockImplementation(function (this: Element, options) {
      scrolled.push({ element: this, options });
    });
    const { rerender } = render(<FormStatus status={null} />);
    expect(scrolled).toHaveLength(0);

    rerender(<FormStatus status={{ tone: "progress", text: "Checking the channel…" }} />);
    rerender(<FormStatus status={{ tone: "error", text: "Mattermost could not be reached." }} />);
    const alert = screen.getByRole("alert");
    expect(scrolled).toEqual([
      { element: expect.any(HTMLParagraphElement) as unknown, options: { block: "nearest" } },
      { element: alert, options: { block: "nearest" } },
    ]);

    // The same words drawn again do not pull the dialog back to them while the user scrolls it.
    rerender(<FormStatus status={{ tone: "error", text: "Mattermost could not be reached." }} />);
    expect(scrolled).toHaveLength(2);
  });
});
