//! The background worker of the window: delivers the outbox whenever a post is queued or retried, and when a waiting
//! part falls due (also right after start-up, for posts left by an earlier run).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::account;
use super::api::Api;
use super::connection::{self, Session};
use super::deliver::deliver;
use super::outbox;
use super::response::{Failure, Problem};
use super::send::Sender;
use crate::rounds;
use crate::state::AppState;
use crate::storage::now_ms;

/// How long a request may take before it counts as a timeout.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// The longest the worker sleeps without looking at the outbox.
const IDLE: Duration = Duration::from_secs(60);
/// How often a team round's ballot that waits for Mattermost is tried again.
const BALLOT_RETRY: Duration = Duration::from_secs(15);

/// Wakes the worker at once (a post was queued or retried).
#[derive(Clone, Default)]
pub struct Wake(Arc<Notify>);

impl Wake {
    pub fn now(&self) {
        self.0.notify_one();
    }
}

/// The connected account's client, or why it is not at hand: no account or no token (the post waits for the user),
/// or a credential store that could not be opened now (the post is retried).
async fn account_api(state: &Arc<AppState>, session: &Arc<Session>) -> Result<Api, Failure> {
    let not_connected = || Failure::new(Problem::NotConnected);
    let who = state
        .read(account::identity)
        .ok()
        .flatten()
        .ok_or_else(not_connected)?;
    let (session, for_lookup) = (Arc::clone(session), who.clone());
    let token = tokio::task::spawn_blocking(move || session.token(&for_lookup))
        .await
        .map_err(|_| not_connected())?
        .map_err(|_| Failure::new(Problem::CredentialStoreUnavailable))?
        .ok_or_else(not_connected)?;
    connection::api(&who, token).map_err(|_| not_connected())
}

/// Delivers what is due, again and again; `changed` is called after a round of delivery that sent a part or met a
/// problem, so that the window reads its posts again.
pub async fn run(
    state: Arc<AppState>,
    session: Arc<Session>,
    wake: Wake,
    changed: impl Fn() + Send + 'static,
) {
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
        match deliver(db, &sender, api.as_ref().map_err(Clone::clone), false).await {
            Ok(done) if done.parts_sent > 0 || done.failures > 0 => changed(),
            Ok(_) => {}
            Err(err) => eprintln!("pickboard: the outbox could not be delivered: {err}"),
        }
        let who = state.read(account::identity).ok().flatten();
        if let (Ok(api), Some(who)) = (&api, &who) {
            if let Err(err) = rounds::service::send_waiting(db, api, who).await {
                eprintln!("pickboard: a waiting ballot could not be sent: {err}");
            }
        }
        let next = state.read(outbox::next_due_at).ok().flatten();
        let mut wait = next.map_or(IDLE, |at| {
            Duration::from_millis(u64::try_from(at - now_ms()).unwrap_or(0))
                .clamp(Duration::from_millis(50), IDLE)
        });
        let ballots_wait = who.as_ref().is_some_and(|who| {
            state
                .read(|tx| rounds::store::any_waiting(tx, &rounds::store::Owner::of(who)))
                .unwrap_or(false)
        });
        if ballots_wait {
            wait = wait.min(BALLOT_RETRY);
        }
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = wake.0.notified() => {}
        }
    }
}
