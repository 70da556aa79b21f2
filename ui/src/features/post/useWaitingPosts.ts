// The board's posts held up in the outbox (Mattermost out of reach, a rate limit, a server error), for the toolbar to
// say so once the Post dialog is closed: the outbox sends them by itself later, and the window said nothing of it,
// before or after.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { backend } from "../../lib/backend";
import type { Post } from "../../lib/bindings";
import { keys } from "../../lib/queries";

/**
 * How many of the board's posts wait in the outbox while one of them is held up (0 otherwise: a post on its way
 * without trouble is the Post dialog's to follow, and said nothing here for the moment it takes). `onLeft` hears of
 * each held-up post once it has left the outbox, as it is then: posted, needing the user, or discarded.
 */
export function useWaitingPosts(boardId: number, onLeft: (post: Post) => void): number {
  const { data } = useQuery({
    queryKey: keys.waitingPosts(boardId),
    queryFn: () => backend.waitingPosts(boardId),
  });
  const latestOnLeft = useRef(onLeft);
  useEffect(() => {
    latestOnLeft.current = onLeft;
  });
  const heldUp = useRef<{ boardId: number; ids: number[] }>({ boardId, ids: [] });
  useEffect(() => {
    if (!data) return;
    const before = heldUp.current.boardId === boardId ? heldUp.current.ids : [];
    heldUp.current = { boardId, ids: data.filter((p) => p.error !== null).map((p) => p.id) };
    const left = before.filter((id) => !data.some((p) => p.id === id));
    if (left.length === 0) return;
    backend.listPosts(boardId).then(
      (posts) => {
        for (const post of posts) if (left.includes(post.id)) latestOnLeft.current(post);
      },
      // The Posts panel says what became of it; a failed read here only leaves the toast out.
      () => undefined,
    );
  }, [data, boardId]);
  return data?.some((p) => p.error !== null) ? data.length : 0;
}
