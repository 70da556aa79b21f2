//! Quitting without losing what is being typed. A field of an idea's details is saved when it is left, and quitting
//! (Ctrl+Q, File › Quit, the window's close button) left none: the notes typed last were gone at the next start.
//! So quitting asks the page first, with the `quit` menu command: it leaves the field, waits for the save, and calls
//! `quit_app`. A page that cannot answer (gone, or hung) does not keep Pickboard open: it quits after [`GRACE`].
//! Ended by the system (SIGTERM, as at logout; SIGINT, Ctrl+C in a terminal), it quits the same way.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::AppHandle;

use crate::events::{self, MenuCommand};

/// How long the page has to save what is being typed before Pickboard quits without it.
const GRACE: Duration = Duration::from_secs(3);

/// Whether quitting was asked for already: a second Ctrl+Q waits for the first (quitting at once would drop the
/// save it waits for).
static ASKED: AtomicBool = AtomicBool::new(false);

/// Quits as [`ask`] does when the system asks Pickboard to end: SIGTERM ended it at once, and what was being typed
/// went with it.
#[cfg(unix)]
pub fn on_signals(app: &AppHandle) {
    use tokio::signal::unix::{signal, SignalKind};
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let (Ok(mut term), Ok(mut int)) = (signal(SignalKind::terminate()), signal(SignalKind::interrupt()))
        else {
            eprintln!("pickboard: the system's requests to end could not be listened to; they end Pickboard at once");
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
        ask(&app);
    });
}

#[cfg(not(unix))]
pub fn on_signals(_: &AppHandle) {}

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
