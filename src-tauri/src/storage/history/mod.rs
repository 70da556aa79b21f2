//! The board's history, and undo and redo.
//!
//! Temporary triggers copy every row a transaction changes in `ideas` (and a board's thresholds) into a per-connection
//! change log. [`record`] runs one user action and turns what it changed into one event: the rows before and after,
//! and a summary for the timeline. Undo writes the rows back as they were before; redo writes them as they were after.
//! Because whole rows are restored, undo is exact even when an action renumbered every idea's rank.
//!
//! - [`capture`]: the change log and recording an action as an event;
//! - [`summary`]: what an event did, in the timeline's terms;
//! - [`undo`]: taking events back and doing them again.
//!
//! Events in board files are `transfer::events`.

mod capture;
mod summary;
mod undo;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use super::idea_row::{IdeaColumns, IdeaRow};
pub(crate) use capture::install_change_capture;
pub use capture::{record, record_about, record_as, record_described, record_imported, record_update};
pub use undo::{redo, undo, undo_exactly};

use crate::domain::{Position, Quadrant, Score, Thresholds, Zone};
use crate::error::{Error, Result};
use crate::storage::Cached;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ThresholdsRow {
    pub(super) payoff_threshold: i64,
    pub(super) cost_threshold: i64,
}

impl ThresholdsRow {
    pub(crate) fn thresholds(self) -> Result<Thresholds> {
        Thresholds::new(
            Score::from_tenths(self.payoff_threshold)?,
            Score::from_tenths(self.cost_threshold)?,
        )
    }
}

/// One row an action changed: `None` before means it was created, `None` after that it was deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "table", rename_all = "camelCase")]
pub enum RowChange {
    Idea {
        id: i64,
        before: Option<Box<IdeaRow>>,
        after: Option<Box<IdeaRow>>,
    },
    /// An idea updated, as the history stores it: the columns the update changed, before and after; undo and redo
    /// write back those columns alone. Kept as whole rows, a move of an idea with 20,000 characters of notes held
    /// them twice in its event. Events stored as whole rows before are read and undone as they are.
    IdeaColumns {
        id: i64,
        before: Box<IdeaColumns>,
        after: Box<IdeaColumns>,
    },
    Board {
        id: i64,
        before: ThresholdsRow,
        after: ThresholdsRow,
    },
    /// The board's name.
    BoardName { id: i64, before: String, after: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EventKind {
    Added,
    Edited,
    Moved,
    Deleted,
    Restored,
    Thresholds,
    /// Ideas imported from a file into an existing board.
    Imported,
    /// The board's name changed (`title` is the new name, `nameBefore` the old one).
    Renamed,
}

/// What an event did, in terms the timeline can show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EventSummary {
    /// The idea's title (after the change, or before a delete).
    pub title: Option<String>,
    pub from: Option<Zone>,
    pub to: Option<Zone>,
    /// Which details changed: "title", "notes", "owner", "link", "tags", "scores".
    pub fields: Vec<String>,
    pub thresholds_before: Option<Thresholds>,
    pub thresholds_after: Option<Thresholds>,
    /// How many ideas an import brought (its `title` is the file's name).
    #[serde(default)]
    pub count: Option<u32>,
    /// The board's name before a rename.
    #[serde(default)]
    pub name_before: Option<String>,
    /// The ideas a team round placed at its medians, in one edit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub round: Option<RoundSettled>,
}

/// What settling a team round at its medians did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundSettled {
    pub round_id: String,
    pub ideas: Vec<SettledIdea>,
    /// Who voted in the round (display names), for the board's activity.
    #[serde(default)]
    pub voters: Vec<String>,
}

/// One idea a team round placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettledIdea {
    pub idea_id: i64,
    pub title: String,
    pub payoff: Score,
    pub cost: Score,
    pub votes: u32,
    /// For the idea's timeline: "settled by team round: median 7.5 / 3, 6 votes".
    pub line: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub id: i64,
    pub board_id: i64,
    pub idea_id: Option<i64>,
    pub kind: EventKind,
    pub summary: EventSummary,
    pub at: i64,
}

pub(crate) fn kind_name(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Added => "added",
        EventKind::Edited => "edited",
        EventKind::Moved => "moved",
        EventKind::Deleted => "deleted",
        EventKind::Restored => "restored",
        EventKind::Thresholds => "thresholds",
        EventKind::Imported => "imported",
        EventKind::Renamed => "renamed",
    }
}

pub(crate) fn kind_from_name(name: &str) -> EventKind {
    match name {
        "added" => EventKind::Added,
        "moved" => EventKind::Moved,
        "deleted" => EventKind::Deleted,
        "restored" => EventKind::Restored,
        "thresholds" => EventKind::Thresholds,
        "imported" => EventKind::Imported,
        "renamed" => EventKind::Renamed,
        _ => EventKind::Edited,
    }
}

pub(super) const EVENT_COLUMNS: &str = "id, board_id, idea_id, kind, summary, at";

