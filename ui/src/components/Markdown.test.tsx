import { render as renderAlone, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";

import { fakeBackend } from "../test/fakeBackend";
import { Markdown, safeUrl } from "./Markdown";
import { ToastProvider } from "./Toasts";

const render = (ui: ReactElement) => renderAlone(<ToastProvider>{ui}</ToastProvider>);

describe("Markdown notes", () => {
  it("renders formatting, lists and web links", () => {
    const { container } = render(
      <Markdown text={"**bold** and a [ticket](https://jira.example.com/OPS-1)\n\n- one\n- two"} />,
    );
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    expect(container.querySelector("a")?.getAttribute("href")).toBe("https://jira.example.com/OPS-1");
    expect(container.querySelectorAll("li")).toHaveLength(2);
  });

  it("shows a line break within a paragraph as one, as Mattermost does, and leaves code's lines alone", () => {
    const { container } = render(
      <Markdown text={"> first line\n> second line\n\n**one**\ntwo\n\n```\ncode\nlines\n```"} />,
    );
    // The post's note as a quote: it read as one line in the preview, and Mattermost shows two.
    const quote = container.querySelector("blockquote p");
    expect(quote?.innerHTML.replace(/\n/g, "")).toBe("first line<br>second line");
    expect(container.querySelectorAll("p")[1]?.innerHTML.replace(/\n/g, "")).toBe(
      "<strong>one</strong><br>two",
    );
    expect(container.querySelector("pre code")?.textContent).toBe("code\nlines\n");
    expect(container.querySelectorAll("pre br")).toHaveLength(0);
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

  it("says so when no browser opens a link, and offers to copy it", async () => {
    const why = "No web browser could be opened for this link.";
    fakeBackend(null, {
      open_link: () => {
        throw { kind: "invalid", message: why, path: null, problem: null };
      },
    });
    render(<Markdown text={"The [runbook](https://wiki.example.com/runbook)"} />);
    await userEvent.click(screen.getByRole("link", { name: "runbook" }));
    expect(await screen.findByText(why)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Copy link" })).toBeInTheDocument();
  });

  it("allows only http and https addresses", () => {
    expect(safeUrl("https://a.example")).toBe("https://a.example");
    expect(safeUrl("javascript:alert(1)")).toBe("");
    expect(safeUrl("file:///etc/passwd")).toBe("");
  });
});
