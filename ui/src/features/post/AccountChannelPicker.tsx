// The channel a board posts to as the account: picked from the account's teams and channels, or typed as
// `team/channel` (or pasted as the channel's address), and checked with Mattermost when saved.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";

import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import { keys } from "../../lib/queries";
import type { AccountChannel } from "../../lib/bindings";
import { FormStatus, type FormStatusValue } from "./FormStatus";

interface AccountChannelPickerProps {
  boardId: number;
  /** The board's channel now, if it posts as the account. */
  current: AccountChannel | null;
  /** The channel was saved (and, with a test message, checked): the form's work is done. */
  onSaved: (channel: AccountChannel, message: string) => void;
  /** Hears whether a channel is picked or typed and not saved yet. */
  onPending?: ((pending: boolean) => void) | undefined;
  /** The form's id, for a button outside it that saves it (the Connect dialog's footer). */
  formId?: string | undefined;
}

/** Whether `error` says the channel asked for is wrong (not team/channel, not there, not open to the account), not that
 * Mattermost could not be reached. */
function isAboutTheChannel(error: AppError): boolean {
  if (error.kind === "invalid" || error.kind === "notFound") return true;
  const problem = error.problem;
  return problem === "channelNotFound" || problem === "channelGone" || problem === "notAllowed";
}

export function AccountChannelPicker({
  boardId,
  current,
  onSaved,
  onPending,
  formId,
}: AccountChannelPickerProps) {
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: keys.accountChannels, queryFn: backend.listAccountChannels });
  const [picked, setPicked] = useState(current ? `${current.teamName}/${current.channelName}` : "");
  const [typed, setTyped] = useState("");
  const [status, setStatus] = useState<FormStatusValue | null>(null);
  // The typed channel is what the error is about (not found, not team/channel): its field is marked until it changes.
  const [typedWrong, setTypedWrong] = useState(false);
  const ids = { typed: useId(), legend: useId(), status: useId() };
  const busy = status?.tone === "progress";
  const choice = typed.trim() || picked;
  // Picked and not saved: Save channel is the next step, and the dialog says so beside its dimmed Post.
  const pending = choice !== "" && choice !== (current ? `${current.teamName}/${current.channelName}` : "");
  useEffect(() => {
    onPending?.(pending);
  }, [pending, onPending]);

  // Another channel picked or typed: what was said about the last one (not found, no access) no longer holds.
  const forgetProblem = () => {
    if (status?.tone === "error") setStatus(null);
    setTypedWrong(false);
  };

  async function save(test: boolean) {
    if (busy) return;
    if (!choice) {
      setStatus({ tone: "error", text: "Pick a channel, or type it as team/channel." });
      return;
    }
    setStatus({
      tone: "progress",
      text: test ? "Sending a test message…" : "Checking the channel with Mattermost…",
    });
    let saved: AccountChannel;
    try {
      saved = await backend.setAccountChannel(boardId, choice);
    } catch (raw) {
      const error = AppError.from(raw);
      setStatus({ tone: "error", text: error.message });
      setTypedWrong(typed.trim() !== "" && isAboutTheChannel(error));
      return;
    }
    // Saved, whatever the test message does next: the board posts as the account from now on.
    queryClient.setQueryData(keys.accountChannel(boardId), saved);
    if (!test) {
      setStatus(null);
      onSaved(saved, `Channel saved: ${saved.channelDisplay}.`);
      return;
    }
    try {
      await backend.sendTestMessage(boardId);
      setStatus(null);
      onSaved(saved, "Test message sent: look for it in the channel.");
    } catch (raw) {
      setStatus({ tone: "error", text: `The test message did not go out. ${AppError.from(raw).message}` });
    }
  }

  return (
    <form
      id={formId}
      className="modal-form account-channel-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <fieldset className="channel-picker" aria-labelledby={ids.legend} aria-busy={teams.isPending}>
        <legend id={ids.legend}>Your channels</legend>
        {teams.isPending && <p className="field-hint">Loading your teams and channels…</p>}
        {teams.error && (
          <div className="field-error" role="alert">
            <p className="account-status-text">
              Your channels could not be listed. {AppError.from(teams.error).message}
            </p>
            <button type="button" className="button" onClick={() => void teams.refetch()}>
              Try again
            </button>
          </div>
        )}
        {teams.data?.length === 0 && (
          <p className="field-hint">
            This account is in no team yet. Join a team in Mattermost, or type the channel below.
          </p>
        )}
        {teams.data && teams.data.length > 0 && (
          <div className="channel-list">
            {teams.data.map((team) => (
              <div key={team.teamName} role="group" aria-label={team.teamDisplay} className="channel-team">
                <p className="channel-team-name" aria-hidden="true">
                  {team.teamDisplay}
                </p>
                {team.channels.length === 0 && <p className="field-hint">No channels in this team.</p>}
                {team.channels.map((c) => (
                  <label key={c.path} className="channel-option">
                    <input
                      type="radio"
                      name={`channel-${boardId}`}
                      value={c.path}
                      checked={!typed.trim() && picked === c.path}
                      onChange={() => {
                        setPicked(c.path);
                        setTyped("");
                        forgetProblem();
                      }}
                    />
                    <span className="channel-glyph" aria-hidden="true">
                      {c.private ? "🔒" : "#"}
                    </span>
                    <span className="channel-name">{c.displayName}</span>
                    {c.private && <span className="visually-hidden"> (private)</span>}
                    <span className="channel-path">{c.path}</span>
                  </label>
                ))}
              </div>
            ))}
          </div>
        )}
      </fieldset>
      <label htmlFor={ids.typed}>Or type it as team/channel, or paste the channel&apos;s address</label>
      <input
        id={ids.typed}
        spellCheck={false}
        value={typed}
        placeholder="for example infra/planning"
        aria-invalid={typedWrong}
        aria-errormessage={typedWrong ? ids.status : undefined}
        onChange={(e) => {
          setTyped(e.target.value);
          forgetProblem();
        }}
      />
      <div className="channel-actions">
        <button type="submit" className={pending ? "button button-primary" : "button"} disabled={busy}>
          {busy && status.text.startsWith("Checking") ? "Checking…" : "Save channel"}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save(true)}>
          {busy && status.text.startsWith("Sending") ? "Sending…" : "Send test message"}
        </button>
      </div>
      <FormStatus status={status} id={ids.status} />
    </form>
  );
}
