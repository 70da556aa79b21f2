//! The background worker of the window: delivers the outbox whenever a post is queued or retried, and when a waiting
//! part falls due (also right after start-up, for posts left by an earlier run).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::account;
use super::api::Api;
use super::connection::{self, Session};
use super::deliver::deliver_due;
use super::outbox;
use super::send::Sender;
use crate::state::AppState;
use crate::storage::now_ms;

/// How long a request may take before it counts as a timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// The longest the worker sleeps without looking at the outbox.
const IDLE: Duration = Duration::from_secs(60);

/// Wakes the worker at once (a post was queued or retried).
#[derive(Clone, Default)]
pub struct Wake(Arc<Notify>);

impl Wake {
    pub fn now(&self) {
        self.0.notify_one();
    }
}

/// The connected account's client, if there is an account and its token is at hand.
async fn account_api(state: &Arc<AppState>, session: &Arc<Session>) -> Option<Api> {
    let who = state.read(account::identity).ok().flatten()?;
    let (session, for_lookup) = (Arc::clone(session), who.clone());
    let token = tokio::task::spawn_blocking(move || session.token(&for_lookup))
        .await
        .ok()?
        .ok()
        .flatten()?;
    connection::api(&who, token).ok()
}

pub async fn run(state: Arc<AppState>, session: Arc<Session>, wake: Wake) {
    let sender = match Sender::new(REQUEST_TIMEOUT) {
        Ok(sender) => sender,
        Err(err) => {
            eprintln!("pickboard: posting to Mattermost is unavailable: {err}");
            return;
        }
    };
    loop {
        let Ok(db) = state.db() else { return };
        let api = account_api(&state, &session).await;
        if let Err(err) = deliver_due(db, &sender, api.as_ref()).await {
            eprintln!("pickboard: the outbox could not be delivered: {err}");
        }
        let next = state.read(outbox::next_due_at).ok().flatten();
        let wait = next.map_or(IDLE, |at| {
            Duration::from_millis(u64::try_from(at - now_ms()).unwrap_or(0))
                .clamp(Duration::from_millis(50), IDLE)
        });
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = wake.0.notified() => {}
        }
    }
}
