// Where and how a board posts: as the person using Pickboard (their Mattermost account, to a channel picked from
// theirs), or through an incoming webhook.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";

import { backend } from "../../lib/backend";
import { keys } from "../../lib/queries";
import type { AccountChannel, ChannelSettings } from "../../lib/bindings";
import { AccountChannelPicker } from "./AccountChannelPicker";
import { AccountForm, isConnected, useAccount } from "./AccountForm";
import { ChannelSettingsForm } from "./ChannelSettingsForm";

/** How a board posts: as the person's account, or through an incoming webhook. */
export type PostMode = "account" | "webhook";

interface DestinationFormProps {
  boardId: number;
  webhook: ChannelSettings | null;
  accountChannel: AccountChannel | null;
  /** The destination was saved; `message` says so (or that the test message went through). */
  onSaved: (message: string | null) => void;
  /** Hears whether the form holds a channel not saved yet. */
  onPending?: ((pending: boolean) => void) | undefined;
  /** Hears which way of posting the form shows (chosen, or the one it starts with). */
  onMode?: ((mode: PostMode) => void) | undefined;
  /** Only the account, with no choice of a webhook: Team rounds run as the account. */
  accountOnly?: boolean;
  /** The account's channel form's id, for a button outside it that saves it. */
  channelFormId?: string | undefined;
}

export function DestinationForm({
  boardId,
  webhook,
  accountChannel,
  onSaved,
  onPending,
  onMode,
  accountOnly = false,
  channelFormId,
}: DestinationFormProps) {
  const queryClient = useQueryClient();
  const { data: account } = useAccount();
  const connected = isConnected(account);
  const [chosen, setChosen] = useState<PostMode | null>(null);
  // Until the user chooses: the way the board posts now, else as the account when one is connected (or wanted).
  const mode: PostMode =
    chosen ??
    (accountChannel || accountOnly ? "account" : webhook ? "webhook" : connected ? "account" : "webhook");
  const name = useId();
  useEffect(() => {
    onMode?.(mode);
  }, [mode, onMode]);
  // A form that is not shown holds nothing to save; the one shown says for itself.
  useEffect(() => {
    if (mode === "account" && !connected) onPending?.(false);
  }, [mode, connected, onPending]);

  const option = (value: PostMode, label: string, hint: string) => (
    <label className="destination-option">
      <input
        type="radio"
        name={name}
        value={value}
        checked={mode === value}
        onChange={() => {
          setChosen(value);
        }}
      />
      <span>
        <span className="destination-label">{label}</span>
        <span className="field-hint destination-hint">{hint}</span>
      </span>
    </label>
  );

  return (
    <div className="destination">
      {!accountOnly && (
        <fieldset className="destination-choice">
          <legend>Post</legend>
          {option(
            "account",
            connected ? `As yourself (@${account.username})` : "As yourself, with your Mattermost account",
            "Long outcomes become one thread; each post links back here and can be updated later.",
          )}
          {option(
            "webhook",
            "Through an incoming webhook",
            "No account needed: posts go to the webhook's channel.",
          )}
        </fieldset>
      )}
      {mode === "account" && (
        <>
          <AccountForm />
          {connected && (
            <AccountChannelPicker
              boardId={boardId}
              current={accountChannel}
              onPending={onPending}
              formId={channelFormId}
              onSaved={(channel, message) => {
                queryClient.setQueryData(keys.accountChannel(boardId), channel);
                onSaved(message);
              }}
            />
          )}
        </>
      )}
      {mode === "webhook" && (
        <>
          {accountChannel && (
            <p className="field-hint" role="note">
              This board posts as your account now. Saving the webhook makes it post through the webhook
              again.
            </p>
          )}
          <ChannelSettingsForm
            boardId={boardId}
            saved={webhook}
            onPending={onPending}
            afterSave={
              accountChannel
                ? async () => {
                    await backend.clearAccountChannel(boardId);
                    queryClient.setQueryData(keys.accountChannel(boardId), null);
                  }
                : undefined
            }
            onSaved={(settings, message) => {
              queryClient.setQueryData(keys.channel(boardId), settings);
              onSaved(message);
            }}
          />
        </>
      )}
    </div>
  );
}
