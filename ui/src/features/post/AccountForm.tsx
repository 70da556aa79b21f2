// The Mattermost account Pickboard posts as: connect with the server's address and a personal access token (a
// password: sent once, never shown again but masked), see who it is connected as, and disconnect.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";

import { SecretField } from "../../components/SecretField";
import { backend } from "../../lib/backend";
import { AppError } from "../../lib/ipc";
import { afterChange, keys } from "../../lib/queries";
import { focusAsByLastInput } from "../../lib/tabRing";
import type { Account, Keeping } from "../../lib/bindings";
import { useBroughtIntoView } from "./FormStatus";

/** The account, as every part of the UI reads it. */
export function useAccount() {
  return useQuery({ queryKey: keys.account, queryFn: backend.getAccount });
}

/** The channel board `boardId` posts to as the account, if it has one (rounds are posted there too). */
export function useAccountChannel(boardId: number, enabled = true) {
  return useQuery({
    queryKey: keys.accountChannel(boardId),
    queryFn: () => backend.getAccountChannel(boardId),
    enabled,
  });
}

/** Whether Pickboard can post as `account` now: connected, with its token at hand. */
export function isConnected(
  account: Account | null | undefined,
): account is Account & { tokenMasked: string } {
  return !!account && account.tokenMasked !== null;
}

/** The field an error of Connect is about, marked and kept until that field changes (null: about neither). */
type Field = "server" | "token";

type Status =
  | { tone: "progress"; text: string }
  | { tone: "error"; text: string; noStore: boolean; field: Field | null }
  | { tone: "ok"; text: string }
  | { tone: "note"; text: string };

/** The address typed and not yet connected: a dialog closed by mistake gives it back when opened again. The token is
 * a secret, and is not kept. */
let serverDraft: string | null = null;

/** Whether `typed` is the address of `server`, as the backend keeps it (with its scheme, without a slash at the end):
 * "chat.example.com/" is the server "https://chat.example.com". */
function isServer(typed: string, server: string): boolean {
  const address = typed.trim().replace(/\/+$/, "");
  return (address.includes("://") ? address : `https://${address}`).toLowerCase() === server.toLowerCase();
}

