// The import preview's column choices: each choice asks the backend for a new preview, and answers can come back in
// any order.
import { fireEvent, render, screen, within } from "@testing-library/react";
import { useQueryClient } from "@tanstack/react-query";
import { mockIPC } from "@tauri-apps/api/mocks";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { Providers } from "../../components/Providers";
import type { ColumnMapping, CsvPreview } from "../../lib/bindings";
import { keys } from "../../lib/queries";
import { board } from "../../test/fakeBackend";
import { ImportDialog } from "./ImportDialog";

const HEADERS = ["Summary", "Business Value", "Story Points"];

const RECOGNISED: ColumnMapping = {
  title: 0,
  notes: null,
  payoff: null,
  cost: null,
  owner: null,
  link: null,
  tags: [],
  key: null,
  linkPrefix: "",
  unreadableScoresToUnsorted: false,
};

/** What the backend would preview for `mapping`: two rows, placed only with both scores. */
function preview(mapping: ColumnMapping): CsvPreview {
  const placed = mapping.payoff !== null && mapping.cost !== null;
  return {
    source: "jira",
    delimiter: ",",
    headers: HEADERS,
    mapping,
    sample: [
      ["Cache Docker layers", "8", "2"],
      ["Evaluate a service mesh", "3", "8"],
    ],
    ideas: [],
    rows: 2,
    placed: placed ? 2 : 0,
    unsorted: placed ? 0 : 2,
    problems: [],
    problemCount: 0,
    rounding: null,
  };
}

/** The import dialog opened on `fileName` with the CSV preview `csv`, as a new board named after the file. */
function renderImport(fileName: string, csv: CsvPreview) {
  render(
    <Providers>
      <ImportDialog
        start={{ fileName, boardName: fileName.replace(/\.csv$/, ""), boardFile: null, csv }}
        current={null}
        onDone={vi.fn()}
        onClose={vi.fn()}
      />
    </Providers>,
  );
}

