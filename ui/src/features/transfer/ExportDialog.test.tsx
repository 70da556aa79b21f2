import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import { fakeBackend } from "../../test/fakeBackend";
import { ExportDialog } from "./ExportDialog";

describe("ExportDialog", () => {
  it("exports the format chosen with the keys on Enter, as its Export… button does", async () => {
    const fake = fakeBackend(null, { export_board: () => "/home/ana/platform.csv" });
    const onSaved = vi.fn();
    render(
      <Providers>
        <ExportDialog
          board={{ id: 1, name: "Platform", ideaCount: 0, updatedAt: 0 }}
          onSaved={onSaved}
          onClose={vi.fn()}
        />
      </Providers>,
    );
    const json = await screen.findByRole("radio", { name: /^Board file/ });
    json.focus();
    await userEvent.keyboard("{ArrowDown}");
    expect(screen.getByRole("radio", { name: /^Spreadsheet/ })).toBeChecked();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => {
      expect(onSaved).toHaveBeenCalledWith("/home/ana/platform.csv");
    });
    expect(fake.calls.find((c) => c.command === "export_board")?.args).toMatchObject({ format: "csv" });
  });

  it("takes a refused export's reason away when another format is picked", async () => {
    const refused = "Pickboard may not write /tmp/ro/platform.png: pick a folder you can save in.";
    fakeBackend(null, {
      export_board: () => {
        throw { kind: "file", message: refused, path: "/tmp/ro/platform.png", problem: null };
      },
    });
    render(
      <Providers>
        <ExportDialog
          board={{ id: 1, name: "Platform", ideaCount: 0, updatedAt: 0 }}
          initial="png"
          onSaved={vi.fn()}
          onClose={vi.fn()}
        />
      </Providers>,
    );
    await userEvent.click(await screen.findByRole("button", { name: "Export…" }));
    expect(await screen.findByText(refused)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: /^Chart picture \(SVG\)/ }));
    expect(screen.queryByText(refused)).not.toBeInTheDocument();
  });
});
