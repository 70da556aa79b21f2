//! Backups: copies of the whole database made with SQLite's online backup API, which copies a consistent snapshot
//! while the app keeps the database open.
//!
//! The app makes one when it starts, at most once a day, and one of the day's work when it quits, in the data
//! folder's `backups/`, and keeps those of the newest [`KEEP`] days. A restore first backs up the current state, then
//! copies the backup into the open database, so nothing is lost by restoring the wrong one.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::Serialize;
use ts_rs::TS;

use super::{create_private_file, history, now_ms, Db, DB_FILE_NAME, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::files;

pub const DIR: &str = "backups";
pub const KEEP: usize = 14;
const PREFIX: &str = "pickboard-";
const EXTENSION: &str = ".db";

/// What a restore did, as the window says it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The backup of the state before the restore (its file name).
    pub safety: String,
    /// The boards made since the backup that were kept for their posts or team rounds, by name.
    pub kept: Vec<String>,
}

/// A backup as the restore dialog lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file_name: String,
    /// When it was made (Unix time, milliseconds).
    pub created_at: i64,
    pub bytes: u64,
    pub boards: Option<i64>,
    pub ideas: Option<i64>,
    /// Made automatically before a restore.
    pub before_restore: bool,
    /// Why it cannot be restored, when it cannot.
    pub problem: Option<String>,
}

