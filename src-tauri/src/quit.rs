//! Quitting without losing what is being typed. A field of an idea's details is saved when it is left, and quitting
//! (Ctrl+Q, File › Quit, the window's close button) left none: the notes typed last were gone at the next start.
//! So quitting asks the page first, with the `quit` menu command: it leaves the field, waits for the save, and calls
//! `quit_app`. A page that cannot answer (gone, or hung) does not keep Pickboard open: it quits after [`GRACE`].
//! Ended by the system (SIGTERM, as at logout; SIGINT, Ctrl+C in a terminal), it quits the same way.
//!
//! Changes that cannot be saved yet (the data folder not writable, the disk full) would be lost: the page then calls
//! `keep_open` within the grace, and asks the person whether to quit without them.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tauri::AppHandle;

use crate::events::{self, MenuCommand};

/// How long the page has to save what is being typed, or to keep Pickboard open, before Pickboard quits without it
/// (the page waits up to 2.2 s for the saves: `ui/src/lib/quit.ts`).
const GRACE: Duration = Duration::from_secs(4);

/// Whether quitting was asked for already: a second Ctrl+Q waits for the first (quitting at once would drop the
/// save it waits for).
static ASKED: AtomicBool = AtomicBool::new(false);

/// Each quit asked for is numbered; the number of the last one kept open by the page. Its grace ends without
/// quitting.
static QUITS: AtomicU64 = AtomicU64::new(0);
static KEPT_OPEN: AtomicU64 = AtomicU64::new(0);

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
    let quit = QUITS.fetch_add(1, Ordering::SeqCst) + 1;
    events::emit(app, &MenuCommand::Quit);
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(GRACE);
        if !kept_open(quit) {
            app.exit(0);
        }
    });
}

/// The quit asked for last does not happen after its grace; the next one is asked of the page again.
pub fn keep_open() {
    KEPT_OPEN.store(QUITS.load(Ordering::SeqCst), Ordering::SeqCst);
    ASKED.store(false, Ordering::SeqCst);
}

fn kept_open(quit: u64) -> bool {
    KEPT_OPEN.load(Ordering::SeqCst) == quit
}