describe("ImportDialog", () => {
  it("offers to import rows whose scores cannot be read into Unsorted, and imports them so", async () => {
    const sent: ColumnMapping[] = [];
    const scored = { ...RECOGNISED, payoff: 1, cost: 2 };
    // Row 3's scores read "high" and "abc": a problem, unless such rows go to Unsorted.
    const answer = (mapping: ColumnMapping): CsvPreview => ({
      ...preview(mapping),
      rows: 2,
      placed: 1,
      unsorted: mapping.unreadableScoresToUnsorted ? 1 : 0,
      problems: mapping.unreadableScoresToUnsorted
        ? []
        : [{ row: 3, column: "Business Value", message: "“high” is not a number.", scores: true }],
      problemCount: mapping.unreadableScoresToUnsorted ? 0 : 1,
    });
    mockIPC((command, payload) => {
      const { mapping } = payload as { mapping: ColumnMapping };
      if (command === "preview_import") return answer(mapping);
      if (command === "run_import") {
        sent.push(mapping);
        return { boardId: 9, imported: 2, skipped: [] };
      }
      return null;
    });
    renderImport("jira-export.csv", answer(scored));
    const box = await screen.findByLabelText(
      "Import the rows whose scores cannot be read into Unsorted, without their scores",
    );
    expect(screen.getByRole("button", { name: /^Import/ })).toBeDisabled();
    await userEvent.click(box);
    // The row is no longer a problem: Import takes both rows, and the box stays, to be unticked.
    expect(await screen.findByRole("button", { name: /^Import/ })).toBeEnabled();
    expect(box).toBeChecked();
    await userEvent.click(screen.getByRole("button", { name: /^Import/ }));
    await vi.waitFor(() => {
      expect(sent.at(-1)?.unreadableScoresToUnsorted).toBe(true);
    });
  });

  it("keeps two column choices made in quick succession, whatever order their previews answer in", async () => {
    const asked: ColumnMapping[] = [];
    mockIPC(async (command, payload) => {
      if (command !== "preview_import") return null;
      const { mapping } = payload as { mapping: ColumnMapping };
      asked.push(mapping);
      // The first choice's preview answers last.
      await new Promise((resolve) => setTimeout(resolve, asked.length === 1 ? 150 : 10));
      return preview(mapping);
    });
    renderImport("jira-export.csv", preview(RECOGNISED));

    fireEvent.change(await screen.findByLabelText("Payoff (0–10)"), { target: { value: "1" } });
    fireEvent.change(screen.getByLabelText("Cost/risk (0–10)"), { target: { value: "2" } });

    expect(await screen.findByText(/2 placed, 0 in Unsorted/)).toBeInTheDocument();
    // The first choice's late answer changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(screen.getByText(/2 placed, 0 in Unsorted/)).toBeInTheDocument();
    expect(screen.getByLabelText("Payoff (0–10)")).toHaveValue("1");
    expect(screen.getByLabelText("Cost/risk (0–10)")).toHaveValue("2");
    expect(asked.at(-1)).toMatchObject({ payoff: 1, cost: 2 });
    expect(screen.queryByText(/Choose this column too/)).toBeNull();
  });

  it("names the file's separator in words: a tab is not a blank between quotes", async () => {
    mockIPC(() => null);
    renderImport("jira-export.csv", { ...preview(RECOGNISED), delimiter: "\t" });
    expect(await screen.findByText(/separated by/)).toHaveTextContent(
      "Jira export · 2 rows · separated by tabs",
    );
  });

  it("says at Cost/risk, once, that a payoff column alone holds every scored row back", async () => {
    mockIPC(() => null);
    renderImport("jira-export.csv", preview({ ...RECOGNISED, payoff: 1 }));
    expect(await screen.findAllByText(/Choose this column too/)).toHaveLength(1);
    expect(screen.getByLabelText("Cost/risk (0–10)").closest("label")).toHaveTextContent(
      /Choose this column too/,
    );
  });

  it("says at Cost/risk when both scores come from one column, which puts every idea on the diagonal", async () => {
    mockIPC((command, payload) =>
      command === "preview_import" ? preview((payload as { mapping: ColumnMapping }).mapping) : null,
    );
    renderImport("jira-export.csv", preview({ ...RECOGNISED, payoff: 1, cost: 2 }));
    expect(screen.queryByText(/on the chart's diagonal/)).toBeNull();
    fireEvent.change(screen.getByLabelText("Cost/risk (0–10)"), { target: { value: "1" } });
    expect(await screen.findByText(/on the chart's diagonal/)).toHaveTextContent(
      "Payoff is “Business Value” too: each idea gets the same payoff and cost/risk, on the chart's diagonal.",
    );
  });
});

describe("ImportDialog's dimmed Import", () => {
  it("cuts a header of a sentence short in the column lists, and shows it whole on the table's hover", () => {
    const long =
      "Estimated business value according to the quarterly planning spreadsheet of the platform team";
    mockIPC(() => null);
    renderImport("planning.csv", { ...preview(RECOGNISED), headers: ["Summary", long, "Story Points"] });
    const options = screen.getByRole("combobox", { name: "Payoff (0–10)" }).querySelectorAll("option");
    expect([...options].map((o) => o.textContent)).toEqual([
      "(none)",
      "Summary",
      "Estimated business value according to t…",
      "Story Points",
    ]);
    expect(screen.getByRole("columnheader", { name: long })).toHaveAttribute("title", long);
  });

  it("says that scores with more than one decimal are kept to one, before they are", () => {
    const rounding = "2 scores have more decimals than the one Pickboard keeps: row 3's 7.25 becomes 7.3.";
    renderImport("backlog.csv", { ...preview(RECOGNISED), rounding });
    expect(screen.getByText(rounding)).toBeInTheDocument();
  });

  it("imports once on Enter in the new board's name, pressed twice, and not while the name is empty", async () => {
    const targets: unknown[] = [];
    mockIPC(async (command, payload) => {
      if (command === "preview_import") return preview(RECOGNISED);
      if (command !== "run_import") return null;
      targets.push((payload as { target: unknown }).target);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { boardId: 9, imported: 2, skipped: [] };
    });
    renderImport("jira-export.csv", preview(RECOGNISED));
    const name = screen.getByLabelText("New board name");
    await userEvent.clear(name);
    await userEvent.type(name, "{Enter}");
    expect(targets).toEqual([]);
    await userEvent.type(name, "Q3 infra{Enter}{Enter}");
    await vi.waitFor(() => {
      expect(targets).toEqual([{ kind: "newBoard", name: "Q3 infra" }]);
    });
  });

  it("says why it is dimmed for a file of a header alone", () => {
    mockIPC(() => null);
    const empty: CsvPreview = { ...preview(RECOGNISED), sample: [], rows: 0, unsorted: 0 };
    renderImport("header-only.csv", empty);
    const importButton = screen.getByRole("button", { name: "Import 0 ideas" });
    expect(importButton).toBeDisabled();
    expect(importButton).toHaveAccessibleDescription("There are no rows to import in this file.");
  });

  it("says so when the new board has no name, and nothing when it can import", () => {
    mockIPC(() => null);
    renderImport("jira-export.csv", preview(RECOGNISED));
    const importButton = screen.getByRole("button", { name: "Import 2 ideas" });
    expect(importButton).toBeEnabled();
    expect(importButton).not.toHaveAccessibleDescription();
    fireEvent.change(screen.getByLabelText("New board name"), { target: { value: "  " } });
    expect(importButton).toBeDisabled();
    expect(importButton).toHaveAccessibleDescription("Name the new board.");
  });

  it("says when a board file's scores are rounded to the tenths a score keeps", () => {
    mockIPC(() => null);
    const rounding =
      "1 score has more decimals than the one Pickboard keeps: “Tune probes”'s 7.77 becomes 7.8.";
    render(
      <Providers>
        <ImportDialog
          start={{
            fileName: "edited.json",
            boardName: "Hand edited",
            boardFile: { name: "Hand edited", ideas: 1, events: 0, rounding },
            csv: null,
          }}
          current={null}
          onDone={vi.fn()}
          onClose={vi.fn()}
        />
      </Providers>,
    );
    expect(screen.getByText(rounding)).toBeVisible();
  });

  it("says when the name typed is taken, which gets the new board a number after it", async () => {
    mockIPC(() => null);
    function Boards() {
      useQueryClient().setQueryData(keys.boards, [{ id: 1, name: "Big", ideaCount: 3, updatedAt: 0 }]);
      return null;
    }
    render(
      <Providers>
        <Boards />
        <ImportDialog
          start={{ fileName: "big.csv", boardName: "big (2)", boardFile: null, csv: preview(RECOGNISED) }}
          current={null}
          onDone={vi.fn()}
          onClose={vi.fn()}
        />
      </Providers>,
    );
    const name = screen.getByLabelText("New board name");
    expect(name).not.toHaveAccessibleDescription();
    await userEvent.clear(name);
    await userEvent.type(name, "big ");
    expect(name).toHaveAccessibleDescription(
      "A board is named “Big” already: this one gets a number after its name.",
    );
  });

  it("places the preview's rows by the thresholds of the board they go into", async () => {
    mockIPC((command) => {
      if (command === "get_board")
        return { ...board([], "Sprint planning"), thresholds: { payoff: 6, cost: 3 } };
      return null;
    });
    const csv: CsvPreview = {
      ...preview({ ...RECOGNISED, payoff: 1, cost: 2 }),
      ideas: [{ row: 2, title: "Map three", position: { payoff: 5, cost: 5 }, owner: "", tags: [] }],
    };
    render(
      <Providers>
        <ImportDialog
          start={{ fileName: "map.csv", boardName: "map", boardFile: null, csv }}
          current={{ id: 1, name: "Sprint planning", ideaCount: 3, updatedAt: 0 }}
          intoCurrent
          onDone={vi.fn()}
          onClose={vi.fn()}
        />
      </Providers>,
    );
    const row = screen.getByText("Map three").closest("li");
    // Payoff 5 is low against 6, cost/risk 5 hard against 3: Kill, as the import then places it. It said Challenge,
    // a new board's place.
    expect(await within(row as HTMLElement).findByText("Kill")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: /new board/i }));
    expect(within(row as HTMLElement).getByText("Challenge")).toBeInTheDocument();
  });

  it("says how many of the file's ideas the board on screen has already, by title, before they go in again", async () => {
    const asked: unknown[] = [];
    mockIPC((command, args) => {
      if (command === "get_board") return board([], "Big 2000");
      if (command === "import_already_on_board") {
        asked.push(args);
        return 1998;
      }
      return null;
    });
    render(
      <Providers>
        <ImportDialog
          start={{ fileName: "big.csv", boardName: "big", boardFile: null, csv: preview(RECOGNISED) }}
          current={{ id: 4, name: "Big 2000", ideaCount: 2000, updatedAt: 0 }}
          intoCurrent
          onDone={vi.fn()}
          onClose={vi.fn()}
        />
      </Providers>,
    );
    expect(
      await screen.findByText(
        "1,998 ideas of this file have the title of one on “Big 2000” already: importing adds them again.",
      ),
    ).toBeInTheDocument();
    expect(asked).toEqual([{ boardId: 4, mapping: RECOGNISED }]);
    // A new board has none of them.
    await userEvent.click(screen.getByRole("radio", { name: /new board/i }));
    expect(screen.queryByText(/importing adds them again/)).toBeNull();
  });
});
