// Asked at quit when changes could not be saved yet (the data folder not writable, the disk full): they were lost
// without a word. Pickboard stays open until the person chooses, and quits by itself once they are saved.
import { useIsMutating } from "@tanstack/react-query";
import { useEffect } from "react";

import { ConfirmDialog } from "../../components/Modal";
import { backend } from "../../lib/backend";
import { counted } from "../../lib/numbers";

export function UnsavedQuitDialog({ unsaved, onKeepOpen }: { unsaved: number; onKeepOpen: () => void }) {
  const waiting = useIsMutating();
  // Saved while the question stands: quitting loses nothing now, and quitting is what was asked for.
  useEffect(() => {
    if (waiting === 0) void backend.quitApp();
  }, [waiting]);
  return (
    <ConfirmDialog
      title="Quit without saving?"
      message={
        <p>
          {counted(unsaved, "change")} {unsaved === 1 ? "is" : "are"} not saved yet: Pickboard cannot write to
          its data folder right now. While this question is open, Pickboard quits by itself as soon as{" "}
          {unsaved === 1 ? "it is" : "they are"} saved. Quit now and {unsaved === 1 ? "it is" : "they are"}{" "}
          lost.
        </p>
      }
      cancelLabel="Keep Pickboard open"
      confirmLabel="Quit without saving"
      onCancel={onKeepOpen}
      onConfirm={() => void backend.quitApp()}
    />
  );
}
