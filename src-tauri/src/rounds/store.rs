//! The rounds this Pickboard started (with their private keys) and the ballots its user is filling in.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::record::RoundRecord;
use super::seal::Estimates;
use crate::error::{Error, Result};
use crate::mattermost::account::Identity;
use crate::storage::now_ms;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RoundState {
    /// Voting.
    Open,
    /// The ballots were opened; later ballots are not counted.
    Revealed,
    /// The result was posted in the thread.
    Closed,
}

impl RoundState {
    fn name(self) -> &'static str {
        match self {
            RoundState::Open => "open",
            RoundState::Revealed => "revealed",
            RoundState::Closed => "closed",
        }
    }

    fn from_name(name: &str) -> RoundState {
        match name {
            "revealed" => RoundState::Revealed,
            "closed" => RoundState::Closed,
            _ => RoundState::Open,
        }
    }
}

/// A ballot as opened at the reveal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedBallot {
    pub post_id: String,
    pub voter: String,
    /// The voter's name as Mattermost had it at the reveal.
    pub name: String,
    pub estimates: Estimates,
    pub nonce: String,
    pub commitment: String,
}

/// A round this Pickboard started.
#[derive(Debug, Clone)]
pub struct StoredRound {
    pub board_id: i64,
    pub server: String,
    pub team_name: String,
    pub channel_id: String,
    pub root_post_id: String,
    pub private_key: [u8; 32],
    pub record: RoundRecord,
    pub state: RoundState,
    pub revealed: Option<Vec<OpenedBallot>>,
    pub created_at: i64,
    /// The user id of the account that started it (`None`: started before this was kept; whoever is connected).
    pub facilitator: Option<String>,
}

impl StoredRound {
    /// Whether `who` started the round: another account connected on this computer is a member like any other.
    pub fn started_by(&self, who: &Identity) -> bool {
        self.server == who.server.as_str() && self.facilitator.as_deref().is_none_or(|f| f == who.user_id)
    }
}

/// What a start was asked for, the ideas as they read then: the same, asked again, is the same round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartAsked {
    pub server: String,
    pub user_id: String,
    pub board_id: i64,
    pub channel_id: String,
    /// The channel's team (its URL name), for the round's link; empty in a start kept before it was.
    #[serde(default)]
    pub team_name: String,
    pub board: String,
    pub thresholds: crate::domain::Thresholds,
    pub ideas: Vec<super::record::RoundIdea>,
    pub deadline: Option<i64>,
    pub note: String,
}

/// A round made ready to post: its record, its key, and the id its post is sent as.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub asked: StartAsked,
    pub record: RoundRecord,
    pub private_key: [u8; 32],
    pub sent_as: String,
    /// When it was made ready (ms), to look for its post among the channel's.
    pub made_at: i64,
}

/// Keeps `prepared` as the board's round on its way to Mattermost, before it is sent (replacing an earlier one): should
/// no answer come back, or the app end on the way, its post is looked for before a round is posted again.
pub fn keep_starting(tx: &Transaction<'_>, prepared: &Prepared) -> Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO starting_rounds (board_id, asked, record, private_key, sent_as, made_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            prepared.asked.board_id,
            json(&prepared.asked)?,
            json(&prepared.record)?,
            &prepared.private_key[..],
            prepared.sent_as,
            prepared.made_at,
        ],
    )?;
    Ok(())
}

/// The board's round posted with no answer back, if one is kept (a damaged one counts as none: a new round is made).
pub fn starting(tx: &Transaction<'_>, board_id: i64) -> Result<Option<Prepared>> {
    let row: Option<(String, String, Vec<u8>, String, i64)> = tx
        .query_row(
            "SELECT asked, record, private_key, sent_as, made_at FROM starting_rounds WHERE board_id = ?1",
            [board_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    Ok(row.and_then(|(asked, record, key, sent_as, made_at)| {
        Some(Prepared {
            asked: serde_json::from_str(&asked).ok()?,
            record: serde_json::from_str(&record).ok()?,
            private_key: key.try_into().ok()?,
            sent_as,
            made_at,
        })
    }))
}

/// Every round kept on its way to Mattermost, of any board.
pub fn all_starting(tx: &Transaction<'_>) -> Result<Vec<Prepared>> {
    let boards: Vec<i64> = tx
        .prepare("SELECT board_id FROM starting_rounds ORDER BY board_id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for board_id in boards {
        out.extend(starting(tx, board_id)?);
    }
    Ok(out)
}

/// Forgets the board's round posted with no answer back (it is stored as a round now, or was given up).
pub fn forget_starting(tx: &Transaction<'_>, board_id: i64) -> Result<()> {
    tx.execute("DELETE FROM starting_rounds WHERE board_id = ?1", [board_id])?;
    Ok(())
}

fn json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Storage(e.to_string()))
}

