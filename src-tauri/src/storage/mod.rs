//! The SQLite database: opening it safely, migrations, and the transaction every user action runs in.
//!
//! Opening never modifies a file it cannot vouch for: the format version and the file's integrity are read first,
//! and only a healthy database of a version this build understands is migrated and switched to WAL.

pub mod backup;
pub mod boards;
mod freelist;
pub mod history;
pub mod idea_row;
pub mod ideas;
pub mod writer_lock;

#[cfg(test)]
pub mod testing;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Params, Row, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

/// Migrations, embedded in the binary. Entry *n* takes the database from `user_version` n to n + 1.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_details_and_history.sql"),
    include_str!("migrations/0003_mattermost.sql"),
    include_str!("migrations/0004_idea_ids_never_reused.sql"),
    include_str!("migrations/0005_board_undo.sql"),
    include_str!("migrations/0006_mattermost_account.sql"),
    include_str!("migrations/0007_rounds.sql"),
    include_str!("migrations/0008_waiting_ballots.sql"),
    include_str!("migrations/0009_round_facilitator.sql"),
    include_str!("migrations/0010_starting_rounds.sql"),
    include_str!("migrations/0011_channel_team_display.sql"),
    include_str!("migrations/0012_zone_kept_for_finding_places.sql"),
    include_str!("migrations/0013_ranks_found_by_zone.sql"),
    include_str!("migrations/0014_posts_sent_order.sql"),
    include_str!("migrations/0015_post_parts_began.sql"),
];

/// The format version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub const DB_FILE_NAME: &str = "pickboard.db";

/// How many compiled statements a connection keeps (rusqlite's default is 16): every statement an edit runs, so that
/// none is compiled again at the next edit.
const STATEMENT_CACHE: usize = 96;

/// `execute` and `query_row` through the connection's cache of compiled statements. Compiling a statement costs more
/// than running it, most of all one that fires the history's triggers (SQLite compiles them into it): an edit's
/// statements are compiled once per connection, not at every edit (docs/benchmarks.md).
pub(crate) trait Cached {
    fn execute_cached<P: Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize>;
    fn query_row_cached<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T>;
}

impl Cached for Connection {
    fn execute_cached<P: Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn query_row_cached<T, P: Params>(
        &self,
        sql: &str,
        params: P,
        read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.prepare_cached(sql)?.query_row(params, read)
    }
}

pub struct Db {
    conn: Connection,
    path: PathBuf,
}

impl Db {
    /// Opens (or creates) the database at `path`, checks it and brings it up to date.
    pub fn open(path: &Path) -> Result<Db> {
        Self::open_and_update(path).map_err(|err| match err {
            Error::DatabaseUnavailable { .. } | Error::ReadOnly | Error::DiskFull | Error::Storage(_)
                if path.parent().is_some_and(disk_is_full) =>
            {
                Error::DiskFullAtOpen {
                    path: path.to_owned(),
                }
            }
            other => other,
        })
    }

    fn open_and_update(path: &Path) -> Result<Db> {
        let unavailable = |detail: String| Error::DatabaseUnavailable {
            path: path.to_owned(),
            detail,
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| unavailable(format!("cannot create {}: {e}", dir.display())))?;
        }
        create_private_file(path).map_err(|e| unavailable(e.to_string()))?;

        // Checked through a connection that cannot write first: a connection that may write checkpoints the WAL into
        // the file and removes it when it closes, and a damaged file's WAL can hold its last changes. Refused, the
        // file and its WAL stay exactly as they were.
        let read_only = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let checking = Db {
            conn: Connection::open_with_flags(path, read_only).map_err(|e| classify_open_error(path, e))?,
            path: path.to_owned(),
        };
        // It waits for another program writing the file, as the connection that writes does: four imports at once
        // into a data folder not made yet, and one said "The database could not be opened: database is locked".
        checking.conn.busy_timeout(Duration::from_secs(5))?;
        checking.check_before_writing()?;
        drop(checking);

