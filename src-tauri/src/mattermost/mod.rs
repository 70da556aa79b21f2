//! Posting a board's outcome to Mattermost, through an incoming webhook or as the connected account (REST API).
//! Plain Rust, no window. What the server
//! accepts and answers, as read in Mattermost's own source, is in `docs/mattermost.md`: the answers, the error shape,
//! the limits and how mentions work.
//!
//! - [`account`], [`credentials`], [`connection`]: the account posted as, its token kept in the OS credential store.
//! - [`api`]: the REST API calls and what their answers mean.
//! - [`destination`]: where a board's posts go (webhook, or a channel as the account).
//! - [`mentions`]: user text never pings anyone.
//! - [`message`]: the board as Markdown, with the changes since the last post; a long outcome cut between lines
//!   into posts the server takes whole, each readable on its own.
//! - [`webhook`]: the webhook address, checked, and kept secret in anything shown or logged.
//! - [`response`]: what the server's answer means, and what the user can do about it.

pub mod account;
pub mod api;
pub mod connection;
pub mod credentials;
pub mod deliver;
pub mod destination;
pub mod mentions;
pub mod message;
pub mod outbox;
pub mod response;
pub mod send;
pub mod webhook;
pub mod worker;
