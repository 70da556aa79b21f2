//! The board's outcome as a Markdown document: the message a post would send, with user text as written (no
//! mention neutralisation: a document notifies no one), and the changes since the board's last post.

use rusqlite::Transaction;

use crate::error::Result;
use crate::mattermost::message::{render, Audience, PostOptions};
use crate::mattermost::outbox;
use crate::storage::boards::Board;

pub fn export(tx: &Transaction<'_>, board: &Board, date: &str) -> Result<String> {
    let last_post = outbox::last_seen(tx, board.id, outbox::Sending::default())?;
    let options = PostOptions::default();
    Ok(render(board, &options, last_post.as_deref(), date, Audience::Document) + "\n")
}
