//! Native file dialogs, opened from Rust (tauri-plugin-dialog) so that the page never chooses a path itself: it asks
//! for an export or an import, and Rust asks the user where.
//!
//! End-to-end tests cannot click in a GTK file chooser. In a build with the `e2e-hooks` feature (the end-to-end
//! suite's; never a release or a package), when `PICKBOARD_E2E_DIALOG_ANSWER` names a file, each dialog answers with
//! the path written in that file (empty: the user cancelled) instead of opening.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

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
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(file_name)
        .add_filter(filter.0, filter.1)
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
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
    dialog.blocking_pick_file().and_then(|p| p.into_path().ok())
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
