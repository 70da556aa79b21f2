//! What a person does to a board. Each edit is one transaction and one event in the board's history, so that it can
//! be undone and redone and shows in the timeline. The command layer calls these; tests call them directly.

use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use crate::domain::{Score, Thresholds, Zone};
use crate::error::{Error, Result};
use crate::storage::boards::{self, Board, BoardSummary};
use crate::storage::history::{self, Event, EventKind, EventSummary, HistoryState};
use crate::storage::ideas::{self, Idea, IdeaEdit, Placing, Planned};

/// An edit's result, with what undo and redo can do on the board afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Edited<T> {
    pub value: T,
    pub history: HistoryState,
    /// The whole board, when the edit changed its other ideas too: a move between neighbours whose ranks left no room
    /// renumbers the board, and the window would keep the other ideas in their old places.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub board: Option<Board>,
}

/// `idea` (just edited) with its board's history state, as the window gets it.
pub fn answer(tx: &Transaction<'_>, idea: Idea) -> Result<Edited<Idea>> {
    let history = history::undo_state(tx, idea.board_id)?;
    Ok(Edited {
        value: idea,
        history,
        board: None,
    })
}

pub fn add_idea(tx: &Transaction<'_>, board_id: i64, title: &str, zone: Zone) -> Result<Idea> {
    history::record(tx, |tx| ideas::add(tx, board_id, title, zone))
}

/// The most ideas one paste adds: a list of lines longer than that is more likely a document than a list.
pub const MAX_ADDED_AT_ONCE: usize = 200;

/// The board after several ideas were added at once, and the new ideas' ids, in the order given.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddedIdeas {
    pub board: Board,
    pub ids: Vec<i64>,
}

/// Adds `titles` at the end of `zone`, in order, as one edit (the lines of a pasted list): one event, undone in one
/// step. Refused whole when a title is refused.
pub fn add_ideas(
    tx: &Transaction<'_>,
    board_id: i64,
    titles: &[String],
    zone: Zone,
) -> Result<Edited<AddedIdeas>> {
    if titles.is_empty() {
        return Err(Error::invalid("There are no ideas to add."));
    }
    if titles.len() > MAX_ADDED_AT_ONCE {
        return Err(Error::invalid(format!(
            "At most {MAX_ADDED_AT_ONCE} ideas can be added at once; this list has {}. Import it as a CSV file instead.",
            titles.len()
        )));
    }
    let summary = EventSummary {
        title: titles.first().cloned(),
        to: Some(zone),
        count: u32::try_from(titles.len()).ok(),
        ..EventSummary::default()
    };
    let (ids, _) = history::record_described(tx, EventKind::Added, summary, |tx| {
        let mut ids = Vec::with_capacity(titles.len());
        for (line, title) in titles.iter().enumerate() {
            let idea = ideas::add(tx, board_id, title, zone).map_err(|err| match err {
                Error::Invalid(why) => Error::invalid(format!("Line {}: {why}", line + 1)),
                other => other,
            })?;
            ids.push(idea.id);
        }
        Ok(ids)
    })?;
    let board = boards::get(tx, board_id)?;
    let history = history::undo_state(tx, board_id)?;
    Ok(Edited {
        value: AddedIdeas { board, ids },
        history,
        board: None,
    })
}

pub fn update_idea(tx: &Transaction<'_>, id: i64, edit: &IdeaEdit) -> Result<Idea> {
    history::record(tx, |tx| ideas::update(tx, id, edit))
}

pub fn move_idea(tx: &Transaction<'_>, id: i64, zone: Zone, index: u32) -> Result<Idea> {
    moved(tx, id, zone, index).map(|(idea, _)| idea)
}

/// A move as the window gets it: [`answer`], with the whole board when the move renumbered it.
pub fn answer_move(tx: &Transaction<'_>, id: i64, zone: Zone, index: u32) -> Result<Edited<Idea>> {
    let (idea, how) = moved(tx, id, zone, index)?;
    answer_placed(tx, idea, how)
}

/// New scores as the window gets them: [`answer`].
pub fn answer_scores(tx: &Transaction<'_>, id: i64, payoff: Score, cost: Score) -> Result<Edited<Idea>> {
    let (idea, how) = scored(tx, id, payoff, cost)?;
    answer_placed(tx, idea, how)
}

/// How a move or new scores were written: what their answer needs beyond the idea.
enum Placed {
    /// Recorded from the rows before and after: the history's state is known without reading it.
    Recorded(HistoryState),
    /// Nothing changed.
    Unchanged,
    /// The board renumbered first to make room (a move only), recorded through the change log.
    Renumbered,
}

