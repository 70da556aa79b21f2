// Importing a file: a board file (JSON) as a new board, or a CSV file (a Jira export, a spreadsheet) with a column
// mapping, a preview of the first rows and of what will be created, the rows with problems, and where it goes.
// The import runs in one transaction with a progress bar and Cancel; nothing is imported from a file with problems
// unless the user chooses to skip those rows, and then the skipped rows are listed.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";

import { Modal } from "../../components/Modal";
import { backend } from "../../lib/backend";
import { AppError, useBackendEvent } from "../../lib/ipc";
import type {
  BoardSummary,
  ColumnMapping,
  CsvPreview,
  ImportOutcome,
  ImportProgress,
  ImportStart,
  ImportTarget,
  Position,
  Thresholds,
} from "../../lib/bindings";
import { counted, formatCount } from "../../lib/numbers";
import { keys } from "../../lib/queries";
import { shorten } from "../../lib/text";
import { quadrantOf, ZONE_INFO } from "../../lib/zones";

import { columnLabels, tagColumns } from "./columns";
import "./transfer.css";

interface ImportDialogProps {
  start: ImportStart;
  /** The board on screen, which a CSV file can be imported into. */
  current: BoardSummary | null;
  /** Start with "into the current board" chosen (Board ▾ › Import into this board). */
  intoCurrent?: boolean;
  onDone: (outcome: ImportOutcome) => void;
  onClose: () => void;
}

type SingleField = "title" | "payoff" | "cost" | "owner" | "notes" | "link" | "key";

const FIELDS: { field: SingleField | "tags"; label: string; hint?: string }[] = [
  { field: "title", label: "Title" },
  { field: "payoff", label: "Payoff (0–10)", hint: "With cost/risk, places the idea on the chart." },
  { field: "cost", label: "Cost/risk (0–10)" },
  { field: "owner", label: "Owner" },
  {
    field: "tags",
    label: "Tags",
    hint: "A cell may hold several, split by , or ;. Columns of one name are all used (Jira's Labels).",
  },
  { field: "notes", label: "Notes" },
  { field: "link", label: "Link" },
  { field: "key", label: "Issue key" },
];

const SOURCE_LABEL = {
  jira: "Jira export",
  pickboard: "Pickboard CSV export",
  spreadsheet: "Spreadsheet",
} as const;

/** A new board's thresholds (domain.rs, `Thresholds::default`). */
const NEW_BOARD_THRESHOLDS: Thresholds = { payoff: 5, cost: 5 };

/** A CSV file's separator in words: a tab showed as “ ”, and “,” was left alone on the hint's second line. */
const SEPARATORS: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

/** Where an idea with this position lands on a board with these thresholds. */
function placeName(position: Position | null, thresholds: Thresholds): string {
  if (!position) return ZONE_INFO.unsorted.name;
  return ZONE_INFO[quadrantOf(position.payoff, position.cost, thresholds)].name;
}

