//! The commands the UI may call. Each one is a thin seam: it takes the state, calls one storage or domain function
//! and returns its result; the rules live in `domain` and `storage`. Every name here is declared in `build.rs` and
//! allowed in `capabilities/main.json`.

use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;
use tauri_plugin_store::StoreExt;
use ts_rs::TS;

use crate::domain::{clean_link, Score, Thresholds, Zone};
use crate::edits::{self, UndoOutcome};
use crate::error::{Error, Result};
use crate::preferences::{Preferences, FILE_NAME, LAST_BOARD_KEY, THEME_KEY};
use crate::sample;
use crate::state::AppState;
use crate::storage::boards::{self, Board, BoardSummary};
use crate::storage::history::{self, Event};
use crate::storage::ideas::{Idea, IdeaEdit};

/// Where the data lives, shown in the UI; the command fails with the open error when the database is unusable.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenStatus {
    pub data_dir: String,
    pub database_path: String,
}

#[tauri::command(async)]
pub fn open_status(state: State<'_, AppState>) -> Result<OpenStatus> {
    if let Some(err) = state.open_error() {
        return Err(err.clone());
    }
    Ok(OpenStatus {
        data_dir: state.data_dir().display().to_string(),
        database_path: state.database_path().display().to_string(),
    })
}

#[tauri::command(async)]
pub fn get_preferences(app: AppHandle, state: State<'_, AppState>) -> Result<Preferences> {
    let store = app
        .store(state.data_dir().join(FILE_NAME))
        .map_err(|e| Error::Preferences(e.to_string()))?;
    Ok(Preferences::from_stored(
        store.get(THEME_KEY),
        store.get(LAST_BOARD_KEY),
    ))
}

#[tauri::command(async)]
pub fn set_preferences(app: AppHandle, state: State<'_, AppState>, preferences: Preferences) -> Result<()> {
    let store = app
        .store(state.data_dir().join(FILE_NAME))
        .map_err(|e| Error::Preferences(e.to_string()))?;
    store.set(THEME_KEY, serde_json::json!(preferences.theme));
    store.set(LAST_BOARD_KEY, serde_json::json!(preferences.last_board_id));
    store.save().map_err(|e| Error::Preferences(e.to_string()))
}

#[tauri::command(async)]
pub fn list_boards(state: State<'_, AppState>) -> Result<Vec<BoardSummary>> {
    state.read(boards::list)
}

#[tauri::command(async)]
pub fn create_board(state: State<'_, AppState>, name: String) -> Result<BoardSummary> {
    state.write(|tx| boards::create(tx, &name))
}

#[tauri::command(async)]
pub fn create_sample_board(state: State<'_, AppState>) -> Result<BoardSummary> {
    state.write(sample::create)
}

#[tauri::command(async)]
pub fn rename_board(state: State<'_, AppState>, id: i64, name: String) -> Result<BoardSummary> {
    state.write(|tx| boards::rename(tx, id, &name))
}

#[tauri::command(async)]
pub fn duplicate_board(state: State<'_, AppState>, id: i64) -> Result<BoardSummary> {
    state.write(|tx| boards::duplicate(tx, id))
}

#[tauri::command(async)]
pub fn delete_board(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.write(|tx| boards::delete(tx, id))
}

#[tauri::command(async)]
pub fn get_board(state: State<'_, AppState>, id: i64) -> Result<Board> {
    state.read(|tx| boards::get(tx, id))
}

#[tauri::command(async)]
pub fn add_idea(state: State<'_, AppState>, board_id: i64, title: String, zone: Zone) -> Result<Idea> {
    state.write(|tx| edits::add_idea(tx, board_id, &title, zone))
}

#[tauri::command(async)]
pub fn update_idea(state: State<'_, AppState>, id: i64, edit: IdeaEdit) -> Result<Idea> {
    state.write(|tx| edits::update_idea(tx, id, &edit))
}

#[tauri::command(async)]
pub fn move_idea(state: State<'_, AppState>, id: i64, zone: Zone, index: u32) -> Result<Idea> {
    state.write(|tx| edits::move_idea(tx, id, zone, index))
}

#[tauri::command(async)]
pub fn set_scores(state: State<'_, AppState>, id: i64, payoff: Score, cost: Score) -> Result<Idea> {
    state.write(|tx| edits::set_scores(tx, id, payoff, cost))
}

#[tauri::command(async)]
pub fn delete_idea(state: State<'_, AppState>, id: i64) -> Result<Idea> {
    state.write(|tx| edits::delete_idea(tx, id))
}

#[tauri::command(async)]
pub fn restore_idea(state: State<'_, AppState>, idea: Idea) -> Result<Idea> {
    state.write(|tx| edits::restore_idea(tx, &idea))
}

#[tauri::command(async)]
pub fn set_thresholds(state: State<'_, AppState>, board_id: i64, thresholds: Thresholds) -> Result<Board> {
    state.write(|tx| edits::set_thresholds(tx, board_id, thresholds))
}

#[tauri::command(async)]
pub fn undo(state: State<'_, AppState>, board_id: i64) -> Result<UndoOutcome> {
    state.write(|tx| edits::undo(tx, board_id))
}

#[tauri::command(async)]
pub fn redo(state: State<'_, AppState>, board_id: i64) -> Result<UndoOutcome> {
    state.write(|tx| edits::redo(tx, board_id))
}

#[tauri::command(async)]
pub fn list_events(state: State<'_, AppState>, board_id: i64, idea_id: Option<i64>) -> Result<Vec<Event>> {
    state.read(|tx| history::list(tx, board_id, idea_id, 200))
}

/// Opens an idea's link (http or https only) in the system browser; the webview itself never navigates away.
#[tauri::command(async)]
pub fn open_link(app: AppHandle, url: String) -> Result<()> {
    let url = clean_link(&url)?;
    if url.is_empty() {
        return Err(Error::invalid("This idea has no link."));
    }
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| Error::invalid(format!("The link could not be opened: {e}")))
}
