//! The window's title names the board it shows, then the app ("Platform Q3 — Pickboard"), as a desktop app names
//! the document it shows: the task bar, Alt+Tab and the window list tell which board is open.

use std::sync::Mutex;

use tauri::{AppHandle, Manager};

use crate::state::AppState;
use crate::storage::boards;

const APP_NAME: &str = "Pickboard";

/// The board the window shows, as the page last said (its preferences' last board; the page shows the first board
/// of the list when that is none, or a board no longer there).
pub struct ShownBoard(Mutex<Option<i64>>);

impl ShownBoard {
    pub fn new(id: Option<i64>) -> Self {
        Self(Mutex::new(id))
    }

    pub fn set(&self, id: Option<i64>) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = id;
    }

    fn get(&self) -> Option<i64> {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The title of a window showing the board named `board`, or no board.
pub fn of(board: Option<&str>) -> String {
    match board.map(str::trim).filter(|name| !name.is_empty()) {
        Some(name) => format!("{name} — {APP_NAME}"),
        None => APP_NAME.to_owned(),
    }
}

/// Names the main window after the board it shows now: after the page shows another board, and after that board's
/// name changed (renamed, or a rename undone or redone). Boards that cannot be read leave the app's name. Returns the
/// id of the board shown.
pub fn refresh(app: &AppHandle) -> Option<i64> {
    let (Some(window), Some(state), Some(shown)) = (
        app.get_webview_window("main"),
        app.try_state::<std::sync::Arc<AppState>>(),
        app.try_state::<ShownBoard>(),
    ) else {
        return None;
    };
    let board = state.read(|tx| boards::shown(tx, shown.get())).ok().flatten();
    let title = of(board.as_ref().map(|(_, name)| name.as_str()));
    if window.title().ok().as_deref() != Some(title.as_str()) {
        if let Err(e) = window.set_title(&title) {
            eprintln!("pickboard: the window's title could not be changed: {e}");
        }
    }
    board.map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_board_then_the_app() {
        assert_eq!(of(Some("Platform Q3")), "Platform Q3 — Pickboard");
        assert_eq!(of(Some("  Spaced  ")), "Spaced — Pickboard");
    }

    #[test]
    fn without_a_board_the_title_is_the_apps_name() {
        assert_eq!(of(None), "Pickboard");
        assert_eq!(of(Some("   ")), "Pickboard");
    }
}
