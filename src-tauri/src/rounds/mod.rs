//! Team rounds: blind estimation in a Mattermost thread (issue 12). Plain Rust, no window.
//!
//! The facilitator posts a round (its ideas and an X25519 public key) in the board's channel; each member posts a
//! ballot sealed to that key with a commitment; the facilitator's Pickboard, which alone keeps the private key,
//! opens the ballots at the reveal, shows the spread, settles the ideas at the medians (one undo), and closes the
//! round by publishing every ballot's estimates and nonce, so that anyone can check them against the commitments.
//!
//! - [`record`]: what goes into Mattermost (versioned props) and the readable text beside it;
//! - [`seal`]: sealing, opening and commitments;
//! - [`collect`]: reading the thread: the latest ballot per member, and what is not counted and why;
//! - [`stats`]: medians, quartiles, spread, the split flag, the order by disagreement;
//! - [`settle`]: placing the ideas at the medians as one edit in the board's history;
//! - [`outcome`]: the closing reply and verifying it;
//! - [`store`]: the rounds started here (with their keys) and draft ballots;
//! - [`service`]: a round from start to close against the API, what the commands call.

pub mod collect;
pub mod outcome;
pub mod record;
pub mod seal;
pub mod service;
pub mod settle;
pub mod stats;
pub mod store;

#[cfg(test)]
mod tests;
