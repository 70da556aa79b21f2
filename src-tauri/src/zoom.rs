//! The window's zoom, for whoever needs the page larger than their desktop draws it: View › Zoom In, Zoom Out and
//! Actual Size (Ctrl+=, Ctrl+- and Ctrl+0, which no field uses). WebKit then gives the page fewer pixels, as a
//! desktop's large text does, and the layout follows (board.css). Kept in the settings file, and set on the window as
//! it opens.

use std::sync::Arc;

use tauri::{AppHandle, Manager, WebviewWindow};

use crate::preferences::{zoomed, ZoomChange};
use crate::state::AppState;

/// The menu's items: id, label, accelerator and what each does.
pub const ITEMS: [(&str, &str, &str, ZoomChange); 3] = [
    ("zoom-in", "Zoom In", "CmdOrCtrl+=", ZoomChange::In),
    ("zoom-out", "Zoom Out", "CmdOrCtrl+-", ZoomChange::Out),
    ("zoom-reset", "Actual Size", "CmdOrCtrl+0", ZoomChange::Reset),
];

/// What the menu item `id` changes, if it is one of [`ITEMS`].
pub fn change_of(id: &str) -> Option<ZoomChange> {
    ITEMS.iter().find(|item| item.0 == id).map(|item| item.3)
}

/// The zoom the main window was last given.
struct Current(std::sync::Mutex<f64>);

/// Gives `window` the zoom kept from the last session (nothing to do at 100 %).
pub fn open_with(window: &WebviewWindow, zoom: f64) {
    window.manage(Current(std::sync::Mutex::new(zoom)));
    if zoom != 1.0 {
        set(window, zoom);
    }
}

/// Zooms the main window by `change`, and keeps the zoom for the next start.
pub fn change(app: &AppHandle, change: ZoomChange) {
    let (Some(window), Some(current)) = (app.get_webview_window("main"), app.try_state::<Current>()) else {
        return;
    };
    let zoom = {
        let mut current = current
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *current = zoomed(*current, change);
        *current
    };
    set(&window, zoom);
    if let Some(state) = app.try_state::<Arc<AppState>>() {
        if let Err(e) = crate::commands::app::save_zoom(app, &state, zoom) {
            eprintln!("pickboard: the zoom could not be kept for the next start: {e}");
        }
    }
}

fn set(window: &WebviewWindow, zoom: f64) {
    if let Err(e) = window.set_zoom(zoom) {
        eprintln!("pickboard: the window could not be zoomed: {e}");
    }
}
