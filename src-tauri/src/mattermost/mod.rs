//! Posting a board's outcome to Mattermost through an incoming webhook. Plain Rust, no window: what the server
//! accepts and answers is described in `shared/mattermost-webhook.md` (from Mattermost's own source).
//!
//! - [`mentions`]: user text never pings anyone.
//! - [`message`]: the board as Markdown, with the changes since the last post.
//! - [`split`]: long messages are cut at line boundaries into parts the server takes whole.
//! - [`webhook`]: the webhook address, checked, and kept secret in anything shown or logged.
//! - [`response`]: what the server's answer means, and what the user can do about it.

pub mod deliver;
pub mod mentions;
pub mod message;
pub mod outbox;
pub mod response;
pub mod send;
pub mod split;
pub mod webhook;
pub mod worker;

#[cfg(test)]
pub(crate) mod test_server;