export function AccountForm() {
  const queryClient = useQueryClient();
  const { data: account, error: loadError } = useAccount();
  const [server, setServerState] = useState<string | null>(serverDraft);
  const setServer = (value: string | null) => {
    serverDraft = value || null;
    setServerState(value);
  };
  const [token, setToken] = useState("");
  const [status, setStatus] = useState<Status | null>(null);
  const [confirming, setConfirming] = useState(false);
  const ids = { server: useId(), token: useId(), hint: useId(), status: useId() };
  const busy = status?.tone === "progress";
  // What Connect said, brought into view as FormStatus does: below the fields it was cut off at the dialog's bottom.
  const statusRef = useBroughtIntoView<HTMLDivElement>(status?.text);
  // The address field starts with the server of an account whose token is gone, so connecting again is one paste.
  const serverValue = server ?? account?.server ?? "";

  // Connected, the form gives way to the account's card: the focus goes to it, not to the page (the button pressed
  // is gone, and the next Tab started from nowhere that showed).
  const focusCard = useRef(false);

  /** What the fields hold now, for an answer that comes after they were changed (the check takes seconds). */
  const typed = useRef({ server: "", token: "" });
  /** The field changed answers what the last Connect said went wrong about it: it goes (it stayed over the corrected
   * token). What was said about the other field stays: a wrong address's message went at a key in the token. */
  const answered = (field: Field, value: string) => {
    typed.current[field] = value;
    setStatus((now) =>
      now?.tone === "error" && now.field !== (field === "server" ? "token" : "server") ? null : now,
    );
  };

  async function connect(keeping: Keeping) {
    if (busy) return;
    if (!serverValue.trim() || !token.trim()) {
      setStatus({
        tone: "error",
        text: !serverValue.trim()
          ? "Type your Mattermost server's address first, like https://chat.example.com."
          : "Paste your personal access token first.",
        noStore: false,
        field: !serverValue.trim() ? "server" : "token",
      });
      return;
    }
    setStatus({ tone: "progress", text: "Checking the address and the token with Mattermost…" });
    const asked = { server: serverValue, token };
    typed.current = { ...asked };
    try {
      const connected = await backend.connectAccount(serverValue.trim(), token.trim(), keeping);
      focusCard.current = true;
      setToken("");
      setServer(null);
      setStatus(null);
      queryClient.setQueryData(keys.account, connected);
      // Another account's channels, boards' channels and rounds are not this one's.
      await afterChange(queryClient, { account: true });
    } catch (raw) {
      const error = AppError.from(raw);
      // What went wrong with the address or token as they were is no answer for them as they are now: it showed
      // beside the corrected address.
      if (typed.current.server !== asked.server || typed.current.token !== asked.token) {
        setStatus({
          tone: "note",
          text: "The address or token changed while Mattermost was checking them: press Connect to check them as they are now.",
        });
        return;
      }
      setStatus({
        tone: "error",
        text: error.message,
        noStore: error.kind === "noCredentialStore",
        field: fieldOf(error),
      });
    }
  }

  async function disconnect() {
    setStatus({ tone: "progress", text: "Disconnecting…" });
    try {
      await backend.disconnectAccount();
      // The form that follows keeps the address: connecting again (as another user) meant typing it anew.
      if (account) setServer(account.server);
      setConfirming(false);
      setStatus({ tone: "ok", text: "Disconnected: Pickboard has forgotten the token." });
      queryClient.setQueryData(keys.account, null);
      queryClient.removeQueries({ queryKey: keys.accountChannels });
      void afterChange(queryClient, { account: true });
    } catch (raw) {
      setStatus({ tone: "error", text: AppError.from(raw).message, noStore: false, field: null });
    }
  }

  const wrong = status?.tone === "error" ? status.field : null;
  const statusLine = status && (
    <div
      ref={statusRef}
      id={ids.status}
      className={status.tone === "error" ? "field-error" : status.tone === "ok" ? "field-ok" : "field-hint"}
      role={status.tone === "error" ? "alert" : "status"}
      aria-busy={status.tone === "progress"}
    >
      <p className="account-status-text">{status.text}</p>
      {status.tone === "error" && status.noStore && (
        <button type="button" className="button" onClick={() => void connect("session")}>
          Keep it for this session only
        </button>
      )}
    </div>
  );

  if (account === undefined && !loadError) return <p className="field-hint">Loading…</p>;

  if (isConnected(account)) {
    return (
      <section
        className="account-card"
        aria-label="Mattermost account"
        tabIndex={-1}
        ref={(card) => {
          if (card && focusCard.current) {
            focusCard.current = false;
            // With its ring after Enter: WebKit draws none for a focus a script moves, and it looked lost.
            focusAsByLastInput(card);
          }
        }}
      >
        <p className="account-who">
          Connected as <strong>@{account.username}</strong>
          {account.displayName ? ` (${account.displayName})` : ""} on{" "}
          <span className="account-server">{account.server}</span>
        </p>
        <p className="field-hint">
          Token <code>{account.tokenMasked}</code>,{" "}
          {account.keeping === "session"
            ? "kept for this session only: Pickboard forgets it when it quits."
            : "kept in this computer's credential store."}
        </p>
        {confirming ? (
          <div className="account-confirm" role="group" aria-label="Disconnect?">
            <p>
              Disconnect @{account.username}? Pickboard forgets the token; boards that post as you wait until
              you connect again.
            </p>
            <div className="channel-actions">
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() => void disconnect()}
              >
                Disconnect
              </button>
              <button
                type="button"
                className="button"
                data-autofocus
                onClick={() => {
                  setConfirming(false);
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div className="channel-actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                setStatus(null);
                setConfirming(true);
              }}
            >
              Disconnect…
            </button>
          </div>
        )}
        {statusLine}
      </section>
    );
  }

  return (
    <form
      className="modal-form account-form"
      aria-label="Connect to Mattermost"
      // The backend checks the address, and accepts more than the browser's URL check (chat.example.com).
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void connect("credentialStore");
      }}
    >
      {/* About the server it was connected to: with another address typed, it stays, dimmed (taken away, it moved the
          fields up under the pointer, and a click meant for the token landed beside it). */}
      {account && (
        <p className={isServer(serverValue, account.server) ? "field-error" : "field-hint"} role="note">
          Pickboard was connected as @{account.username} on {account.server}, but no longer has the access
          token (it was kept for an earlier session only, or removed from the credential store). Connect
          again.
        </p>
      )}
      {loadError && <p className="field-error">{AppError.from(loadError).message}</p>}
      <label htmlFor={ids.server}>Mattermost server address</label>
      <input
        id={ids.server}
        type="url"
        autoComplete="url"
        spellCheck={false}
        value={serverValue}
        placeholder="https://chat.example.com"
        // The first field left to fill takes the focus: connecting again, the address is there already.
        data-autofocus={account ? undefined : true}
        aria-invalid={wrong === "server"}
        aria-errormessage={wrong === "server" ? ids.status : undefined}
        onChange={(e) => {
          setServer(e.target.value);
          answered("server", e.target.value);
        }}
      />
      <label htmlFor={ids.token}>Personal access token</label>
      <SecretField
        what="access token"
        id={ids.token}
        value={token}
        data-autofocus={account ? true : undefined}
        aria-describedby={ids.hint}
        aria-invalid={wrong === "token"}
        aria-errormessage={wrong === "token" ? ids.status : undefined}
        onChange={(e) => {
          setToken(e.target.value);
          answered("token", e.target.value);
        }}
      />
      <p id={ids.hint} className="field-hint">
        In Mattermost: your avatar › Profile › Security › Personal access tokens › Create token (a system
        admin must enable personal access tokens first). A bot account&apos;s token works too. Pickboard keeps
        it in the system&apos;s credential store, never in its files.
      </p>
      <div className="channel-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Connecting…" : "Connect"}
        </button>
      </div>
      {statusLine}
    </form>
  );
}

/** Which field a refused Connect is about: the token's own checks and Mattermost's refusal of it point at the token;
 * the address's checks, and a server that is not there, does not answer or is not Mattermost, at the address (the
 * backend's words say so: "Nothing answered at …. Check the address and its port."). */
function fieldOf(error: AppError): Field | null {
  if (error.kind === "invalid") return /token/i.test(error.message) ? "token" : "server";
  switch (error.problem) {
    case "notSignedIn":
      return "token";
    case "serverNotFound":
    case "offline":
    case "noAnswer":
    case "tls":
    case "notMattermostServer":
    case "notMattermost":
    case "timeout":
      return "server";
    default:
      return null;
  }
}