/// `pickboard-YYYY-MM-DD-HHMMSS` (UTC) for `ms`, so that names sort by time.
fn stamp(ms: i64) -> String {
    let date = crate::mattermost::message::utc_date(ms);
    let secs = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{PREFIX}{date}-{:02}{:02}{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The time a backup's name says it was made.
fn time_from_name(name: &str) -> Option<i64> {
    let rest = name.strip_prefix(PREFIX)?;
    let digits: Vec<i64> = [(0, 4), (5, 7), (8, 10), (11, 13), (13, 15), (15, 17)]
        .iter()
        .map(|&(a, b)| rest.get(a..b)?.parse().ok())
        .collect::<Option<_>>()?;
    let [y, m, d, hh, mm, ss] = digits[..] else {
        return None;
    };
    // Howard Hinnant's days-from-civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 86_400) + hh * 3600 + mm * 60 + ss) * 1000)
}

/// Where `path` leads, symbolic links and `..` followed; for a file not there yet, where it would be made.
fn real_path(path: &Path) -> Option<PathBuf> {
    path.canonicalize().ok().or_else(|| {
        let parent = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(parent.canonicalize().ok()?.join(path.file_name()?))
    })
}

impl Db {
    /// Copies the whole database to `dest` in one consistent snapshot; `dest` is replaced only when the copy is
    /// complete, and is readable by its owner only (it holds the webhook secrets).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        self.refuse_own_file(dest)?;
        self.copy_to(dest)
    }

    /// [`Db::backup_to`] without its check: for the backups Pickboard makes itself, in the backups folder.
    fn copy_to(&self, dest: &Path) -> Result<()> {
        let target = files::destination(dest)?;
        let tmp = files::temporary_sibling(&target);
        let _ = fs::remove_file(&tmp);
        let copied = create_private_file(&tmp)
            .map_err(|e| files::write_error(dest, &e))
            .and_then(|()| {
                self.conn
                    .backup(rusqlite::MAIN_DB, &tmp, None::<fn(rusqlite::backup::Progress)>)
                    .map_err(|e| match Error::from(e) {
                        Error::DiskFull => files::file_error(
                            dest,
                            format!(
                                "The disk is full, so {} was not saved. Free some space and try again.",
                                dest.display()
                            ),
                        ),
                        other => {
                            files::file_error(dest, format!("{} could not be saved: {other}", dest.display()))
                        }
                    })
            })
            .and_then(|()| fs::rename(&tmp, &target).map_err(|e| files::write_error(dest, &e)));
        if copied.is_err() {
            // SQLite's journal of the copy too: a hidden ".b.db.1234.part-journal" was left on a full disk.
            for leftover in [tmp.clone(), files::with_suffix(&tmp, "-journal")] {
                let _ = fs::remove_file(leftover);
            }
        } else {
            files::sweep_stale_parts(&target);
        }
        copied
    }

    /// An error when `dest`, where a backup or an export is about to be saved, is the database's own file: saved
    /// there, the backup took the open file's place, the window went on writing to the one replaced, and what was done
    /// after it was lost (an export put a CSV file in its place).
    /// Nor in the data folder's own backups: `backup -o` over the day's first backup replaced it without a word, and
    /// the Backups dialog went on showing it by its old time.
    pub fn refuse_own_file(&self, dest: &Path) -> Result<()> {
        let shown = dest.display();
        // Where it leads: a link to a file not made yet in the backups folder made one there.
        let target = files::destination(dest)?;
        let refused = if self.is_own_file(&target) {
            format!(
                "Nothing was saved: {shown} is the database Pickboard has open, and saving there would replace it. \
                 Choose another name or folder."
            )
        } else if self.is_in_backups(&target) {
            format!(
                "Nothing was saved: {shown} is in Pickboard's own backups folder, where only Pickboard saves, and \
                 could replace one of its backups. Choose another folder."
            )
        } else {
            return Ok(());
        };
        Err(files::file_error(dest, refused))
    }

    fn is_in_backups(&self, path: &Path) -> bool {
        let backups = self.path().parent().map(dir).and_then(|d| real_path(&d));
        matches!((backups, real_path(path)), (Some(backups), Some(path)) if path.starts_with(&backups))
    }

    /// Whether `path` is the database's file or one beside it that goes with it (`-wal`, `-shm`, `-journal`), by
    /// any name that leads there.
    fn is_own_file(&self, path: &Path) -> bool {
        let (Some(db), Some(path)) = (real_path(self.path()), real_path(path)) else {
            return false;
        };
        ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
            let mut own = db.clone().into_os_string();
            own.push(suffix);
            path == Path::new(&own)
        })
    }

    /// Replaces every board with those in the backup at `source`, which `restore_file` has checked (`inspect`, a
    /// quick check of every page: once is enough), and keeps what Pickboard knows of Mattermost as it is in `now`, the
    /// backup of the current state made before. The backup is read as a file nothing changes: opened as a database,
    /// it got `-wal` and `-shm` files beside it.
    /// Returns the names of the boards made since the backup that were kept (see `keep_mattermost_as_now`).
    fn restore_from(&mut self, source: &Path, now: &Path) -> Result<Vec<String>> {
        self.copy_in(source)?;
        let kept = match self.keep_mattermost_as_now(now) {
            Ok(kept) => kept,
            Err(err) => {
                // Not half a restore: the state before it comes back, and the restore is said to have failed.
                self.copy_in(now)?;
                history::install_change_capture(&self.conn)?;
                return Err(err);
            }
        };
        history::install_change_capture(&self.conn)?;
        Ok(kept)
    }

    /// Replaces the whole database with the one at `source`, brought to the current schema.
    fn copy_in(&mut self, source: &Path) -> Result<()> {
        let from = open_unchanged(source)?;
        rusqlite::backup::Backup::new(&from, &mut self.conn)?.run_to_completion(
            1024,
            std::time::Duration::ZERO,
            None,
        )?;
        self.migrate()
    }

    /// What lives on Mattermost is not taken back by a restore: a team round's private key, lost with a backup from
    /// before the round, left its sealed ballots unreadable for good, and a post waiting in the backup's outbox would
    /// have gone out a second time. So the account, the rounds joined, and every board's channels, posts and team
    /// rounds stay as they are now, for each board that is still the same board (same id, made at the same time). A
    /// board only the backup has keeps the backup's. A board made since the backup with posts or team rounds stays
    /// whole, as it is now: it went with the restore, and its rounds' keys with it. Other boards made since go, as
    /// the restore says (the backup made before it keeps them).
    fn keep_mattermost_as_now(&mut self, now: &Path) -> Result<Vec<String>> {
        let attach = match immutable(now) {
            Some(uri) => uri,
            None => now.to_string_lossy().into_owned(),
        };
        self.conn.execute("ATTACH DATABASE ?1 AS now_state", [attach])?;
        let kept = self.copy_mattermost_from_now();
        let detached = self.conn.execute_batch("DETACH DATABASE now_state");
        let kept = kept?;
        detached.map_err(Error::from)?;
        Ok(kept)
    }

    fn copy_mattermost_from_now(&mut self) -> Result<Vec<String>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let columns = |table: &str| -> Result<String> {
            let mut statement = tx.prepare(&format!("PRAGMA main.table_info({table})"))?;
            let names = statement
                .query_map([], |row| row.get::<_, String>(1))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(names.join(", "))
        };
        tx.execute_batch(
            "CREATE TEMP TABLE same_boards AS
                 SELECT b.id FROM main.boards b JOIN now_state.boards n ON n.id = b.id AND n.created_at = b.created_at;
             CREATE TEMP TABLE new_boards AS
                 SELECT id FROM now_state.boards WHERE id NOT IN (SELECT id FROM temp.same_boards)
                     AND (id IN (SELECT board_id FROM now_state.rounds) OR id IN (SELECT board_id FROM now_state.posts)
                          OR id IN (SELECT board_id FROM now_state.starting_rounds));",
        )?;
        // The boards made since, with their ideas and history, written as they are: not edits of this session, so the
        // change log is paused (it would copy each idea into it as JSON).
        tx.execute("INSERT INTO temp.change_log_paused VALUES (1)", [])?;
        for table in ["boards", "ideas", "events"] {
            let cols = columns(table)?;
            let key = if table == "boards" { "id" } else { "board_id" };
            tx.execute_batch(&format!(
                "INSERT INTO main.{table} ({cols})
                     SELECT {cols} FROM now_state.{table} WHERE {key} IN (SELECT id FROM temp.new_boards);"
            ))?;
        }
        let cols = columns("round_settled")?;
        tx.execute_batch(&format!(
            "INSERT INTO main.round_settled ({cols})
                 SELECT {cols} FROM now_state.round_settled
                 WHERE event_id IN (SELECT id FROM now_state.events WHERE board_id IN (SELECT id FROM temp.new_boards));"
        ))?;
        tx.execute("DELETE FROM temp.change_log_paused", [])?;
        let kept = tx
            .prepare(
                "SELECT name FROM main.boards WHERE id IN (SELECT id FROM temp.new_boards) ORDER BY name, id",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        tx.execute_batch(
            "INSERT INTO temp.same_boards SELECT id FROM temp.new_boards;
             DROP TABLE temp.new_boards;",
        )?;
        for table in [
            "channel_settings",
            "account_channels",
            "posts",
            "rounds",
            "starting_rounds",
        ] {
            let cols = columns(table)?;
            // Deleting a post deletes its parts; those of now come with their posts, below.
            tx.execute_batch(&format!(
                "DELETE FROM main.{table} WHERE board_id IN (SELECT id FROM temp.same_boards);
                 INSERT OR REPLACE INTO main.{table} ({cols})
                     SELECT {cols} FROM now_state.{table} WHERE board_id IN (SELECT id FROM temp.same_boards);"
            ))?;
        }
        let cols = columns("post_parts")?;
        tx.execute_batch(&format!(
            "INSERT OR REPLACE INTO main.post_parts ({cols})
                 SELECT {cols} FROM now_state.post_parts
                 WHERE post_id IN (SELECT id FROM now_state.posts WHERE board_id IN (SELECT id FROM temp.same_boards));"
        ))?;
        for table in ["account", "round_drafts"] {
            let cols = columns(table)?;
            tx.execute_batch(&format!(
                "DELETE FROM main.{table};
                 INSERT INTO main.{table} ({cols}) SELECT {cols} FROM now_state.{table};"
            ))?;
        }
        tx.execute_batch("DROP TABLE temp.same_boards;")?;
        tx.commit()?;
        Ok(kept)
    }
}