        let flags =
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify_open_error(path, e))?;
        let mut db = Db {
            conn,
            path: path.to_owned(),
        };
        db.configure()?;
        // SQLite opens a file it may not write (read-only, or flagged immutable) for reading, without a word: the
        // window showed "All changes saved", and the first change failed.
        if db.conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(unavailable(
                "Pickboard may read the file but not write to it (its permissions, or a flag that makes it \
                 unchangeable)"
                    .into(),
            ));
        }
        db.migrate()?;
        history::install_change_capture(&db.conn)?;
        Ok(db)
    }

    /// Opens the database to be read, never written: for the command line's commands that only read (the boards'
    /// list, an export, a backup, a post's dry run). Where the file and its folder may be written, it is opened as
    /// [`Db::open`] opens it, brought up to date included. On a disk that cannot be written (mounted read-only, say,
    /// to save what a failing disk still holds), it is read as it is: SQLite cannot make the shared-memory file it
    /// reads a WAL database through there, so the file is read as one nothing changes. Without a WAL file beside it,
    /// which a closed database has none of, the file holds every change.
    pub fn open_to_read(path: &Path) -> Result<Db> {
        let refused = match Db::open(path) {
            Err(
                err @ (Error::DatabaseUnavailable { .. } | Error::ReadOnly | Error::DiskFullAtOpen { .. }),
            ) => err,
            opened => return opened,
        };
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        if !path.is_file() {
            return Err(refused);
        }
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            // Its last changes are in the WAL, which SQLite reads only through a file it makes beside it. "May read
            // the file but not write to it (its permissions…)" named the wrong cause, and the copy the window
            // advised could not be made.
            return Err(Error::DatabaseUnavailable {
                path: path.to_owned(),
                detail: format!(
                    "its last changes are in {}, which can only be read where Pickboard may write. Copy the whole \
                     data folder to a disk that can be written, and use the copy (PICKBOARD_DATA_DIR=<the copy>)",
                    Path::new(&wal).display()
                ),
            });
        }
        let conn = backup::open_unchanged(path).map_err(|_| refused.clone())?;
        let db = Db {
            conn,
            path: path.to_owned(),
        };
        if db.check_before_writing()? < SCHEMA_VERSION {
            return Err(Error::DatabaseUnavailable {
                path: path.to_owned(),
                detail: "it was made by an earlier Pickboard, and bringing it up to date needs a disk that can be \
                         written"
                    .into(),
            });
        }
        db.conn.busy_timeout(Duration::from_secs(5))?;
        Ok(db)
    }

    /// A private database in memory: for tests, and for the command line's answer on a data folder with none yet.
    pub fn open_in_memory() -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: PathBuf::from(":memory:"),
        };
        db.configure()?;
        db.migrate()?;
        history::install_change_capture(&db.conn)?;
        Ok(db)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// SQLite's `data_version`: it changes when another connection (the command line, a restore) commits to the
    /// file, never for this connection's own commits. The window compares it to notice changes made meanwhile.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Moves WAL checkpoints off the commit path: a thread with its own connection copies the WAL into the database
    /// every second (a passive checkpoint, which never blocks a commit), instead of the commit that happens to
    /// cross 1,000 pages doing it and waiting for its fsync. Without that thread, checkpoints stay automatic.
    pub fn checkpoint_in_background(&self) -> Result<()> {
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        std::thread::Builder::new()
            .name("wal-checkpoint".into())
            .spawn(move || loop {
                std::thread::sleep(Duration::from_secs(1));
                if let Err(err) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
                    eprintln!("pickboard: a background checkpoint failed: {err}");
                }
            })
            .map_err(|e| Error::Storage(e.to_string()))?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(())
    }

    /// Runs one user action in one transaction: all of it is saved, or none of it.
    pub fn write<T>(&mut self, action: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = action(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Reads in one transaction, so that what is read is consistent.
    pub fn read<T>(&mut self, query: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        query(&tx)
    }

    /// Reads the header and checks integrity without writing anything; the file's format version.
    fn check_before_writing(&self) -> Result<i64> {
        let corrupt = |detail: String| Error::DatabaseCorrupt {
            path: self.path.clone(),
            detail,
        };
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(|e| classify_open_error(&self.path, e))?;
        if version > SCHEMA_VERSION {
            return Err(Error::DatabaseTooNew {
                path: self.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        let check: String = self
            .conn
            .pragma_query_value(None, "quick_check", |row| row.get(0))
            .map_err(|e| classify_open_error(&self.path, e))?;
        if check != "ok" {
            return Err(corrupt(format!("some of its pages are damaged ({check})")));
        }
        if let Some(detail) = freelist::damage(&self.path) {
            return Err(corrupt(detail));
        }
        if version > 0 && !self.has_table("boards")? {
            return Err(corrupt("it is not a Pickboard database".into()));
        }
        Ok(version)
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(5))?;
        self.conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // Plans that never depend on the values bound to a statement (SQLite's query planner stability guarantee).
        // Without it, a statement whose plan could use a bound value (a max() or an ORDER BY over an index, a LIMIT
        // ?n) is compiled again whenever its bindings are cleared, which the statement cache does each time it
        // takes a statement back: a move compiled four of its statements again, 10–15 µs each. This database is
        // never analysed, so no plan gains from the values.
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        if self.path != Path::new(":memory:") {
            let mode: String = self
                .conn
                .pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))
                .map_err(|e| classify_open_error(&self.path, e))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::DatabaseUnavailable {
                    path: self.path.clone(),
                    detail: format!("the journal could not be switched to WAL (it is {mode})"),
                });
            }
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        Ok(())
    }

    /// Applies the missing migrations, all in one transaction.
    fn migrate(&mut self) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Exclusive)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if version < SCHEMA_VERSION {
            for sql in &MIGRATIONS[version as usize..] {
                tx.execute_batch(sql)?;
            }
            tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn has_table(&self, name: &str) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [name],
            |row| row.get(0),
        )?;
        Ok(n > 0)
    }
}

