//! Team rounds (blind estimation in the board's Mattermost thread): starting one, joining and voting, following who
//! voted, the reveal, settling at the medians and closing. Each command calls one function of `rounds::service`.

use std::sync::Arc;

use tauri::State;

use crate::commands::account::connected;
use crate::error::Result;
use crate::mattermost::connection::Session;
use crate::mattermost::worker::Wake;
use crate::rounds::outcome::Verification;
use crate::rounds::seal::Estimates;
use crate::rounds::service::{self, Reveal, RoundStatus, RoundView, Submitted};
use crate::rounds::settle::SettleOutcome;
use crate::rounds::store::Draft;
use crate::state::AppState;

/// Posts a round of `idea_ids` (empty: the Unsorted tray) in the board's channel; `deadline` in ms since 1970.
#[tauri::command]
pub async fn start_round(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    board_id: i64,
    idea_ids: Vec<i64>,
    deadline: Option<i64>,
    note: String,
) -> Result<RoundView> {
    let (who, api) = connected(&state, &session).await?;
    service::start(state.db()?, &api, &who, board_id, &idea_ids, deadline, &note).await
}

/// The round a pasted link (or post id) points to.
#[tauri::command]
pub async fn find_round(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    link: String,
) -> Result<RoundView> {
    let (who, api) = connected(&state, &session).await?;
    service::find(state.db()?, &api, &who, &link).await
}

/// The rounds of the board started here that are not closed, and the rounds joined here.
#[tauri::command]
pub async fn list_open_rounds(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    board_id: i64,
) -> Result<Vec<RoundView>> {
    let (who, _) = connected(&state, &session).await?;
    service::list_open(state.db()?, &who, board_id)
}

/// The rounds of the board started here and closed (their reveal stays to look at and settle), then those joined here
/// and closed (their result to verify), newest first.
#[tauri::command]
pub async fn list_closed_rounds(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    board_id: i64,
) -> Result<Vec<RoundView>> {
    let (who, _) = connected(&state, &session).await?;
    service::list_closed(state.db()?, &who, board_id)
}

/// Reads again whether the rounds joined here and last seen open were revealed or closed since; how many were closed.
#[tauri::command]
pub async fn refresh_joined_rounds(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
) -> Result<usize> {
    let (who, api) = connected(&state, &session).await?;
    service::refresh_joined(state.db()?, &api, &who).await
}

/// Removes a round from this computer's open rounds (its draft; if started here, the round and its key).
#[tauri::command]
pub async fn forget_round(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    root_post_id: String,
) -> Result<()> {
    let (who, _) = connected(&state, &session).await?;
    service::forget(state.db()?, &who, &root_post_id)
}

/// How many rounds started on the board are not closed (their private keys go with the board); no account needed.
#[tauri::command(async)]
pub fn count_open_rounds(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<u32> {
    state.read(|tx| crate::rounds::store::open_on_board(tx, board_id))
}

/// Keeps the voter's ballot on this computer, to come back to.
#[tauri::command]
pub async fn save_draft_ballot(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    root_post_id: String,
    estimates: Estimates,
) -> Result<Draft> {
    let (who, api) = connected(&state, &session).await?;
    service::save_draft(state.db()?, &api, &who, &root_post_id, &estimates).await
}

/// Seals the ballot and posts it in the round's thread (a later ballot replaces an earlier one); when Mattermost
/// cannot be reached now, it waits here and the background worker sends it.
#[tauri::command]
pub async fn submit_ballot(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    wake: State<'_, Wake>,
    root_post_id: String,
    estimates: Estimates,
) -> Result<Submitted> {
    let (who, api) = connected(&state, &session).await?;
    let submitted = service::submit(state.db()?, &api, &who, &root_post_id, &estimates).await?;
    if submitted.waiting.is_some() {
        // The worker's next look sets its clock to the ballots' retry.
        wake.now();
    }
    Ok(submitted)
}

/// Who voted and who of the channel has not; never anyone's estimates.
#[tauri::command]
pub async fn round_status(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    root_post_id: String,
) -> Result<RoundStatus> {
    let (_, api) = connected(&state, &session).await?;
    service::status(state.db()?, &api, &root_post_id).await
}

/// Opens the ballots (the facilitator's Pickboard only) and shows the spread per idea.
#[tauri::command]
pub async fn reveal_round(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    root_post_id: String,
) -> Result<Reveal> {
    let (who, api) = connected(&state, &session).await?;
    service::reveal(state.db()?, &api, &who, &root_post_id).await
}

/// Places every voted idea at its medians: one edit, one undo.
#[tauri::command(async)]
pub fn settle_at_medians(state: State<'_, Arc<AppState>>, root_post_id: String) -> Result<SettleOutcome> {
    service::settle_at_medians(state.db()?, &root_post_id)
}

/// Posts the result and every ballot's estimates and nonce in the thread; returns the result's post id.
#[tauri::command]
pub async fn close_round(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    root_post_id: String,
) -> Result<String> {
    let (who, api) = connected(&state, &session).await?;
    service::close(state.db()?, &api, &who, &root_post_id).await
}

/// Checks each published ballot of a closed round against the commitment its voter posted.
#[tauri::command]
pub async fn verify_round(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    link: String,
) -> Result<Verification> {
    let (_, api) = connected(&state, &session).await?;
    service::verify(&api, &link).await
}
