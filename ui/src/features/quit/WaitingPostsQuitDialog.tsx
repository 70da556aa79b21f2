// Asked at quit when posts wait in the outbox (Mattermost could not be reached, or asked to wait): the outbox sends
// them only while Pickboard is open, and quitting left them until the next start without a word.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";

import { ConfirmDialog } from "../../components/Modal";
import { backend } from "../../lib/backend";
import { counted } from "../../lib/numbers";
import { keys } from "../../lib/queries";

export function WaitingPostsQuitDialog({ posts, onKeepOpen }: { posts: number; onKeepOpen: () => void }) {
  // Read again whenever the outbox sends or is held up.
  const { data: left } = useQuery({ queryKey: keys.outboxWaiting, queryFn: backend.waitingPostCount });
  // Gone out while the question stands: quitting leaves nothing behind now, and quitting is what was asked for.
  useEffect(() => {
    if (left === 0) void backend.quitApp();
  }, [left]);
  const one = posts === 1;
  return (
    <ConfirmDialog
      title={one ? "Quit with a post waiting?" : "Quit with posts waiting?"}
      message={
        <p>
          {counted(posts, "post")} to Mattermost {one ? "waits" : "wait"} in the outbox: Mattermost could not
          be reached, or asked to wait. Pickboard sends {one ? "it" : "them"} only while it is open: quit now
          and {one ? "it goes" : "they go"} out the next time you open Pickboard. While this question is open,
          Pickboard quits by itself once {one ? "it has" : "they have"} gone out.
        </p>
      }
      cancelLabel="Keep Pickboard open"
      confirmLabel="Quit"
      onCancel={onKeepOpen}
      onConfirm={() => void backend.quitApp()}
    />
  );
}
