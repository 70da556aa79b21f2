//! The access token in a real credential store: the Secret Service (GNOME Keyring) of the test's D-Bus session.
//! `scripts/test.sh` runs these inside one (`scripts/with-keyring.sh`); they are ignored by a plain `cargo test`,
//! where there may be no Secret Service.

use std::process::Command;

use pickboard_lib::mattermost::account::Token;
use pickboard_lib::mattermost::credentials::{self, Stored};

/// What `secret-tool` (libsecret's command line) finds in the store for `key`, as another program would.
fn lookup(key: &str) -> String {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "Pickboard Mattermost token", "username", key])
        .output()
        .expect("run secret-tool");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs a Secret Service: scripts/test.sh runs it in one"]
fn a_token_is_kept_in_the_secret_service_read_back_and_forgotten() {
    let key = format!("https://chat.example.com user-{}", std::process::id());
    let token = Token::parse("9x3kqkp8cbgm5ebxnt3ukjfd1h").unwrap();
    assert!(matches!(credentials::load(&key).unwrap(), Stored::Missing));
    credentials::save(&key, &token).unwrap();
    assert_eq!(
        lookup(&key),
        token.expose(),
        "the store holds the token under Pickboard's name"
    );
    match credentials::load(&key).unwrap() {
        Stored::Found(found) => assert_eq!(found, token),
        Stored::Missing => panic!("the token was not read back"),
    }
    let other = Token::parse("a-second-token-xxxxxxxxxxx").unwrap();
    credentials::save(&key, &other).unwrap();
    assert_eq!(
        lookup(&key),
        other.expose(),
        "connecting again replaces the token"
    );
    credentials::forget(&key).unwrap();
    assert!(matches!(credentials::load(&key).unwrap(), Stored::Missing));
    assert_eq!(lookup(&key), "");
    credentials::forget(&key).expect("forgetting twice is fine");
}

#[test]
#[ignore = "needs no Secret Service: scripts/test.sh runs it outside one"]
fn without_a_secret_service_the_error_says_so_and_offers_the_session() {
    let token = Token::parse("9x3kqkp8cbgm5ebxnt3ukjfd1h").unwrap();
    let err = credentials::save("k", &token).unwrap_err();
    assert_eq!(err.kind(), pickboard_lib::error::ErrorKind::NoCredentialStore);
    let message = err.to_string();
    assert!(message.contains("no credential store"), "{message}");
    assert!(message.contains("for this session only"), "{message}");
    assert!(!message.contains(token.expose()));
}
