// How the import dialog names a CSV file's columns. A header can be empty, or the same as another's (a Jira export
// has a "Labels" column per label, a spreadsheet may have two "Title" columns), and each column must still be told
// apart in the mapping's lists and the preview's table.

/** A name for each column: its header; "Column 3" for an empty one; "Title (column 3)" for a header used twice. */
export function columnLabels(headers: readonly string[]): string[] {
  const uses = new Map<string, number>();
  for (const h of headers) uses.set(h, (uses.get(h) ?? 0) + 1);
  return headers.map((h, i) => {
    if (h.trim() === "") return `Column ${i + 1}`;
    return (uses.get(h) ?? 0) > 1 ? `${h} (column ${i + 1})` : h;
  });
}

/**
 * The columns the tags can be taken from: one entry per header, since every column of that header feeds the tags
 * (each empty header stays its own), with the columns it stands for.
 */
export function tagColumns(
  headers: readonly string[],
): { label: string; first: number; columns: number[] }[] {
  const labels = columnLabels(headers);
  const entries: { label: string; first: number; columns: number[] }[] = [];
  const byHeader = new Map<string, { label: string; first: number; columns: number[] }>();
  headers.forEach((h, i) => {
    if (h.trim() === "") {
      entries.push({ label: labels[i] ?? `Column ${i + 1}`, first: i, columns: [i] });
      return;
    }
    const known = byHeader.get(h);
    if (known) {
      known.columns.push(i);
      return;
    }
    const entry = { label: h, first: i, columns: [i] };
    byHeader.set(h, entry);
    entries.push(entry);
  });
  return entries;
}
