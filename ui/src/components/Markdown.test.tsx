import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Markdown, safeUrl } from "./Markdown";

describe("Markdown notes", () => {
  it("renders formatting, lists and web links", () => {
    const { container } = render(
      <Markdown text={"**bold** and a [ticket](https://jira.example.com/OPS-1)\n\n- one\n- two"} />,
    );
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    expect(container.querySelector("a")?.getAttribute("href")).toBe("https://jira.example.com/OPS-1");
    expect(container.querySelectorAll("li")).toHaveLength(2);
  });

  it("never turns text into HTML, scripts, images or unsafe links", () => {
    const hostile = [
      '<img src=x onerror="window.pwned=1">',
      "<script>window.pwned=2</script>",
      "[click](javascript:alert(1))",
      "![pixel](https://tracker.example.com/p.png)",
      '<a href="https://evil.example.com">raw</a>',
    ].join("\n\n");
    const { container } = render(<Markdown text={hostile} />);
    expect(container.querySelector("img, script, iframe")).toBeNull();
    for (const a of container.querySelectorAll("a")) expect(a.getAttribute("href")).toMatch(/^https:\/\//);
    expect(container.innerHTML).not.toContain("javascript:");
    expect([...container.querySelectorAll("*")].some((e) => e.hasAttribute("onerror"))).toBe(false);
    // Raw HTML reads as the text it is, as Mattermost shows it.
    expect(container.textContent).toContain("<script>window.pwned=2</script>");
    expect(container.textContent).toContain('<img src=x onerror="window.pwned=1">');
  });

  it("allows only http and https addresses", () => {
    expect(safeUrl("https://a.example")).toBe("https://a.example");
    expect(safeUrl("javascript:alert(1)")).toBe("");
    expect(safeUrl("file:///etc/passwd")).toBe("");
  });
});
