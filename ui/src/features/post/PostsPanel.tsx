// Every post of the board, with its status, and what can be done with it.
import { useCallback, useEffect, useState } from "react";

import { AppError, backend } from "../../lib/backend";
import type { Post } from "../../lib/bindings";
import { eventTime } from "../history/describe";

const STATUS: Record<Post["status"], string> = {
  pending: "Waiting to send",
  posted: "Posted",
  failed: "Needs you",
  discarded: "Discarded",
};

export function PostsPanel({
  boardId,
  onClose,
  onError,
}: {
  boardId: number;
  onClose: () => void;
  onError: (m: string) => void;
}) {
  const [posts, setPosts] = useState<Post[] | null>(null);

  const load = useCallback(() => {
    backend.listPosts(boardId).then(setPosts, (raw: unknown) => {
      onError(AppError.from(raw).message);
    });
  }, [boardId, onError]);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, 2000);
    return () => {
      window.clearInterval(timer);
    };
  }, [load]);

  async function act(work: () => Promise<unknown>) {
    try {
      await work();
    } catch (raw) {
      onError(AppError.from(raw).message);
    }
    load();
  }

  return (
    <aside
      className="details"
      aria-label="Posts"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <header className="details-header">
        <h2>Posts</h2>
        <button type="button" className="icon-button" aria-label="Close posts" onClick={onClose}>
          ×
        </button>
      </header>
      {posts === null && <p className="field-hint">Loading…</p>}
      {posts?.length === 0 && <p className="field-hint">Nothing has been posted from this board yet.</p>}
      <ol className="posts">
        {posts?.map((post) => (
          <li key={post.id} className={`post post-${post.status}`}>
            <div className="post-head">
              <strong>{STATUS[post.status]}</strong>
              <time dateTime={new Date(post.createdAt).toISOString()}>{eventTime(post.createdAt)}</time>
            </div>
            {post.parts > 1 && (
              <p className="field-hint">
                {post.partsSent} of {post.parts} parts sent
              </p>
            )}
            {post.error && post.status !== "posted" && (
              <p className="field-error">
                {post.error.message}
                {post.error.requestId ? ` (request id ${post.error.requestId})` : ""}
              </p>
            )}
            <div className="post-actions">
              {(post.status === "failed" || post.status === "pending") && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void act(() => backend.retryPost(post.id))}
                >
                  Retry
                </button>
              )}
              <button
                type="button"
                className="button"
                onClick={() => void act(() => navigator.clipboard.writeText(post.message))}
              >
                Copy as Markdown
              </button>
              {post.status !== "posted" && post.status !== "discarded" && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void act(() => backend.discardPost(post.id))}
                >
                  Discard
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
