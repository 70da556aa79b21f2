// File › Import… chosen again while the import dialog shows a file. Its own file: the page's one channel for the
// backend's events (menu commands among them) is handed over once per page, and each test file gets it afresh.
import { render, screen } from "@testing-library/react";
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
  it("shows the second file's import, not the first's, when File › Import… opens one over another", async () => {
    const backend = backendEvents();
    const files = [
      {
        fileName: "alpha.json",
        boardName: "alpha",
        boardFile: { name: "alpha", ideas: 3, events: 0 },
        csv: null,
      },
      {
        fileName: "beta.json",
        boardName: "beta",
        boardFile: { name: "beta", ideas: 5, events: 0 },
        csv: null,
      },
    ];
    let opened = 0;
    fakeBackend(board([], "Platform Q3"), {
      listen_to_backend: backend.listen,
      choose_import_file: () => files[opened++] ?? null,
    });
    renderApp();
    expect(await screen.findByDisplayValue("Platform Q3")).toBeInTheDocument();
    await backend.choose("import");
    expect(await screen.findByDisplayValue("alpha")).toBeInTheDocument();
    await backend.choose("import");
    // The name to import under is the second file's: its ideas never go in under the first's name.
    expect(await screen.findByDisplayValue("beta")).toBeInTheDocument();
    expect(screen.queryByDisplayValue("alpha")).not.toBeInTheDocument();
  });
});
