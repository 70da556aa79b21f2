//! Where a board's outcome goes: through the board's incoming webhook, or as the connected account to a channel the
//! board remembers. A post's destination is fixed when it is queued; each part then becomes a [`Target`].

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::account::ServerUrl;
use super::send::Payload;
use super::webhook::WebhookUrl;
use crate::error::{Error, Result};

/// The channel a board posts to as the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountChannel {
    pub team_id: String,
    /// The team's URL name.
    pub team_name: String,
    /// The team's display name ("Infrastructure"); empty for a channel chosen before Pickboard kept it.
    pub team_display: String,
    pub channel_id: String,
    pub channel_name: String,
    pub channel_display: String,
}

impl AccountChannel {
    /// `team/channel`, as people type it.
    pub fn path(&self) -> String {
        format!("{}/{}", self.team_name, self.channel_name)
    }
}

/// A channel typed as `team/channel` (or `team/~channel`), or pasted from the browser
/// (`https://chat.example.com/team/channels/channel`): the team's and the channel's URL names.
pub fn parse_channel_path(raw: &str) -> Result<(String, String)> {
    let text = raw.trim().trim_end_matches('/');
    let text = text.split_once("://").map_or(text, |(_, rest)| rest);
    let parts: Vec<&str> = text.split('/').filter(|p| !p.is_empty()).collect();
    let (team, channel) = match parts.as_slice() {
        [.., team, "channels", channel] => (*team, *channel),
        [team, channel] => (*team, *channel),
        _ => {
            return Err(Error::invalid(
                "Type the channel as team/channel, for example infra/planning (the names in the channel's address).",
            ))
        }
    };
    let channel = channel.trim_start_matches('~');
    let valid = |s: &str| {
        !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
    };
    if !valid(team) || !valid(channel) {
        return Err(Error::invalid(
            "A team's and a channel's names are letters, digits, dashes and underscores, as in their address: \
             infra/planning.",
        ));
    }
    Ok((team.to_lowercase(), channel.to_lowercase()))
}

/// A channel typed as `team/channel` that Mattermost does not show the account: most likely a name mistyped, not a
/// channel gone (which is what a missing channel means once it was picked).
pub fn typed_channel_missing(team: &str, channel: &str) -> Error {
    Error::not_found(format!(
        "Mattermost has no channel “{channel}” in a team “{team}” that your account can see. Check both names \
         as the channel's address has them (…/{team}/channels/{channel}), or pick the channel from the list."
    ))
}

/// The channel a board posts to as the account. A channel picked as another account (another server or user than
/// the one connected now) does not count: it is picked again. While no account is connected, it is kept.
pub fn account_channel(tx: &Transaction<'_>, board_id: i64) -> Result<Option<AccountChannel>> {
    Ok(tx
        .query_row(
            "SELECT team_id, team_name, channel_id, channel_name, channel_display, team_display FROM account_channels c
             WHERE board_id = ?1 AND (NOT EXISTS (SELECT 1 FROM account)
                 OR EXISTS (SELECT 1 FROM account a WHERE a.server = c.server AND a.user_id = c.user_id))",
            [board_id],
            |r| {
                Ok(AccountChannel {
                    team_id: r.get(0)?,
                    team_name: r.get(1)?,
                    channel_id: r.get(2)?,
                    channel_name: r.get(3)?,
                    channel_display: r.get(4)?,
                    team_display: r.get(5)?,
                })
            },
        )
        .optional()?)
}

/// Remembers `channel` for the board, as the account connected now.
pub fn save_account_channel(tx: &Transaction<'_>, board_id: i64, channel: &AccountChannel) -> Result<()> {
    crate::storage::boards::thresholds(tx, board_id)?; // the board must exist
    let who = super::account::identity(tx)?
        .ok_or_else(|| Error::not_found("Connect your Mattermost account first, then pick the channel."))?;
    tx.execute(
        "INSERT INTO account_channels (board_id, server, user_id, team_id, team_name, channel_id, channel_name,
             channel_display, team_display)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (board_id) DO UPDATE SET server = excluded.server, user_id = excluded.user_id,
             team_id = excluded.team_id, team_name = excluded.team_name, channel_id = excluded.channel_id,
             channel_name = excluded.channel_name, channel_display = excluded.channel_display,
             team_display = excluded.team_display",
        params![
            board_id,
            who.server.as_str(),
            who.user_id,
            channel.team_id,
            channel.team_name,
            channel.channel_id,
            channel.channel_name,
            channel.channel_display,
            channel.team_display
        ],
    )?;
    Ok(())
}

/// The board posts through its webhook again (the channel it had as the account is forgotten).
pub fn clear_account_channel(tx: &Transaction<'_>, board_id: i64) -> Result<()> {
    tx.execute("DELETE FROM account_channels WHERE board_id = ?1", [board_id])?;
    Ok(())
}

/// Where one part goes.
#[derive(Debug, Clone)]
pub enum Target {
    Webhook {
        hook: WebhookUrl,
        payload: Payload,
    },
    Account {
        server: ServerUrl,
        channel_id: String,
        message: String,
        /// The first part's post: later parts are replies in its thread.
        root_id: Option<String>,
        /// The post this part replaces in place (updating an earlier outcome).
        update: Option<String>,
        /// Sent as `pending_post_id`, so that a repeat whose first answer was lost makes no second post.
        pending_id: Option<String>,
        /// Whether the part was tried before: it may have gone out though its answer never came back.
        tried: bool,
        /// When its post was queued (ms), to look for it among the channel's posts.
        queued_at: i64,
        /// The account it was queued as (none for posts queued before Pickboard kept it): it goes out as no other.
        user_id: Option<String>,
    },
}
