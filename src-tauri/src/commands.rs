//! The commands the UI may call. Each one is a thin seam: it takes the state, calls one storage or domain function
//! and returns its result; the rules live in `domain` and `storage`. Every name here is declared in `build.rs` and
//! allowed in `capabilities/main.json`.

use std::sync::Arc;

use serde::Serialize;
use tauri::{AppHandle, Emitter, State};
use tauri_plugin_opener::OpenerExt;
use tauri_plugin_store::StoreExt;
use ts_rs::TS;

use crate::dialogs;
use crate::domain::{clean_link, Score, Thresholds, Zone};
use crate::edits::{self, UndoOutcome};
use crate::error::{Error, Result};
use crate::files;
use crate::mattermost::message::PostOptions;
use crate::mattermost::outbox::{self, ChannelSettings, ChannelSettingsInput, Post};
use crate::mattermost::response::Outcome;
use crate::mattermost::send::{Payload, Sender};
use crate::mattermost::worker::{Wake, REQUEST_TIMEOUT};
use crate::preferences::{Preferences, FILE_NAME, LAST_BOARD_KEY, THEME_KEY};
use crate::sample;
use crate::state::AppState;
use crate::storage::backup::{self, BackupInfo};
use crate::storage::boards::{self, Board, BoardSummary};
use crate::storage::history::{self, Event};
use crate::storage::ideas::{Idea, IdeaEdit};
use crate::transfer::csv_import::{ColumnMapping, CsvPreview, ImportOutcome, ImportTarget};
use crate::transfer::session::{ImportStart, PendingImport};
use crate::transfer::{self, ExportFormat};

/// Where the data lives, shown in the UI; the command fails with the open error when the database is unusable.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenStatus {
    pub data_dir: String,
    pub database_path: String,
}

#[tauri::command(async)]
pub fn open_status(state: State<'_, Arc<AppState>>) -> Result<OpenStatus> {
    if let Some(err) = state.open_error() {
        return Err(err.clone());
    }
    Ok(OpenStatus {
        data_dir: state.data_dir().display().to_string(),
        database_path: state.database_path().display().to_string(),
    })
}

#[tauri::command(async)]
pub fn get_preferences(app: AppHandle, state: State<'_, Arc<AppState>>) -> Result<Preferences> {
    let store = app
        .store(state.data_dir().join(FILE_NAME))
        .map_err(|e| Error::Preferences(e.to_string()))?;
    Ok(Preferences::from_stored(
        store.get(THEME_KEY),
        store.get(LAST_BOARD_KEY),
    ))
}

#[tauri::command(async)]
pub fn set_preferences(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    preferences: Preferences,
) -> Result<()> {
    let store = app
        .store(state.data_dir().join(FILE_NAME))
        .map_err(|e| Error::Preferences(e.to_string()))?;
    store.set(THEME_KEY, serde_json::json!(preferences.theme));
    store.set(LAST_BOARD_KEY, serde_json::json!(preferences.last_board_id));
    store.save().map_err(|e| Error::Preferences(e.to_string()))
}

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
pub fn rename_board(state: State<'_, Arc<AppState>>, id: i64, name: String) -> Result<BoardSummary> {
    state.write(|tx| boards::rename(tx, id, &name))
}

#[tauri::command(async)]
pub fn duplicate_board(state: State<'_, Arc<AppState>>, id: i64) -> Result<BoardSummary> {
    state.write(|tx| boards::duplicate(tx, id))
}

#[tauri::command(async)]
pub fn delete_board(state: State<'_, Arc<AppState>>, id: i64) -> Result<()> {
    state.write(|tx| boards::delete(tx, id))
}

#[tauri::command(async)]
pub fn get_board(state: State<'_, Arc<AppState>>, id: i64) -> Result<Board> {
    state.read(|tx| boards::get(tx, id))
}

#[tauri::command(async)]
pub fn add_idea(state: State<'_, Arc<AppState>>, board_id: i64, title: String, zone: Zone) -> Result<Idea> {
    state.write(|tx| edits::add_idea(tx, board_id, &title, zone))
}

#[tauri::command(async)]
pub fn update_idea(state: State<'_, Arc<AppState>>, id: i64, edit: IdeaEdit) -> Result<Idea> {
    state.write(|tx| edits::update_idea(tx, id, &edit))
}

