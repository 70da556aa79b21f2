import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { SecretField } from "./SecretField";

describe("SecretField", () => {
  it("hides what is typed until Show, which shows it whole to check, and hides it again", async () => {
    render(
      <>
        <label htmlFor="hook">Incoming webhook address</label>
        <SecretField id="hook" what="webhook address" defaultValue="http://127.0.0.1:8091/hooks/xq9k" />
      </>,
    );
    const field = screen.getByLabelText("Incoming webhook address");
    expect(field).toHaveAttribute("type", "password");
    const show = screen.getByRole("button", { name: "Show the webhook address" });
    expect(show).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(show);
    expect(field).toHaveAttribute("type", "text");
    expect(field).toHaveValue("http://127.0.0.1:8091/hooks/xq9k");
    expect(show).toHaveAttribute("aria-pressed", "true");
    expect(show).toHaveTextContent("Hide");
    await userEvent.click(show);
    expect(field).toHaveAttribute("type", "password");
    expect(field).toHaveAttribute("autocomplete", "off");
  });
});
