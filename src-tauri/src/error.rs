//! The one error type of the backend. It reaches the UI as `{ kind, message, path }`: `kind` says which failure it is
//! (so the UI can react to it), `message` says what happened and what to do, in words for the person using the app.

use std::path::{Path, PathBuf};

use serde::ser::SerializeStruct;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// Input the user can correct: an empty title, a name that is too long, …
    #[error("{0}")]
    Invalid(String),

    /// What the user named or what the UI showed is not there (anymore): a board, an idea, a post, a channel.
    #[error("{0}")]
    NotFound(String),

    #[error(
        "This database was written by a newer version of Pickboard (format {found}; this version understands up to \
         {supported}). Update Pickboard to open it. The file has not been changed."
    )]
    DatabaseTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "Pickboard could not read {}: {detail}. It has left the file as it is. Open Pickboard's window on this data \
         folder: it offers to put a daily backup (kept in the folder \"backups\" beside the file) in its place where \
         there is one, keeping the damaged file beside it, or to start again with a new, empty database.",
        path.display()
    )]
    DatabaseCorrupt { path: PathBuf, detail: String },

    #[error(
        "The database could not be opened: {detail}. Check that the folder exists and that you may write to it, or \
         point PICKBOARD_DATA_DIR at another folder."
    )]
    DatabaseUnavailable { path: PathBuf, detail: String },

    /// The database could not be opened, and the disk that holds it has no room: SQLite said only "disk I/O error",
    /// and the message that followed sent the person to the folder's permissions.
    #[error(
        "The database could not be opened: the disk that holds it is full. Free some space on that disk, then try \
         again. Nothing saved in it was changed."
    )]
    DiskFullAtOpen { path: PathBuf },

    /// Another Pickboard window has this data folder (see `storage::writer_lock`).
    #[error(
        "Pickboard is already open on this data folder, in another window. Use that window: two windows writing to one \
         folder could undo each other's changes. This window shows no boards: close it."
    )]
    AlreadyOpen { path: PathBuf },

    #[error("The disk is full, so your last change was not saved. Free some space and try again.")]
    DiskFull,

    #[error(
        "Pickboard cannot write to its data folder or its database file right now, so your last change was not saved. \
         Check their permissions, and the disk."
    )]
    ReadOnly,

    #[error("Pickboard could not read or save your boards: {0}")]
    Storage(String),

    #[error("Your preferences could not be read or saved: {0}")]
    Preferences(String),

    /// A file the user chose could not be read or written; `detail` says why, in words for the user.
    #[error("{detail}")]
    File { path: PathBuf, detail: String },

    /// The user stopped a long task (an import) before it finished; nothing was changed.
    #[error("Cancelled. Nothing was changed.")]
    Cancelled,

    /// The operating system has no credential store Pickboard can keep a token in; the UI offers the session only.
    #[error("{0}")]
    NoCredentialStore(String),

    /// Mattermost did not take a message; the failure says why and what to do.
    #[error("{}{}", .0.message, .0.request_id.as_ref().map(|r| format!(" (Mattermost request id {r})")).unwrap_or_default())]
    Mattermost(Box<crate::mattermost::response::Failure>),
}

/// What kind of failure an [`Error`] is; the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    Invalid,
    NotFound,
    DatabaseTooNew,
    DatabaseCorrupt,
    DatabaseUnavailable,
    AlreadyOpen,
    DiskFull,
    ReadOnly,
    Storage,
    Preferences,
    File,
    Cancelled,
    NoCredentialStore,
    Mattermost,
}

/// The shape in which every error reaches the UI (`AppError` in `ui/src/lib/backend.ts`).
#[derive(Debug, serde::Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    /// The file the error is about, when there is one (the database that cannot be opened).
    pub path: Option<String>,
    /// Which refusal of Mattermost's it is, for a `mattermost` error (the UI reacts to a deleted post once, not at
    /// every call that meets it).
    pub problem: Option<crate::mattermost::response::Problem>,
}

