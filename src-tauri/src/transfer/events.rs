//! The history as a board file carries it: every event, undone ones included, with the rows (for an update, the
//! columns) undo needs; and the same events written back to another board, renumbered to its ideas.

use std::collections::HashSet;

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use crate::domain::{self, MAX_BOARD_NAME_CHARS};
use crate::error::{Error, Result};
use crate::storage::history::{
    kind_from_name, kind_name, to_json, EventKind, EventSummary, IdeaColumns, IdeaRow, RowChange,
};

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

/// Refuses a history that undo or redo could not write back as it says: a row or fields the table would refuse, an
/// update whose before and after name different fields, an update of an idea the file never has, an entry that
/// changes nothing. The ideas' text in it is made what Pickboard keeps (see [`clean_text`]). Checked before
/// anything is written.
pub fn check(events: &mut [ExportedEvent], ideas: &HashSet<i64>) -> Result<()> {
    // The ideas the history adds or deletes are the file's too.
    let known: HashSet<i64> = ideas
        .iter()
        .copied()
        .chain(events.iter().flat_map(|e| &e.changes).filter_map(|c| match c {
            RowChange::Idea { id, .. } => Some(*id),
            _ => None,
        }))
        .collect();
    for (n, event) in events.iter_mut().enumerate() {
        let problem = if event.changes.is_empty() {
            Some("no change".to_owned())
        } else {
            clean_text(&mut event.changes).err()
        };
        let problem = problem.or_else(|| {
            event.changes.iter().find_map(|change| match change {
                RowChange::Idea { before, after, .. } => before.iter().chain(after).find_map(|r| r.problem()),
                RowChange::IdeaColumns { id, .. } if !known.contains(id) => Some(format!(
                    "a change of an idea (id {id}) that the file does not have"
                )),
                RowChange::IdeaColumns { before, after, .. } if before.names() != after.names() => {
                    Some("a change whose before and after name different fields".to_owned())
                }
                RowChange::IdeaColumns { before, after, .. } => before
                    .names()
                    .is_empty()
                    .then(|| "a change of no field".to_owned())
                    .or_else(|| before.problem())
                    .or_else(|| after.problem()),
                RowChange::Board { before, after, .. } => (before.thresholds().is_err()
                    || after.thresholds().is_err())
                .then(|| "lines outside 0.1 to 10".to_owned()),
                RowChange::BoardName { before, after, .. } => [before, after]
                    .into_iter()
                    .any(|name| !(1..=MAX_BOARD_NAME_CHARS).contains(&name.chars().count()))
                    .then(|| format!("a board name that is empty or over {MAX_BOARD_NAME_CHARS} characters")),
            })
        });
        if let Some(problem) = problem {
            return Err(Error::invalid(format!(
                "This board file is damaged: entry {} of its history has {problem}, which undo could not write \
                 back. If it was edited by hand, check there; else export the board again.",
                n + 1
            )));
        }
    }
    Ok(())
}

/// The ideas' text in `changes` as Pickboard keeps it, or what in it Pickboard would refuse. Undo and redo write the
/// history's rows back as they are, past the checks an edit goes through: a file's title with a newline, control and
/// bidi characters, a `javascript:` link or a tag with commas reached the board with Ctrl+Z.
fn clean_text(changes: &mut [RowChange]) -> std::result::Result<(), String> {
    for change in changes {
        match change {
            RowChange::Idea { before, after, .. } => {
                for row in before.iter_mut().chain(after.iter_mut()) {
                    let IdeaRow {
                        title,
                        notes,
                        owner,
                        link,
                        tags,
                        ..
                    } = &mut **row;
                    clean_fields([title, notes, owner, link, tags].map(Some))?;
                }
            }
            RowChange::IdeaColumns { before, after, .. } => {
                for columns in [before, after] {
                    let IdeaColumns {
                        title,
                        notes,
                        owner,
                        link,
                        tags,
                        ..
                    } = &mut **columns;
                    clean_fields([title, notes, owner, link, tags].map(Option::as_mut))?;
                }
            }
            RowChange::Board { .. } | RowChange::BoardName { .. } => {}
        }
    }
    Ok(())
}

/// The title, notes, owner, link and tags (a JSON list) present, by the rules an edit follows.
fn clean_fields(fields: [Option<&mut String>; 5]) -> std::result::Result<(), String> {
    type Clean = fn(&str) -> Result<String>;
    let rules: [(&str, Clean); 5] = [
        ("a title", domain::clean_title),
        ("notes", domain::clean_notes),
        ("an owner", domain::clean_owner),
        ("a link", domain::clean_link),
        ("tags", clean_tags_json),
    ];
    for (value, (name, clean)) in fields.into_iter().zip(rules) {
        if let Some(value) = value {
            *value = clean(value).map_err(|why| {
                format!(
                    "{name} Pickboard would refuse ({})",
                    why.to_string().trim_end_matches('.')
                )
            })?;
        }
    }
    Ok(())
}

fn clean_tags_json(tags: &str) -> Result<String> {
    let tags: Vec<String> =
        serde_json::from_str(tags).map_err(|_| Error::invalid("They are not a list of words."))?;
    to_json(&domain::clean_tags(&tags)?)
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
                // Never the row's id or board among the columns ([`check`] refuses them): the id alone moves.
                RowChange::IdeaColumns { id, before, after } => RowChange::IdeaColumns {
                    id: new_id(*id),
                    before: before.clone(),
                    after: after.clone(),
                },
                RowChange::Board { before, after, .. } => RowChange::Board {
                    id: board_id,
                    before: *before,
                    after: *after,
                },
                RowChange::BoardName { before, after, .. } => RowChange::BoardName {
                    id: board_id,
                    before: before.clone(),
                    after: after.clone(),
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
