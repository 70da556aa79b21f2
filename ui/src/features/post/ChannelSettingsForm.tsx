// Where a board posts: its incoming webhook (a secret, shown masked once saved) and optional overrides.
import { useId, useState } from "react";

import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import type { ChannelSettings } from "../../lib/bindings";

interface ChannelSettingsFormProps {
  boardId: number;
  saved: ChannelSettings | null;
  onSaved: (settings: ChannelSettings) => void;
}

export function ChannelSettingsForm({ boardId, saved, onSaved }: ChannelSettingsFormProps) {
  const [webhook, setWebhook] = useState("");
  const [channel, setChannel] = useState(saved?.channel ?? "");
  const [username, setUsername] = useState(saved?.username ?? "");
  const [iconUrl, setIconUrl] = useState(saved?.iconUrl ?? "");
  const [status, setStatus] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { webhook: useId(), channel: useId(), username: useId(), icon: useId() };
  const plainHttp = webhook.trim().startsWith("http://") || (!webhook.trim() && saved?.plainHttp === true);

  async function save(): Promise<boolean> {
    setBusy(true);
    setStatus(null);
    try {
      if (!webhook.trim() && !saved)
        throw new AppError({ kind: "invalid", message: "Paste the webhook address first." });
      const settings = await backend.saveChannelSettings(boardId, {
        // An empty field keeps the saved address, which never comes back to the page.
        webhookUrl: webhook.trim(),
        channel,
        username,
        iconUrl,
      });
      setWebhook("");
      onSaved(settings);
      setStatus({ tone: "ok", text: "Saved." });
      return true;
    } catch (raw) {
      setStatus({ tone: "error", text: AppError.from(raw).message });
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function test() {
    if (webhook.trim() && !(await save())) return;
    setBusy(true);
    try {
      await backend.sendTestMessage(boardId);
      setStatus({ tone: "ok", text: "Test message sent. Look for it in the channel." });
    } catch (raw) {
      setStatus({ tone: "error", text: AppError.from(raw).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="channel-form modal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={ids.webhook}>Incoming webhook address</label>
      <input
        id={ids.webhook}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={webhook}
        placeholder={
          saved ? `${saved.webhookMasked} (saved; paste to replace)` : "https://chat.example.com/hooks/…"
        }
        onChange={(e) => {
          setWebhook(e.target.value);
        }}
      />
      <p className="field-hint">
        In Mattermost: Integrations › Incoming webhooks › Add. Anyone with this address can post to the
        channel, so Pickboard keeps it to itself.
      </p>
      {plainHttp && (
        <p className="field-error">
          This address uses plain http: the message and the address travel unencrypted.
        </p>
      )}
      <label htmlFor={ids.channel}>Channel (optional)</label>
      <input
        id={ids.channel}
        value={channel}
        placeholder="The webhook's own channel"
        onChange={(e) => {
          setChannel(e.target.value);
        }}
      />
      <label htmlFor={ids.username}>Post as (optional)</label>
      <input
        id={ids.username}
        value={username}
        placeholder="Pickboard"
        onChange={(e) => {
          setUsername(e.target.value);
        }}
      />
      <label htmlFor={ids.icon}>Icon address (optional)</label>
      <input
        id={ids.icon}
        value={iconUrl}
        placeholder="https://…"
        onChange={(e) => {
          setIconUrl(e.target.value);
        }}
      />
      <p className="field-hint">
        The name and icon show only if the Mattermost admin lets integrations override them.
      </p>
      <div className="channel-actions">
        <button type="submit" className="button" disabled={busy}>
          Save channel
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || (!saved && !webhook.trim())}
          onClick={() => void test()}
        >
          Send test message
        </button>
      </div>
      {status && (
        <p
          className={status.tone === "ok" ? "field-ok" : "field-error"}
          role={status.tone === "ok" ? "status" : "alert"}
        >
          {status.text}
        </p>
      )}
    </form>
  );
}
