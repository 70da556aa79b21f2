//! The outbox: posts waiting to go out, and what became of them. Nothing is lost: a post is stored before it is sent,
//! parts go out in order, one request each, and a part the server accepted is marked sent at once and never sent
//! again. Network trouble, rate limits and server errors are retried with exponential backoff (also after a
//! restart); other failures wait for the user to fix the settings and press Retry.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::account::{self, ServerUrl};
use super::destination::{self, Target};
use super::message::MAX_POST_CHARS;
use super::message::{self, PostOptions, PostedIdea};
use super::response::{Failure, Outcome};
use super::send::Payload;
use super::webhook::WebhookUrl;
use crate::domain::Zone;
use crate::error::{Error, Result};
use crate::storage::{boards, now_ms};
use crate::text;

/// A board's channel settings as the user enters them (the webhook address in full, only on the way in; empty keeps
/// the saved address).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelSettingsInput {
    pub webhook_url: String,
    pub channel: String,
    pub username: String,
    pub icon_url: String,
}

/// The settings as the UI may see them: the webhook address masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChannelSettings {
    pub webhook_masked: String,
    /// Plain http sends the message (and the secret address) unencrypted.
    pub plain_http: bool,
    pub channel: String,
    pub username: String,
    pub icon_url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PostStatus {
    Pending,
    Posted,
    Failed,
    Discarded,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: i64,
    pub board_id: i64,
    pub status: PostStatus,
    pub message: String,
    pub parts: u32,
    pub parts_sent: u32,
    pub error: Option<Failure>,
    pub created_at: i64,
    pub posted_at: Option<i64>,
    /// Posted as the account: the link to the post in Mattermost (`<server>/<team>/pl/<id>`), once it is there.
    pub permalink: Option<String>,
    /// Whether it updates an earlier outcome in place instead of adding a new post.
    pub updates_earlier: bool,
    /// The Mattermost channel it goes to as the account; `None` through the webhook. The board's "last post" is
    /// the last one to where it posts now: after a change of channel, the dialog offered "Post again" to a channel
    /// never posted to, and said nothing had changed since a post made elsewhere.
    pub channel_id: Option<String>,
    /// An earlier post that this one, on its way, waits behind because that one is held up: posts go out in the order
    /// they were made. The Post dialog said "Posting…" for as long as the earlier post was held, with no word of it.
    pub held_behind: Option<HeldBehind>,
}

/// An earlier post, held up, that later posts wait behind.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeldBehind {
    pub post_id: i64,
    /// Why it has not gone out yet.
    pub error: Failure,
}

fn status_name(s: PostStatus) -> &'static str {
    match s {
        PostStatus::Pending => "pending",
        PostStatus::Posted => "posted",
        PostStatus::Failed => "failed",
        PostStatus::Discarded => "discarded",
    }
}

fn status_from(name: &str) -> PostStatus {
    match name {
        "posted" => PostStatus::Posted,
        "failed" => PostStatus::Failed,
        "discarded" => PostStatus::Discarded,
        _ => PostStatus::Pending,
    }
}

fn json_err(e: serde_json::Error) -> Error {
    Error::Storage(e.to_string())
}

pub fn save_settings(
    tx: &Transaction<'_>,
    board_id: i64,
    input: &ChannelSettingsInput,
) -> Result<ChannelSettings> {
    // An empty address keeps the saved one: the UI never gets the secret back to resend it.
    let hook = if input.webhook_url.trim().is_empty() {
        stored_settings(tx, board_id)?
            .map(|(hook, _)| hook)
            .ok_or_else(|| Error::invalid("Paste the board's incoming webhook address."))?
    } else {
        WebhookUrl::parse(&input.webhook_url)?
    };
    let one_line = |s: &str| s.trim().to_owned();
    let icon = one_line(&input.icon_url);
    if !(icon.is_empty() || icon.starts_with("https://") || icon.starts_with("http://")) {
        return Err(Error::invalid(
            "An icon address must start with https:// or http://.",
        ));
    }
    let channel = clean_channel(&input.channel)?;
    boards::thresholds(tx, board_id)?; // the board must exist
    tx.execute(
        "INSERT INTO channel_settings (board_id, webhook_url, channel, username, icon_url) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (board_id) DO UPDATE SET webhook_url = excluded.webhook_url, channel = excluded.channel,
             username = excluded.username, icon_url = excluded.icon_url",
        params![board_id, hook.expose(), channel, one_line(&input.username), icon],
    )?;
    settings(tx, board_id)?.ok_or(Error::gone("board"))
}

