//! The connected account at run time: its token, fetched once from the credential store (or given for the session
//! only) and kept in memory while Pickboard runs, and the API client made from it.

use std::sync::{Mutex, PoisonError};

use super::account::{Identity, Keeping, Token};
use super::api::Api;
use super::credentials::{self, Stored};
use super::response::Failure;
use super::worker::REQUEST_TIMEOUT;
use crate::error::{Error, Result};

/// The token of the connected account for this run, with the credential key it belongs to.
#[derive(Default)]
pub struct Session {
    token: Mutex<Option<(String, Token)>>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Session(…)")
    }
}

impl Session {
    fn held(&self, who: &Identity) -> Option<Token> {
        let key = who.credential_key();
        self.token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    }

    pub fn hold(&self, who: &Identity, token: Token) {
        *self.token.lock().unwrap_or_else(PoisonError::into_inner) = Some((who.credential_key(), token));
    }

    pub fn clear(&self) {
        *self.token.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// The account's token: held in memory, else read from the credential store (blocking: call it off the async
    /// threads). `None` when it is not to be had: kept for an earlier session only, or gone from the store.
    pub fn token(&self, who: &Identity) -> Result<Option<Token>> {
        if let Some(token) = self.held(who) {
            return Ok(Some(token));
        }
        if who.keeping == Keeping::Session {
            return Ok(None);
        }
        match credentials::load(&who.credential_key())? {
            Stored::Found(token) => {
                self.hold(who, token.clone());
                Ok(Some(token))
            }
            Stored::Missing => Ok(None),
        }
    }
}

/// An API client for `who` with `token`.
pub fn api(who: &Identity, token: Token) -> Result<Api> {
    Api::new(who.server.clone(), token, REQUEST_TIMEOUT).map_err(mattermost_error)
}

/// A failure that is reported at once (not kept in the outbox) as the one error type.
pub fn mattermost_error(failure: Failure) -> Error {
    Error::Mattermost(Box::new(failure.not_queued()))
}
