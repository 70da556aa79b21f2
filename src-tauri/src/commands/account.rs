//! The Mattermost account: connecting as yourself (server address and access token), who you are connected as, your
//! teams and channels, and the channel a board posts to as you.

use std::sync::Arc;

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::mattermost::account::{self, Account, Identity, Keeping, ServerUrl, Token};
use crate::mattermost::api::Api;
use crate::mattermost::connection::{self, mattermost_error, Session};
use crate::mattermost::credentials;
use crate::mattermost::destination::{self, AccountChannel};
use crate::mattermost::outbox;
use crate::mattermost::response::{Failure, Problem};
use crate::mattermost::worker::{Wake, REQUEST_TIMEOUT};
use crate::rounds;
use crate::state::AppState;

/// A team and the channels the account may pick in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamChannels {
    pub team_name: String,
    pub team_display: String,
    pub channels: Vec<ChannelChoice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelChoice {
    /// `team/channel`, what `set_account_channel` takes.
    pub path: String,
    pub display_name: String,
    pub private: bool,
}

/// Runs blocking credential-store work off the async threads.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| Error::Storage(e.to_string()))?
}

/// The connected account and its client, or why there is none.
pub(crate) async fn connected(state: &AppState, session: &Arc<Session>) -> Result<(Identity, Api)> {
    let who = state.read(account::identity)?.ok_or_else(|| {
        Error::not_found("Connect your Mattermost account first: its server's address and an access token.")
    })?;
    let (session, for_lookup) = (Arc::clone(session), who.clone());
    let token = blocking(move || session.token(&for_lookup)).await?;
    let token = token.ok_or_else(|| {
        Error::not_found(
            "Pickboard does not have your access token any more (it was kept for an earlier session only, or removed \
             from the credential store). Connect again.",
        )
    })?;
    let api = connection::api(&who, token)?;
    Ok((who, api))
}

/// Who Pickboard is connected as, if anyone; the token masked, or `None` when it is not at hand.
#[tauri::command]
pub async fn get_account(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
) -> Result<Option<Account>> {
    let Some(who) = state.read(account::identity)? else {
        return Ok(None);
    };
    let (session, for_lookup) = (Arc::clone(&session), who.clone());
    // A credential store that cannot be read leaves the account shown, without its token.
    let token = blocking(move || session.token(&for_lookup)).await.ok().flatten();
    let ballots_waiting = state.read(|tx| rounds::store::any_waiting(tx, &rounds::store::Owner::of(&who)))?;
    Ok(Some(Account {
        ballots_waiting,
        ..who.for_ui(token.as_ref())
    }))
}

/// Checks the address and token with Mattermost (`GET /users/me`), keeps the token as asked, and remembers who it is.
#[tauri::command]
pub async fn connect_account(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    wake: State<'_, Wake>,
    server: String,
    token: String,
    keeping: Keeping,
) -> Result<Account> {
    let typed = server;
    let server = ServerUrl::parse(&typed)?;
    let token = Token::parse(&token)?;
    let api = Api::new(server.clone(), token.clone(), REQUEST_TIMEOUT).map_err(mattermost_error)?;
    let user = api
        .me()
        .await
        .map_err(|failure| mattermost_error(server.unreachable(failure, &typed)))?;
    let who = Identity {
        server,
        user_id: user.id.clone(),
        username: user.username.clone(),
        display_name: user.display_name(),
        keeping,
    };
    let earlier = state.read(account::identity)?;
    if keeping == Keeping::CredentialStore {
        let (key, secret) = (who.credential_key(), token.clone());
        blocking(move || credentials::save(&key, &secret)).await?;
    }
    if let Some(earlier) =
        earlier.filter(|e| e.credential_key() != who.credential_key() || keeping == Keeping::Session)
    {
        let key = earlier.credential_key();
        // The earlier account's token is not needed any more; a store that cannot be reached keeps it, harmlessly.
        let _ = blocking(move || credentials::forget(&key)).await;
    }
    state.write(|tx| {
        account::save_identity(tx, &who)?;
        // Posts that failed for want of the account go out now.
        outbox::requeue_for_account(tx, who.server.as_str(), &who.user_id)
    })?;
    session.hold(&who, token.clone());
    wake.now();
    Ok(who.for_ui(Some(&token)))
}

