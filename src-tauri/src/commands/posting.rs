//! Posting the outcome to Mattermost: the channel's settings, the preview, the outbox and a test message.

use std::sync::Arc;

use tauri::State;

use crate::error::{Error, Result};
use crate::mattermost::connection::Session;
use crate::mattermost::destination;
use crate::mattermost::message::PostOptions;
use crate::mattermost::outbox::{self, ChannelSettings, ChannelSettingsInput, Post, Sending};
use crate::mattermost::response::Outcome;
use crate::mattermost::send::{Payload, Sender};
use crate::mattermost::worker::{Wake, REQUEST_TIMEOUT};
use crate::state::AppState;

#[tauri::command(async)]
pub fn get_channel_settings(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
) -> Result<Option<ChannelSettings>> {
    state.read(|tx| outbox::settings(tx, board_id))
}

#[tauri::command(async)]
pub fn save_channel_settings(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    settings: ChannelSettingsInput,
) -> Result<ChannelSettings> {
    state.write(|tx| outbox::save_settings(tx, board_id, &settings))
}

/// The message as Mattermost will get it; `date` is the user's local date, already formatted. `update_last`: as an
/// update of the board's last outcome post, whose changes are those since the post before it.
#[tauri::command(async)]
pub fn preview_post(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    options: PostOptions,
    date: String,
    update_last: bool,
) -> Result<String> {
    let sending = Sending { update_last };
    state.read(|tx| outbox::preview(tx, board_id, &options, &date, sending))
}

/// Stores the post in the outbox and wakes the sender; the UI follows it in the Posts list. Posting as the account,
/// `update_last` updates the board's last outcome post in place instead of adding a new one.
#[tauri::command(async)]
pub fn post_to_channel(
    state: State<'_, Arc<AppState>>,
    wake: State<'_, Wake>,
    board_id: i64,
    options: PostOptions,
    date: String,
    update_last: bool,
) -> Result<Post> {
    let sending = Sending { update_last };
    let post = state.write(|tx| outbox::queue(tx, board_id, &options, &date, sending))?;
    wake.now();
    Ok(post)
}

#[tauri::command(async)]
pub fn list_posts(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<Vec<Post>> {
    state.read(|tx| outbox::list(tx, board_id))
}

/// The board's posts that wait in the outbox, oldest first (see `outbox::waiting`).
#[tauri::command(async)]
pub fn waiting_posts(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<Vec<Post>> {
    state.read(|tx| outbox::waiting(tx, board_id))
}

/// How many posts of all boards wait in the outbox (see `outbox::waiting_count`).
#[tauri::command(async)]
pub fn waiting_post_count(state: State<'_, Arc<AppState>>) -> Result<u32> {
    state.read(outbox::waiting_count)
}

/// The post that "Update the last post" would update in place, if there is one (see `outbox::updatable`).
#[tauri::command(async)]
pub fn updatable_post(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<Option<i64>> {
    state.read(|tx| outbox::updatable(tx, board_id))
}

#[tauri::command(async)]
pub fn retry_post(state: State<'_, Arc<AppState>>, wake: State<'_, Wake>, post_id: i64) -> Result<Post> {
    let post = state.write(|tx| outbox::retry(tx, post_id))?;
    wake.now();
    Ok(post)
}

#[tauri::command(async)]
pub fn discard_post(state: State<'_, Arc<AppState>>, post_id: i64) -> Result<Post> {
    state.write(|tx| outbox::discard(tx, post_id))
}

/// Sends a short message to the board's channel now, to check the settings (as the account when the board posts as
/// the account); fails with what Mattermost said.
#[tauri::command]
pub async fn send_test_message(
    state: State<'_, Arc<AppState>>,
    session: State<'_, Arc<Session>>,
    board_id: i64,
) -> Result<()> {
    if let Some(channel) = state.read(|tx| destination::account_channel(tx, board_id))? {
        return super::account::send_account_test(&state, &session, &channel).await;
    }
    let target = state.read(|tx| outbox::stored_settings(tx, board_id))?;
    let (hook, template) = target.ok_or_else(|| Error::invalid("Save the webhook address first."))?;
    let sender = Sender::new(REQUEST_TIMEOUT).map_err(|e| Error::Storage(e.to_string()))?;
    let payload = Payload {
        text: "Pickboard is connected to this channel. :white_check_mark:".into(),
        ..template
    };
    match sender.send(&hook, &payload).await {
        Outcome::Posted(_) => Ok(()),
        Outcome::Failed(failure) => Err(Error::Mattermost(Box::new(failure.not_queued()))),
    }
}
