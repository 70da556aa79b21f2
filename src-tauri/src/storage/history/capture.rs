//! The change log that temporary triggers fill, and recording one user action as one event.

use std::collections::HashMap;

use rusqlite::{params, Transaction};

use super::summary::describe;
use super::{
    kind_name, to_json, EventKind, EventSummary, HistoryState, IdeaColumns, IdeaRow, RowChange, ThresholdsRow,
};
use crate::domain::Thresholds;
use crate::error::{Error, Result};
use crate::storage::Cached;
use crate::storage::{boards, idea_row, now_ms};

fn thresholds_json(r: &str) -> String {
    format!("json_object('payoff_threshold', {r}.payoff_threshold, 'cost_threshold', {r}.cost_threshold)")
}

/// Creates the change log and its triggers on this connection (they live in `temp`, never in the file).
pub(crate) fn install_change_capture(conn: &rusqlite::Connection) -> Result<()> {
    let (new, old) = (idea_row::json_object("new"), idea_row::json_object("old"));
    let (new_t, old_t) = (thresholds_json("new"), thresholds_json("old"));
    // The row's own columns: the zone the database keeps beside them (idea_row::DERIVED) is not an edit, and a move
    // into another quadrant or new lines under 10,000 ideas would otherwise log each row twice, or every row once.
    let row_columns = idea_row::COLUMNS.join(", ");
    // While `change_log_paused` has a row, an idea's writes are not logged: [`record_update`] records the one it
    // makes itself.
    let logging = "WHEN NOT EXISTS (SELECT 1 FROM temp.change_log_paused)";
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS change_log (
             seq INTEGER PRIMARY KEY, board_id INTEGER NOT NULL, tbl TEXT NOT NULL, row_id INTEGER NOT NULL,
             before TEXT, after TEXT);
         CREATE TEMP TABLE IF NOT EXISTS change_log_paused (paused INTEGER);
         CREATE TEMP TRIGGER IF NOT EXISTS capture_idea_insert AFTER INSERT ON main.ideas {logging} BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (new.board_id, 'idea', new.id, NULL, {new});
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS capture_idea_update AFTER UPDATE OF {row_columns} ON main.ideas {logging} BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (new.board_id, 'idea', new.id, {old}, {new});
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS capture_idea_delete AFTER DELETE ON main.ideas {logging} BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (old.board_id, 'idea', old.id, {old}, NULL);
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS capture_thresholds AFTER UPDATE OF payoff_threshold, cost_threshold ON main.boards
         WHEN old.payoff_threshold IS NOT new.payoff_threshold OR old.cost_threshold IS NOT new.cost_threshold BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after) VALUES (new.id, 'board', new.id, {old_t}, {new_t});
         END;
         CREATE TEMP TRIGGER IF NOT EXISTS capture_board_name AFTER UPDATE OF name ON main.boards
         WHEN old.name IS NOT new.name BEGIN
             INSERT INTO change_log (board_id, tbl, row_id, before, after)
             VALUES (new.id, 'boardName', new.id, json_quote(old.name), json_quote(new.name));
         END;"
    ))?;
    Ok(())
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
    capture(tx, None, action, described(kind))
}

