// Exporting the board: the format, then a native save dialog (opened by the backend, which writes the file).
import { useState } from "react";

import { Modal } from "../../components/Modal";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import type { BoardSummary, ExportFormat } from "../../lib/bindings";
import { titleDate } from "../../lib/titleDate";

import "./transfer.css";

export const FORMATS: { format: ExportFormat; label: string; detail: string }[] = [
  {
    format: "json",
    label: "Board file (JSON)",
    detail: "Everything, history included. Imports back as the same board.",
  },
  {
    format: "csv",
    label: "Spreadsheet (CSV)",
    detail: "One row per idea: quadrant, scores, owner, link, tags, notes.",
  },
  {
    format: "markdown",
    label: "Markdown",
    detail: "The outcome as a post would show it, for documents and wikis.",
  },
  { format: "png", label: "Chart picture (PNG)", detail: "1920 × 1080, for slides." },
  {
    format: "svg",
    label: "Chart picture (SVG)",
    detail: "Sharp at any size; opens in browsers and drawing tools.",
  },
];

interface ExportDialogProps {
  board: BoardSummary;
  initial?: ExportFormat;
  onSaved: (path: string) => void;
  onClose: () => void;
}

export function ExportDialog({ board, initial = "json", onSaved, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const path = await backend.exportBoard(board.id, format, titleDate());
      if (path !== null) onSaved(path);
    } catch (raw) {
      setError(AppError.from(raw).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={`Export “${board.name}”`}
      onCancel={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
            {busy ? "Saving…" : "Export…"}
          </button>
        </>
      }
    >
      <fieldset
        className="export-formats"
        onKeyDown={(e) => {
          // Enter on a format exports it, as the dialog's main button does.
          if (e.key !== "Enter" || busy) return;
          e.preventDefault();
          void save();
        }}
      >
        <legend className="visually-hidden">Format</legend>
        {FORMATS.map((f) => (
          <label key={f.format} className="export-format">
            <input
              type="radio"
              name="export-format"
              value={f.format}
              checked={format === f.format}
              data-autofocus={format === f.format ? true : undefined}
              onChange={() => {
                setFormat(f.format);
                // The reason named the last try's file: it read as if about the format picked now.
                setError(null);
              }}
            />
            <span>
              <strong>{f.label}</strong>
              <span className="field-hint">{f.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