pub fn insert(tx: &Transaction<'_>, round: &StoredRound) -> Result<()> {
    tx.execute(
        "INSERT INTO rounds (round_id, board_id, server, team_name, channel_id, root_post_id, private_key, record,
             state, created_at, facilitator)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            round.record.round_id,
            round.board_id,
            round.server,
            round.team_name,
            round.channel_id,
            round.root_post_id,
            &round.private_key[..],
            json(&round.record)?,
            round.state.name(),
            round.created_at,
            round.facilitator,
        ],
    )?;
    Ok(())
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    Vec<u8>,
    String,
    String,
    Option<String>,
    i64,
    Option<String>,
);

fn from_row(row: Row) -> Result<StoredRound> {
    let (
        board_id,
        server,
        team_name,
        channel_id,
        root_post_id,
        key,
        record,
        state,
        revealed,
        created_at,
        facilitator,
    ) = row;
    let damaged = |what: &str| Error::Storage(format!("a stored round is damaged ({what})"));
    Ok(StoredRound {
        board_id,
        server,
        team_name,
        channel_id,
        root_post_id,
        private_key: key.try_into().map_err(|_| damaged("its key"))?,
        record: serde_json::from_str(&record).map_err(|_| damaged("its record"))?,
        state: RoundState::from_name(&state),
        revealed: revealed
            .map(|r| serde_json::from_str(&r))
            .transpose()
            .map_err(|_| damaged("its opened ballots"))?,
        created_at,
        facilitator,
    })
}

const COLUMNS: &str =
    "board_id, server, team_name, channel_id, root_post_id, private_key, record, state, revealed, \
                       created_at, facilitator";

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Row::try_from(r)
}

/// The round started here whose root post is `root_post_id`, if this Pickboard started it.
pub fn by_root(tx: &Transaction<'_>, root_post_id: &str) -> Result<Option<StoredRound>> {
    tx.query_row(
        &format!("SELECT {COLUMNS} FROM rounds WHERE root_post_id = ?1"),
        [root_post_id],
        read_row,
    )
    .optional()?
    .map(from_row)
    .transpose()
}

/// The rounds started here on a board, newest first.
pub fn on_board(tx: &Transaction<'_>, board_id: i64) -> Result<Vec<StoredRound>> {
    let mut stmt = tx.prepare(&format!(
        "SELECT {COLUMNS} FROM rounds WHERE board_id = ?1 ORDER BY created_at DESC, rowid DESC"
    ))?;
    let rows: Vec<Row> = stmt
        .query_map([board_id], read_row)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(from_row).collect()
}

/// How many rounds started on `board_id` are not closed yet.
pub fn open_on_board(tx: &Transaction<'_>, board_id: i64) -> Result<u32> {
    Ok(tx.query_row(
        "SELECT count(*) FROM rounds WHERE board_id = ?1 AND state <> 'closed'",
        [board_id],
        |r| r.get(0),
    )?)
}

pub fn set_revealed(tx: &Transaction<'_>, round_id: &str, ballots: &[OpenedBallot]) -> Result<()> {
    tx.execute(
        "UPDATE rounds SET state = 'revealed', revealed = ?2 WHERE round_id = ?1",
        params![round_id, json(&ballots)?],
    )?;
    Ok(())
}

pub fn set_closed(tx: &Transaction<'_>, round_id: &str) -> Result<()> {
    tx.execute(
        "UPDATE rounds SET state = 'closed' WHERE round_id = ?1",
        [round_id],
    )?;
    Ok(())
}