/// Like [`record`], for an action about the idea `id` that may touch other ideas before it (a move that renumbers
/// the board first): the event is that idea's, as the timeline and Undo's toast name it.
pub fn record_about<T>(
    tx: &Transaction<'_>,
    id: i64,
    action: impl FnOnce(&Transaction<'_>) -> Result<T>,
) -> Result<T> {
    capture(tx, Some(id), action, described(None))
}

/// What an event is: its kind, the idea it is about, its summary.
type Naming = (EventKind, Option<i64>, EventSummary);

/// An event named from what it changed (see [`describe`]), `kind` unless it is worked out.
fn described(kind: Option<EventKind>) -> impl FnOnce(&Transaction<'_>, i64, &[RowChange]) -> Result<Naming> {
    move |tx, board_id, changes| {
        let thresholds = boards::thresholds(tx, board_id)?;
        Ok(describe(changes, thresholds, kind))
    }
}

/// Like [`record`], for an import of `count` ideas from `file_name`: one event, undone in one step.
pub fn record_imported<T>(
    tx: &Transaction<'_>,
    file_name: &str,
    count: usize,
    action: impl FnOnce(&Transaction<'_>) -> Result<T>,
) -> Result<T> {
    capture(tx, None, action, |_, _, _| {
        let summary = EventSummary {
            title: Some(file_name.to_owned()),
            count: u32::try_from(count).ok(),
            ..EventSummary::default()
        };
        Ok((EventKind::Imported, None, summary))
    })
}

/// Like [`record`], with the event's kind and summary given (a team round settled at its medians: one event, one
/// undo, about several ideas). Returns the event's id too, `None` when the action changed nothing.
pub fn record_described<T>(
    tx: &Transaction<'_>,
    kind: EventKind,
    summary: EventSummary,
    action: impl FnOnce(&Transaction<'_>) -> Result<T>,
) -> Result<(T, Option<i64>)> {
    let mut made = false;
    let out = capture(tx, None, action, |_, _, _| {
        made = true;
        Ok((kind, None, summary))
    })?;
    Ok((out, made.then(|| tx.last_insert_rowid())))
}

/// Records an update of one idea that the caller worked out before writing it (a move, new scores: the commonest
/// edits), from the idea's rows before and after, with the change log paused while `write` writes it. The event is
/// the one [`record`] makes from the log (a test holds the two to it); without the log, the row is not copied into it
/// twice as JSON and read back: about a tenth of a move's time in Rust, and two fifths for an idea with 20,000
/// characters of notes (docs/benchmarks.md). Returns the board's history state after it, known without reading it.
pub fn record_update(
    tx: &Transaction<'_>,
    before: IdeaRow,
    after: IdeaRow,
    thresholds: Thresholds,
    write: impl FnOnce(&Transaction<'_>) -> Result<()>,
) -> Result<HistoryState> {
    tx.execute_cached("INSERT INTO temp.change_log_paused (paused) VALUES (1)", [])?;
    // On an error the transaction is rolled back, and the pause with it.
    write(tx)?;
    tx.execute_cached("DELETE FROM temp.change_log_paused", [])?;
    let board_id = after.board_id;
    let changes = vec![RowChange::Idea {
        id: after.id,
        before: Some(Box::new(before)),
        after: Some(Box::new(after)),
    }];
    let (kind, idea_id, summary) = describe(&changes, thresholds, None);
    insert_event(tx, board_id, idea_id, kind, &summary, changes)?;
    // The event just made is the one an undo takes back, and it cleared what could be redone.
    Ok(HistoryState {
        can_undo: true,
        can_redo: false,
        last_event: Some(tx.last_insert_rowid()),
    })
}

/// Runs `action`, then records what it changed as one event that `summarise` names (nothing when it changed
/// nothing). The event is about the first idea the action touched, or the idea `about`.
fn capture<T>(
    tx: &Transaction<'_>,
    about: Option<i64>,
    action: impl FnOnce(&Transaction<'_>) -> Result<T>,
    summarise: impl FnOnce(&Transaction<'_>, i64, &[RowChange]) -> Result<Naming>,
) -> Result<T> {
    tx.execute_cached("DELETE FROM temp.change_log", [])?;
    let out = action(tx)?;
    let (board_id, mut changes) = take_changes(tx)?;
    // The idea the event is about comes first, the others after it in the order they were touched.
    if let Some(at) = changes
        .iter()
        .position(|c| matches!(c, RowChange::Idea { id, .. } if Some(*id) == about))
    {
        changes[..=at].rotate_right(1);
    }
    if let Some(board_id) = board_id {
        let (kind, idea_id, summary) = summarise(tx, board_id, &changes)?;
        insert_event(tx, board_id, idea_id, kind, &summary, changes)?;
    }
    Ok(out)
}

fn insert_event(
    tx: &Transaction<'_>,
    board_id: i64,
    idea_id: Option<i64>,
    kind: EventKind,
    summary: &EventSummary,
    changes: Vec<RowChange>,
) -> Result<()> {
    tx.execute_cached(
        "INSERT INTO events (board_id, idea_id, kind, summary, changes, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            board_id,
            idea_id,
            kind_name(kind),
            to_json(summary)?,
            to_json(&stored(changes))?,
            now_ms()
        ],
    )?;
    // What could be redone goes once the new event has its id: an event takes the id after the highest one there
    // is, and the events undone are the board's latest, so that deleted first, the new event took the id of the
    // first of them, which a toast's Undo or the timeline may still name.
    tx.execute_cached(
        "DELETE FROM events WHERE board_id = ?1 AND undone = 1",
        [board_id],
    )?;
    Ok(())
}

/// `changes` as the history stores them: an idea's update as the columns it changed, not the row twice.
fn stored(changes: Vec<RowChange>) -> Vec<RowChange> {
    changes
        .into_iter()
        .map(|change| match change {
            RowChange::Idea {
                id,
                before: Some(before),
                after: Some(after),
            } => {
                let (before, after) = IdeaColumns::changed(&before, &after);
                RowChange::IdeaColumns {
                    id,
                    before: Box::new(before),
                    after: Box::new(after),
                }
            }
            other => other,
        })
        .collect()
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
    tx.execute_cached("DELETE FROM temp.change_log", [])?;

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
            "boardName" => {
                let before: String = serde_json::from_str(&before.unwrap_or_default()).map_err(parse_err)?;
                let after: String = serde_json::from_str(&after.unwrap_or_default()).map_err(parse_err)?;
                let existing = changes.iter_mut().find_map(|c| match c {
                    RowChange::BoardName { after: last, .. } => Some(last),
                    _ => None,
                });
                match existing {
                    Some(last) => *last = after,
                    None => changes.push(RowChange::BoardName { id, before, after }),
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
        RowChange::IdeaColumns { before, after, .. } => before != after,
        RowChange::Board { before, after, .. } => before != after,
        RowChange::BoardName { before, after, .. } => before != after,
    });
    Ok((board_id.filter(|_| !changes.is_empty()), changes))
}
