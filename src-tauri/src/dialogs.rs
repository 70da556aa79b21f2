//! Native file dialogs, opened from Rust (tauri-plugin-dialog) so that the page never chooses a path itself: it asks
//! for an export or an import, and Rust asks the user where.
//!
//! End-to-end tests cannot click in a GTK file chooser. In a build with the `e2e-hooks` feature (the end-to-end
//! suite's; never a release or a package), when `PICKBOARD_E2E_DIALOG_ANSWER` names a file, each dialog answers with
//! the path written in that file (empty: the user cancelled) instead of opening.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Manager, Wry};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

/// The folder of the last file chosen in a dialog this session: the next dialog opens there.
static LAST_FOLDER: Mutex<Option<PathBuf>> = Mutex::new(None);

/// The dialog, opening in the folder of the last file chosen this session, else the Documents folder, else the home
/// folder. Without one, GTK's opened in the folder the app was started from (its source folder, from a terminal).
fn in_starting_folder(app: &AppHandle, dialog: FileDialogBuilder<Wry>) -> FileDialogBuilder<Wry> {
    let last = LAST_FOLDER.lock().ok().and_then(|f| f.clone());
    match first_folder([last, app.path().document_dir().ok(), app.path().home_dir().ok()]) {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

/// The first of `candidates` that is a folder on disk now.
fn first_folder(candidates: impl IntoIterator<Item = Option<PathBuf>>) -> Option<PathBuf> {
    candidates.into_iter().flatten().find(|dir| dir.is_dir())
}

/// Keeps the folder of a file chosen for the next dialog.
fn remember(chosen: Option<PathBuf>) -> Option<PathBuf> {
    if let (Some(dir), Ok(mut last)) = (chosen.as_deref().and_then(Path::parent), LAST_FOLDER.lock()) {
        *last = Some(dir.to_owned());
    }
    chosen
}

#[cfg(feature = "e2e-hooks")]
fn test_answer() -> Option<Option<PathBuf>> {
    let file = std::env::var_os("PICKBOARD_E2E_DIALOG_ANSWER")?;
    let answer = std::fs::read_to_string(file).unwrap_or_default();
    let answer = answer.trim();
    Some((!answer.is_empty()).then(|| PathBuf::from(answer)))
}

/// Without the `e2e-hooks` feature, every dialog opens for real.
#[cfg(not(feature = "e2e-hooks"))]
fn test_answer() -> Option<Option<PathBuf>> {
    None
}

/// Asks where to save a file; `None` when the user cancels. Blocks: call it off the main thread.
pub fn save(app: &AppHandle, title: &str, file_name: &str, filter: (&str, &[&str])) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let dialog = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter.0, filter.1);
    remember(
        in_starting_folder(app, dialog)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    )
}

/// Asks which file to open; `None` when the user cancels. Blocks: call it off the main thread.
pub fn open(app: &AppHandle, title: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf> {
    if let Some(answer) = test_answer() {
        return answer;
    }
    let mut dialog = app.dialog().file().set_title(title);
    for (name, extensions) in filters {
        dialog = dialog.add_filter(*name, extensions);
    }
    remember(
        in_starting_folder(app, dialog)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()),
    )
}

#[cfg(test)]
mod folder_tests {
    use super::*;

    #[test]
    fn a_dialog_opens_in_the_last_chosen_folder_that_still_exists_else_the_next() {
        let docs = tempfile::tempdir().unwrap();
        let gone = docs.path().join("moved-away");
        assert_eq!(
            first_folder([Some(gone.clone()), Some(docs.path().to_owned())]),
            Some(docs.path().to_owned())
        );
        assert_eq!(first_folder([None, Some(gone)]), None);
        let chosen = docs.path().join("outcome.md");
        assert_eq!(remember(Some(chosen.clone())), Some(chosen));
        assert_eq!(LAST_FOLDER.lock().unwrap().as_deref(), Some(docs.path()));
        // Cancelled: the last folder stays.
        assert_eq!(remember(None), None);
        assert_eq!(LAST_FOLDER.lock().unwrap().as_deref(), Some(docs.path()));
    }
}

#[cfg(all(test, not(feature = "e2e-hooks")))]
mod tests {
    #[test]
    fn without_the_e2e_hooks_a_dialog_never_reads_an_answer_file() {
        let answer = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(answer.path(), "/tmp/chosen.csv").unwrap();
        std::env::set_var("PICKBOARD_E2E_DIALOG_ANSWER", answer.path());
        assert_eq!(super::test_answer(), None);
        std::env::remove_var("PICKBOARD_E2E_DIALOG_ANSWER");
    }
}
