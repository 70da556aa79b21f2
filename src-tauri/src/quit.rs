//! Quitting without losing what is being typed. A field of an idea's details is saved when it is left, and quitting
//! (Ctrl+Q, File › Quit, the window's close button) left none: the notes typed last were gone at the next start.
//! So quitting asks the page first, with the `quit` menu command: it leaves the field, waits for the save, and calls
//! `quit_app`. A page that cannot answer (gone, or hung) does not keep Pickboard open: it quits after [`GRACE`].

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::AppHandle;

use crate::events::{self, MenuCommand};

/// How long the page has to save what is being typed before Pickboard quits without it.
const GRACE: Duration = Duration::from_secs(3);

/// Whether quitting was asked for already: a second Ctrl+Q waits for the first (quitting at once would drop the
/// save it waits for).
static ASKED: AtomicBool = AtomicBool::new(false);

/// Quits once the page has saved what is being typed, or after [`GRACE`].
pub fn ask(app: &AppHandle) {
    if ASKED.swap(true, Ordering::SeqCst) {
        return;
    }
    if !events::listening(app) {
        app.exit(0);
        return;
    }
    events::emit(app, &MenuCommand::Quit);
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        app.exit(0);
    });
}
