//! The access token in the operating system's credential store: the Secret Service on Linux (GNOME Keyring, KWallet),
//! the Keychain on macOS, the Credential Manager on Windows, through the `keyring` crate. Calls block (D-Bus), so the
//! async commands run them on a blocking thread.

use super::account::Token;
use crate::error::{Error, Result};

/// The service name of Pickboard's entries; the entry's user is the account's credential key.
const SERVICE: &str = "Pickboard Mattermost token";

/// What the credential store said about an entry.
#[derive(Debug)]
pub enum Stored {
    Found(Token),
    Missing,
}

/// There is no credential store to use (no Secret Service on this Linux desktop, or it is locked and would not open).
pub fn unavailable(detail: &str) -> Error {
    Error::NoCredentialStore(format!(
        "This computer has no credential store Pickboard can use (such as GNOME Keyring or KWallet; the system \
         said: “{detail}”), so it cannot keep your access token safely. You can stay connected for this session only: \
         the token is then kept in memory and forgotten when Pickboard quits."
    ))
}

fn store_error(err: keyring::Error) -> Error {
    let said = match err {
        keyring::Error::PlatformFailure(e) | keyring::Error::NoStorageAccess(e) => e.to_string(),
        other => other.to_string(),
    };
    // The Secret Service's messages name it first ("Secret Service: no result found"): the user is told what it is.
    let said = first_line(&said);
    unavailable(said.strip_prefix("Secret Service: ").unwrap_or(&said))
}

/// The first line of a store's message, which never holds the secret (the store is given it, never echoes it).
fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect()
}

fn entry(key: &str) -> Result<keyring::Entry> {
    keyring::Entry::new(SERVICE, key).map_err(store_error)
}

pub fn save(key: &str, token: &Token) -> Result<()> {
    entry(key)?.set_password(token.expose()).map_err(store_error)
}

pub fn load(key: &str) -> Result<Stored> {
    match entry(key)?.get_password() {
        Ok(secret) => Ok(Token::parse(&secret).map_or(Stored::Missing, Stored::Found)),
        Err(keyring::Error::NoEntry) => Ok(Stored::Missing),
        Err(err) => Err(store_error(err)),
    }
}

/// Removes the entry; one that is not there is fine.
pub fn forget(key: &str) -> Result<()> {
    match entry(key)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(err) => Err(store_error(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_store_is_named_in_words_with_what_the_system_said() {
        let err = store_error(keyring::Error::NoStorageAccess(
            "Secret Service: no result found\nmore".into(),
        ));
        let Error::NoCredentialStore(message) = err else {
            panic!("not a missing store: {err:?}");
        };
        assert!(
            message.starts_with(
                "This computer has no credential store Pickboard can use (such as GNOME Keyring or KWallet; the \
                 system said: “no result found”), so it cannot keep your access token safely."
            ),
            "{message}"
        );
    }
}