/// A channel override as the webhook takes it (mattermost-webhook.md): a channel's name, the last part of its address
/// (`town-square`, with or without `#`), or `@username` for a direct message; empty for the webhook's own channel.
/// Anything else was saved, shown as "To ~Town Square", and refused by Mattermost at the post.
fn clean_channel(raw: &str) -> Result<String> {
    // Characters that draw nothing, as a copy from a web page brings them: "town-square" + U+200B looked right and
    // was refused as a wrong name.
    let seen: String = raw
        .chars()
        .filter(|&c| !text::is_blank(c) && !text::is_bidi_control(c))
        .collect();
    let channel = seen.trim().trim_start_matches('#');
    let (name, person) = channel
        .strip_prefix('@')
        .map_or((channel, false), |name| (name, true));
    let valid = name.len() <= 64
        && name.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_') || (person && c == '.')
        });
    if channel.is_empty() || (valid && !name.is_empty()) {
        return Ok(channel.to_owned());
    }
    Err(Error::invalid(if person {
        "A username is written in small letters, digits, . - and _ only, like @ana.smith."
    } else {
        "Type the channel's name as in its address, in small letters, digits, - and _ only (town-square for Town \
         Square), or @username for a direct message."
    }))
}

/// Where a board posts, and the overrides each request carries; `None` when no channel is set.
pub fn stored_settings(tx: &Transaction<'_>, board_id: i64) -> Result<Option<(WebhookUrl, Payload)>> {
    let row: Option<(String, String, String, String)> = tx
        .query_row(
            "SELECT webhook_url, channel, username, icon_url FROM channel_settings WHERE board_id = ?1",
            [board_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((url, channel, username, icon_url)) = row else {
        return Ok(None);
    };
    let non_empty = |s: String| (!s.is_empty()).then_some(s);
    let template = Payload {
        text: String::new(),
        channel: non_empty(channel),
        username: non_empty(username),
        icon_url: non_empty(icon_url),
    };
    Ok(Some((WebhookUrl::parse(&url)?, template)))
}

pub fn settings(tx: &Transaction<'_>, board_id: i64) -> Result<Option<ChannelSettings>> {
    Ok(stored_settings(tx, board_id)?.map(|(hook, t)| ChannelSettings {
        webhook_masked: hook.masked(),
        plain_http: hook.plain_http,
        channel: t.channel.unwrap_or_default(),
        username: t.username.unwrap_or_default(),
        icon_url: t.icon_url.unwrap_or_default(),
    }))
}

/// The board as the readers of its next post last saw it: at its last post to the same place (the channel it posts
/// to as the account, or its webhook). For an update in place, the post updated and those it updated are left out:
/// the update lists the changes since the post before them. An update read "No changes", against the post it
/// replaced, and a first post to another channel listed changes since a post its readers never saw.
pub fn last_seen(tx: &Transaction<'_>, board_id: i64, sending: Sending) -> Result<Option<Vec<PostedIdea>>> {
    match destination::account_channel(tx, board_id)? {
        Some(channel) => {
            let updated = if sending.update_last {
                updatable(tx, board_id)?
            } else {
                None
            };
            seen_before(tx, board_id, "account", Some(&channel.channel_id), updated)
        }
        None => seen_before(tx, board_id, "webhook", None, None),
    }
}

/// The board at its last post sent `via` the account (to `channel_id`) or the webhook, leaving out `updated` and the
/// posts it updated in its turn. The last in the order posts went out (`sent_order`), not by their times: after the
/// clock was set back, a new post was compared with the one before the last.
fn seen_before(
    tx: &Transaction<'_>,
    board_id: i64,
    via: &str,
    channel_id: Option<&str>,
    updated: Option<i64>,
) -> Result<Option<Vec<PostedIdea>>> {
    let snapshot: Option<String> = tx
        .query_row(
            "WITH RECURSIVE updated (id) AS (
                 SELECT ?4 UNION SELECT p.replaces FROM posts p JOIN updated u ON p.id = u.id WHERE p.replaces IS NOT NULL)
             SELECT snapshot FROM posts
             WHERE board_id = ?1 AND status = 'posted' AND via = ?2 AND channel_id IS ?3
                 AND id NOT IN (SELECT id FROM updated WHERE id IS NOT NULL)
             ORDER BY sent_order DESC LIMIT 1",
            params![board_id, via, channel_id, updated],
            |r| r.get(0),
        )
        .optional()?;
    snapshot
        .map(|s| serde_json::from_str(&s).map_err(json_err))
        .transpose()
}

/// The message that would be posted now, for the preview and `--dry-run`.
pub fn preview(
    tx: &Transaction<'_>,
    board_id: i64,
    options: &PostOptions,
    date: &str,
    sending: Sending,
) -> Result<String> {
    let board = boards::get(tx, board_id)?;
    let last = last_seen(tx, board_id, sending)?;
    Ok(message::build(&board, options, last.as_deref(), date))
}

/// The posts that would go out now, exactly as they would be sent, for `--dry-run`.
pub fn preview_parts(
    tx: &Transaction<'_>,
    board_id: i64,
    options: &PostOptions,
    date: &str,
    sending: Sending,
) -> Result<Vec<String>> {
    let board = boards::get(tx, board_id)?;
    something_to_post(&board)?;
    let last = last_seen(tx, board_id, sending)?;
    message::build_parts(&board, options, last.as_deref(), date, MAX_POST_CHARS)
}

/// Refuses to post the outcome of a board with no idea in its quadrants: it read "_Nothing here._" four times. The
/// window dims Post for it, with the same words; the command line refused nothing, and posted it.
fn something_to_post(board: &boards::Board) -> Result<()> {
    if board.ideas.iter().any(|i| i.zone != Zone::Unsorted) {
        return Ok(());
    }
    Err(Error::invalid(
        "Nothing to post yet: the outcome lists the ideas placed in the four quadrants, and this board has none.",
    ))
}

/// A fresh id for one part's `pending_post_id`: 26 lower-case hex digits from the operating system's generator, the
/// length of Mattermost's own ids.
fn pending_post_id() -> String {
    crate::rounds::seal::random_hex(13)
}

/// How a post goes out, besides its message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sending {
    /// Posting as the account: update the board's last outcome post in place instead of adding a new one.
    pub update_last: bool,
}

