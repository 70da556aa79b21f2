// Where a board posts: its incoming webhook (a secret, shown masked once saved) and optional overrides.
import { useEffect, useId, useState } from "react";

import { SecretField } from "../../components/SecretField";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import type { ChannelSettings } from "../../lib/bindings";
import { FormStatus, type FormStatusValue } from "./FormStatus";

interface ChannelSettingsFormProps {
  boardId: number;
  saved: ChannelSettings | null;
  /** The settings were saved (and, with `message`, checked): the form's work is done. */
  onSaved: (settings: ChannelSettings, message: string | null) => void;
  /** Runs once the settings are saved: the board stops posting as the account when it uses its webhook again (only
   * then, so that a webhook address that is refused leaves the board posting where it did). */
  afterSave?: (() => Promise<unknown>) | undefined;
  /** Hears whether the form holds changes not saved yet. */
  onPending?: ((pending: boolean) => void) | undefined;
}

/** How long a test message may take before Pickboard gives up on the server (the request's timeout, and a margin). */
const TEST_TIMEOUT_SECONDS = 20;

export function ChannelSettingsForm({
  boardId,
  saved: savedBefore,
  onSaved,
  afterSave,
  onPending,
}: ChannelSettingsFormProps) {
  // What is saved now: the settings the dialog had, or what this form saved since (a test message that failed
  // leaves the form open, with the address kept).
  const [stored, setStored] = useState(savedBefore);
  const saved = stored;
  const [webhook, setWebhook] = useState("");
  const [channel, setChannel] = useState(saved?.channel ?? "");
  const [username, setUsername] = useState(saved?.username ?? "");
  const [iconUrl, setIconUrl] = useState(saved?.iconUrl ?? "");
  const [status, setStatus] = useState<FormStatusValue | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { webhook: useId(), channel: useId(), username: useId(), icon: useId() };
  const pending =
    webhook.trim() !== "" ||
    channel !== (saved?.channel ?? "") ||
    username !== (saved?.username ?? "") ||
    iconUrl !== (saved?.iconUrl ?? "");
  // Saved here since the dialog opened (by Send test message, which saves first), the channel is still to be saved as
  // far as the dialog knows: while the test message was on its way, or after it failed, the dialog's Post said "Enter
  // the incoming webhook address first", with the address kept and shown as saved.
  const savedHere = stored !== savedBefore;
  useEffect(() => {
    onPending?.(pending || savedHere);
  }, [pending, savedHere, onPending]);
  const plainHttp = webhook.trim().startsWith("http://") || (!webhook.trim() && saved?.plainHttp === true);

  /** Saves the fields; the form stays open until the caller says it is done. */
  async function store(): Promise<ChannelSettings | null> {
    try {
      if (!webhook.trim() && !saved)
        throw new AppError({ kind: "invalid", message: "Enter the incoming webhook address first." });
      const settings = await backend.saveChannelSettings(boardId, {
        // An empty field keeps the saved address, which never comes back to the page.
        webhookUrl: webhook.trim(),
        channel,
        username,
        iconUrl,
      });
      await afterSave?.();
      setWebhook("");
      setStored(settings);
      return settings;
    } catch (raw) {
      setStatus({ tone: "error", text: AppError.from(raw).message });
      return null;
    }
  }

  async function save() {
    setBusy(true);
    setStatus(null);
    const settings = await store();
    setBusy(false);
    if (settings) onSaved(settings, "Channel saved.");
  }

  /** Saves, then sends a test message and waits for the server's answer: the form closes only when it went through. */
  async function test() {
    setBusy(true);
    setStatus({
      tone: "progress",
      text: `Sending a test message… (Pickboard waits up to ${TEST_TIMEOUT_SECONDS} seconds for Mattermost)`,
    });
    const settings = await store();
    if (!settings) {
      setBusy(false);
      return;
    }
    try {
      await backend.sendTestMessage(boardId);
      setBusy(false);
      onSaved(settings, "Test message sent: look for it in the channel.");
    } catch (raw) {
      setBusy(false);
      setStatus({ tone: "error", text: `The test message did not go out. ${AppError.from(raw).message}` });
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
      <SecretField
        what="webhook address"
        id={ids.webhook}
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
        <button type="submit" className={pending ? "button button-primary" : "button"} disabled={busy}>
          Save channel
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || (!saved && !webhook.trim())}
          onClick={() => void test()}
        >
          {status?.tone === "progress" ? "Sending…" : "Send test message"}
        </button>
      </div>
      <FormStatus status={status} />
    </form>
  );
}
