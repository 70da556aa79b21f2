//! Undo and redo: an event's rows written back as they were before it, or as they were after it.

use rusqlite::{params, OptionalExtension, Transaction};

use super::{event_from_row, Event, RowChange, EVENT_COLUMNS};
use crate::error::{Error, Result};
use crate::storage::boards;
use crate::storage::idea_row::{self, OnConflict};
use crate::storage::Cached;

/// Takes back the board's latest event. Returns it, or `None` when there is nothing to undo.
pub fn undo(tx: &Transaction<'_>, board_id: i64) -> Result<Option<Event>> {
    step(tx, board_id, true, None)
}

/// Takes back event `expected` when it is still the board's latest (the Undo of a toast that named it); refuses when
/// other changes came after it, so that the toast never undoes something else.
pub fn undo_exactly(tx: &Transaction<'_>, board_id: i64, expected: i64) -> Result<Option<Event>> {
    step(tx, board_id, true, Some(expected))
}

/// Does again the event undone last. Returns it, or `None` when there is nothing to redo.
pub fn redo(tx: &Transaction<'_>, board_id: i64) -> Result<Option<Event>> {
    step(tx, board_id, false, None)
}

fn step(tx: &Transaction<'_>, board_id: i64, undo: bool, expected: Option<i64>) -> Result<Option<Event>> {
    let sql = if undo {
        "SELECT id, changes FROM events WHERE board_id = ?1 AND undone = 0 ORDER BY id DESC LIMIT 1"
    } else {
        "SELECT id, changes FROM events WHERE board_id = ?1 AND undone = 1 ORDER BY id ASC LIMIT 1"
    };
    let Some((event_id, changes)) = tx
        .query_row_cached(sql, [board_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?
    else {
        return Ok(None);
    };
    if expected.is_some_and(|e| e != event_id) {
        return Err(Error::invalid(
            "Other changes were made after this one. Undo them first, with Undo (Ctrl+Z) in the toolbar.",
        ));
    }
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
    tx.execute_cached("DELETE FROM temp.change_log", [])?;
    tx.execute_cached(
        "UPDATE events SET undone = ?2 WHERE id = ?1",
        params![event_id, undo],
    )?;
    boards::touch(tx, board_id)?;
    let event = tx.query_row_cached(
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
                tx.execute_cached("DELETE FROM ideas WHERE id = ?1", [id])?;
            }
            Some(r) => {
                tx.prepare_cached(&idea_row::insert_sql(OnConflict::Replace))?
                    .execute(&r.values()[..])?;
            }
        },
        RowChange::IdeaColumns { id, before, after } => {
            let columns = if undo { before } else { after };
            if let Some((sql, values)) = columns.update(id) {
                tx.prepare_cached(&sql)?.execute(&values[..])?;
            }
        }
        RowChange::Board { id, before, after } => {
            let t = if undo { before } else { after };
            tx.execute_cached(
                "UPDATE boards SET payoff_threshold = ?2, cost_threshold = ?3 WHERE id = ?1",
                params![id, t.payoff_threshold, t.cost_threshold],
            )?;
        }
        RowChange::BoardName { id, before, after } => {
            // Two boards never share a name: if another board took this one meanwhile, "<name> (2)".
            let wanted = if undo { before } else { after };
            let current = boards::summary(tx, *id)?.name;
            let name = if current.to_lowercase() == wanted.to_lowercase() {
                wanted.clone()
            } else {
                boards::unused_name(tx, wanted)?
            };
            tx.execute_cached("UPDATE boards SET name = ?2 WHERE id = ?1", params![id, name])?;
        }
    }
    Ok(())
}