/// Stores the board's outcome as a new post, split into parts, ready to send.
pub fn queue(
    tx: &Transaction<'_>,
    board_id: i64,
    options: &PostOptions,
    date: &str,
    sending: Sending,
) -> Result<Post> {
    queue_with_limit(tx, board_id, options, date, sending, MAX_POST_CHARS)
}

/// Where a board's next post goes: as the account (`Some`: server, channel), or through the webhook (`None`).
fn account_destination(
    tx: &Transaction<'_>,
    board_id: i64,
) -> Result<Option<(account::Identity, destination::AccountChannel)>> {
    let Some(channel) = destination::account_channel(tx, board_id)? else {
        if stored_settings(tx, board_id)?.is_none() {
            return Err(Error::not_found(
                "Set this board's Mattermost channel first: connect your account and pick a channel, or paste an \
                 incoming webhook's address.",
            ));
        }
        return Ok(None);
    };
    let who = account::identity(tx)?.ok_or_else(|| {
        Error::not_found(
            "This board posts as your Mattermost account, which is not connected. Connect it again, or switch the \
             board to its webhook.",
        )
    })?;
    Ok(Some((who, channel)))
}

/// The outcome post that posting with `update_last` would update in place: the board's last one posted as the
/// account connected now to the board's channel. `None` when there is none, a post made as another account included:
/// Mattermost lets only its author edit a post, so that one is never offered.
pub fn updatable(tx: &Transaction<'_>, board_id: i64) -> Result<Option<i64>> {
    let Some(channel) = destination::account_channel(tx, board_id)? else {
        return Ok(None);
    };
    let Some(who) = account::identity(tx)? else {
        return Ok(None);
    };
    last_account_post(
        tx,
        board_id,
        (who.server.as_str(), &who.user_id),
        &channel.channel_id,
    )
}

