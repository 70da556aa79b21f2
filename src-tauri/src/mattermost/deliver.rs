//! Sends what is due in the outbox, one part after another, recording each answer as it comes. The database is locked
//! only to read the next part and to record the answer, never while waiting on the network.

use std::sync::{Mutex, PoisonError};

use super::outbox;
use super::response::Outcome;
use super::send::Sender;
use crate::error::Result;
use crate::storage::{now_ms, Db};

/// What one round of delivery did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub parts_sent: usize,
    pub failures: usize,
}

pub async fn deliver_due(db: &Mutex<Db>, sender: &Sender) -> Result<Delivered> {
    let lock = || db.lock().unwrap_or_else(PoisonError::into_inner);
    let mut done = Delivered::default();
    loop {
        let due = lock().write(|tx| outbox::next_due(tx, now_ms()))?;
        let Some(part) = due else { return Ok(done) };
        let outcome = sender.send(&part.hook, &part.payload).await;
        lock().write(|tx| outbox::record(tx, part.post_id, part.seq, &outcome, now_ms()))?;
        match outcome {
            Outcome::Posted => done.parts_sent += 1,
            Outcome::Failed(_) => done.failures += 1,
        }
    }
}
