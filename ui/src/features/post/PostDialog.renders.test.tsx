// How often the Post dialog draws its preview again. On a 2,000-idea board each key typed in the note drew the preview
// anew, about 50 ms a key in the window: typing ran behind, and a click right after it took the keys still waiting.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import { fakeBackend, webhookSettings } from "../../test/fakeBackend";
import { PostDialog } from "./PostDialog";

const drawn = vi.hoisted(() => ({ previews: 0 }));

vi.mock("react-markdown", async (importOriginal) => {
  const actual = await importOriginal<typeof import("react-markdown")>();
  const Counted = (props: Parameters<typeof actual.default>[0]) => {
    drawn.previews += 1;
    return actual.default(props);
  };
  return { ...actual, default: Counted };
});

describe("PostDialog's preview", () => {
  it("is not drawn again for each key typed in the note", async () => {
    fakeBackend(null, {
      get_channel_settings: () => webhookSettings,
      preview_post: () => "#### PICK outcome: Infra\n\n- one\n- two",
    });
    render(
      <Providers>
        <PostDialog boardId={1} onClose={vi.fn()} onPosted={vi.fn()} />
      </Providers>,
    );
    const preview = await screen.findByLabelText("Message preview");
    await within(preview).findByRole("list");
    const before = drawn.previews;
    await userEvent.type(screen.getByLabelText("Note from the facilitator"), "Ship it this week");
    expect(drawn.previews - before).toBeLessThanOrEqual(1);
  });
});
