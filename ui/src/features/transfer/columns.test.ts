import { describe, expect, it } from "vitest";

import { columnLabels, tagColumns } from "./columns";

describe("a CSV file's columns", () => {
  it("are named by their header, and by their place when the header is empty or repeated", () => {
    expect(columnLabels(["Title", "Payoff", "", "Title", "  "])).toEqual([
      "Title (column 1)",
      "Payoff",
      "Column 3",
      "Title (column 4)",
      "Column 5",
    ]);
  });

  it("offer each header once for the tags, with every column of that header", () => {
    expect(tagColumns(["Summary", "Labels", "Labels", "", "", "Labels"])).toEqual([
      { label: "Summary", first: 0, columns: [0] },
      { label: "Labels", first: 1, columns: [1, 2, 5] },
      { label: "Column 4", first: 3, columns: [3] },
      { label: "Column 5", first: 4, columns: [4] },
    ]);
  });
});
