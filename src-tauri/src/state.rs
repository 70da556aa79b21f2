//! What the commands share: the open database (or why it could not be opened) and the data folder.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::Transaction;

use crate::error::{Error, Result};
use crate::storage::writer_lock::WriterLock;
use crate::storage::{boards, Db, DB_FILE_NAME};
use crate::transfer::session::PendingImport;

pub struct AppState {
    db: Result<Mutex<Db>>,
    /// This window's hold on the data folder; the database is opened only with it.
    _writer: Option<WriterLock>,
    data_dir: PathBuf,
    /// The import the window's import dialog is working on.
    import: Mutex<Option<Arc<PendingImport>>>,
    /// The last file dropped onto the window, until the window asks to import it. The page never sees the path.
    dropped: Mutex<Option<PathBuf>>,
    /// The backup file the user picked to restore, until it is restored. The page never sees the path to restore.
    chosen_backup: Mutex<Option<PathBuf>>,
}

impl AppState {
    /// Takes the data folder for this window and opens the database in it. A failure (another window has the
    /// folder, or the database cannot be used) is kept and returned by every command, so that the UI can show one
    /// clear error screen.
    pub fn open(data_dir: PathBuf) -> Self {
        let writer = WriterLock::acquire(&data_dir);
        let db = writer
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|_| Db::open(&data_dir.join(DB_FILE_NAME)))
            .map(|mut db| {
                // A board deleted more than 30 days ago is deleted for good.
                if let Err(err) = db.write(boards::purge_expired) {
                    eprintln!("pickboard: boards deleted long ago are kept until the next start: {err}");
                }
                if let Err(err) = db.checkpoint_in_background() {
                    eprintln!("pickboard: checkpoints stay on the commit path: {err}");
                }
                Mutex::new(db)
            });
        AppState {
            db,
            _writer: writer.ok(),
            data_dir,
            import: Mutex::new(None),
            dropped: Mutex::new(None),
            chosen_backup: Mutex::new(None),
        }
    }

    pub fn set_import(&self, import: Option<Arc<PendingImport>>) {
        *self.import.lock().unwrap_or_else(PoisonError::into_inner) = import;
    }

    pub fn import(&self) -> Result<Arc<PendingImport>> {
        self.import
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| Error::invalid("There is no import in progress. Choose a file to import."))
    }

    pub fn set_dropped(&self, path: PathBuf) {
        *self.dropped.lock().unwrap_or_else(PoisonError::into_inner) = Some(path);
    }

    pub fn take_dropped(&self) -> Option<PathBuf> {
        self.dropped.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    pub fn set_chosen_backup(&self, path: Option<PathBuf>) {
        *self.chosen_backup.lock().unwrap_or_else(PoisonError::into_inner) = path;
    }

    pub fn chosen_backup(&self) -> Result<PathBuf> {
        self.chosen_backup
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .ok_or_else(|| Error::invalid("Choose the backup file to restore first."))
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DB_FILE_NAME)
    }

    /// Whether the database could not be opened because it is damaged: its backups can take its place.
    pub fn database_is_damaged(&self) -> bool {
        matches!(self.db, Err(Error::DatabaseCorrupt { .. }))
    }

    /// The reason the database could not be opened, if it could not.
    pub fn open_error(&self) -> Option<&Error> {
        self.db.as_ref().err()
    }

    /// The database itself, for work that must not hold it across a wait (posting to Mattermost).
    pub fn db(&self) -> Result<&Mutex<Db>> {
        self.db.as_ref().map_err(Clone::clone)
    }

    /// Runs one user action in one transaction.
    pub fn write<T>(&self, action: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.with_db(|db| db.write(action))
    }

    pub fn read<T>(&self, query: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.with_db(|db| db.read(query))
    }

    pub fn with_db<T>(&self, f: impl FnOnce(&mut Db) -> Result<T>) -> Result<T> {
        match &self.db {
            Ok(db) => f(&mut db.lock().unwrap_or_else(PoisonError::into_inner)),
            Err(e) => Err(e.clone()),
        }
    }
}