export function ImportDialog({ start, current, intoCurrent = false, onDone, onClose }: ImportDialogProps) {
  const queryClient = useQueryClient();
  const rowsHeadingId = useId();
  const [preview, setPreview] = useState<CsvPreview | null>(start.csv);
  const [mapping, setMapping] = useState<ColumnMapping | null>(start.csv?.mapping ?? null);
  const [name, setName] = useState(start.boardName);
  const [into, setInto] = useState<"new" | "current">(
    intoCurrent && current && start.csv ? "current" : "new",
  );
  const [skip, setSkip] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [skipped, setSkipped] = useState<ImportOutcome | null>(null);
  const ids = { name: useId(), skip: useId(), unsorted: useId(), hint: useId(), taken: useId() };
  // The preview places each row as the board it goes into will: the open board's own thresholds, or a new board's.
  const target = into === "current" && current ? current.id : null;
  const targetBoard = useQuery({
    queryKey: keys.content(target ?? 0),
    queryFn: () => backend.getBoard(target ?? 0),
    enabled: target !== null,
  });
  const thresholds = (target !== null ? targetBoard.data?.thresholds : null) ?? NEW_BOARD_THRESHOLDS;
  // Into the board on screen: how many of the file's ideas it has already, by title. The same file imported twice
  // doubled the board without a word.
  const already = useQuery({
    queryKey: ["import-already-on-board", target, mapping],
    queryFn: () => (mapping ? backend.importAlreadyOnBoard(target ?? 0, mapping) : Promise.resolve(0)),
    enabled: target !== null && mapping !== null,
  });
  const alreadyCount = target !== null ? (already.data ?? 0) : 0;
  const running = progress !== null;
  // Progress events can arrive after the import has answered; only a running import shows them.
  const runningRef = useRef(false);

  useBackendEvent("import-progress", (next) => {
    if (runningRef.current) setProgress(next);
  });

  // The mapping as last chosen, and which preview answers it: two quick changes both count, and a slow answer to an
  // earlier mapping never replaces the answer to the latest one.
  const latestMapping = useRef(mapping);
  const previewSeq = useRef(0);
  function remap(change: (current: ColumnMapping) => ColumnMapping) {
    const base = latestMapping.current;
    if (!base) return;
    const next = change(base);
    latestMapping.current = next;
    setMapping(next);
    const seq = ++previewSeq.current;
    backend.previewImport(next).then(
      (answer) => {
        if (seq === previewSeq.current) setPreview(answer);
      },
      (raw: unknown) => {
        setError(AppError.from(raw).message);
      },
    );
  }

  /** The score with no column while the other has one: said at its field, once, not only row by row. */
  const missingScore =
    mapping && mapping.payoff !== null && mapping.cost === null
      ? "cost"
      : mapping && mapping.cost !== null && mapping.payoff === null
        ? "payoff"
        : null;
  // One column for both scores puts every idea on the plane's diagonal: most likely a slip of the list.
  const sameScores =
    mapping && mapping.payoff !== null && mapping.payoff === mapping.cost && preview
      ? (columnLabels(preview.headers)[mapping.payoff] ?? "")
      : null;

  function columnSelect(field: SingleField | "tags") {
    if (!preview || !mapping) return null;
    const value = field === "tags" ? (mapping.tags[0] ?? null) : mapping[field];
    const choices =
      field === "tags"
        ? tagColumns(preview.headers)
        : columnLabels(preview.headers).map((label, i) => ({ label, first: i, columns: [i] }));
    return (
      <select
        aria-label={FIELDS.find((f) => f.field === field)?.label}
        data-autofocus={field === "title" ? true : undefined}
        value={value ?? ""}
        disabled={running}
        onChange={(e) => {
          const col = e.target.value === "" ? null : Number(e.target.value);
          if (field === "tags") {
            const columns = choices.find((c) => c.first === col)?.columns ?? [];
            remap((m) => ({ ...m, tags: columns }));
          } else {
            remap((m) => ({ ...m, [field]: col }));
          }
        }}
      >
        <option value="">{field === "title" ? "Choose a column" : "(none)"}</option>
        {choices.map((c) => (
          // A header of a sentence made the list as wide as the screen: the table below shows it whole.
          <option key={c.first} value={c.first}>
            {shorten(c.label, 40)}
          </option>
        ))}
      </select>
    );
  }

  async function runImport() {
    // Once: a second Enter or click before the first is answered imported the file twice.
    if (runningRef.current) return;
    setError(null);
    runningRef.current = true;
    setProgress({ done: 0, total: preview?.rows ?? start.boardFile?.ideas ?? 0 });
    const target: ImportTarget =
      into === "current" && current ? { kind: "board", id: current.id } : { kind: "newBoard", name };
    const emptyMapping: ColumnMapping = {
      title: null,
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
    try {
      const outcome = await backend.runImport(mapping ?? emptyMapping, target, skip);
      if (outcome.skipped.length > 0) setSkipped(outcome);
      else onDone(outcome);
    } catch (raw) {
      const err = AppError.from(raw);
      setError(err.kind === "cancelled" ? "Import cancelled. Nothing was imported." : err.message);
    } finally {
      runningRef.current = false;
      setProgress(null);
    }
  }

  if (skipped) {
    return (
      <Modal
        title={`Imported ${counted(skipped.imported, "idea")}`}
        onCancel={() => {
          onDone(skipped);
        }}
        footer={
          <button
            type="button"
            className="button button-primary"
            data-autofocus
            onClick={() => {
              onDone(skipped);
            }}
          >
            Done
          </button>
        }
      >
        <p>
          {skipped.skipped.length === 1 ? "This row was" : `These ${skipped.skipped.length} rows were`}{" "}
          skipped:
        </p>
        <ul className="import-problems">
          {skipped.skipped.map((p) => (
            <li key={`${p.row}:${p.column ?? ""}`}>
              Row {p.row}
              {p.column ? `, “${p.column}”` : ""}: {p.message}
            </li>
          ))}
        </ul>
      </Modal>
    );
  }

  const problems = preview?.problemCount ?? 0;
  const importable = preview ? preview.rows - problems : (start.boardFile?.ideas ?? 0);
  const canImport =
    !running &&
    (start.boardFile !== null ||
      (preview !== null && mapping?.title !== null && importable > 0 && (problems === 0 || skip))) &&
    (into === "current" || name.trim() !== "");
  /** Why Import is dimmed, said beside it (a file of a header alone showed "Import 0 ideas", dimmed, and no word). */
  const importHint = running
    ? null
    : preview !== null && preview.rows === 0
      ? "There are no rows to import in this file."
      : preview !== null && mapping?.title === null
        ? "Choose the column that holds the titles."
        : preview !== null && importable === 0
          ? "No row can be imported as it is."
          : problems > 0 && !skip
            ? "Fix the rows with problems, or skip them."
            : into === "new" && name.trim() === ""
              ? "Name the new board."
              : null;

  // A name typed over the one offered can be taken too: the new board then gets a number after it, as the backend
  // makes it free ("Big " became "Big (2)" without a word).
  const taken = queryClient
    .getQueryData<BoardSummary[]>(keys.boards)
    ?.find((b) => b.name.trim().toLowerCase() === name.trim().toLowerCase());

  const targetChoice = (
    <fieldset className="import-target" disabled={running}>
      <legend>Import into</legend>
      <label className="checkbox-row">
        <input
          type="radio"
          name="import-into"
          checked={into === "new"}
          onChange={() => {
            setInto("new");
          }}
        />
        A new board named
      </label>
      <input
        id={ids.name}
        aria-label="New board name"
        value={name}
        maxLength={100}
        disabled={into !== "new"}
        aria-describedby={into === "new" && taken ? ids.taken : undefined}
        onChange={(e) => {
          setName(e.target.value);
        }}
        // Enter imports, as the dialog's button does: it is the one field of the dialog.
        onKeyDown={(e) => {
          if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
          e.preventDefault();
          if (canImport) void runImport();
        }}
      />
      {into === "new" && taken && (
        <p id={ids.taken} className="field-hint import-name-hint">
          A board is named “{taken.name}” already: this one gets a number after its name.
        </p>
      )}
      {preview && current && (
        <label className="checkbox-row">
          <input
            type="radio"
            name="import-into"
            checked={into === "current"}
            onChange={() => {
              setInto("current");
            }}
          />
          <span className="import-current">
            “{current.name}”: placed ideas at their scores, the others in Unsorted (one step to undo)
          </span>
        </label>
      )}
      {alreadyCount > 0 && current && (
        <p className="field-hint import-already" role="status">
          {counted(alreadyCount, "idea")} of this file {alreadyCount === 1 ? "has" : "have"} the title of one
          on “{current.name}” already: importing adds {alreadyCount === 1 ? "it" : "them"} again.
        </p>
      )}
    </fieldset>
  );

  return (
    <Modal
      title={`Import “${start.fileName}”`}
      wide={preview !== null}
      onCancel={() => {
        if (running) void backend.cancelImport();
        else onClose();
      }}
      footer={
        <>
          {importHint && !canImport && (
            <p id={ids.hint} className="modal-footer-hint">
              {importHint}
            </p>
          )}
          {running ? (
            <button type="button" className="button" onClick={() => void backend.cancelImport()}>
              Cancel import
            </button>
          ) : (
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button
            type="button"
            className="button button-primary"
            disabled={!canImport}
            aria-describedby={importHint && !canImport ? ids.hint : undefined}
            onClick={() => void runImport()}
          >
            {start.boardFile ? "Import board" : `Import ${counted(importable, "idea")}`}
          </button>
        </>
      }
    >
      {start.boardFile && (
        <p>
          A Pickboard board file: “{start.boardFile.name}” with {counted(start.boardFile.ideas, "idea")} and{" "}
          {counted(start.boardFile.events, "history event")}. It becomes a new board; undo and the timeline
          work as before.
        </p>
      )}
      {start.boardFile?.rounding && <p className="field-hint">{start.boardFile.rounding}</p>}

      {preview && mapping && (
        <div className="import-layout">
          <div className="import-mapping">
            <p className="field-hint">
              {SOURCE_LABEL[preview.source]} · {counted(preview.rows, "row")} · separated by{" "}
              {SEPARATORS[preview.delimiter] ?? `“${preview.delimiter}”`}
            </p>
            {FIELDS.map(({ field, label, hint }) => (
              <label key={field} className="import-field">
                <span>{label}</span>
                {columnSelect(field)}
                {hint && <span className="field-hint">{hint}</span>}
                {missingScore === field && (
                  <span className="field-error">
                    Choose this column too: one score alone cannot place an idea, and every row with it is
                    held back.
                  </span>
                )}
                {field === "cost" && sameScores !== null && (
                  <span className="field-error">
                    Payoff is “{sameScores}” too: each idea gets the same payoff and cost/risk, on the
                    chart&apos;s diagonal. Choose another column for one of them.
                  </span>
                )}
              </label>
            ))}
            {mapping.key !== null && (
              <label className="import-field">
                <span>Link address before the key</span>
                <input
                  value={mapping.linkPrefix}
                  placeholder="https://jira.example.com/browse/"
                  disabled={running}
                  onChange={(e) => {
                    const linkPrefix = e.target.value;
                    remap((m) => ({ ...m, linkPrefix }));
                  }}
                />
                <span className="field-hint">Empty: the key goes into the notes.</span>
              </label>
            )}
          </div>

          <div className="import-preview">
            {targetChoice}
            <h3 className="import-heading" id={rowsHeadingId}>
              The file&apos;s first rows
            </h3>
            <div className="import-table-wrap" role="region" aria-labelledby={rowsHeadingId} tabIndex={0}>
              <table className="import-table">
                <thead>
                  <tr>
                    {columnLabels(preview.headers).map((label, i) => (
                      <th key={i} title={label}>
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((row, r) => (
                    <tr key={r}>
                      {preview.headers.map((_, c) => (
                        <td key={c}>{row[c] ?? ""}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            <h3 className="import-heading">
              What will be created: {counted(importable, "idea")} ({formatCount(preview.placed)} placed,{" "}
              {formatCount(preview.unsorted)} in Unsorted)
            </h3>
            {preview.rounding && <p className="field-hint">{preview.rounding}</p>}
            <ul className="import-ideas" role="list">
              {preview.ideas.map((idea) => (
                <li key={idea.row}>
                  <span className="import-idea-title">{idea.title}</span>
                  <span className="import-idea-meta">
                    {placeName(idea.position, thresholds)}
                    {idea.owner && ` · ${idea.owner}`}
                    {idea.tags.length > 0 && ` · ${idea.tags.join(", ")}`}
                  </span>
                </li>
              ))}
            </ul>

            {problems > 0 && (
              <div className="import-problems-box" role="alert">
                <h3 className="import-heading">
                  {formatCount(problems)} row{problems === 1 ? " has a problem" : "s have problems"}
                </h3>
                <ul className="import-problems">
                  {preview.problems.map((p) => (
                    <li key={`${p.row}:${p.column ?? ""}`}>
                      Row {p.row}
                      {p.column ? `, “${p.column}”` : ""}: {p.message}
                    </li>
                  ))}
                  {problems > preview.problems.length && (
                    <li>… and {formatCount(problems - preview.problems.length)} more</li>
                  )}
                </ul>
                <label className="checkbox-row" htmlFor={ids.skip}>
                  <input
                    id={ids.skip}
                    type="checkbox"
                    checked={skip}
                    disabled={running}
                    onChange={(e) => {
                      setSkip(e.target.checked);
                    }}
                  />
                  Skip these rows and import the others
                </label>
              </div>
            )}
            {/* Rows whose titles are fine but whose scores cannot be read: skipped, their ideas were lost. Shown
                while it is ticked too, when those rows are no longer problems. */}
            {(mapping.unreadableScoresToUnsorted || preview.problems.some((p) => p.scores)) && (
              <label className="checkbox-row" htmlFor={ids.unsorted}>
                <input
                  id={ids.unsorted}
                  type="checkbox"
                  checked={mapping.unreadableScoresToUnsorted}
                  disabled={running}
                  onChange={(e) => {
                    const checked = e.target.checked;
                    remap((m) => ({ ...m, unreadableScoresToUnsorted: checked }));
                  }}
                />
                Import the rows whose scores cannot be read into Unsorted, without their scores
              </label>
            )}
          </div>
        </div>
      )}

      {!preview && targetChoice}

      {progress && (
        <div className="import-progress">
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label="Import progress" />
          <span role="status">
            {formatCount(progress.done)} of {formatCount(progress.total)}
          </span>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