impl Error {
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::Invalid(message.into())
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::NotFound(message.into())
    }

    /// Something the UI showed that has been deleted meanwhile (a board, an idea).
    pub fn gone(what: &str) -> Self {
        Self::NotFound(format!(
            "This {what} no longer exists. It may have been deleted in another window."
        ))
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Invalid(_) => ErrorKind::Invalid,
            Self::NotFound(_) => ErrorKind::NotFound,
            Self::DatabaseTooNew { .. } => ErrorKind::DatabaseTooNew,
            Self::DatabaseCorrupt { .. } => ErrorKind::DatabaseCorrupt,
            Self::DatabaseUnavailable { .. } | Self::DiskFullAtOpen { .. } => ErrorKind::DatabaseUnavailable,
            Self::AlreadyOpen { .. } => ErrorKind::AlreadyOpen,
            Self::DiskFull => ErrorKind::DiskFull,
            Self::ReadOnly => ErrorKind::ReadOnly,
            Self::Storage(_) => ErrorKind::Storage,
            Self::Preferences(_) => ErrorKind::Preferences,
            Self::File { .. } => ErrorKind::File,
            Self::Cancelled => ErrorKind::Cancelled,
            Self::NoCredentialStore(_) => ErrorKind::NoCredentialStore,
            Self::Mattermost(_) => ErrorKind::Mattermost,
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::DatabaseTooNew { path, .. }
            | Self::DatabaseCorrupt { path, .. }
            | Self::DatabaseUnavailable { path, .. }
            | Self::DiskFullAtOpen { path }
            | Self::AlreadyOpen { path }
            | Self::File { path, .. } => Some(path),
            _ => None,
        }
    }

    /// What Mattermost refused, for a [`Error::Mattermost`].
    pub fn problem(&self) -> Option<crate::mattermost::response::Problem> {
        match self {
            Self::Mattermost(failure) => Some(failure.problem),
            _ => None,
        }
    }

    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
            path: self.path().map(|p| p.display().to_string()),
            problem: self.problem(),
        }
    }
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let payload = self.payload();
        let mut s = serializer.serialize_struct("Error", 4)?;
        s.serialize_field("kind", &payload.kind)?;
        s.serialize_field("message", &payload.message)?;
        s.serialize_field("path", &payload.path)?;
        s.serialize_field("problem", &payload.problem)?;
        s.end()
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Self::DiskFull,
            // A write the system refused or failed (a file made unchangeable while Pickboard runs gives "disk I/O
            // error"): the change waits on screen and is tried again, as for a file it may not write. It was dropped.
            Some(ErrorCode::ReadOnly | ErrorCode::SystemIoFailure) => Self::ReadOnly,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Storage(
                "the database is busy in another program. Close other copies of Pickboard and try again"
                    .into(),
            ),
            _ => Self::Storage(err.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_the_system_refuses_waits_to_be_tried_again() {
        for code in [
            rusqlite::ffi::SQLITE_IOERR_WRITE,
            rusqlite::ffi::SQLITE_IOERR_FSYNC,
            rusqlite::ffi::SQLITE_READONLY,
        ] {
            let err = Error::from(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(code),
                Some("disk I/O error".into()),
            ));
            assert_eq!(err.kind(), ErrorKind::ReadOnly, "{code}");
        }
    }

    #[test]
    fn serialises_as_kind_message_path_and_problem() {
        let json = serde_json::to_value(Error::invalid("Give the idea a title.")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "invalid", "message": "Give the idea a title.", "path": null, "problem": null})
        );

        use crate::mattermost::response::{Failure, Problem};
        let gone = Error::Mattermost(Box::new(Failure::new(Problem::PostGone)));
        let json = serde_json::to_value(&gone).unwrap();
        assert_eq!(json["kind"], "mattermost");
        assert_eq!(json["problem"], "postGone");
        assert_eq!(json["message"], gone.to_string());

        let err = Error::DatabaseTooNew {
            path: PathBuf::from("/data/pickboard.db"),
            found: 9,
            supported: 1,
        };
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(json["kind"], "databaseTooNew");
        assert_eq!(json["path"], "/data/pickboard.db");
        assert!(json["message"]
            .as_str()
            .unwrap()
            .contains("newer version of Pickboard"));
    }

    #[test]
    fn disk_full_is_recognised_from_sqlite() {
        let err = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL), None);
        assert_eq!(Error::from(err).kind(), ErrorKind::DiskFull);
    }
}
