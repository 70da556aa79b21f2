//! The events the backend sends to the window: each is a payload type with the one name it travels under. The UI's
//! `Events` interface in `bindings.ts` is generated from [`typescript`], and [`emit`] is the only way to send one, so
//! that a name or a payload cannot drift from what the page listens for.
//!
//! They travel through one channel per page ([`Listeners`]), which the page hands over once with the
//! `listen_to_backend` command, not through Tauri's own events: each of those listeners is set up by a script the app
//! runs in the page, five of them while the first frame is drawn, and the first script's answer starts a JavaScript
//! engine in the app's own process (2 MiB more at start-up, docs/benchmarks.md).

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::Manager;
use ts_rs::TS;

use crate::transfer::session::ImportProgress;

/// A payload the backend sends to the window, and the name it travels under.
pub trait AppEvent: Serialize + TS {
    const NAME: &'static str;
}

/// Whether a file is being dragged over the window (the page shows where to drop it).
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileDrag {
    pub over: bool,
}

/// A file was dropped onto the window; Rust keeps its path until the page asks to import it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileDropped {
    pub file_name: String,
}

/// Another program (the command line, or a restore) changed the database while the window was open: what the window
/// shows must be read again.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DatabaseChanged {}

/// The outbox sent a part or met a problem in the background: what the window shows of the posts must be read again
/// (a post held up and then sent by itself still read "Waiting to send").
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutboxChanged {}

/// Today's backup could not be made (the disk full, the folder not writable): said in the window, not only in the log.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupFailed {
    /// Why, in words, and what it means for the person's boards.
    pub message: String,
}

/// An item of the app menu that the UI handles; its id is its serialised name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MenuCommand {
    NewBoard,
    Import,
    ExportJson,
    ExportCsv,
    ExportMarkdown,
    ExportPng,
    ExportSvg,
    BackUp,
    Restore,
    DeletedBoards,
    Undo,
    Redo,
    ViewQuadrants,
    ViewChart,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    Search,
    Shortcuts,
    PostToChannel,
    TeamRounds,
    MattermostAccount,
    /// Quit asked for: the page saves what is being typed, then calls `quit_app` (see `quit.rs`).
    Quit,
}

impl MenuCommand {
    pub const ALL: [MenuCommand; 23] = [
        Self::NewBoard,
        Self::Import,
        Self::ExportJson,
        Self::ExportCsv,
        Self::ExportMarkdown,
        Self::ExportPng,
        Self::ExportSvg,
        Self::BackUp,
        Self::Restore,
        Self::DeletedBoards,
        Self::Undo,
        Self::Redo,
        Self::ViewQuadrants,
        Self::ViewChart,
        Self::ThemeSystem,
        Self::ThemeLight,
        Self::ThemeDark,
        Self::Search,
        Self::Shortcuts,
        Self::PostToChannel,
        Self::TeamRounds,
        Self::MattermostAccount,
        Self::Quit,
    ];

    /// The menu item's id: the name the UI gets.
    pub fn id(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::NewBoard => "New board",
            Self::Import => "Import…",
            Self::ExportJson => "Board file (JSON)…",
            Self::ExportCsv => "Spreadsheet (CSV)…",
            Self::ExportMarkdown => "Markdown…",
            Self::ExportPng => "Chart picture (PNG)…",
            Self::ExportSvg => "Chart picture (SVG)…",
            Self::BackUp => "Back up now…",
            Self::Restore => "Restore from backup…",
            Self::DeletedBoards => "Deleted boards…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ViewQuadrants => "Quadrants",
            Self::ViewChart => "Chart",
            Self::ThemeSystem => "System",
            Self::ThemeLight => "Light",
            Self::ThemeDark => "Dark",
            Self::Search => "Search",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::PostToChannel => "Post to channel…",
            Self::TeamRounds => "Team rounds…",
            Self::MattermostAccount => "Mattermost account…",
            Self::Quit => "Quit Pickboard",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}

macro_rules! app_events {
    ($($payload:ty => $name:literal,)*) => {
        $(impl AppEvent for $payload {
            const NAME: &'static str = $name;
        })*

        /// The `Events` interface of `bindings.ts`: each event's name and payload.
        #[cfg(test)]
        pub(crate) fn typescript(cfg: &ts_rs::Config) -> String {
            let mut out = String::from(
                "/** Every event the backend sends to the window, with its payload. */\nexport interface Events {\n",
            );
            $(out.push_str(&format!("  \"{}\": {};\n", $name, <$payload as TS>::name(cfg)));)*
            out.push_str("}\n\n");
            out.push_str("/** An event as it travels to the page: its name and its payload. */\n");
            out.push_str("export type EventMessage = { [E in keyof Events]: { event: E; payload: Events[E] } }[keyof Events];\n");
            out
        }

        /// The payload types, for `bindings.rs` to declare.
        #[cfg(test)]
        pub(crate) fn declarations(cfg: &ts_rs::Config) -> Vec<String> {
            vec![$(<$payload as TS>::decl(cfg)),*]
        }
    };
}

app_events! {
    ImportProgress => "import-progress",
    FileDrag => "file-drag",
    FileDropped => "file-dropped",
    MenuCommand => "menu-command",
    DatabaseChanged => "database-changed",
    OutboxChanged => "outbox-changed",
    BackupFailed => "backup-failed",
}

/// An event as it travels: its name and its payload (`EventMessage` in `bindings.ts`).
#[derive(Serialize)]
struct Message<'a, E> {
    event: &'static str,
    payload: &'a E,
}

/// What a page's channel carries: a [`Message`] written to JSON once, whichever number of pages it goes to
/// (`EventMessage` in `bindings.ts`).
pub type EventMessage = InvokeResponseBody;

/// Every listening page's channel, by its webview's label: a page loaded again replaces its own.
#[derive(Default)]
pub struct Listeners(Mutex<HashMap<String, Channel<EventMessage>>>);

impl Listeners {
    pub fn add(&self, webview: &str, channel: Channel<EventMessage>) {
        self.lock().insert(webview.to_owned(), channel);
    }

    pub fn remove(&self, webview: &str) {
        self.lock().remove(webview);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Channel<EventMessage>>> {
        // A panic while the map was held leaves it whole (an insert or a remove): keep using it.
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Whether any page listens to the backend's events.
pub fn listening(app: &impl Manager<tauri::Wry>) -> bool {
    app.try_state::<Listeners>()
        .is_some_and(|listeners| !listeners.lock().is_empty())
}

/// Sends `payload` to every listening page. A page that is gone cannot hear it, which is not an error: it stops being
/// sent to.
pub fn emit<E: AppEvent>(app: &impl Manager<tauri::Wry>, payload: &E) {
    let Some(listeners) = app.try_state::<Listeners>() else {
        return;
    };
    let message = match serde_json::to_string(&Message {
        event: E::NAME,
        payload,
    }) {
        Ok(message) => message,
        Err(err) => {
            eprintln!("pickboard: the event {} could not be written: {err}", E::NAME);
            return;
        }
    };
    listeners
        .lock()
        .retain(|_, channel| channel.send(InvokeResponseBody::Json(message.clone())).is_ok());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_its_own_id_and_label() {
        let ids: std::collections::BTreeSet<String> = MenuCommand::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(ids.len(), MenuCommand::ALL.len());
        assert!(ids.contains("export-markdown") && ids.contains("back-up"));
        for command in MenuCommand::ALL {
            assert_eq!(MenuCommand::from_id(&command.id()), Some(command));
            assert!(!command.label().is_empty());
        }
    }
}
