//! One window writes to a data folder at a time. The window holds an operating-system lock on `pickboard.lock` in the
//! data folder for as long as it runs (`flock` on Linux and macOS, `LockFileEx` on Windows, through the standard
//! library); the lock goes with the process, also when it crashes. A second window on the same folder that could not
//! hand over to the first (no D-Bus session, where tauri-plugin-single-instance cannot reach it) does not open the
//! database: it says that Pickboard is already open there. The command line takes no lock: a change it makes while
//! the window is open is a separate transaction the window notices (see `Db::data_version`).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{Error, Result};

/// The lock file's name in the data folder.
pub const LOCK_FILE_NAME: &str = "pickboard.lock";

/// Held while it lives; dropping it (or the process ending) releases the folder.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl WriterLock {
    /// Takes the data folder for this process, or says that another window has it.
    pub fn acquire(data_dir: &Path) -> Result<WriterLock> {
        let path = data_dir.join(LOCK_FILE_NAME);
        let unavailable = |detail: String| Error::DatabaseUnavailable {
            path: path.clone(),
            detail,
        };
        std::fs::create_dir_all(data_dir)
            .map_err(|e| unavailable(format!("cannot create {}: {e}", data_dir.display())))?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| unavailable(e.to_string()))?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::AlreadyOpen {
                path: data_dir.to_owned(),
            }),
            Err(TryLockError::Error(e)) => Err(unavailable(format!("cannot lock {}: {e}", path.display()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn one_holder_at_a_time_and_released_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = WriterLock::acquire(dir.path()).unwrap();
        let second = WriterLock::acquire(dir.path()).unwrap_err();
        assert_eq!(second.kind(), ErrorKind::AlreadyOpen);
        assert!(second.to_string().contains("already open"), "{second}");
        drop(first);
        WriterLock::acquire(dir.path()).expect("free again once the first is gone");
    }

    #[test]
    fn another_folder_is_another_lock() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let _a = WriterLock::acquire(a.path()).unwrap();
        WriterLock::acquire(b.path()).unwrap();
    }
}