/// Reads a backup without changing it: how many boards and ideas it holds, or why it cannot be restored.
pub fn inspect(path: &Path) -> Result<(i64, i64)> {
    let refused = |detail: String| Error::DatabaseCorrupt {
        path: path.to_owned(),
        detail,
    };
    let conn = open_unchanged(path).map_err(|e| refused(e.to_string()))?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| refused(not_a_backup(path)))?;
    if version > SCHEMA_VERSION {
        return Err(Error::DatabaseTooNew {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let check: String = conn
        .pragma_query_value(None, "quick_check", |r| r.get(0))
        .map_err(|_| refused("it is damaged".into()))?;
    if check != "ok" {
        return Err(refused(format!("some of its pages are damaged ({check})")));
    }
    if let Some(detail) = super::freelist::damage(path) {
        return Err(refused(detail));
    }
    // A board deleted and kept for its Undo (format 5 on) is not counted: the window lists no such board, and a
    // backup said "5 boards, 6,008 ideas" of four boards and 6,006 ideas.
    let counts = if version >= 5 {
        "SELECT (SELECT count(*) FROM boards WHERE deleted_at IS NULL),
                (SELECT count(*) FROM ideas WHERE board_id IN (SELECT id FROM boards WHERE deleted_at IS NULL))"
    } else {
        "SELECT (SELECT count(*) FROM boards), (SELECT count(*) FROM ideas)"
    };
    conn.query_row(counts, [], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(|_| refused(not_a_backup(path)))
}

/// Why the file at `path` is no backup, from how it begins: a backup cut short, a board file or a CSV file (which
/// File › Import… opens), or something else.
fn not_a_backup(path: &Path) -> String {
    let mut start = [0_u8; 64];
    let read = fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut start))
        .unwrap_or(0);
    let start = &start[..read];
    let text = std::str::from_utf8(start).map(str::trim_start);
    if start.is_empty() {
        "the file is empty".into()
    } else if start.starts_with(b"SQLite format 3\0") {
        "it is a database, but damaged or cut short, or not one of Pickboard's".into()
    } else if matches!(text, Ok(t) if t.starts_with('{')) {
        "it is a board file, not a backup. Open it with File › Import… instead".into()
    } else if matches!(text, Ok(t) if !t.is_empty()) {
        "it is a text file, not a backup (a CSV file is opened with File › Import…)".into()
    } else {
        "it is not a Pickboard database".into()
    }
}

/// Opens the database at `path` read-only, as a file nothing changes (see `immutable`).
pub(super) fn open_unchanged(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    match immutable(path) {
        Some(uri) => Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI),
        None => Connection::open_with_flags(path, flags),
    }
}

