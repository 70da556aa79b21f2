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
