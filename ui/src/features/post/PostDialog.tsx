// "Post to channel": choose what to include, see the message as Mattermost will show it, post it with one click and
// follow it until the server has taken every part.
import { useEffect, useState } from "react";

import { LazyMarkdown as Markdown } from "../../components/LazyMarkdown";
import { Modal } from "../../components/Modal";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import type { ChannelSettings, Post, PostOptions, Quadrant } from "../../lib/bindings";
import { localDate } from "../../lib/dates";
import { QUADRANTS, ZONE_INFO } from "../../lib/zones";
import { ChannelSettingsForm } from "./ChannelSettingsForm";

import "./post.css";

export const DEFAULT_OPTIONS: PostOptions = {
  quadrants: [...QUADRANTS],
  includeScores: true,
  includeOwners: true,
  includeLinks: true,
  includeChanges: true,
  note: "",
  notifyOwners: false,
};

/** The emoji codes the message uses, as Mattermost shows them. */
const EMOJI: Record<string, string> = {
  ":large_green_circle:": "🟢",
  ":large_yellow_circle:": "🟡",
  ":large_blue_circle:": "🔵",
  ":red_circle:": "🔴",
};

export function withEmoji(markdown: string): string {
  return markdown.replace(
    /:(large_green_circle|large_yellow_circle|large_blue_circle|red_circle):/g,
    (code) => EMOJI[code] ?? code,
  );
}

interface PostDialogProps {
  boardId: number;
  onClose: () => void;
  onPosted: (post: Post, ms: number) => void;
}

type Sending =
  { state: "idle" } | { state: "sending"; post: Post; started: number } | { state: "failed"; post: Post };

export function PostDialog({ boardId, onClose, onPosted }: PostDialogProps) {
  const [settings, setSettings] = useState<ChannelSettings | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const [options, setOptions] = useState<PostOptions>(DEFAULT_OPTIONS);
  const [preview, setPreview] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<Sending>({ state: "idle" });

  useEffect(() => {
    let current = true;
    backend.getChannelSettings(boardId).then(
      (s) => {
        if (current) setSettings(s);
      },
      (raw: unknown) => {
        if (current) setError(AppError.from(raw).message);
      },
    );
    return () => {
      current = false;
    };
  }, [boardId]);

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      backend.previewPost(boardId, options, localDate()).then(
        (text) => {
          if (current) setPreview(text);
        },
        (raw: unknown) => {
          if (current) setError(AppError.from(raw).message);
        },
      );
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [boardId, options]);

  // Follow the post until it is posted or needs the user.
  useEffect(() => {
    if (sending.state !== "sending") return;
    const timer = window.setInterval(() => {
      backend.listPosts(boardId).then(
        (posts) => {
          const post = posts.find((p) => p.id === sending.post.id);
          if (!post) return;
          if (post.status === "posted") onPosted(post, performance.now() - sending.started);
          else if (post.status === "failed" || post.error) setSending({ state: "failed", post });
        },
        () => undefined,
      );
    }, 100);
    return () => {
      window.clearInterval(timer);
    };
  }, [sending, boardId, onPosted]);

  const toggleQuadrant = (q: Quadrant) => {
    setOptions((o) => ({
      ...o,
      quadrants: o.quadrants.includes(q) ? o.quadrants.filter((x) => x !== q) : [...o.quadrants, q],
    }));
  };
  const check = (
    key: "includeScores" | "includeOwners" | "includeLinks" | "includeChanges" | "notifyOwners",
    label: string,
  ) => (
    <label className="check">
      <input
        type="checkbox"
        checked={options[key]}
        onChange={(e) => {
          setOptions({ ...options, [key]: e.target.checked });
        }}
      />
      {label}
    </label>
  );

  async function post() {
    setError(null);
    try {
      const queued = await backend.postToChannel(boardId, options, localDate());
      setSending({ state: "sending", post: queued, started: performance.now() });
    } catch (raw) {
      setError(AppError.from(raw).message);
    }
  }

  const needsChannel = settings === null || editing;
  return (
    <Modal
      title="Post to channel"
      onCancel={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {sending.state === "failed" ? "Close" : "Cancel"}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!settings || editing || sending.state === "sending"}
            onClick={() => void post()}
          >
            {sending.state === "sending" ? "Posting…" : sending.state === "failed" ? "Post again" : "Post"}
          </button>
        </>
      }
    >
      {settings === undefined && !error && <p className="field-hint">Loading…</p>}
      {settings && !editing && (
        <p className="post-target">
          To <strong>{settings.channel ? `~${settings.channel}` : "the webhook's channel"}</strong> via{" "}
          <code>{settings.webhookMasked}</code>{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setEditing(true);
            }}
          >
            Change
          </button>
        </p>
      )}
      {needsChannel && settings !== undefined && (
        <ChannelSettingsForm
          boardId={boardId}
          saved={settings}
          onSaved={(s) => {
            setSettings(s);
            setEditing(false);
          }}
        />
      )}
      {!needsChannel && (
        <div className="post-layout">
          <fieldset className="post-options">
            <legend>Include</legend>
            {QUADRANTS.map((q) => (
              <label key={q} className="check">
                <input
                  type="checkbox"
                  checked={options.quadrants.includes(q)}
                  onChange={() => {
                    toggleQuadrant(q);
                  }}
                />
                {ZONE_INFO[q].name}
              </label>
            ))}
            {check("includeScores", "Scores")}
            {check("includeOwners", "Owners")}
            {check("includeLinks", "Links")}
            {check("includeChanges", "Changes since the last post")}
            {check("notifyOwners", "Notify owners (mentions their usernames)")}
            <label className="note-label">
              Note from the facilitator
              <textarea
                rows={3}
                value={options.note}
                maxLength={4000}
                onChange={(e) => {
                  setOptions({ ...options, note: e.target.value });
                }}
              />
            </label>
          </fieldset>
          <div className="post-preview" aria-label="Message preview">
            <Markdown text={withEmoji(preview)} />
          </div>
        </div>
      )}
      {sending.state === "failed" && (
        <p className="field-error" role="alert">
          {sending.post.error?.message}
          {sending.post.error?.requestId ? ` (Mattermost request id ${sending.post.error.requestId})` : ""}
          {sending.post.error?.retry ? " It stays in the outbox and goes out by itself." : ""}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