/// Creates an empty database file readable by its owner only, so that the WAL and shared-memory files SQLite makes
/// beside it get the same mode. Leaves an existing file alone.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Whether the disk that holds `dir` is full: a small file cannot be written there. Asked once the database could not
/// be opened, where SQLite says no more than "disk I/O error".
fn disk_is_full(dir: &Path) -> bool {
    use std::io::Write;
    let probe = dir.join(".pickboard-room-check");
    let written = std::fs::File::create(&probe)
        .and_then(|mut file| file.write_all(&[0; 64 * 1024]).and_then(|()| file.sync_all()));
    let _ = std::fs::remove_file(&probe);
    written.is_err_and(|e| e.kind() == std::io::ErrorKind::StorageFull)
}

fn classify_open_error(path: &Path, err: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    let path = path.to_owned();
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::DatabaseCorrupt {
            path,
            detail: "it is damaged, or it is not a Pickboard database".into(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            Error::DatabaseUnavailable {
                path,
                detail: "the file or its folder cannot be written".into(),
            }
        }
        _ => Error::DatabaseUnavailable {
            path,
            detail: err.to_string(),
        },
    }
}

/// Milliseconds since the Unix epoch.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests;

/// How the `zone` column of `ideas` stores `zone`. The database keeps that column from the scores and the board's
/// lines (migration 0012); `stored_zones_agree_with_the_quadrant_rule` (tests.rs) checks it against the rule.
pub(crate) fn zone_code(zone: crate::domain::Zone) -> i64 {
    use crate::domain::Zone;
    match zone {
        Zone::Unsorted => 0,
        Zone::Implement => 1,
        Zone::Challenge => 2,
        Zone::Possible => 3,
        Zone::Kill => 4,
    }
}
