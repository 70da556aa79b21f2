//! Reading and writing the files a user chooses (exports, imports, backups), with errors in words for the user.
//!
//! A file is written to a temporary name beside it, flushed to disk and renamed over the target, so a full disk or a
//! crash never leaves half a file where the user expects a whole one.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The largest file Pickboard reads for an import: far above 50,000 rows with long notes.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

/// Writes `bytes` to `path` in one piece: the file is either the old one or the new one, never a part.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = destination(path)?;
    replace(&target, bytes).map_err(|e| write_error(path, &e))
}

/// Where a file the user chose to save at `path` is written: the file a symbolic link leads to (renamed over, the
/// link became a file of its own, and the file it led to stayed as it was), and never a device, a pipe or a socket,
/// which a rename would replace with a plain file: run as root, `backup -o /dev/full` did.
pub fn destination(path: &Path) -> Result<PathBuf> {
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => path.canonicalize().or_else(|_| {
            // A link to a file not made yet: that file, in the folder the link names.
            let to = fs::read_link(path)?;
            Ok::<_, io::Error>(path.parent().unwrap_or(Path::new(".")).join(to))
        }),
        _ => Ok(path.to_owned()),
    }
    .map_err(|e| write_error(path, &e))?;
    match fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => Err(file_error(
            path,
            format!("{} is a folder. Choose a file name.", path.display()),
        )),
        Ok(meta) if !meta.is_file() => Err(file_error(
            path,
            format!(
                "Nothing was saved: {} is not a file but a device, a pipe or a socket. Choose a file name.",
                path.display()
            ),
        )),
        _ => Ok(target),
    }
}

/// [`write_atomically`] with the system's own error, for a caller that words it for its own file.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temporary_sibling(path);
    let written = (|| {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        sweep_stale_parts(path);
    }
    written
}

