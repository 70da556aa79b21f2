//! The board's history, and undo and redo.
//!
//! Temporary triggers copy every row a transaction changes in `ideas` (and a board's thresholds) into a per-connection
//! change log. [`record`] runs one user action and turns what it changed into one event: the rows before and after,
//! and a summary for the timeline. Undo writes the rows back as they were before; redo writes them as they were after.
//! Because whole rows are restored, undo is exact even when an action renumbered every idea's rank.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{boards, now_ms};
use crate::domain::{Position, Score, Thresholds, Zone};
use crate::error::{Error, Result};

fn row_json(r: &str) -> String {
    format!(
        "json_object('id', {r}.id, 'board_id', {r}.board_id, 'title', {r}.title, 'notes', {r}.notes,
                     'payoff', {r}.payoff, 'cost', {r}.cost, 'rank', {r}.rank, 'owner', {r}.owner, 'link', {r}.link,
                     'tags', {r}.tags, 'created_at', {r}.created_at, 'updated_at', {r}.updated_at)"
    )
}

fn thresholds_json(r: &str) -> String {
    format!("json_object('payoff_threshold', {r}.payoff_threshold, 'cost_threshold', {r}.cost_threshold)")
}

/// Creates the change log and its triggers on this connection (they live in `temp`, never in the file).
pub(crate) fn install_change_capture(conn: &rusqlite::Connection) -> Result<()> {
    let (new, old) = (row_json("new"), row_json("old"));
    let (new_t, old_t) = (thresholds_json("new"), thresholds_json("old"));
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS change_log (
             seq INTEGER PRIMARY KEY, board_id INTEGER NOT NULL, tbl TEXT NOT NULL, row_id INTEGER NOT NULL,
             before TEXT, after TEXT);
         CREATE TEMP TRIGGER IF NOT EXISTS capture_idea_insert AFTER INSERT ON main.ideas BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (new.board_id, 'idea', new.id, NULL, {new});
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS capture_idea_update AFTER UPDATE ON main.ideas BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (new.board_id, 'idea', new.id, {old}, {new});
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS capture_idea_delete AFTER DELETE ON main.ideas BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (old.board_id, 'idea', old.id, {old}, NULL);
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS capture_thresholds AFTER UPDATE OF payoff_threshold, cost_threshold ON main.boards
         WHEN old.payoff_threshold IS NOT new.payoff_threshold OR old.cost_threshold IS NOT new.cost_threshold BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (new.id, 'board', new.id, {old_t}, {new_t});
         END;"
    ))?;
    Ok(())
}

/// An `ideas` row exactly as stored, as the triggers write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IdeaRow {
    id: i64,
    board_id: i64,
    title: String,
    notes: String,
    payoff: Option<i64>,
    cost: Option<i64>,
    rank: f64,
    owner: String,
    link: String,
    tags: String,
    created_at: i64,
    updated_at: i64,
}

