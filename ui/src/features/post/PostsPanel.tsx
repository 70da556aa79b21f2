// Every post of the board, with its status, and what can be done with it.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { SidePanel } from "../../components/SidePanel";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import { keys, useAfterChange } from "../../lib/queries";
import type { Post } from "../../lib/bindings";
import { eventTime } from "../history/describe";

import "./post.css";

const STATUS: Record<Post["status"], string> = {
  pending: "Waiting to send",
  posted: "Posted",
  failed: "Needs you",
  discarded: "Discarded",
};

const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function PostsPanel({
  boardId,
  onClose,
  onError,
}: {
  boardId: number;
  onClose: () => void;
  onError: (m: string) => void;
}) {
  // The outbox delivers in the background, so the list is read again every 2 s while it is open.
  const { data: posts = null, error } = useQuery({
    queryKey: keys.posts(boardId),
    queryFn: () => backend.listPosts(boardId),
    refetchInterval: 2000,
  });
  const afterChange = useAfterChange();
  // The post whose link or Markdown was just copied, to say so on its button for a moment ("Copy as Markdown" said
  // nothing, and seemed to do nothing).
  const [copied, setCopied] = useState<{ id: number; what: "link" | "markdown" } | null>(null);
  useEffect(() => {
    if (copied === null) return;
    const timer = window.setTimeout(() => {
      setCopied(null);
    }, 2000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copied]);
  useEffect(() => {
    if (error) onError(AppError.from(error).message);
  }, [error, onError]);

  async function act(work: () => Promise<unknown>) {
    try {
      await work();
    } catch (raw) {
      onError(AppError.from(raw).message);
    }
    void afterChange({ board: boardId, posts: true });
  }

  /** Opens the post in Mattermost, in the browser; the webview itself never navigates away. */
  function open(permalink: string) {
    backend.openLink(permalink).catch((raw: unknown) => {
      onError(AppError.from(raw).message);
    });
  }

  function copy(post: Post, what: "link" | "markdown", text: string) {
    navigator.clipboard.writeText(text).then(
      () => {
        setCopied({ id: post.id, what });
      },
      () => {
        onError(
          what === "link"
            ? "The link could not be copied. Open the post in Mattermost and copy its link from there."
            : "The post could not be copied. Try again, or retry the post from here.",
        );
      },
    );
  }
  const said = (post: Post, what: "link" | "markdown") => copied?.id === post.id && copied.what === what;
  // The post last sent again from here, and when. With Mattermost out of reach, Retry ended as it began, the same
  // reason under the same status, and seemed to do nothing: the reason now goes until the attempt gives its own.
  const [retried, setRetried] = useState<{ id: number; at: number } | null>(null);
  const retrying = (post: Post) =>
    retried?.id === post.id && post.status === "pending" && post.error === null;

  /** A button that does something to a post, then reloads the list. */
  const action = (label: string, work: () => Promise<unknown>) => (
    <button type="button" className="button" onClick={() => void act(work)}>
      {label}
    </button>
  );

  return (
    <SidePanel label="Posts" title="Posts" closeLabel="Close posts" onClose={onClose}>
      {posts === null && <p className="field-hint">Loading…</p>}
      {posts?.length === 0 && <p className="field-hint">Nothing has been posted from this board yet.</p>}
      <ol className="posts" role="list">
        {posts?.map((post) => (
          <li key={post.id} className={`post post-${post.status}`}>
            <div className="post-head">
              <strong>{STATUS[post.status]}</strong>
              {/* Posted: when it reached Mattermost. A post that waited for the network showed the time it was
                  queued, a minute before it went. */}
              <time
                dateTime={new Date(post.postedAt ?? post.createdAt).toISOString()}
                title={
                  post.postedAt !== null && eventTime(post.postedAt) !== eventTime(post.createdAt)
                    ? `Queued at ${eventTime(post.createdAt)}`
                    : undefined
                }
              >
                {eventTime(post.postedAt ?? post.createdAt)}
              </time>
            </div>
            {post.updatesEarlier && <p className="field-hint">Updates the earlier outcome in place</p>}
            {post.permalink && (
              <a
                className="post-permalink"
                href={post.permalink}
                onClick={(e) => {
                  e.preventDefault();
                  if (post.permalink && e.detail < 2) open(post.permalink);
                }}
              >
                {post.permalink}
              </a>
            )}
            {post.parts > 1 && (
              <p className="field-hint">
                {post.partsSent} of {post.parts} parts sent
              </p>
            )}
            {/* Not on a post that is done with (posted, or discarded: "Post the outcome as a new post" stood beside
                the new post that did so). */}
            {post.error && post.status !== "posted" && post.status !== "discarded" && (
              <p className="field-error">
                {post.error.message}
                {post.error.requestId ? ` (request id ${post.error.requestId})` : ""}
                {retried?.id === post.id && ` Tried again at ${clock.format(retried.at)}.`}
              </p>
            )}
            {/* Sent, and no answer came: Mattermost may have made it all the same, after the Discard. */}
            {post.status === "discarded" &&
              (post.error?.problem === "timeout" || post.error?.problem === "noAnswer") && (
                <p className="field-hint">
                  It may be in the channel all the same: Mattermost did not answer the last time it was sent.
                  Look there, and delete it in Mattermost if it is.
                </p>
              )}
            <div className="post-actions">
              {post.permalink && (
                <>
                  <button
                    type="button"
                    className="button"
                    // Not the second click of a double click: Retry's, which sent the post and drew this button
                    // under the pointer, opened it, or a second browser window.
                    onClick={(e) => {
                      if (post.permalink && e.detail < 2) open(post.permalink);
                    }}
                  >
                    Open in Mattermost
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-live="polite"
                    onClick={() => {
                      if (post.permalink) copy(post, "link", post.permalink);
                    }}
                  >
                    {said(post, "link") ? "Link copied" : "Copy link"}
                  </button>
                </>
              )}
              {(post.status === "failed" || post.status === "pending") && (
                // Dimmed, not disabled, while it tries: the focus stays on it.
                <button
                  type="button"
                  className="button"
                  aria-disabled={retrying(post) || undefined}
                  onClick={() => {
                    if (retrying(post)) return;
                    setRetried({ id: post.id, at: Date.now() });
                    void act(() => backend.retryPost(post.id));
                  }}
                >
                  {retrying(post) ? "Retrying…" : "Retry"}
                </button>
              )}
              <button
                type="button"
                className="button"
                aria-live="polite"
                onClick={() => {
                  copy(post, "markdown", post.message);
                }}
              >
                {said(post, "markdown") ? "Copied as Markdown" : "Copy as Markdown"}
              </button>
              {post.status !== "posted" &&
                post.status !== "discarded" &&
                action("Discard", () => backend.discardPost(post.id))}
            </div>
          </li>
        ))}
      </ol>
    </SidePanel>
  );
}