/// Removes what earlier writes of `path` left beside it when their process ended on the way (killed, or the computer
/// went down): a hidden copy of the whole file (`.name.PID.part`, 66 MB for a large board) that nothing else removed.
/// Only those of a process that no longer runs: another Pickboard may be writing the same file now.
pub fn sweep_stale_parts(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let pid = file
            .strip_prefix(&prefix)
            .and_then(|rest| {
                rest.strip_suffix(".part")
                    .or_else(|| rest.strip_suffix(".part-journal"))
            })
            .and_then(|pid| pid.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !process_runs(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` runs; where that cannot be told, it is taken to run (its file is left alone).
fn process_runs(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        true
    }
}

/// A temporary name in the same folder as `path` (so that renaming it over `path` is atomic).
pub fn temporary_sibling(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.{}.part", std::process::id()))
}

/// `path` with `suffix` added to its file name (`b.db` → `b.db-journal`), as SQLite names a database's journal.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Reads a whole file the user chose, refusing files larger than `max_bytes`.
pub fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| read_error(path, &e))?;
    let metadata = file.metadata().map_err(|e| read_error(path, &e))?;
    let len = metadata.len();
    if metadata.is_dir() {
        return Err(file_error(
            path,
            format!("{} is a folder, not a file.", path.display()),
        ));
    }
    if len > max_bytes {
        return Err(file_error(
            path,
            format!(
                "{} is too large to import ({} MB; the limit is {} MB).",
                path.display(),
                len / 1_000_000,
                max_bytes / 1_000_000
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(path, &e))?;
    Ok(bytes)
}

pub fn file_error(path: &Path, detail: String) -> Error {
    Error::File {
        path: path.to_owned(),
        detail,
    }
}

pub fn read_error(path: &Path, err: &io::Error) -> Error {
    let shown = path.display();
    let detail = match err.kind() {
        io::ErrorKind::NotFound => format!("There is no file at {shown}."),
        io::ErrorKind::PermissionDenied => {
            format!("Pickboard may not read {shown}. Check the file's permissions.")
        }
        io::ErrorKind::IsADirectory => format!("{shown} is a folder, not a file."),
        _ => format!("{shown} could not be read: {err}."),
    };
    file_error(path, detail)
}

pub fn write_error(path: &Path, err: &io::Error) -> Error {
    let shown = path.display();
    let detail = match err.kind() {
        io::ErrorKind::StorageFull => {
            format!("The disk is full, so {shown} was not saved. Free some space and try again.")
        }
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            format!("Pickboard may not write {shown}. Choose another folder.")
        }
        // A folder that is there but takes no new files (a system folder like /proc) answers "not found" too.
        io::ErrorKind::NotFound if path.parent().is_some_and(Path::is_dir) => {
            format!("Files cannot be saved in the folder of {shown}. Choose another folder.")
        }
        io::ErrorKind::NotFound => format!("The folder for {shown} does not exist. Choose another folder."),
        io::ErrorKind::IsADirectory => format!("{shown} is a folder. Choose a file name."),
        _ => format!("{shown} could not be saved: {err}."),
    };
    file_error(path, detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn a_written_file_replaces_the_old_one_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        write_atomically(&path, b"old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// An export killed on the way left a hidden copy of the whole file beside it, which a later export kept.
    #[test]
    fn a_write_removes_the_parts_left_by_a_process_that_ended_not_those_of_one_that_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("board.json");
        let ended = {
            let mut child = std::process::Command::new("true").spawn().unwrap();
            let pid = child.id();
            child.wait().unwrap();
            pid
        };
        let left = dir.path().join(format!(".board.json.{ended}.part"));
        let journal = dir.path().join(format!(".board.json.{ended}.part-journal"));
        let running = dir.path().join(".board.json.1.part"); // init runs
        let other = dir.path().join(format!(".other.json.{ended}.part"));
        for file in [&left, &journal, &running, &other] {
            fs::write(file, "x").unwrap();
        }
        write_atomically(&path, b"new").unwrap();
        assert!(
            !left.exists() && !journal.exists(),
            "the ended process's parts stayed"
        );
        assert!(running.exists(), "a running process's part was removed");
        assert!(other.exists(), "another file's part was removed");
    }

    #[test]
    fn a_link_is_written_through_and_a_device_or_a_pipe_is_refused() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("real.csv");
        fs::write(&file, "old").unwrap();
        let link = dir.path().join("link.csv");
        symlink(&file, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&file).unwrap(), b"new");
        // A link to a file not made yet makes it.
        let later = dir.path().join("later.csv");
        symlink("later.csv", dir.path().join("to-later.csv")).unwrap();
        write_atomically(&dir.path().join("to-later.csv"), b"made").unwrap();
        assert_eq!(fs::read(&later).unwrap(), b"made");

        let fifo = dir.path().join("pipe.csv");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        for path in [fifo.as_path(), Path::new("/dev/null")] {
            let err = write_atomically(path, b"x").unwrap_err();
            assert!(
                err.to_string()
                    .ends_with("is not a file but a device, a pipe or a socket. Choose a file name."),
                "{err}"
            );
            assert!(
                !fs::metadata(path).unwrap().is_file(),
                "{} was replaced",
                path.display()
            );
        }
        let err = write_atomically(dir.path(), b"x").unwrap_err();
        assert!(
            err.to_string().ends_with("is a folder. Choose a file name."),
            "{err}"
        );
    }

    #[test]
    fn failures_say_what_went_wrong_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope").join("board.json");
        let err = write_atomically(&missing, b"x").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::File);
        assert!(err.to_string().contains("does not exist"), "{err}");
        // /proc is there, but takes no new file: "not found" all the same.
        if Path::new("/proc/self").is_dir() {
            let err = write_atomically(Path::new("/proc/board.json"), b"x").unwrap_err();
            assert!(
                err.to_string()
                    .starts_with("Files cannot be saved in the folder of"),
                "{err}"
            );
        }

        let err = read_limited(&dir.path().join("absent.csv"), 10).unwrap_err();
        assert!(err.to_string().starts_with("There is no file at"), "{err}");

        let big = dir.path().join("big.csv");
        fs::write(&big, vec![b'a'; 2_000_001]).unwrap();
        let err = read_limited(&big, 1_000_000).unwrap_err();
        assert!(
            err.to_string()
                .contains("too large to import (2 MB; the limit is 1 MB)"),
            "{err}"
        );

        let err = read_limited(dir.path(), 10).unwrap_err();
        assert!(err.to_string().contains("is a folder"), "{err}");
    }
}