#[tauri::command(async)]
pub fn move_idea(state: State<'_, Arc<AppState>>, id: i64, zone: Zone, index: u32) -> Result<Idea> {
    state.write(|tx| edits::move_idea(tx, id, zone, index))
}

#[tauri::command(async)]
pub fn set_scores(state: State<'_, Arc<AppState>>, id: i64, payoff: Score, cost: Score) -> Result<Idea> {
    state.write(|tx| edits::set_scores(tx, id, payoff, cost))
}

#[tauri::command(async)]
pub fn delete_idea(state: State<'_, Arc<AppState>>, id: i64) -> Result<Idea> {
    state.write(|tx| edits::delete_idea(tx, id))
}

#[tauri::command(async)]
pub fn restore_idea(state: State<'_, Arc<AppState>>, idea: Idea) -> Result<Idea> {
    state.write(|tx| edits::restore_idea(tx, &idea))
}

#[tauri::command(async)]
pub fn set_thresholds(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    thresholds: Thresholds,
) -> Result<Board> {
    state.write(|tx| edits::set_thresholds(tx, board_id, thresholds))
}

#[tauri::command(async)]
pub fn undo(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<UndoOutcome> {
    state.write(|tx| edits::undo(tx, board_id))
}

#[tauri::command(async)]
pub fn redo(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<UndoOutcome> {
    state.write(|tx| edits::redo(tx, board_id))
}

#[tauri::command(async)]
pub fn list_events(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    idea_id: Option<i64>,
) -> Result<Vec<Event>> {
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

#[tauri::command(async)]
pub fn get_channel_settings(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
) -> Result<Option<ChannelSettings>> {
    state.read(|tx| outbox::settings(tx, board_id))
}

#[tauri::command(async)]
pub fn save_channel_settings(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    settings: ChannelSettingsInput,
) -> Result<ChannelSettings> {
    state.write(|tx| outbox::save_settings(tx, board_id, &settings))
}

/// The message as Mattermost will get it; `date` is the user's local date, already formatted.
#[tauri::command(async)]
pub fn preview_post(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    options: PostOptions,
    date: String,
) -> Result<String> {
    state.read(|tx| outbox::preview(tx, board_id, &options, &date))
}

/// Stores the post in the outbox and wakes the sender; the UI follows it in the Posts list.
#[tauri::command(async)]
pub fn post_to_channel(
    state: State<'_, Arc<AppState>>,
    wake: State<'_, Wake>,
    board_id: i64,
    options: PostOptions,
    date: String,
) -> Result<Post> {
    let post = state.write(|tx| outbox::queue(tx, board_id, &options, &date))?;
    wake.now();
    Ok(post)
}

#[tauri::command(async)]
pub fn list_posts(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<Vec<Post>> {
    state.read(|tx| outbox::list(tx, board_id))
}

#[tauri::command(async)]
pub fn retry_post(state: State<'_, Arc<AppState>>, wake: State<'_, Wake>, post_id: i64) -> Result<Post> {
    let post = state.write(|tx| outbox::retry(tx, post_id))?;
    wake.now();
    Ok(post)
}

#[tauri::command(async)]
pub fn discard_post(state: State<'_, Arc<AppState>>, post_id: i64) -> Result<Post> {
    state.write(|tx| outbox::discard(tx, post_id))
}

/// Sends a short message to the board's channel now, to check the settings; fails with what Mattermost said.
#[tauri::command]
pub async fn send_test_message(state: State<'_, Arc<AppState>>, board_id: i64) -> Result<()> {
    let target = state.read(|tx| outbox::stored_settings(tx, board_id))?;
    let (hook, template) = target.ok_or_else(|| Error::invalid("Save the webhook address first."))?;
    let sender = Sender::new(REQUEST_TIMEOUT).map_err(|e| Error::Storage(e.to_string()))?;
    let payload = Payload {
        text: "Pickboard is connected to this channel. :white_check_mark:".into(),
        ..template
    };
    match sender.send(&hook, &payload).await {
        Outcome::Posted => Ok(()),
        Outcome::Failed(failure) => Err(Error::Mattermost(Box::new(failure))),
    }
}

/// The event that reports an import's progress ([`ImportProgress`]).
pub const IMPORT_PROGRESS_EVENT: &str = "import-progress";

/// Asks where to save the board in `format` and saves it there. Returns the file's path, or `None` when the user
/// cancelled. `date` (the user's local YYYY-MM-DD) heads the Markdown and the pictures.
#[tauri::command(async)]
pub fn export_board(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    format: ExportFormat,
    date: String,
) -> Result<Option<String>> {
    let name = state.read(|tx| boards::summary(tx, board_id))?.name;
    let file_name = transfer::file_name(&name, format);
    let filter = (format.description(), &[format.extension()][..]);
    let Some(path) = dialogs::save(&app, "Export board", &file_name, filter) else {
        return Ok(None);
    };
    let bytes = state.read(|tx| transfer::export(tx, board_id, format, &date))?;
    files::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

fn start_import(state: &AppState, path: &std::path::Path) -> Result<ImportStart> {
    let pending = Arc::new(PendingImport::read(path)?);
    let start = pending.start();
    state.set_import(Some(pending));
    Ok(start)
}

/// Asks for a file to import and reads it. `None` when the user cancelled.
#[tauri::command(async)]
pub fn choose_import_file(app: AppHandle, state: State<'_, Arc<AppState>>) -> Result<Option<ImportStart>> {
    let filters: [(&str, &[&str]); 3] = [
        ("Boards and spreadsheets", &["json", "csv", "txt"]),
        ("Spreadsheet (CSV)", &["csv", "txt"]),
        ("Pickboard board (JSON)", &["json"]),
    ];
    match dialogs::open(&app, "Import", &filters) {
        Some(path) => start_import(&state, &path).map(Some),
        None => Ok(None),
    }
}

/// Reads the file last dropped onto the window. `None` when nothing was dropped.
#[tauri::command(async)]
pub fn open_dropped_file(state: State<'_, Arc<AppState>>) -> Result<Option<ImportStart>> {
    match state.take_dropped() {
        Some(path) => start_import(&state, &path).map(Some),
        None => Ok(None),
    }
}

#[tauri::command(async)]
pub fn preview_import(state: State<'_, Arc<AppState>>, mapping: ColumnMapping) -> Result<CsvPreview> {
    state.import()?.preview(&mapping)
}

/// Imports the open file, reporting progress with [`IMPORT_PROGRESS_EVENT`]; all of it, or nothing.
#[tauri::command(async)]
pub fn run_import(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    mapping: ColumnMapping,
    target: ImportTarget,
    skip_bad_rows: bool,
) -> Result<ImportOutcome> {
    let pending = state.import()?;
    let outcome = state.with_db(|db| {
        pending.run(db, &mapping, &target, skip_bad_rows, |progress| {
            let _ = app.emit(IMPORT_PROGRESS_EVENT, progress);
        })
    })?;
    state.set_import(None);
    Ok(outcome)
}

/// Stops a running import; it rolls back, and `run_import` fails with `cancelled`.
#[tauri::command(async)]
pub fn cancel_import(state: State<'_, Arc<AppState>>) -> Result<()> {
    state.import()?.cancel();
    Ok(())
}

/// Forgets the open file (the dialog was closed).
#[tauri::command(async)]
pub fn close_import(state: State<'_, Arc<AppState>>) {
    state.set_import(None);
}

/// Asks where to save a backup and makes it. Returns the file's path, or `None` when the user cancelled.
#[tauri::command(async)]
pub fn back_up_now(app: AppHandle, state: State<'_, Arc<AppState>>, date: String) -> Result<Option<String>> {
    let file_name = format!("pickboard-backup-{date}.db");
    let Some(path) = dialogs::save(&app, "Back up now", &file_name, ("Pickboard backup", &["db"])) else {
        return Ok(None);
    };
    state.with_db(|db| db.backup_to(&path))?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, Arc<AppState>>) -> Result<Vec<BackupInfo>> {
    state.db()?;
    backup::list(state.data_dir())
}

/// Backs up the current state, then restores the backup named `file_name`. Returns the name of the backup of the
/// state before the restore.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, Arc<AppState>>, file_name: String) -> Result<String> {
    let safety = state.with_db(|db| backup::restore(db, state.data_dir(), &file_name))?;
    Ok(safety
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
}
