// Asked at quit when changes could not be saved yet (the data folder not writable, the disk full), or when fields of
// an idea's details hold what cannot be saved (a payoff of 15): they were lost without a word. Pickboard stays open
// until the person chooses; changes that wait, it quits by itself once they are saved.
import { useIsMutating } from "@tanstack/react-query";
import { useEffect } from "react";

import { ConfirmDialog } from "../../components/Modal";
import { backend } from "../../lib/backend";
import { counted } from "../../lib/numbers";

export function UnsavedQuitDialog({
  held: { kind, count },
  onKeepOpen,
}: {
  held: { kind: "unsaved" | "refused"; count: number };
  onKeepOpen: () => void;
}) {
  const waiting = useIsMutating();
  // Saved while the question stands: quitting loses nothing now, and quitting is what was asked for.
  useEffect(() => {
    if (kind === "unsaved" && waiting === 0) void backend.quitApp();
  }, [kind, waiting]);
  const one = count === 1;
  return (
    <ConfirmDialog
      title="Quit without saving?"
      message={
        kind === "refused" ? (
          <p>
            {one ? "A field" : `${String(count)} fields`} of the idea&apos;s details {one ? "holds" : "hold"}{" "}
            what cannot be saved, as {one ? "its message says" : "their messages say"}. Keep Pickboard open to
            put {one ? "it" : "them"} right; quit now and what you typed there is lost.
          </p>
        ) : (
          <p>
            {counted(count, "change")} {one ? "is" : "are"} not saved yet: Pickboard cannot write to its data
            folder right now. While this question is open, Pickboard quits by itself as soon as{" "}
            {one ? "it is" : "they are"} saved. Quit now and {one ? "it is" : "they are"} lost.
          </p>
        )
      }
      cancelLabel="Keep Pickboard open"
      confirmLabel="Quit without saving"
      onCancel={onKeepOpen}
      onConfirm={() => void backend.quitApp()}
    />
  );
}
