// File › Import… chosen again while the import dialog shows a file: it waits. Its own file: the page's one channel
// for the backend's events (menu commands among them) is handed over once per page, and each test file gets it afresh.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";

import { App } from "./App";
import { Providers } from "./components/Providers";
import { backendEvents, board, fakeBackend } from "./test/fakeBackend";

function renderApp() {
  return render(
    <Providers>
      <App />
    </Providers>,
  );
}

describe("importing", () => {
  it("keeps the first file's import when File › Import… is chosen over it, and opens the next once it is closed", async () => {
    const backend = backendEvents();
    const files = [
      {
        fileName: "alpha.json",
        boardName: "alpha",
        boardFile: { name: "alpha", ideas: 3, events: 0, rounding: null },
        csv: null,
      },
      {
        fileName: "beta.json",
        boardName: "beta",
        boardFile: { name: "beta", ideas: 5, events: 0, rounding: null },
        csv: null,
      },
    ];
    let opened = 0;
    const fake = fakeBackend(board([], "Platform Q3"), {
      listen_to_backend: backend.listen,
      choose_import_file: () => files[opened++] ?? null,
      close_import: () => null,
    });
    renderApp();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    await backend.choose("import");
    expect(await screen.findByDisplayValue("alpha")).toBeInTheDocument();
    // The menu waits for the dialog, as a native app's does: no second file is asked for, and the first's ideas
    // never go in under another's name.
    await backend.choose("import");
    expect(fake.commands().filter((c) => c === "choose_import_file")).toHaveLength(1);
    expect(screen.getByDisplayValue("alpha")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => {
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
    await backend.choose("import");
    expect(await screen.findByDisplayValue("beta")).toBeInTheDocument();
    expect(screen.queryByDisplayValue("alpha")).not.toBeInTheDocument();
  });
});