/// Forgets the account: its token leaves the credential store and memory. Boards keep their channels.
#[tauri::command]
pub async fn disconnect_account(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
) -> Result<()> {
    let who = state.read(account::identity)?;
    session.clear();
    state.write(account::forget_identity)?;
    let mut kept = Ok(());
    if let Some(who) = who.filter(|w| w.keeping == Keeping::CredentialStore) {
        let key = who.credential_key();
        kept = blocking(move || credentials::forget(&key)).await;
    }
    // Again: a delivery may have read the token from the store meanwhile.
    session.clear();
    kept.map_err(|_| {
        Error::invalid(
            "Disconnected. Your access token could not be removed from the credential store: remove the entry \
             \"Pickboard Mattermost token\" there, or revoke the token in Mattermost (Profile › Security).",
        )
    })
}

/// The account's teams and their public and private channels, by team and then by name.
#[tauri::command]
pub async fn list_account_channels(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
) -> Result<Vec<TeamChannels>> {
    let (_, api) = connected(&state, &session).await?;
    let mut teams = api.teams().await.map_err(mattermost_error)?;
    teams.sort_by_key(|t| t.display_name.to_lowercase());
    let mut out = Vec::with_capacity(teams.len());
    for team in teams {
        let mut channels = api.channels(&team.id).await.map_err(mattermost_error)?;
        channels.sort_by_key(|c| c.display_name.to_lowercase());
        out.push(TeamChannels {
            channels: channels
                .into_iter()
                .map(|c| ChannelChoice {
                    path: format!("{}/{}", team.name, c.name),
                    display_name: c.display_name,
                    private: c.kind == "P",
                })
                .collect(),
            team_name: team.name,
            team_display: team.display_name,
        });
    }
    Ok(out)
}

/// The channel the board posts to as the account, if it does.
#[tauri::command(async)]
pub fn get_account_channel(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<Option<AccountChannel>> {
    state.read(|tx| destination::account_channel(tx, board_id))
}

/// The board posts as the account to `channel` (`team/channel`, or the channel's address), checked with Mattermost.
#[tauri::command]
pub async fn set_account_channel(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    board_id: i64,
    channel: String,
) -> Result<AccountChannel> {
    let (team_name, channel_name) = destination::parse_channel_path(&channel)?;
    let (_, api) = connected(&state, &session).await?;
    let typed = |failure: Failure| match failure.problem {
        Problem::ChannelGone => destination::typed_channel_missing(&team_name, &channel_name),
        _ => mattermost_error(failure),
    };
    let team = api.team_by_name(&team_name).await.map_err(typed)?;
    let found = api
        .channel_by_name(&team_name, &channel_name)
        .await
        .map_err(typed)?;
    let chosen = AccountChannel {
        team_id: team.id,
        team_name: team.name,
        team_display: team.display_name,
        channel_id: found.id,
        channel_name: found.name,
        channel_display: found.display_name,
    };
    state.write(|tx| destination::save_account_channel(tx, board_id, &chosen))?;
    Ok(chosen)
}

/// The board posts through its incoming webhook again.
#[tauri::command(async)]
pub fn clear_account_channel(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<()> {
    state.write(|tx| destination::clear_account_channel(tx, board_id))
}

/// Sends a short message as the account to the board's channel now, to check it; fails with what Mattermost said.
pub(crate) async fn send_account_test(
    state: &AppState,
    session: &Arc<Session>,
    channel: &AccountChannel,
) -> Result<()> {
    let (_, api) = connected(state, session).await?;
    api.create_post(
        &channel.channel_id,
        "Pickboard is connected to this channel. :white_check_mark:",
        None,
    )
    .await
    .map(|_| ())
    .map_err(mattermost_error)
}
