//! Sends what is due in the outbox, one part after another, recording each answer as it comes. The database is locked
//! only to read the next part and to record the answer, never while waiting on the network.

use std::sync::{Mutex, PoisonError};

use super::account;
use super::api::Api;
use super::destination::Target;
use super::outbox;
use super::response::{Failure, Outcome, Problem};
use super::send::Sender;
use crate::error::Result;
use crate::storage::{now_ms, Db};

/// What one round of delivery did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub parts_sent: usize,
    pub failures: usize,
}

/// Delivers every due part: webhook parts with `sender`, account parts with `api` (the connected account; without
/// it, or for a post queued for another server, the part fails as "not connected" and waits for the user).
pub async fn deliver_due(db: &Mutex<Db>, sender: &Sender, api: Option<&Api>) -> Result<Delivered> {
    let account = api.ok_or_else(|| Failure::new(Problem::NotConnected));
    deliver(db, sender, account, false).await
}

/// Delivers every due part; account parts with `account`, or, when it is not at hand, they fail as it says (a
/// credential store that could not be opened now is retried; no account waits for the user). With `webhook_only`,
/// account parts are not touched at all.
pub async fn deliver(
    db: &Mutex<Db>,
    sender: &Sender,
    account: Result<&Api, Failure>,
    webhook_only: bool,
) -> Result<Delivered> {
    let lock = || db.lock().unwrap_or_else(PoisonError::into_inner);
    let mut done = Delivered::default();
    loop {
        // The next part, whether another account is connected than the one it was queued as, and, when it is to be
        // sent, the note that its send begins: one transaction.
        let due = lock().write(|tx| {
            let Some(part) = outbox::next_due_of(tx, now_ms(), webhook_only)? else {
                return Ok(None);
            };
            let another = match (&part.target, &account) {
                (
                    Target::Account {
                        user_id: Some(by), ..
                    },
                    Ok(_),
                ) => account::identity(tx)?.filter(|who| who.user_id != *by),
                _ => None,
            };
            if another.is_none() {
                outbox::begin(tx, part.post_id, part.seq, now_ms())?;
            }
            Ok(Some((part, another)))
        })?;
        let Some((part, another)) = due else {
            return Ok(done);
        };
        // Sent as someone else, it would read as theirs: it waits for the account it was queued as.
        let outcome = if let Some(connected) = another {
            Outcome::Failed(Failure::other_account(&connected.username))
        } else {
            send(&part.target, sender, account.clone()).await
        };
        lock().write(|tx| outbox::record(tx, part.post_id, part.seq, &outcome, now_ms()))?;
        match outcome {
            Outcome::Posted(_) => done.parts_sent += 1,
            Outcome::Failed(_) => done.failures += 1,
        }
    }
}

pub async fn send(target: &Target, sender: &Sender, account: Result<&Api, Failure>) -> Outcome {
    match target {
        Target::Webhook { hook, payload } => sender.send(hook, payload).await,
        Target::Account {
            server,
            channel_id,
            message,
            root_id,
            update,
            pending_id,
            tried,
            queued_at,
            ..
        } => {
            let api = match account {
                Ok(api) if api.server() == server => api,
                Ok(_) => return Outcome::Failed(Failure::new(Problem::OtherServer)),
                Err(failure) => return Outcome::Failed(failure),
            };
            // Begun before (also by a run of the app that ended on the way), it may have gone out though no answer came
            // back: Mattermost says whether it has it.
            if let (None, Some(sent_as), true) = (update, pending_id, *tried) {
                match api
                    .find_sent(channel_id, root_id.as_deref(), *queued_at, sent_as)
                    .await
                {
                    Ok(Some(post)) => return Outcome::Posted(Some(post.id)),
                    Ok(None) => {}
                    Err(failure) => return Outcome::Failed(failure),
                }
            }
            let answer = match update {
                Some(post_id) => api.patch_post(post_id, message).await,
                None => {
                    api.create_post_once(
                        channel_id,
                        message,
                        root_id.as_deref(),
                        pending_id.as_deref(),
                        None,
                    )
                    .await
                }
            };
            match answer {
                Ok(post) => Outcome::Posted(Some(post.id)),
                Err(failure) => Outcome::Failed(failure),
            }
        }
    }
}