/// Takes the round off this computer's open rounds: `voter`'s draft of it and, if `voter` started it here, the round
/// and its private key (its ballots can then not be revealed here). A round another account started here stays. The
/// thread in Mattermost stays as it is.
pub fn forget(tx: &Transaction<'_>, voter: &Owner<'_>, root_post_id: &str) -> Result<()> {
    let whose = [root_post_id, voter.server, voter.user_id];
    tx.execute(&format!("DELETE FROM round_drafts WHERE {ONE}"), whose)?;
    tx.execute(
        "DELETE FROM rounds WHERE root_post_id = ?1 AND server = ?2 AND (facilitator IS NULL OR facilitator = ?3)",
        whose,
    )?;
    Ok(())
}

/// A ballot being filled in (or sent), on this computer only.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub root_post_id: String,
    pub round_id: String,
    pub board: String,
    pub estimates: Estimates,
    /// The ballot's post, once it was sent.
    pub sent_post_id: Option<String>,
    /// The estimates of the ballot sent last, to tell whether the draft changed since.
    pub sent_estimates: Option<Estimates>,
    /// Sending failed because Mattermost could not be reached: Pickboard sends these estimates by itself.
    pub waiting: bool,
    /// Why a waiting ballot was given up (Mattermost refused it), for the round's view.
    pub send_error: Option<String>,
    pub updated_at: i64,
}

/// Whose draft: the person connected, on their server (two accounts on one computer keep their own ballots).
pub struct Owner<'a> {
    pub server: &'a str,
    pub user_id: &'a str,
}

impl<'a> Owner<'a> {
    pub fn of(who: &'a Identity) -> Owner<'a> {
        Owner {
            server: who.server.as_str(),
            user_id: &who.user_id,
        }
    }
}

/// Keeps an empty draft for a round joined or started here, unless there is one already.
pub fn ensure_draft(
    tx: &Transaction<'_>,
    voter: &Owner<'_>,
    record: &RoundRecord,
    root_post_id: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO round_drafts (root_post_id, server, user_id, round_id, board, estimates, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, '{}', ?6)
         ON CONFLICT DO NOTHING",
        params![
            root_post_id,
            voter.server,
            voter.user_id,
            record.round_id,
            record.board,
            now_ms()
        ],
    )?;
    Ok(())
}

/// Replaces the estimates of a draft kept here; `None` when this round has no draft here yet.
pub fn update_draft(
    tx: &Transaction<'_>,
    voter: &Owner<'_>,
    root_post_id: &str,
    estimates: &Estimates,
) -> Result<Option<Draft>> {
    let changed = tx.execute(
        &format!("UPDATE round_drafts SET estimates = ?4, updated_at = ?5 WHERE {ONE}"),
        params![
            root_post_id,
            voter.server,
            voter.user_id,
            json(estimates)?,
            now_ms()
        ],
    )?;
    if changed == 0 {
        return Ok(None);
    }
    draft(tx, voter, root_post_id)
}

/// The ballot of `estimates` went out as `post_id`; if it was the one waiting, it waits no more.
pub fn mark_sent(
    tx: &Transaction<'_>,
    voter: &Owner<'_>,
    root_post_id: &str,
    post_id: &str,
    estimates: &Estimates,
) -> Result<()> {
    let sent = json(estimates)?;
    tx.execute(
        &format!(
            "UPDATE round_drafts SET sent_post_id = ?4, sent_estimates = ?5, send_error = NULL, updated_at = ?6,
                    queued = CASE WHEN queued = ?5 THEN NULL ELSE queued END
             WHERE {ONE}"
        ),
        params![root_post_id, voter.server, voter.user_id, post_id, sent, now_ms()],
    )?;
    Ok(())
}

/// The round's state as the thread showed it when it was last read here.
pub fn note_state(
    tx: &Transaction<'_>,
    voter: &Owner<'_>,
    root_post_id: &str,
    state: RoundState,
) -> Result<()> {
    tx.execute(
        &format!("UPDATE round_drafts SET round_state = ?4 WHERE {ONE}"),
        params![root_post_id, voter.server, voter.user_id, state.name()],
    )?;
    Ok(())
}

/// `estimates` are to be sent by the background worker.
pub fn queue(
    tx: &Transaction<'_>,
    voter: &Owner<'_>,
    root_post_id: &str,
    estimates: &Estimates,
) -> Result<()> {
    tx.execute(
        &format!("UPDATE round_drafts SET queued = ?4, send_error = NULL WHERE {ONE}"),
        params![root_post_id, voter.server, voter.user_id, json(estimates)?],
    )?;
    Ok(())
}

