//! The app itself: whether the database opened, preferences, and links opened in the browser.

use std::sync::Arc;

use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State, Webview, Wry};
use tauri_plugin_opener::OpenerExt;
use tauri_plugin_store::{Store, StoreExt};
use ts_rs::TS;

use crate::domain::clean_link;
use crate::error::{Error, Result};
use crate::events::{EventMessage, Listeners};
use crate::preferences::{
    zoom_from_stored, Preferences, ZoomChange, CHART_BOARDS_KEY, FILE_NAME, LAST_BOARD_KEY, THEME_KEY,
    ZOOM_KEY,
};
use crate::startup::{AfterFirstFrame, StartupMark};
use crate::state::AppState;
use crate::storage::backup;

/// Where the data lives, shown in the UI; the command fails with the open error when the database is unusable.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenStatus {
    pub data_dir: String,
    pub database_path: String,
}

/// The page has drawn its first frame (the board, or the welcome screen): the work that waited for it starts.
#[tauri::command]
pub fn first_frame_shown(after: State<'_, Arc<AfterFirstFrame>>) {
    if crate::page_restarts::drawn() {
        eprintln!("pickboard: the window's page, loaded again, has drawn");
    }
    after.run();
}

/// Sends the backend's events to this page through `events`, until the page closes or is loaded again.
#[tauri::command]
pub fn listen_to_backend(webview: Webview, listeners: State<'_, Listeners>, events: Channel<EventMessage>) {
    listeners.add(webview.label(), events);
}

/// The steps of this start-up so far, for `scripts/bench.sh`.
#[tauri::command]
pub fn startup_timeline() -> Vec<StartupMark> {
    crate::startup::timeline()
}

#[tauri::command(async)]
pub fn open_status(state: State<'_, Arc<AppState>>) -> Result<OpenStatus> {
    if let Some(err) = state.open_error() {
        return Err(err.clone());
    }
    Ok(OpenStatus::of(&state))
}

#[tauri::command(async)]
pub fn get_preferences(app: AppHandle, state: State<'_, Arc<AppState>>) -> Result<Preferences> {
    read_preferences(&app, &state)
}

/// The preferences as stored in the data folder's settings file.
pub fn read_preferences(app: &AppHandle, state: &AppState) -> Result<Preferences> {
    read_settings(app, state).map(|(preferences, _)| preferences)
}

/// The preferences and the window's zoom, as stored in the data folder's settings file.
pub fn read_settings(app: &AppHandle, state: &AppState) -> Result<(Preferences, f64)> {
    with_settings(app, state, |store| {
        let preferences = Preferences::from_stored(
            store.get(THEME_KEY),
            store.get(LAST_BOARD_KEY),
            store.get(CHART_BOARDS_KEY),
        );
        Ok((preferences, zoom_from_stored(store.get(ZOOM_KEY))))
    })
}

/// Zooms the window by `change`, as View's Zoom items do, for the keys their menu cannot take: Ctrl++ where + is a
/// key of its own or needs Shift, and the keypad's + − 0.
#[tauri::command]
pub fn zoom(app: AppHandle, change: ZoomChange) {
    crate::zoom::change(&app, change);
}

/// Keeps the window's zoom in the settings file, with the preferences as they are.
pub fn save_zoom(app: &AppHandle, state: &AppState, zoom: f64) -> Result<()> {
    with_settings(app, state, |store| {
        store.set(ZOOM_KEY, serde_json::json!(zoom));
        write_settings(store, state)
    })
}

/// Writes `store` whole to the data folder's settings file (see `preferences::save`).
fn write_settings(store: &Store<Wry>, state: &AppState) -> Result<()> {
    crate::preferences::save(
        &state.data_dir().join(FILE_NAME),
        store.entries().into_iter().collect(),
    )
}

/// The data folder's settings file, read afresh for `f` and let go of after it. A store the plugin kept would be
/// saved again at exit by the plugin's own save, which empties the file before it writes: on a full disk, all of it
/// was lost. `preferences::save` writes it instead.
fn with_settings<T>(
    app: &AppHandle,
    state: &AppState,
    f: impl FnOnce(&Store<Wry>) -> Result<T>,
) -> Result<T> {
    let store = app
        .store_builder(state.data_dir().join(FILE_NAME))
        .disable_auto_save()
        .build()
        .map_err(|e| Error::Preferences(e.to_string()))?;
    let out = f(&store);
    store.close_resource();
    out
}

impl OpenStatus {
    pub fn of(state: &AppState) -> OpenStatus {
        OpenStatus {
            data_dir: state.data_dir().display().to_string(),
            database_path: state.database_path().display().to_string(),
        }
    }
}

/// Runs on the main thread, unlike the other commands: there the calls run one at a time in the order the page sent
/// them, so that the last theme clicked is the one saved and shown. (On the async runtime a quick run of clicks could
/// finish out of order and leave the window in an earlier theme.) Saving is a write of a few bytes.
#[tauri::command]
pub fn set_preferences(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    preferences: Preferences,
) -> Result<()> {
    // The window names the board shown, whether or not the preferences can be saved.
    if let Some(shown) = app.try_state::<crate::title::ShownBoard>() {
        shown.set(preferences.last_board_id);
    }
    let shown = crate::title::refresh(&app);
    let theme = serde_json::json!(preferences.theme);
    let theme_changed = with_settings(&app, &state, |store| {
        let theme_changed = store.get(THEME_KEY).as_ref() != Some(&theme);
        store.set(THEME_KEY, theme);
        store.set(LAST_BOARD_KEY, serde_json::json!(preferences.last_board_id));
        store.set(CHART_BOARDS_KEY, serde_json::json!(preferences.chart_boards));
        write_settings(store, &state)?;
        Ok(theme_changed)
    })?;
    crate::menu::show_theme(&app, preferences.theme);
    crate::menu::show_view(&app, shown.map(|id| preferences.shows_chart(id)));
    if let (true, Some(window)) = (theme_changed, app.get_webview_window("main")) {
        // The window's own look follows; a failure here leaves only its menu bar in the old look.
        if let Err(e) = crate::app::change_theme(&window, preferences.theme) {
            eprintln!("pickboard: the window's theme could not be changed: {e}");
        }
    }
    Ok(())
}

/// Opens an idea's link (http or https only) in the system browser; the webview itself never navigates away.
#[tauri::command(async)]
pub fn open_link(app: AppHandle, url: String) -> Result<()> {
    let url = clean_link(&url)?;
    if url.is_empty() {
        return Err(Error::invalid("This idea has no link."));
    }
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        // The launcher's own words (`Launcher "gio" "open" … ExitStatus(…)`) mean nothing to the user.
        eprintln!("pickboard: opening a link failed: {e}");
        Error::invalid(
            "No web browser could be opened for this link. Copy the link and open it in your browser, or set a \
                 default browser in your system's settings.",
        )
    })
}

/// Closes Pickboard, once the page has saved what was being typed (or from a window that found its data folder
/// already open in another). The day's work is backed up first.
#[tauri::command]
pub fn quit_app(app: AppHandle, state: State<'_, Arc<AppState>>) {
    if state.open_error().is_none() {
        if let Err(err) = state.with_db(|db| backup::at_quit(db, state.data_dir())) {
            eprintln!("pickboard: the backup at quit failed: {err}");
        }
    }
    app.exit(0);
}

/// Keeps Pickboard open after a quit was asked for: changes are still waiting to be saved, and the page asks the
/// person whether to quit without them (see `quit.rs`).
#[tauri::command]
pub fn keep_open() {
    crate::quit::keep_open();
}
