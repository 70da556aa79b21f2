// What is saved when Pickboard is asked to quit besides the field with the focus: a New idea typed and not added
// (AddIdeaField). Kept apart from the quit itself (lib/quit.ts), which the page loads when a quit is first asked for.
const savers = new Set<() => void>();

/** Runs `save` when Pickboard is asked to quit, until the returned function is called. */
export function saveAtQuit(save: () => void): () => void {
  savers.add(save);
  return () => savers.delete(save);
}

/** Runs every `save` given to `saveAtQuit`. */
export function saveAllAtQuit() {
  savers.forEach((save) => {
    save();
  });
}
