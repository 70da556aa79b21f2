//! The events the backend sends to the window: each is a payload type with the one name it travels under. The UI's
//! `Events` interface in `bindings.ts` is generated from [`typescript`], and [`emit`] is the only way to send one, so
//! that a name or a payload cannot drift from what the page listens for.

use serde::Serialize;
use tauri::Emitter;
use ts_rs::TS;

use crate::menu::MenuCommand;
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
            out.push_str("}\n");
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
}

/// Sends `payload` to every window. A window that is gone cannot hear it, which is not an error.
pub fn emit<E: AppEvent>(emitter: &impl Emitter<tauri::Wry>, payload: &E) {
    let _ = emitter.emit(E::NAME, payload);
}