/// `path` as an SQLite URI that opens it as a file nothing changes (`immutable=1`): no lock, and no `-wal` or `-shm`
/// file made beside it (a backup is copied in WAL mode, and opening it read-only made both next to every backup
/// listed). `None` for a path that is not UTF-8.
fn immutable(path: &Path) -> Option<String> {
    let escaped = path
        .to_str()?
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23");
    Some(format!("file:{escaped}?immutable=1"))
}

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join(DIR)
}

/// Makes a backup in `backups/` unless one was made today (UTC), then keeps the newest [`KEEP`] days'. Returns the new
/// backup's path, if one was made.
pub fn daily(db: &Db, data_dir: &Path) -> Result<Option<PathBuf>> {
    let today = day_of(&stamp(now_ms())).to_owned();
    let dir = dir(data_dir);
    if names(&dir)?.iter().any(|n| n.starts_with(&today)) {
        return Ok(None);
    }
    let path = make(db, data_dir, "")?;
    Ok(Some(path))
}

/// What the window says when today's backup failed with `err`: the database's own words for a full disk ("your last
/// change was not saved") are not true of a backup.
pub fn daily_failed(err: &Error) -> String {
    let why = match err {
        Error::DiskFull => "the disk is full".to_owned(),
        other => other.to_string().trim_end_matches('.').to_owned(),
    };
    format!(
        "Today's backup could not be made: {why}. Your boards are saved as always; only the folder \"backups\" has no \
         copy of today. Pickboard tries again the next time it starts."
    )
}

/// Makes a backup in `backups/` now (`suffix` marks why, e.g. `-before-restore`) and prunes the old ones.
pub fn make(db: &Db, data_dir: &Path, suffix: &str) -> Result<PathBuf> {
    let path = make_unpruned(db, data_dir, suffix)?;
    prune(&dir(data_dir), &path)?;
    Ok(path)
}

fn make_unpruned(db: &Db, data_dir: &Path, suffix: &str) -> Result<PathBuf> {
    let dir = dir(data_dir);
    fs::create_dir_all(&dir).map_err(|e| files::write_error(&dir, &e))?;
    let mut path = dir.join(format!("{}{suffix}{EXTENSION}", stamp(now_ms())));
    for n in 2.. {
        if !path.exists() {
            break;
        }
        path = dir.join(format!("{}{suffix}-{n}{EXTENSION}", stamp(now_ms())));
    }
    db.copy_to(&path)?;
    Ok(path)
}