/// The board's last outcome post made as this account to `channel_id` on `server` (to update in place): only the
/// account's own posts can be edited. None while a newer outcome to that channel waits in the outbox as a new post:
/// an update then rewrote the older post with the newest outcome, and the waiting one, older, went out below it. The
/// last to go out, as in [`seen_before`]: by the clock, after it was set back, the update rewrote a post higher up.
fn last_account_post(
    tx: &Transaction<'_>,
    board_id: i64,
    (server, user_id): (&str, &str),
    channel_id: &str,
) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM posts p WHERE board_id = ?1 AND via = 'account' AND channel_id = ?2 AND status = 'posted'
                 AND server = ?3 AND user_id = ?4
                 AND NOT EXISTS (SELECT 1 FROM posts n WHERE n.board_id = ?1 AND n.via = 'account'
                     AND n.channel_id = ?2 AND n.server = ?3 AND n.status = 'pending' AND n.replaces IS NULL
                     AND n.id > p.id)
             ORDER BY sent_order DESC LIMIT 1",
            params![board_id, channel_id, server, user_id],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn queue_with_limit(
    tx: &Transaction<'_>,
    board_id: i64,
    options: &PostOptions,
    date: &str,
    sending: Sending,
    max_part_chars: usize,
) -> Result<Post> {
    let account = account_destination(tx, board_id)?;
    let board = boards::get(tx, board_id)?;
    something_to_post(&board)?;
    let (via, server, channel_id) = match &account {
        Some((who, channel)) => (
            "account",
            Some(who.server.as_str()),
            Some(channel.channel_id.as_str()),
        ),
        None => ("webhook", None, None),
    };
    // The post this one updates in place, if asked to and there is one (see [`updatable`]).
    let replaces = match &account {
        Some((who, channel)) if sending.update_last => last_account_post(
            tx,
            board_id,
            (who.server.as_str(), &who.user_id),
            &channel.channel_id,
        )?,
        _ => None,
    };
    let last = seen_before(tx, board_id, via, channel_id, replaces)?;
    let text = message::build(&board, options, last.as_deref(), date);
    // The same outcome already waiting for the same place (a double click, "Post again" while the first is held
    // up): that entry is sent now, and nothing is queued twice, so the channel never gets the same outcome twice.
    // Asked for as a new post, an update of the same outcome that is waiting is not it: when the post to update was
    // deleted, "Post the outcome as a new post" sent the failed update again, and again. The update gives way to the
    // new post (the same outcome, in the same place), which never updates anything.
    let updating = account.is_some() && sending.update_last;
    let waiting: Option<(i64, bool)> = tx
        .query_row(
            "SELECT id, replaces IS NOT NULL FROM posts
             WHERE board_id = ?1 AND status IN ('pending', 'failed') AND message = ?2 AND via = ?3
                 AND server IS ?4 AND channel_id IS ?5
             ORDER BY id DESC LIMIT 1",
            params![board_id, text, via, server, channel_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((post_id, is_update)) = waiting {
        if updating || !is_update {
            return retry(tx, post_id);
        }
    }
    if !updating {
        // An update to this place that failed for good is left behind: the new post carries the outcome (its text
        // may differ, as its changes are counted from another post). One still on its way (the outbox may be
        // sending it) goes on.
        tx.execute(
            "UPDATE posts SET status = 'discarded' WHERE board_id = ?1 AND status = 'failed' AND replaces IS NOT NULL
                 AND via = ?2 AND server IS ?3 AND channel_id IS ?4",
            params![board_id, via, server, channel_id],
        )?;
    }
    let mut parts = message::build_parts(&board, options, last.as_deref(), date, max_part_chars)?;
    let snapshot = serde_json::to_string(&message::snapshot(&board)).map_err(json_err)?;
    let now = now_ms();
    if let Some(earlier) = replaces {
        // The earlier outcome had more posts in its thread: those left over say that they are no longer part of it.
        let earlier_parts = get(tx, earlier)?.parts as usize;
        let count = parts.len();
        for k in count..earlier_parts {
            parts.push(format!(
                "_Part {} of an earlier version of this outcome: the outcome above was updated and now has {count} \
                 part{}._",
                k + 1,
                if count == 1 { "" } else { "s" }
            ));
        }
    }
    let (via, server, channel_id, team_name, user_id) = match &account {
        Some((who, channel)) => (
            "account",
            Some(who.server.as_str().to_owned()),
            Some(channel.channel_id.clone()),
            Some(channel.team_name.clone()),
            Some(who.user_id.clone()),
        ),
        None => ("webhook", None, None, None, None),
    };
    tx.execute(
        "INSERT INTO posts (board_id, status, message, snapshot, created_at, via, server, channel_id, team_name,
             replaces, user_id)
         VALUES (?1, 'pending', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![board_id, text, snapshot, now, via, server, channel_id, team_name, replaces, user_id],
    )?;
    let post_id = tx.last_insert_rowid();
    for (seq, part) in parts.iter().enumerate() {
        let pending_id = account.is_some().then(pending_post_id);
        tx.execute(
            "INSERT INTO post_parts (post_id, seq, text, next_attempt_at, pending_id) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![post_id, seq as i64, part, now, pending_id],
        )?;
    }
    if let Some(earlier) = replaces {
        // A part that reads as before is not edited: it is already in the channel, as it is.
        tx.execute(
            "UPDATE post_parts AS new SET sent_at = ?3,
                 remote_id = (SELECT old.remote_id FROM post_parts old WHERE old.post_id = ?2 AND old.seq = new.seq)
             WHERE new.post_id = ?1 AND EXISTS (SELECT 1 FROM post_parts old WHERE old.post_id = ?2
                 AND old.seq = new.seq AND old.text = new.text AND old.remote_id IS NOT NULL)",
            params![post_id, earlier, now],
        )?;
        tx.execute(
            "UPDATE posts SET status = 'posted', posted_at = ?2, sent_order = (SELECT coalesce(max(sent_order), 0) + 1 FROM posts)
                 WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM post_parts WHERE post_id = ?1 AND sent_at IS NULL)",
            params![post_id, now],
        )?;
    }
    get(tx, post_id)
}

const POST_SQL: &str = "SELECT p.id, p.board_id, p.status, p.message, p.error, p.created_at, p.posted_at,
        (SELECT count(*) FROM post_parts WHERE post_id = p.id),
        (SELECT count(*) FROM post_parts WHERE post_id = p.id AND sent_at IS NOT NULL),
        p.server, p.team_name, (SELECT remote_id FROM post_parts WHERE post_id = p.id AND seq = 0), p.replaces,
        p.channel_id
    FROM posts p";

fn post_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Post> {
    let error: Option<String> = r.get(4)?;
    Ok(Post {
        id: r.get(0)?,
        board_id: r.get(1)?,
        status: status_from(&r.get::<_, String>(2)?),
        message: r.get(3)?,
        error: error.and_then(|e| serde_json::from_str(&e).ok()),
        created_at: r.get(5)?,
        posted_at: r.get(6)?,
        parts: r.get(7)?,
        parts_sent: r.get(8)?,
        permalink: match (
            r.get::<_, Option<String>>(9)?,
            r.get::<_, Option<String>>(10)?,
            r.get::<_, Option<String>>(11)?,
        ) {
            (Some(server), Some(team), Some(id)) => {
                ServerUrl::parse(&server).ok().map(|s| s.permalink(&team, &id))
            }
            _ => None,
        },
        updates_earlier: r.get::<_, Option<i64>>(12)?.is_some(),
        channel_id: r.get(13)?,
        held_behind: None,
    })
}

/// `post`, with the held-up post it waits behind, if any.
fn with_held_behind(tx: &Transaction<'_>, mut post: Post) -> Result<Post> {
    if post.status == PostStatus::Pending && post.error.is_none() {
        post.held_behind = first_waiting_before(tx, post.id)?.and_then(|(post_id, error)| {
            let error = serde_json::from_str(&error?).ok()?;
            Some(HeldBehind { post_id, error })
        });
    }
    Ok(post)
}

/// The oldest post made before `post_id` that still waits to go out, with its error (JSON) if it is held up.
fn first_waiting_before(tx: &Transaction<'_>, post_id: i64) -> Result<Option<(i64, Option<String>)>> {
    Ok(tx
        .query_row(
            "SELECT id, error FROM posts WHERE id < ?1 AND status = 'pending'
                 AND board_id IN (SELECT id FROM boards WHERE deleted_at IS NULL)
             ORDER BY id LIMIT 1",
            [post_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub fn get(tx: &Transaction<'_>, post_id: i64) -> Result<Post> {
    let post = tx
        .query_row(&format!("{POST_SQL} WHERE p.id = ?1"), [post_id], post_from_row)
        .optional()?
        .ok_or(Error::gone("post"))?;
    with_held_behind(tx, post)
}

/// Whether the post goes out as the account (not through a webhook).
pub fn is_via_account(tx: &Transaction<'_>, post_id: i64) -> Result<bool> {
    let via: Option<String> = tx
        .query_row("SELECT via FROM posts WHERE id = ?1", [post_id], |r| r.get(0))
        .optional()?;
    Ok(via.as_deref() == Some("account"))
}

/// A board's posts, newest first (discarded ones too, so the record is complete).
pub fn list(tx: &Transaction<'_>, board_id: i64) -> Result<Vec<Post>> {
    board_posts(tx, board_id, "ORDER BY p.id DESC LIMIT 200")
}

/// A board's posts that wait to go out (held up or on their way), oldest first: the window says so while they do.
pub fn waiting(tx: &Transaction<'_>, board_id: i64) -> Result<Vec<Post>> {
    board_posts(tx, board_id, "AND p.status = 'pending' ORDER BY p.id")
}

/// How many posts of boards in use wait to go out: the outbox sends them only while Pickboard is open, so quitting
/// asks first.
pub fn waiting_count(tx: &Transaction<'_>) -> Result<u32> {
    Ok(tx.query_row(
        "SELECT count(*) FROM posts WHERE status = 'pending'
         AND board_id IN (SELECT id FROM boards WHERE deleted_at IS NULL)",
        [],
        |r| r.get(0),
    )?)
}

/// The posts of board `board_id` that `rest` (more conditions, the order) picks.
fn board_posts(tx: &Transaction<'_>, board_id: i64, rest: &str) -> Result<Vec<Post>> {
    let mut stmt = tx.prepare_cached(&format!("{POST_SQL} WHERE p.board_id = ?1 {rest}"))?;
    let rows = stmt.query_map([board_id], post_from_row)?;
    let posts = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    posts.into_iter().map(|p| with_held_behind(tx, p)).collect()
}

/// The oldest post made before `post_id` that still waits to go out: it goes first, and holds later ones back.
pub fn waiting_before(tx: &Transaction<'_>, post_id: i64) -> Result<Option<Post>> {
    first_waiting_before(tx, post_id)?
        .map(|(id, _)| get(tx, id))
        .transpose()
}

/// One part ready to go: where, what, and which part it is.
#[derive(Debug, Clone)]
pub struct DuePart {
    pub post_id: i64,
    pub seq: i64,
    pub target: Target,
}

/// The next part due to be sent, if any: the first unsent part of the oldest pending post whose time has come. A
/// deleted board's posts wait (its delete may still be undone) and hold back no other board's.
pub fn next_due(tx: &Transaction<'_>, now: i64) -> Result<Option<DuePart>> {
    next_due_of(tx, now, false)
}

/// [`next_due`], or with `webhook_only` the next webhook part (for the command line without the account: posts
/// waiting for the account are left to whoever has it).
pub fn next_due_of(tx: &Transaction<'_>, now: i64, webhook_only: bool) -> Result<Option<DuePart>> {
    let row: Option<(i64, i64, i64, String, i64)> = tx
        .query_row(
            "SELECT pp.post_id, pp.seq, p.board_id, pp.text, pp.next_attempt_at FROM post_parts pp
             JOIN posts p ON p.id = pp.post_id
             WHERE p.status = 'pending' AND pp.sent_at IS NULL AND p.board_id IN (SELECT id FROM boards WHERE deleted_at IS NULL)
               AND pp.seq = (SELECT min(seq) FROM post_parts WHERE post_id = pp.post_id AND sent_at IS NULL)
               AND (?1 = 0 OR p.via = 'webhook')
             ORDER BY pp.post_id LIMIT 1",
            [webhook_only],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((post_id, seq, board_id, text, next_at)) = row else {
        return Ok(None);
    };
    // Further off than any wait the outbox sets (with a minute to spare), the time was set before the computer's clock
    // went back: the post waited for the old date to come round again, every post behind it too, and said the network
    // was down.
    if next_at > now && next_at - now <= LONGEST_WAIT_MS + 60_000 {
        return Ok(None);
    }
    type Row = (
        String,
        Option<String>,
        Option<String>,
        Option<i64>,
        Option<String>,
    );
    let (via, server, channel_id, replaces, user_id): Row = tx.query_row(
        "SELECT via, server, channel_id, replaces, user_id FROM posts WHERE id = ?1",
        [post_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let (pending_id, tried, queued_at): (Option<String>, bool, i64) = tx.query_row(
        "SELECT pp.pending_id, pp.attempts > 0 OR pp.began_at IS NOT NULL, p.created_at
         FROM post_parts pp JOIN posts p ON p.id = pp.post_id WHERE pp.post_id = ?1 AND pp.seq = ?2",
        params![post_id, seq],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let target = if via == "account" {
        let remote = |post: i64, seq: i64| -> Result<Option<String>> {
            Ok(tx
                .query_row(
                    "SELECT remote_id FROM post_parts WHERE post_id = ?1 AND seq = ?2",
                    params![post, seq],
                    |r| r.get(0),
                )
                .optional()?
                .flatten())
        };
        let update = replaces
            .map(|earlier| remote(earlier, seq))
            .transpose()?
            .flatten();
        Target::Account {
            server: ServerUrl::parse(server.as_deref().unwrap_or_default())?,
            channel_id: channel_id.unwrap_or_default(),
            message: text,
            root_id: if seq == 0 { None } else { remote(post_id, 0)? },
            update,
            pending_id,
            tried,
            queued_at,
            user_id,
        }
    } else {
        let Some((hook, template)) = stored_settings(tx, board_id)? else {
            return Err(Error::invalid("This board has no Mattermost channel any more."));
        };
        Target::Webhook {
            hook,
            payload: Payload { text, ..template },
        }
    };
    Ok(Some(DuePart { post_id, seq, target }))
}

/// When the next pending part falls due (to sleep until then).
pub fn next_due_at(tx: &Transaction<'_>) -> Result<Option<i64>> {
    Ok(tx.query_row(
        "SELECT min(pp.next_attempt_at) FROM post_parts pp JOIN posts p ON p.id = pp.post_id
         WHERE p.status = 'pending' AND pp.sent_at IS NULL AND p.board_id IN (SELECT id FROM boards WHERE deleted_at IS NULL)",
        [],
        |r| r.get(0),
    )?)
}

/// The longest wait before a retry: a server asking for more is asked again after it.
const LONGEST_WAIT_MS: i64 = 60 * 60_000;

/// The wait before retry number `attempt` (1, 2, …): 5 s doubling up to 15 minutes, or what the server asked, up to
/// an hour.
pub fn backoff_ms(attempt: u32, retry_after_ms: Option<u64>) -> i64 {
    let exponential = 5_000u64
        .saturating_mul(1u64 << attempt.saturating_sub(1).min(20))
        .min(15 * 60_000);
    i64::try_from(retry_after_ms.unwrap_or(0).max(exponential))
        .unwrap_or(i64::MAX)
        .min(LONGEST_WAIT_MS)
}

/// Notes that the send of one part begins: should the app end before the answer is recorded, the part may have gone
/// out, and is looked for on the server before it is sent again. Without it, a first attempt cut short was posted a
/// second time once Mattermost's own check for a repeated post had lapsed (30 s).
pub fn begin(tx: &Transaction<'_>, post_id: i64, seq: i64, now: i64) -> Result<()> {
    tx.execute(
        "UPDATE post_parts SET began_at = ?3 WHERE post_id = ?1 AND seq = ?2",
        params![post_id, seq, now],
    )?;
    Ok(())
}

/// Records what the server answered to one part.
pub fn record(tx: &Transaction<'_>, post_id: i64, seq: i64, outcome: &Outcome, now: i64) -> Result<Post> {
    match outcome {
        Outcome::Posted(remote_id) => {
            tx.execute(
                "UPDATE post_parts SET sent_at = ?3, attempts = attempts + 1, remote_id = ?4
                 WHERE post_id = ?1 AND seq = ?2",
                params![post_id, seq, now, remote_id],
            )?;
            let left: i64 = tx.query_row(
                "SELECT count(*) FROM post_parts WHERE post_id = ?1 AND sent_at IS NULL",
                [post_id],
                |r| r.get(0),
            )?;
            if left == 0 {
                tx.execute(
                    "UPDATE posts SET status = 'posted', posted_at = ?2, error = NULL,
                         sent_order = (SELECT coalesce(max(sent_order), 0) + 1 FROM posts) WHERE id = ?1",
                    params![post_id, now],
                )?;
            }
        }
        Outcome::Failed(failure) => {
            let attempts: u32 = tx.query_row(
                "UPDATE post_parts SET attempts = attempts + 1 WHERE post_id = ?1 AND seq = ?2 RETURNING attempts",
                params![post_id, seq],
                |r| r.get(0),
            )?;
            let error = serde_json::to_string(failure).map_err(json_err)?;
            if failure.retry {
                let next = now + backoff_ms(attempts, failure.retry_after_ms);
                tx.execute(
                    "UPDATE post_parts SET next_attempt_at = ?3 WHERE post_id = ?1 AND seq = ?2",
                    params![post_id, seq, next],
                )?;
                tx.execute(
                    "UPDATE posts SET error = ?2 WHERE id = ?1",
                    params![post_id, error],
                )?;
            } else {
                // Discarded while the part was on its way, it stays so: it read "Failed" again, to retry.
                tx.execute(
                    "UPDATE posts SET status = 'failed', error = ?2 WHERE id = ?1 AND status != 'discarded'",
                    params![post_id, error],
                )?;
            }
        }
    }
    get(tx, post_id)
}

/// The account's posts to `server` that failed for want of the account (not connected, a token refused, another
/// account connected) go out again now that `user_id` is connected; a post queued as another account fails again, as
/// it says, and waits for that one.
pub fn requeue_for_account(tx: &Transaction<'_>, server: &str, user_id: &str) -> Result<usize> {
    let ids: Vec<i64> = tx
        .prepare(
            "SELECT id FROM posts WHERE status = 'failed' AND via = 'account' AND server = ?1
               AND (json_extract(error, '$.problem') IN ('notConnected', 'notSignedIn', 'credentialStoreUnavailable')
                    OR json_extract(error, '$.problem') = 'otherAccount' AND user_id = ?2)",
        )?
        .query_map([server, user_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        retry(tx, *id)?;
    }
    Ok(ids.len())
}

/// Sends a failed or waiting post again now (its parts already accepted stay sent).
pub fn retry(tx: &Transaction<'_>, post_id: i64) -> Result<Post> {
    let post = get(tx, post_id)?;
    if !matches!(post.status, PostStatus::Failed | PostStatus::Pending) {
        return Err(Error::invalid(
            "Only a post that has not gone out can be sent again.",
        ));
    }
    // The last reason goes until the attempt gives its own: the same words standing before and after showed no sign
    // of a second try.
    tx.execute(
        "UPDATE posts SET status = 'pending', error = NULL WHERE id = ?1",
        [post_id],
    )?;
    tx.execute(
        "UPDATE post_parts SET next_attempt_at = ?2 WHERE post_id = ?1 AND sent_at IS NULL",
        params![post_id, now_ms()],
    )?;
    get(tx, post_id)
}

pub fn discard(tx: &Transaction<'_>, post_id: i64) -> Result<Post> {
    let post = get(tx, post_id)?;
    if post.status == PostStatus::Posted {
        return Err(Error::invalid("This post is already in the channel."));
    }
    tx.execute(
        "UPDATE posts SET status = ?2 WHERE id = ?1",
        params![post_id, status_name(PostStatus::Discarded)],
    )?;
    get(tx, post_id)
}

#[cfg(test)]
mod tests;
