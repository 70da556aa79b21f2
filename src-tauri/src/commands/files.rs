//! Files: export, import (from a dialog or a dropped file) and backups. Native dialogs are opened here, from Rust.

use std::sync::Arc;

use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::{Error, Result};
use crate::events;
use crate::files;
use crate::state::AppState;
use crate::storage::backup::{self, BackupInfo, Restored};
use crate::storage::boards;
use crate::transfer::csv_import::{ColumnMapping, CsvPreview, ImportOutcome, ImportTarget};
use crate::transfer::session::{ImportStart, PendingImport};
use crate::transfer::{self, ExportFormat};

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
    let path = format.file_to_write(&path)?;
    state.with_db(|db| db.refuse_own_file(&path))?;
    let bytes = state.read(|tx| transfer::export(tx, board_id, format, &date))?;
    files::write_atomically(&path, &bytes)?;
    Ok(Some(path.display().to_string()))
}

fn start_import(state: &AppState, path: &std::path::Path) -> Result<ImportStart> {
    let pending = Arc::new(PendingImport::read(path)?);
    let start = state.read(|tx| pending.start(tx))?;
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

/// How many of the open CSV file's ideas have the title of one on board `board_id` already.
#[tauri::command(async)]
pub fn import_already_on_board(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    mapping: ColumnMapping,
) -> Result<usize> {
    let pending = state.import()?;
    state.read(|tx| pending.already_on(tx, board_id, &mapping))
}

/// Imports the open file, reporting its progress as an event; all of it, or nothing.
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
            events::emit(&app, &progress);
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
    // Listed for a damaged database too: its error screen offers them.
    if !state.database_is_damaged() {
        state.db()?;
    }
    backup::list(state.data_dir())
}

/// Puts the damaged database aside and the backup named `file_name` in its place (with none, leaves the place to a
/// new, empty database), then starts Pickboard again on it. Returns where the damaged file is kept.
#[tauri::command(async)]
pub fn recover_database(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    file_name: Option<String>,
) -> Result<String> {
    if !state.database_is_damaged() {
        return Err(Error::invalid(
            "The database is not damaged: restore a backup with Backups… instead.",
        ));
    }
    let aside = backup::recover(state.data_dir(), file_name.as_deref())?;
    eprintln!("pickboard: the damaged database is kept as {}", aside.display());
    crate::app::start_again_once_closed(&app);
    Ok(aside.display().to_string())
}

/// Backs up the current state, then restores the backup named `file_name`: what it did.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, Arc<AppState>>, file_name: String) -> Result<Restored> {
    state.with_db(|db| backup::restore(db, state.data_dir(), &file_name))
}

/// Asks for a backup file anywhere (one made with "Back up now…") and reads what it holds, for the restore's
/// confirmation. `None` when the user cancelled.
#[tauri::command(async)]
pub fn choose_backup_file(app: AppHandle, state: State<'_, Arc<AppState>>) -> Result<Option<BackupInfo>> {
    state.set_chosen_backup(None);
    let Some(path) = dialogs::open(
        &app,
        "Restore from a backup file",
        &[("Pickboard backup", &["db"])],
    ) else {
        return Ok(None);
    };
    let info = state.with_db(|db| backup::inspect_file(db, &path))?;
    state.set_chosen_backup(Some(path));
    Ok(Some(info))
}

/// Backs up the current state, then restores the backup file chosen with `choose_backup_file`: what it did.
#[tauri::command(async)]
pub fn restore_chosen_backup(state: State<'_, Arc<AppState>>) -> Result<Restored> {
    let source = state.chosen_backup()?;
    let restored = state.with_db(|db| backup::restore_file(db, state.data_dir(), &source))?;
    state.set_chosen_backup(None);
    Ok(restored)
}