/// Deletes the backups of all but the newest [`KEEP`] days that have backups, never `keep`.
fn prune(dir: &Path, keep: &Path) -> Result<()> {
    let all = names(dir)?;
    let mut days: Vec<&str> = all.iter().map(|n| day_of(n)).collect();
    days.sort_unstable();
    days.dedup();
    let old = &days[..days.len().saturating_sub(KEEP)];
    for name in all.iter().filter(|n| old.contains(&day_of(n))) {
        let path = dir.join(name);
        if path != keep {
            fs::remove_file(&path).map_err(|e| files::write_error(&path, &e))?;
        }
    }
    Ok(())
}

/// `pickboard-YYYY-MM-DD` of a backup's name.
fn day_of(name: &str) -> &str {
    name.get(..PREFIX.len() + 10).unwrap_or(name)
}

/// Marks the backup made at quit.
const AT_QUIT: &str = "-at-quit";

/// Backs up the day's work when Pickboard quits: the day's first start backs up the day before, and a database
/// damaged the first evening had no backup holding anything of it. One a day: it replaces the day's earlier one.
/// None of a database without a board (not even a deleted one): it holds nothing of the day's work, and it replaced
/// the day's earlier backup, the only copy of the boards of a database file deleted while Pickboard ran (the next
/// start found none, and began anew), or of one set aside as damaged.
pub fn at_quit(db: &Db, data_dir: &Path) -> Result<Option<PathBuf>> {
    let boards: i64 = db
        .conn
        .query_row("SELECT count(*) FROM boards", [], |r| r.get(0))?;
    if boards == 0 {
        return Ok(None);
    }
    let dir = dir(data_dir);
    let stamped = stamp(now_ms());
    let today = day_of(&stamped);
    let earlier: Vec<String> = names(&dir)?
        .into_iter()
        .filter(|n| day_of(n) == today && n.contains(AT_QUIT))
        .collect();
    let path = make_unpruned(db, data_dir, AT_QUIT)?;
    for name in earlier {
        let old = dir.join(name);
        fs::remove_file(&old).map_err(|e| files::write_error(&old, &e))?;
    }
    prune(&dir, &path)?;
    Ok(Some(path))
}

fn names(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(files::read_error(dir, &e)),
    };
    Ok(entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(PREFIX) && n.ends_with(EXTENSION))
        .collect())
}

/// The backups in `backups/`, newest first, each with what it holds.
pub fn list(data_dir: &Path) -> Result<Vec<BackupInfo>> {
    let dir = dir(data_dir);
    let mut out: Vec<BackupInfo> = names(&dir)?
        .into_iter()
        .map(|file_name| {
            let path = dir.join(&file_name);
            let bytes = fs::metadata(&path).map_or(0, |m| m.len());
            let (counts, problem) = match inspect(&path) {
                Ok((boards, ideas)) => (Some((boards, ideas)), None),
                // The database's own advice (copy a backup over it) is not for a backup.
                Err(Error::DatabaseCorrupt { detail, .. }) => {
                    (None, Some(format!("This backup cannot be restored: {detail}.")))
                }
                Err(e) => (None, Some(e.to_string())),
            };
            BackupInfo {
                created_at: time_from_name(&file_name).unwrap_or_default(),
                before_restore: file_name.contains("-before-restore"),
                file_name,
                bytes,
                boards: counts.map(|c| c.0),
                ideas: counts.map(|c| c.1),
                problem,
            }
        })
        .collect();
    out.sort_by(|a, b| b.file_name.cmp(&a.file_name));
    Ok(out)
}

/// Restores the backup named `file_name` from `backups/` into the open database, after backing up the current
/// state: what it did.
pub fn restore(db: &mut Db, data_dir: &Path, file_name: &str) -> Result<Restored> {
    let known = names(&dir(data_dir))?;
    if !known.iter().any(|n| n == file_name) {
        return Err(Error::invalid(format!("There is no backup named {file_name}.")));
    }
    restore_file(db, data_dir, &dir(data_dir).join(file_name))
}

