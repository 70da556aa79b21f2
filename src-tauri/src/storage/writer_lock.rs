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
        let unavailable = |e| unusable(data_dir, e);
        std::fs::create_dir_all(data_dir).map_err(unavailable)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(unavailable)?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::AlreadyOpen {
                path: data_dir.to_owned(),
            }),
            Err(TryLockError::Error(e)) => Err(unavailable(e)),
        }
    }
}

/// The data folder cannot be used, in words: "Operation not permitted (os error 1)" about pickboard.lock left a person
/// with a read-only data folder looking at a file they never made.
fn unusable(data_dir: &Path, e: std::io::Error) -> Error {
    let folder = data_dir.display();
    Error::DatabaseUnavailable {
        path: data_dir.to_owned(),
        detail: match e.kind() {
            std::io::ErrorKind::PermissionDenied => {
                format!("Pickboard may not write in its data folder {folder}")
            }
            // Its boards can be used from a copy: `pickboard backup -o` was advised, and cannot read a database whose
            // last changes are in its WAL on such a disk.
            std::io::ErrorKind::ReadOnlyFilesystem => format!(
                "its data folder {folder} is on a disk that cannot be written to (copy the whole folder to a disk \
                 that can, and open the copy: PICKBOARD_DATA_DIR=<the copy> pickboard)"
            ),
            _ => format!("its data folder {folder} cannot be used ({e})"),
        },
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
    fn a_folder_that_cannot_be_written_is_said_in_words_not_as_the_systems_error() {
        use std::io::{Error as IoError, ErrorKind as Io};
        let data = Path::new("/srv/team/pickboard");
        for (cause, said) in [
            (
                IoError::from_raw_os_error(1), // EPERM: an immutable folder (chattr +i)
                "Pickboard may not write in its data folder /srv/team/pickboard",
            ),
            (
                IoError::from(Io::PermissionDenied),
                "Pickboard may not write in its data folder /srv/team/pickboard",
            ),
            (
                IoError::from(Io::ReadOnlyFilesystem),
                "its data folder /srv/team/pickboard is on a disk that cannot be written to (copy the whole \
                 folder to a disk that can, and open the copy: PICKBOARD_DATA_DIR=<the copy> pickboard)",
            ),
        ] {
            let err = unusable(data, cause);
            assert_eq!(err.kind(), ErrorKind::DatabaseUnavailable);
            assert_eq!(err.path(), Some(data), "the folder, not pickboard.lock");
            let text = err.to_string();
            assert!(text.contains(said), "{text}");
            assert!(!text.contains("os error"), "{text}");
        }
    }

    #[test]
    fn another_folder_is_another_lock() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let _a = WriterLock::acquire(a.path()).unwrap();
        WriterLock::acquire(b.path()).unwrap();
    }
}