fn answer_placed(tx: &Transaction<'_>, idea: Idea, how: Placed) -> Result<Edited<Idea>> {
    match how {
        Placed::Recorded(history) => Ok(Edited {
            value: idea,
            history,
            board: None,
        }),
        Placed::Unchanged => answer(tx, idea),
        Placed::Renumbered => {
            let mut edited = answer(tx, idea)?;
            edited.board = Some(boards::get(tx, edited.value.board_id)?);
            Ok(edited)
        }
    }
}

/// The idea moved, and how.
fn moved(tx: &Transaction<'_>, id: i64, zone: Zone, index: u32) -> Result<(Idea, Placed)> {
    match ideas::plan_move(tx, id, zone, index)? {
        Planned::Place(placing) => place(tx, placing),
        Planned::Unchanged(idea) => Ok((idea, Placed::Unchanged)),
        // The board is renumbered first, and every rank that changes is in the move's event: the moved idea's, though
        // the renumbering touched other ideas before it.
        Planned::NoRoom { .. } => {
            let idea = history::record_about(tx, id, |tx| ideas::move_to(tx, id, zone, index))?;
            Ok((idea, Placed::Renumbered))
        }
    }
}

pub fn set_scores(tx: &Transaction<'_>, id: i64, payoff: Score, cost: Score) -> Result<Idea> {
    scored(tx, id, payoff, cost).map(|(idea, _)| idea)
}

/// The idea with its new scores, and how they were written.
fn scored(tx: &Transaction<'_>, id: i64, payoff: Score, cost: Score) -> Result<(Idea, Placed)> {
    match ideas::plan_scores(tx, id, payoff, cost)? {
        Planned::Place(placing) => place(tx, placing),
        Planned::Unchanged(idea) => Ok((idea, Placed::Unchanged)),
        // New scores keep the idea's rank: there is always room.
        Planned::NoRoom { .. } => Err(Error::Storage("could not find a place for the idea".into())),
    }
}

/// Writes an idea's new place and records it, from the rows before and after (see [`history::record_update`]).
fn place(tx: &Transaction<'_>, placing: Placing) -> Result<(Idea, Placed)> {
    let (before, after) = (placing.before.to_row()?, placing.after.to_row()?);
    let history = history::record_update(tx, before, after, placing.thresholds, |tx| {
        ideas::write_place(tx, &placing)
    })?;
    Ok((placing.after, Placed::Recorded(history)))
}

pub fn delete_idea(tx: &Transaction<'_>, id: i64) -> Result<Idea> {
    history::record(tx, |tx| ideas::delete(tx, id))
}

pub fn restore_idea(tx: &Transaction<'_>, idea: &Idea) -> Result<Idea> {
    history::record_as(tx, Some(EventKind::Restored), |tx| ideas::restore(tx, idea))
}

/// Renames a board, as one event in its history (Ctrl+Z, or the toast's Undo, takes it back).
pub fn rename_board(tx: &Transaction<'_>, board_id: i64, name: &str) -> Result<Edited<BoardSummary>> {
    let value = history::record(tx, |tx| boards::rename(tx, board_id, name))?;
    let history = history::undo_state(tx, board_id)?;
    Ok(Edited {
        value,
        history,
        board: None,
    })
}

pub fn set_thresholds(tx: &Transaction<'_>, board_id: i64, thresholds: Thresholds) -> Result<Board> {
    history::record(tx, |tx| boards::set_thresholds(tx, board_id, thresholds))?;
    boards::get(tx, board_id)
}

/// The board after an undo or redo, and the event that was undone or redone (`None`: there was nothing to do).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UndoOutcome {
    pub board: Board,
    pub event: Option<Event>,
}

/// Undoes the board's latest edit; with `expected`, only when that is the edit `expected` (see
/// [`history::undo_exactly`]).
pub fn undo(tx: &Transaction<'_>, board_id: i64, expected: Option<i64>) -> Result<UndoOutcome> {
    let event = match expected {
        Some(event) => history::undo_exactly(tx, board_id, event)?,
        None => history::undo(tx, board_id)?,
    };
    Ok(UndoOutcome {
        board: boards::get(tx, board_id)?,
        event,
    })
}

pub fn redo(tx: &Transaction<'_>, board_id: i64) -> Result<UndoOutcome> {
    let event = history::redo(tx, board_id)?;
    Ok(UndoOutcome {
        board: boards::get(tx, board_id)?,
        event,
    })
}

#[cfg(test)]
mod tests;
