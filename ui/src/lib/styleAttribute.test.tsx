import { render } from "@testing-library/react";
import { createRef } from "react";
import { describe, expect, it, vi } from "vitest";

import { setStyle, styleRef, styleText, useStyledRef, type Declarations } from "./styleAttribute";

describe("styleText", () => {
  it("writes React's names as CSS, numbers in pixels, and leaves out what is undefined", () => {
    expect(styleText({ left: "12.5%", marginTop: 4, zIndex: "2", transform: undefined })).toBe(
      "left: 12.5%; margin-top: 4px; z-index: 2",
    );
    expect(styleText({ translate: undefined })).toBe("");
  });
});

describe("setStyle", () => {
  it("writes the attribute, and only when it changed", () => {
    const el = document.createElement("div");
    const write = vi.spyOn(el, "setAttribute");
    setStyle(el, { left: 3 });
    setStyle(el, "left: 3px");
    expect(el.getAttribute("style")).toBe("left: 3px");
    expect(write).toHaveBeenCalledTimes(1);
    setStyle(el, {});
    expect(el.getAttribute("style")).toBe("");
  });
});

describe("styleRef", () => {
  it("styles the element through its attribute and fills the component's own ref", () => {
    const own = createRef<HTMLDivElement>();
    const { container, rerender } = render(<div ref={styleRef({ left: "10%", top: 5 }, own)} />);
    const el = container.firstElementChild;
    expect(el?.getAttribute("style")).toBe("left: 10%; top: 5px");
    expect(own.current).toBe(el);
    rerender(<div ref={styleRef({ left: "20%" }, own)} />);
    expect(el?.getAttribute("style")).toBe("left: 20%");
    expect(own.current).toBe(el);
  });

  it("adds no style attribute when there is nothing to write", () => {
    const { container } = render(<span ref={styleRef({ translate: undefined })} />);
    expect(container.firstElementChild?.hasAttribute("style")).toBe(false);
  });
});

describe("useStyledRef", () => {
  function Card({ look, nodeRef }: { look: Declarations; nodeRef: (el: HTMLElement | null) => void }) {
    return <div ref={useStyledRef(look, nodeRef)} />;
  }

  it("hands the element to the other ref once, while its style follows each render", () => {
    const nodeRef = vi.fn();
    const { container, rerender, unmount } = render(<Card look={{}} nodeRef={nodeRef} />);
    const el = container.firstElementChild;
    expect(el?.hasAttribute("style")).toBe(false);
    rerender(<Card look={{ transform: "translate3d(0px, 12px, 0)" }} nodeRef={nodeRef} />);
    expect(el?.getAttribute("style")).toBe("transform: translate3d(0px, 12px, 0)");
    rerender(<Card look={{ transform: undefined }} nodeRef={nodeRef} />);
    expect(el?.getAttribute("style")).toBe("");
    expect(nodeRef.mock.calls).toEqual([[el]]);
    unmount();
    expect(nodeRef.mock.calls).toEqual([[el], [null]]);
  });
});
