//! Where Pickboard keeps its data.

use std::path::PathBuf;

/// Names a folder to use instead of the operating system's app data folder (tests, synced folders).
pub const DATA_DIR_ENV: &str = "PICKBOARD_DATA_DIR";

/// The data folder: `PICKBOARD_DATA_DIR` when it is set and not empty, else the OS's app data folder.
pub fn data_dir(os_default: Option<PathBuf>) -> PathBuf {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => os_default.unwrap_or_else(|| PathBuf::from(".")),
    }
}

/// The app's identifier, which names its folder in the OS's data folder (as in tauri.conf.json).
pub const APP_ID: &str = "org.pickboard.app";

/// The OS's app data folder for Pickboard, found without a window (for the command line); the same folder Tauri's
/// `app_data_dir` gives the window.
pub fn os_data_dir() -> Option<PathBuf> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(target_os = "windows") {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support"))
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))
    };
    base.map(|b| b.join(APP_ID))
}