pub(super) fn event_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
    let summary: String = row.get(4)?;
    Ok(Event {
        id: row.get(0)?,
        board_id: row.get(1)?,
        idea_id: row.get(2)?,
        kind: kind_from_name(&row.get::<_, String>(3)?),
        summary: serde_json::from_str(&summary).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
        })?,
        at: row.get(5)?,
    })
}

/// The board's events, newest first; only those of one idea when `idea_id` is given. Undone events are not shown.
pub fn list(tx: &Transaction<'_>, board_id: i64, idea_id: Option<i64>, limit: u32) -> Result<Vec<Event>> {
    // An idea's own history has the board's thresholds moved since it was added too: they can move it to another
    // quadrant, and its history said "Nothing has happened here yet" of an idea moved from Challenge to Kill.
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM events
         WHERE board_id = ?1 AND undone = 0
             AND (?2 IS NULL OR idea_id = ?2 OR id IN (SELECT event_id FROM round_settled WHERE idea_id = ?2)
                  OR (kind = 'thresholds'
                      AND (id > (SELECT min(id) FROM events WHERE idea_id = ?2)
                           OR at > (SELECT created_at FROM ideas WHERE id = ?2))))
         ORDER BY id DESC LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![board_id, idea_id, limit], event_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How far back [`scores_before_moves`] looks: a few moves of one idea cover a wrong key and the right one.
const MOVES_LOOKED_BACK: u32 = 20;

/// The scores `idea_id` last had in `quadrant`, when only moves from quadrant to quadrant came since: a wrong
/// quadrant's key and then the right one give back the idea's own scores, where the nearest point inside would give
/// the quadrant's edge (P 7 · C 0 → Kill → Implement came back at P 5 · C 4.9). `None` when the idea was rescored on
/// the way (on the chart, its sliders, a round), was placed from the tray, or was not in `quadrant` before. A trip
/// through the tray is a move too: sent there from `quadrant` and back, an idea takes its scores there again (it came
/// back at the quadrant's middle, though Ctrl+Z knew them). A move is told from a rescoring by where it put the idea:
/// the point of its new quadrant nearest to where it was ([`Quadrant::place`]).
pub fn scores_before_moves(
    tx: &Transaction<'_>,
    idea_id: i64,
    quadrant: Quadrant,
    thresholds: Thresholds,
) -> Result<Option<Position>> {
    let mut stmt = tx.prepare_cached(
        "SELECT json_extract(changes, '$[0].before.payoff'), json_extract(changes, '$[0].before.cost'),
                json_extract(changes, '$[0].after.payoff'), json_extract(changes, '$[0].after.cost'),
                json_type(changes, '$[0].after') = 'null'
         FROM events WHERE idea_id = ?1 AND undone = 0 ORDER BY id DESC LIMIT ?2",
    )?;
    let position = |payoff: Option<i64>, cost: Option<i64>| -> Option<Position> {
        Some(Position {
            payoff: Score::from_tenths(payoff?).ok()?,
            cost: Score::from_tenths(cost?).ok()?,
        })
    };
    let mut rows = stmt.query(params![idea_id, MOVES_LOOKED_BACK])?;
    while let Some(row) = rows.next()? {
        let before = position(row.get(0)?, row.get(1)?);
        let after = position(row.get(2)?, row.get(3)?);
        if before == after {
            continue; // its title, notes or tags: no score changed
        }
        let deleted: bool = row.get(4)?;
        let (Some(before), Some(after)) = (before, after) else {
            match before {
                // Sent to the tray from there.
                Some(before) if !deleted && Quadrant::of(before, thresholds) == quadrant => {
                    return Ok(Some(before))
                }
                // Sent to the tray from another quadrant, where a move had taken it: on, past the trip.
                Some(_) if !deleted => continue,
                _ => return Ok(None), // added, deleted, or placed from the tray
            }
        };
        let moved_to = Quadrant::of(after, thresholds);
        if moved_to.place(Some(before), thresholds) != after || moved_to == Quadrant::of(before, thresholds) {
            return Ok(None); // rescored
        }
        if Quadrant::of(before, thresholds) == quadrant {
            return Ok(Some(before));
        }
    }
    Ok(None)
}

/// What undo and redo can do on a board now, as Rust knows it (the UI never guesses it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
    /// The event an undo would take back now.
    pub last_event: Option<i64>,
}

/// Whether the board has something to undo and something to redo.
pub fn undo_state(tx: &Transaction<'_>, board_id: i64) -> Result<HistoryState> {
    let last_event: Option<i64> = tx
        .query_row_cached(
            "SELECT max(id) FROM events WHERE board_id = ?1 AND undone = 0",
            [board_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let can_redo = tx
        .query_row_cached(
            "SELECT 1 FROM events WHERE board_id = ?1 AND undone = 1 LIMIT 1",
            [board_id],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .is_some();
    Ok(HistoryState {
        can_undo: last_event.is_some(),
        can_redo,
        last_event,
    })
}

pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Storage(e.to_string()))
}