/// The voter's ballot waits no more (Mattermost refused it as it was sent: the person is told there and then).
pub fn unqueue(tx: &Transaction<'_>, voter: &Owner<'_>, root_post_id: &str) -> Result<()> {
    tx.execute(
        &format!("UPDATE round_drafts SET queued = NULL WHERE {ONE}"),
        params![root_post_id, voter.server, voter.user_id],
    )?;
    Ok(())
}

/// A waiting ballot that Mattermost refused: it waits no more, and says why.
pub fn stop_waiting(tx: &Transaction<'_>, voter: &Owner<'_>, root_post_id: &str, why: &str) -> Result<()> {
    tx.execute(
        &format!("UPDATE round_drafts SET queued = NULL, send_error = ?4, updated_at = ?5 WHERE {ONE}"),
        params![root_post_id, voter.server, voter.user_id, why, now_ms()],
    )?;
    Ok(())
}

/// The ballots waiting to be sent as `voter`, oldest first: each round's post and the estimates queued.
pub fn waiting(tx: &Transaction<'_>, voter: &Owner<'_>) -> Result<Vec<(String, Estimates)>> {
    let mut stmt = tx.prepare(
        "SELECT root_post_id, queued FROM round_drafts
         WHERE server = ?1 AND user_id = ?2 AND queued IS NOT NULL ORDER BY updated_at",
    )?;
    let rows: Vec<(String, String)> = stmt
        .query_map([voter.server, voter.user_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(root, queued)| Ok((root, estimates_from(&queued)?)))
        .collect()
}

/// Whether a ballot waits to be sent as `voter` (the worker then looks again sooner).
pub fn any_waiting(tx: &Transaction<'_>, voter: &Owner<'_>) -> Result<bool> {
    Ok(tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM round_drafts WHERE server = ?1 AND user_id = ?2 AND queued IS NOT NULL)",
        [voter.server, voter.user_id],
        |r| r.get(0),
    )?)
}

/// One person's draft of one round, `?1` to `?3` being the round's post, the server and the user.
const ONE: &str = "root_post_id = ?1 AND server = ?2 AND user_id = ?3";

type DraftRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    bool,
    Option<String>,
    i64,
);

fn estimates_from(text: &str) -> Result<Estimates> {
    serde_json::from_str(text).map_err(|_| Error::Storage("a draft ballot is damaged".into()))
}

fn draft_from_row(row: DraftRow) -> Result<Draft> {
    let (
        root_post_id,
        round_id,
        board,
        estimates,
        sent_post_id,
        sent_estimates,
        waiting,
        send_error,
        updated_at,
    ) = row;
    Ok(Draft {
        root_post_id,
        round_id,
        board,
        estimates: estimates_from(&estimates)?,
        sent_post_id,
        sent_estimates: sent_estimates.as_deref().map(estimates_from).transpose()?,
        waiting,
        send_error,
        updated_at,
    })
}

const DRAFT_COLUMNS: &str = "root_post_id, round_id, board, estimates, sent_post_id, sent_estimates, \
                             queued IS NOT NULL, send_error, updated_at";

fn read_draft_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DraftRow> {
    DraftRow::try_from(r)
}

pub fn draft(tx: &Transaction<'_>, voter: &Owner<'_>, root_post_id: &str) -> Result<Option<Draft>> {
    tx.query_row(
        &format!("SELECT {DRAFT_COLUMNS} FROM round_drafts WHERE {ONE}"),
        [root_post_id, voter.server, voter.user_id],
        read_draft_row,
    )
    .optional()?
    .map(draft_from_row)
    .transpose()
}

/// The rounds `voter` joined that were closed when last read (`closed`), or not, newest first.
pub fn joined_drafts(tx: &Transaction<'_>, voter: &Owner<'_>, closed: bool) -> Result<Vec<Draft>> {
    let op = if closed { "=" } else { "<>" };
    let mut stmt = tx.prepare(&format!(
        "SELECT {DRAFT_COLUMNS} FROM round_drafts
         WHERE server = ?1 AND user_id = ?2 AND round_state {op} 'closed' ORDER BY updated_at DESC"
    ))?;
    let rows: Vec<DraftRow> = stmt
        .query_map([voter.server, voter.user_id], read_draft_row)?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(draft_from_row).collect()
}