impl IdeaRow {
    fn position(&self) -> Option<Position> {
        match (self.payoff, self.cost) {
            (Some(p), Some(c)) => Some(Position {
                payoff: Score::from_tenths(p).ok()?,
                cost: Score::from_tenths(c).ok()?,
            }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ThresholdsRow {
    payoff_threshold: i64,
    cost_threshold: i64,
}

impl ThresholdsRow {
    fn thresholds(self) -> Result<Thresholds> {
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
    Board {
        id: i64,
        before: ThresholdsRow,
        after: ThresholdsRow,
    },
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

/// Runs one user action and records what it changed as one event (nothing, when it changed nothing). A new action
/// clears what could have been redone.
pub fn record<T>(tx: &Transaction<'_>, action: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
    record_as(tx, None, action)
}

/// Like [`record`], naming the kind of event instead of working it out (a delete taken back is "restored").
pub fn record_as<T>(
    tx: &Transaction<'_>,
    kind: Option<EventKind>,
    action: impl FnOnce(&Transaction<'_>) -> Result<T>,
) -> Result<T> {
    capture(tx, action, |tx, board_id, changes| {
        let thresholds = boards::thresholds(tx, board_id)?;
        Ok(describe(changes, thresholds, kind))
    })
}

/// Like [`record`], for an import of `count` ideas from `file_name`: one event, undone in one step.
pub fn record_imported<T>(
    tx: &Transaction<'_>,
    file_name: &str,
    count: usize,
    action: impl FnOnce(&Transaction<'_>) -> Result<T>,
) -> Result<T> {
    capture(tx, action, |_, _, _| {
        let summary = EventSummary {
            title: Some(file_name.to_owned()),
            count: u32::try_from(count).ok(),
            ..EventSummary::default()
        };
        Ok((EventKind::Imported, None, summary))
    })
}

/// Runs `action`, then records what it changed as one event that `summarise` names (nothing when it changed
/// nothing).
fn capture<T>(
    tx: &Transaction<'_>,
    action: impl FnOnce(&Transaction<'_>) -> Result<T>,
    summarise: impl FnOnce(&Transaction<'_>, i64, &[RowChange]) -> Result<(EventKind, Option<i64>, EventSummary)>,
) -> Result<T> {
    tx.execute("DELETE FROM temp.change_log", [])?;
    let out = action(tx)?;
    let (board_id, changes) = take_changes(tx)?;
    if let Some(board_id) = board_id {
        let (kind, idea_id, summary) = summarise(tx, board_id, &changes)?;
        insert_event(tx, board_id, idea_id, kind, &summary, &changes)?;
    }
    Ok(out)
}

fn insert_event(
    tx: &Transaction<'_>,
    board_id: i64,
    idea_id: Option<i64>,
    kind: EventKind,
    summary: &EventSummary,
    changes: &[RowChange],
) -> Result<()> {
    tx.execute(
        "DELETE FROM events WHERE board_id = ?1 AND undone = 1",
        [board_id],
    )?;
    tx.execute(
        "INSERT INTO events (board_id, idea_id, kind, summary, changes, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            board_id,
            idea_id,
            kind_name(kind),
            to_json(summary)?,
            to_json(&changes)?,
            now_ms()
        ],
    )?;
    Ok(())
}

/// A row of the change log: board, table, row id, the row before and after as JSON.
type LogRow = (i64, String, i64, Option<String>, Option<String>);

/// The changes in the log, one per row (first `before`, last `after`), in the order the rows were first touched.
fn take_changes(tx: &Transaction<'_>) -> Result<(Option<i64>, Vec<RowChange>)> {
    let mut stmt =
        tx.prepare_cached("SELECT board_id, tbl, row_id, before, after FROM temp.change_log ORDER BY seq")?;
    let rows: Vec<LogRow> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM temp.change_log", [])?;

    let parse_err = |e: serde_json::Error| Error::Storage(format!("the change log could not be read: {e}"));
    let mut board_id = None;
    let mut changes: Vec<RowChange> = Vec::new();
    // Where each idea's change is in `changes`, so that an action touching 50,000 rows is recorded in linear time.
    let mut seen: HashMap<i64, usize> = HashMap::new();
    for (board, table, id, before, after) in rows {
        board_id.get_or_insert(board);
        match table.as_str() {
            "idea" => {
                let before: Option<Box<IdeaRow>> = before
                    .map(|b| serde_json::from_str(&b))
                    .transpose()
                    .map_err(parse_err)?;
                let after: Option<Box<IdeaRow>> = after
                    .map(|a| serde_json::from_str(&a))
                    .transpose()
                    .map_err(parse_err)?;
                match seen.get(&id).and_then(|&n| changes.get_mut(n)) {
                    Some(RowChange::Idea { after: last, .. }) => *last = after,
                    _ => {
                        seen.insert(id, changes.len());
                        changes.push(RowChange::Idea { id, before, after });
                    }
                }
            }
            _ => {
                let before: ThresholdsRow =
                    serde_json::from_str(&before.unwrap_or_default()).map_err(parse_err)?;
                let after: ThresholdsRow =
                    serde_json::from_str(&after.unwrap_or_default()).map_err(parse_err)?;
                let existing = changes.iter_mut().find_map(|c| match c {
                    RowChange::Board { after: last, .. } => Some(last),
                    _ => None,
                });
                match existing {
                    Some(last) => *last = after,
                    None => changes.push(RowChange::Board { id, before, after }),
                }
            }
        }
    }
    // A row that ended as it began (created and deleted, or moved and moved back) changed nothing.
    changes.retain(|c| match c {
        RowChange::Idea { before, after, .. } => before != after,
        RowChange::Board { before, after, .. } => before != after,
    });
    Ok((board_id.filter(|_| !changes.is_empty()), changes))
}

fn describe(
    changes: &[RowChange],
    now: Thresholds,
    hint: Option<EventKind>,
) -> (EventKind, Option<i64>, EventSummary) {
    let mut summary = EventSummary::default();
    // The idea the action was about is the first one it touched (a renumbering follows it).
    match changes.first() {
        Some(RowChange::Board { before, after, .. }) => {
            summary.thresholds_before = before.thresholds().ok();
            summary.thresholds_after = after.thresholds().ok();
            (EventKind::Thresholds, None, summary)
        }
        Some(RowChange::Idea { id, before, after }) => {
            summary.title = after.as_ref().or(before.as_ref()).map(|r| r.title.clone());
            summary.from = before.as_ref().map(|r| Zone::of(r.position(), now));
            summary.to = after.as_ref().map(|r| Zone::of(r.position(), now));
            let kind = match (before, after) {
                (None, _) => EventKind::Added,
                (_, None) => EventKind::Deleted,
                (Some(b), Some(a)) => {
                    let fields = [
                        ("title", b.title != a.title),
                        ("notes", b.notes != a.notes),
                        ("owner", b.owner != a.owner),
                        ("link", b.link != a.link),
                        ("tags", b.tags != a.tags),
                        ("scores", b.position() != a.position()),
                    ];
                    summary.fields = fields
                        .iter()
                        .filter(|(_, changed)| *changed)
                        .map(|(f, _)| (*f).to_owned())
                        .collect();
                    let content = summary.fields.iter().any(|f| f != "scores");
                    if content {
                        EventKind::Edited
                    } else {
                        EventKind::Moved
                    }
                }
            };
            (hint.unwrap_or(kind), Some(*id), summary)
        }
        None => (hint.unwrap_or(EventKind::Edited), None, summary),
    }
}

fn kind_name(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Added => "added",
        EventKind::Edited => "edited",
        EventKind::Moved => "moved",
        EventKind::Deleted => "deleted",
        EventKind::Restored => "restored",
        EventKind::Thresholds => "thresholds",
        EventKind::Imported => "imported",
    }
}

fn kind_from_name(name: &str) -> EventKind {
    match name {
        "added" => EventKind::Added,
        "moved" => EventKind::Moved,
        "deleted" => EventKind::Deleted,
        "restored" => EventKind::Restored,
        "thresholds" => EventKind::Thresholds,
        "imported" => EventKind::Imported,
        _ => EventKind::Edited,
    }
}

const EVENT_COLUMNS: &str = "id, board_id, idea_id, kind, summary, at";

fn event_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Event> {
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
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {EVENT_COLUMNS} FROM events
         WHERE board_id = ?1 AND undone = 0 AND (?2 IS NULL OR idea_id = ?2) ORDER BY id DESC LIMIT ?3"
    ))?;
    let rows = stmt.query_map(params![board_id, idea_id, limit], event_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the board has something to undo and something to redo.
pub fn undo_state(tx: &Transaction<'_>, board_id: i64) -> Result<(bool, bool)> {
    let count = |undone: i64| -> Result<bool> {
        let found: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM events WHERE board_id = ?1 AND undone = ?2 LIMIT 1",
                params![board_id, undone],
                |r| r.get(0),
            )
            .optional()?;
        Ok(found.is_some())
    };
    Ok((count(0)?, count(1)?))
}

/// Takes back the board's latest event. Returns it, or `None` when there is nothing to undo.
pub fn undo(tx: &Transaction<'_>, board_id: i64) -> Result<Option<Event>> {
    step(tx, board_id, true)
}

/// Does again the event undone last. Returns it, or `None` when there is nothing to redo.
pub fn redo(tx: &Transaction<'_>, board_id: i64) -> Result<Option<Event>> {
    step(tx, board_id, false)
}

fn step(tx: &Transaction<'_>, board_id: i64, undo: bool) -> Result<Option<Event>> {
    let sql = if undo {
        "SELECT id, changes FROM events WHERE board_id = ?1 AND undone = 0 ORDER BY id DESC LIMIT 1"
    } else {
        "SELECT id, changes FROM events WHERE board_id = ?1 AND undone = 1 ORDER BY id ASC LIMIT 1"
    };
    let Some((event_id, changes)) = tx
        .query_row(sql, [board_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?
    else {
        return Ok(None);
    };
    let changes: Vec<RowChange> = serde_json::from_str(&changes)
        .map_err(|e| Error::Storage(format!("this change cannot be undone: {e}")))?;
    let ordered: Box<dyn Iterator<Item = &RowChange>> = if undo {
        Box::new(changes.iter().rev())
    } else {
        Box::new(changes.iter())
    };
    for change in ordered {
        apply(tx, change, undo)?;
    }
    tx.execute("DELETE FROM temp.change_log", [])?;
    tx.execute(
        "UPDATE events SET undone = ?2 WHERE id = ?1",
        params![event_id, undo],
    )?;
    boards::touch(tx, board_id)?;
    let event = tx.query_row(
        &format!("SELECT {EVENT_COLUMNS} FROM events WHERE id = ?1"),
        [event_id],
        event_from_row,
    )?;
    Ok(Some(event))
}

/// Writes one row back as it was before the change (`undo`) or after it.
fn apply(tx: &Transaction<'_>, change: &RowChange, undo: bool) -> Result<()> {
    match change {
        RowChange::Idea { id, before, after } => match if undo { before } else { after } {
            None => {
                tx.execute("DELETE FROM ideas WHERE id = ?1", [id])?;
            }
            Some(r) => {
                tx.execute(
                    "INSERT INTO ideas (id, board_id, title, notes, payoff, cost, rank, owner, link, tags, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                     ON CONFLICT (id) DO UPDATE SET board_id = excluded.board_id, title = excluded.title,
                         notes = excluded.notes, payoff = excluded.payoff, cost = excluded.cost, rank = excluded.rank,
                         owner = excluded.owner, link = excluded.link, tags = excluded.tags,
                         created_at = excluded.created_at, updated_at = excluded.updated_at",
                    params![
                        r.id, r.board_id, r.title, r.notes, r.payoff, r.cost, r.rank, r.owner, r.link, r.tags,
                        r.created_at, r.updated_at
                    ],
                )?;
            }
        },
        RowChange::Board { id, before, after } => {
            let t = if undo { before } else { after };
            tx.execute(
                "UPDATE boards SET payoff_threshold = ?2, cost_threshold = ?3 WHERE id = ?1",
                params![id, t.payoff_threshold, t.cost_threshold],
            )?;
        }
    }
    Ok(())
}

/// An event as a board file carries it (see `transfer::json`): what the timeline shows, and the rows for undo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedEvent {
    pub idea_id: Option<i64>,
    pub kind: EventKind,
    pub summary: EventSummary,
    pub changes: Vec<RowChange>,
    pub at: i64,
    pub undone: bool,
}

/// Every event of the board, oldest first, undone ones included (they can still be redone).
pub fn export(tx: &Transaction<'_>, board_id: i64) -> Result<Vec<ExportedEvent>> {
    let mut stmt = tx.prepare_cached(
        "SELECT idea_id, kind, summary, changes, at, undone FROM events WHERE board_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([board_id], |r| {
        Ok((
            r.get::<_, Option<i64>>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, bool>(5)?,
        ))
    })?;
    let unreadable =
        |e: serde_json::Error| Error::Storage(format!("the board's history could not be read: {e}"));
    let mut events = Vec::new();
    for row in rows {
        let (idea_id, kind, summary, changes, at, undone) = row?;
        events.push(ExportedEvent {
            idea_id,
            kind: kind_from_name(&kind),
            summary: serde_json::from_str(&summary).map_err(unreadable)?,
            changes: serde_json::from_str(&changes).map_err(unreadable)?,
            at,
            undone,
        });
    }
    Ok(events)
}

/// Writes imported events to `board_id`. `new_id` maps each idea id the file uses to the id the idea has here, so
/// that undo and redo after the import touch this board's ideas only.
pub fn import(
    tx: &Transaction<'_>,
    board_id: i64,
    events: &[ExportedEvent],
    mut new_id: impl FnMut(i64) -> i64,
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO events (board_id, idea_id, kind, summary, changes, at, undone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for event in events {
        let changes: Vec<RowChange> = event
            .changes
            .iter()
            .map(|change| match change {
                RowChange::Idea { id, before, after } => {
                    let id = new_id(*id);
                    let moved = |row: &Option<Box<IdeaRow>>| {
                        row.as_ref().map(|r| {
                            Box::new(IdeaRow {
                                id,
                                board_id,
                                ..(**r).clone()
                            })
                        })
                    };
                    RowChange::Idea {
                        id,
                        before: moved(before),
                        after: moved(after),
                    }
                }
                RowChange::Board { before, after, .. } => RowChange::Board {
                    id: board_id,
                    before: *before,
                    after: *after,
                },
            })
            .collect();
        insert.execute(params![
            board_id,
            event.idea_id.map(&mut new_id),
            kind_name(event.kind),
            to_json(&event.summary)?,
            to_json(&changes)?,
            event.at,
            event.undone
        ])?;
    }
    Ok(())
}

fn to_json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Storage(e.to_string()))
}
