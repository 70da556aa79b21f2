// Shown instead of the board when the database cannot be used, or when another window already has the data folder.
// Names the file or folder and says what to do; Pickboard has not touched the file.
import { useState } from "react";

import { backend } from "../../lib/backend";
import type { AppError } from "../../lib/ipc";

import "./startup.css";

const TITLES: Partial<Record<AppError["kind"], string>> = {
  databaseTooNew: "This database needs a newer Pickboard",
  databaseCorrupt: "The database file is damaged",
  databaseUnavailable: "Pickboard cannot open its database",
  alreadyOpen: "Pickboard is already open",
};

export function ErrorScreen({ error }: { error: AppError }) {
  const [copied, setCopied] = useState(false);
  const path = error.path;
  return (
    <main className="error-screen" role="alert">
      <h1>{TITLES[error.kind] ?? "Pickboard cannot start"}</h1>
      <p>{error.message}</p>
      {path && (
        <p className="error-file">
          {error.kind === "alreadyOpen" ? "The folder" : "The file"}:{" "}
          <code className="error-path">{path}</code>
          <button
            type="button"
            className="button"
            onClick={() => {
              void navigator.clipboard.writeText(path).then(() => {
                setCopied(true);
              });
            }}
          >
            {copied ? "Copied" : "Copy path"}
          </button>
        </p>
      )}
      {error.kind === "alreadyOpen" ? (
        <p className="error-hint">
          <button
            type="button"
            className="button button-primary"
            autoFocus
            onClick={() => void backend.quitApp()}
          >
            Close this window
          </button>
        </p>
      ) : (
        <p className="error-hint">Quit Pickboard, deal with the file, and start it again.</p>
      )}
    </main>
  );
}
