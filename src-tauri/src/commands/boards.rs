//! Boards: the list, creating, renaming, duplicating and deleting them, a whole board, its thresholds, undo and redo,
//! and its history.

use std::sync::Arc;

use tauri::{AppHandle, State};

use crate::domain::Thresholds;
use crate::edits::{self, Edited, UndoOutcome};
use crate::error::Result;
use crate::sample;
use crate::state::AppState;
use crate::storage::boards::{self, Board, BoardSummary, DeletedBoard};
use crate::storage::history::{self, Event};
use crate::title;

#[tauri::command(async)]
pub fn list_boards(state: State<'_, Arc<AppState>>) -> Result<Vec<BoardSummary>> {
    state.read(boards::list)
}

#[tauri::command(async)]
pub fn create_board(state: State<'_, Arc<AppState>>, name: String) -> Result<BoardSummary> {
    state.write(|tx| boards::create(tx, &name))
}

#[tauri::command(async)]
pub fn create_sample_board(state: State<'_, Arc<AppState>>) -> Result<BoardSummary> {
    state.write(sample::create)
}

#[tauri::command(async)]
pub fn rename_board(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    id: i64,
    name: String,
) -> Result<Edited<BoardSummary>> {
    let renamed = state.write(|tx| edits::rename_board(tx, id, &name))?;
    title::refresh(&app);
    Ok(renamed)
}

#[tauri::command(async)]
pub fn duplicate_board(state: State<'_, Arc<AppState>>, id: i64) -> Result<BoardSummary> {
    state.write(|tx| boards::duplicate(tx, id))
}

/// The Undo of a duplicate: the copy goes for good, unless it was changed since.
#[tauri::command(async)]
pub fn discard_copy(state: State<'_, Arc<AppState>>, id: i64) -> Result<()> {
    state.write(|tx| boards::discard_copy(tx, id))
}

/// Deletes a board; [`restore_board`] brings it back for 30 days.
#[tauri::command(async)]
pub fn delete_board(state: State<'_, Arc<AppState>>, id: i64) -> Result<()> {
    state.write(|tx| boards::delete(tx, id))
}

/// The Undo of a board's delete, and Deleted boards' Restore.
#[tauri::command(async)]
pub fn restore_board(state: State<'_, Arc<AppState>>, id: i64) -> Result<BoardSummary> {
    state.write(|tx| boards::restore(tx, id))
}

/// The boards deleted in the last 30 days, the latest deleted first.
#[tauri::command(async)]
pub fn list_deleted_boards(state: State<'_, Arc<AppState>>) -> Result<Vec<DeletedBoard>> {
    state.read(boards::deleted)
}

/// Deletes deleted boards for good, before their 30 days are up: one, or all that Deleted boards lists.
#[tauri::command(async)]
pub fn delete_boards_for_good(state: State<'_, Arc<AppState>>, ids: Vec<i64>) -> Result<()> {
    state.write(|tx| boards::delete_for_good(tx, &ids))
}

#[tauri::command(async)]
pub fn get_board(state: State<'_, Arc<AppState>>, id: i64) -> Result<Board> {
    state.read(|tx| boards::get(tx, id))
}

#[tauri::command(async)]
pub fn set_thresholds(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    thresholds: Thresholds,
) -> Result<Board> {
    state.write(|tx| edits::set_thresholds(tx, board_id, thresholds))
}

/// Undoes the board's latest edit. With `expectedEvent` (a toast's Undo, which names the edit it offers to take
/// back), only when that edit is still the latest.
#[tauri::command(async)]
pub fn undo(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    expected_event: Option<i64>,
) -> Result<UndoOutcome> {
    let outcome = state.write(|tx| edits::undo(tx, board_id, expected_event))?;
    // The step may have been a rename.
    title::refresh(&app);
    Ok(outcome)
}

#[tauri::command(async)]
pub fn redo(app: AppHandle, state: State<'_, Arc<AppState>>, board_id: i64) -> Result<UndoOutcome> {
    let outcome = state.write(|tx| edits::redo(tx, board_id))?;
    title::refresh(&app);
    Ok(outcome)
}

#[tauri::command(async)]
pub fn list_events(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    idea_id: Option<i64>,
) -> Result<Vec<Event>> {
    state.read(|tx| history::list(tx, board_id, idea_id, 200))
}