/// What the backup file at `path`, anywhere (one made with "Back up now…"), holds, for the restore's confirmation;
/// an error when it cannot be restored, or is the database itself.
pub fn inspect_file(db: &Db, path: &Path) -> Result<BackupInfo> {
    if real_path(path).is_some_and(|p| Some(p) == real_path(db.path())) {
        return Err(Error::invalid(
            "This is the database Pickboard has open, not a backup of it. Pick a backup file.",
        ));
    }
    let metadata = fs::metadata(path).map_err(|e| files::read_error(path, &e))?;
    let (boards, ideas) = match inspect(path) {
        Ok(counts) => counts,
        Err(Error::DatabaseCorrupt { detail, .. }) => {
            return Err(Error::invalid(format!(
                "{} cannot be restored: {detail}.",
                path.display()
            )))
        }
        Err(e) => return Err(e),
    };
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_millis() as i64);
    Ok(BackupInfo {
        file_name: path.display().to_string(),
        created_at: time_from_name(&path.file_name().unwrap_or_default().to_string_lossy())
            .unwrap_or(modified),
        bytes: metadata.len(),
        boards: Some(boards),
        ideas: Some(ideas),
        before_restore: false,
        problem: None,
    })
}

/// Restores the backup at `source` into the open database, after backing up the current state in `backups/`: what
/// it did.
pub fn restore_file(db: &mut Db, data_dir: &Path, source: &Path) -> Result<Restored> {
    // Gone since it was chosen (moved, deleted, a drive taken out): said as such, not as a database that is damaged.
    fs::metadata(source).map_err(|e| files::read_error(source, &e))?;
    inspect(source)?;
    // Pruning waits until the restore is done: the backup being restored may be the oldest.
    // Its copy of the boards as they are failing (a full disk) left them as they were: said first.
    let safety = make_unpruned(db, data_dir, "-before-restore").map_err(|err| match err {
        Error::File { path, detail } => Error::File {
            path,
            detail: format!("Nothing was restored, and your boards are as they were. {detail}"),
        },
        other => other,
    })?;
    let kept = db.restore_from(source, &safety)?;
    prune(&dir(data_dir), &safety)?;
    Ok(Restored {
        safety: safety
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        kept,
    })
}

/// Where Pickboard keeps a database it could not read once a backup took its place: beside it, with the time.
pub const DAMAGED_PREFIX: &str = "pickboard-damaged-";

/// Puts the damaged database of `data_dir` aside, with its `-wal` and `-shm` files, as `pickboard-damaged-<time>.db`
/// beside it, and the backup named `file_name` in its place; with no backup, leaves the place empty for a new
/// database. Nothing is deleted. Returns where the damaged file now is.
pub fn recover(data_dir: &Path, file_name: Option<&str>) -> Result<PathBuf> {
    let db_path = data_dir.join(DB_FILE_NAME);
    let restoring = data_dir.join(format!("{DB_FILE_NAME}.restoring"));
    if let Some(name) = file_name {
        if !names(&dir(data_dir))?.iter().any(|n| n == name) {
            return Err(Error::invalid(format!("There is no backup named {name}.")));
        }
        let source = dir(data_dir).join(name);
        inspect(&source)?;
        // Copied whole before anything moves: a failure (a full disk) leaves the folder as it was.
        let _ = fs::remove_file(&restoring);
        let copied = create_private_file(&restoring)
            .map_err(|e| files::write_error(&restoring, &e))
            .and_then(|()| {
                let from = open_unchanged(&source)?;
                let mut to = Connection::open(&restoring)?;
                rusqlite::backup::Backup::new(&from, &mut to)?.run_to_completion(
                    1024,
                    std::time::Duration::ZERO,
                    None,
                )?;
                Ok(())
            });
        if let Err(err) = copied {
            let _ = fs::remove_file(&restoring);
            return Err(err);
        }
    }
    let damaged = || stamp(now_ms()).replacen(PREFIX, DAMAGED_PREFIX, 1);
    let mut aside = data_dir.join(format!("{}{EXTENSION}", damaged()));
    for n in 2.. {
        if !aside.exists() {
            break;
        }
        aside = data_dir.join(format!("{}-{n}{EXTENSION}", damaged()));
    }
    for suffix in ["", "-wal", "-shm"] {
        let from = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if from.exists() {
            fs::rename(&from, format!("{}{suffix}", aside.display()))
                .map_err(|e| files::write_error(&from, &e))?;
        }
    }
    if file_name.is_some() {
        fs::rename(&restoring, &db_path).map_err(|e| files::write_error(&db_path, &e))?;
    }
    Ok(aside)
}

#[cfg(test)]
mod tests;
