//! Storage tests on real SQLite files in temporary folders.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use crate::domain::testing::any_zone;
use rusqlite::Connection;

use super::*;
use crate::domain::{Position, Quadrant, Score, Thresholds, Zone};
use crate::error::ErrorKind;
use crate::storage::{boards, history, ideas};

fn temp_db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join(DB_FILE_NAME)).unwrap();
    (dir, db)
}

fn titles_in(db: &mut Db, board: i64, zone: Zone) -> Vec<String> {
    let board = db.read(|tx| boards::get(tx, board)).unwrap();
    board
        .ideas
        .into_iter()
        .filter(|i| i.zone == zone)
        .map(|i| i.title)
        .collect()
}

#[test]
fn a_new_file_is_migrated_to_the_current_version_with_wal_and_foreign_keys() {
    let (dir, db) = temp_db();
    let conn = &db.conn;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let timeout: i64 = conn
        .pragma_query_value(None, "busy_timeout", |r| r.get(0))
        .unwrap();
    assert!(timeout >= 1000);
    assert!(dir.path().join(DB_FILE_NAME).is_file());
}

#[cfg(unix)]
#[test]
fn the_database_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _db) = temp_db();
    let mode = std::fs::metadata(dir.path().join(DB_FILE_NAME))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

/// A database whose shared-memory file cannot be made beside it, as on a disk mounted read-only: here its name is
/// taken by a folder, which needs no root to set up (the command line's test mounts a read-only disk).
fn where_the_shared_memory_cannot_be_made() -> (tempfile::TempDir, PathBuf, boards::BoardSummary) {
    let (dir, mut db) = temp_db();
    let board = db.write(crate::sample::create).unwrap();
    let path = db.path().to_owned();
    drop(db);
    std::fs::create_dir(dir.path().join(format!("{DB_FILE_NAME}-shm"))).unwrap();
    (dir, path, board)
}

#[test]
fn a_database_that_cannot_be_written_is_still_read_whole() {
    let (_dir, path, board) = where_the_shared_memory_cannot_be_made();
    assert!(Db::open(&path).is_err(), "opened to be written");
    let mut db = Db::open_to_read(&path).unwrap();
    let read = db.read(|tx| boards::get(tx, board.id)).unwrap();
    assert_eq!(read.ideas.len() as i64, board.idea_count);
    // Read, never written: a write is refused, and nothing is written to the WAL.
    assert!(db.write(|tx| boards::rename(tx, board.id, "Renamed")).is_err());
    let wal = std::fs::metadata(path.with_file_name(format!("{DB_FILE_NAME}-wal")));
    assert_eq!(wal.map_or(0, |m| m.len()), 0);
}

#[test]
fn a_database_with_changes_left_in_its_wal_is_not_read_without_them() {
    let (_dir, path, _) = where_the_shared_memory_cannot_be_made();
    // A WAL left by a window that stopped: read without it, the boards would lack their last changes, unsaid.
    std::fs::write(path.with_file_name(format!("{DB_FILE_NAME}-wal")), b"changes").unwrap();
    let Err(err) = Db::open_to_read(&path) else {
        panic!("read without its last changes");
    };
    // Said as it is, with what to do: "may read the file but not write to it (its permissions…)" named another cause.
    let text = err.to_string();
    assert!(text.contains("its last changes are in"), "{text}");
    assert!(
        text.contains("Copy the whole data folder to a disk that can be written"),
        "{text}"
    );
}

#[test]
fn data_survives_reopening() {
    let (dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap();
    let idea = db
        .write(|tx| ideas::add(tx, board.id, "Patch the bastion", Zone::Kill))
        .unwrap();
    drop(db);

    let mut db = Db::open(&dir.path().join(DB_FILE_NAME)).unwrap();
    let reopened = db.read(|tx| boards::get(tx, board.id)).unwrap();
    assert_eq!(reopened.name, "Infra");
    assert_eq!(reopened.ideas, vec![idea]);
}

#[test]
fn migrations_apply_once_and_the_sql_is_valid() {
    let mut db = Db::open_in_memory().unwrap();
    db.migrate().unwrap(); // a second run is a no-op
    let tables: i64 = db
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('boards', 'ideas')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 2);
}

/// A database at format version `version` holding `rows` (SQL), brought up to date as an older file is at open.
fn migrated_from(version: usize, rows: &str) -> Db {
    let conn = Connection::open_in_memory().unwrap();
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.execute_batch(rows).unwrap();
    conn.pragma_update(None, "user_version", i64::try_from(version).unwrap())
        .unwrap();
    let mut db = Db {
        conn,
        path: PathBuf::from(":memory:"),
    };
    db.migrate().unwrap();
    db
}

#[test]
fn the_id_migration_keeps_every_idea_and_reserves_the_ids_of_deleted_ones() {
    let mut db = migrated_from(
        3,
        "INSERT INTO boards (id, name, created_at, updated_at) VALUES (1, 'Infra', 0, 0);
         INSERT INTO ideas (id, board_id, title, payoff, cost, rank, created_at, updated_at, owner, tags)
             VALUES (3, 1, 'Kept', 70, 20, 1, 5, 6, 'ana', '[\"ci\"]');
         INSERT INTO events (board_id, idea_id, kind, summary, changes, at) VALUES (1, 9, 'deleted', '{}', '[]', 0);",
    );
    history::install_change_capture(&db.conn).unwrap();

    let kept = db.read(|tx| ideas::get(tx, 3)).unwrap();
    assert_eq!(
        (kept.title.as_str(), kept.owner.as_str(), kept.tags.clone()),
        ("Kept", "ana", vec!["ci".to_owned()])
    );
    assert_eq!(
        kept.position.map(|p| (p.payoff.tenths(), p.cost.tenths())),
        Some((70, 20))
    );
    let next = db.write(|tx| ideas::add(tx, 1, "New", Zone::Unsorted)).unwrap();
    assert_eq!(next.id, 10, "ids up to the deleted idea 9 stay reserved");
}

#[test]
fn the_sent_order_migration_orders_the_posts_already_sent_by_their_times() {
    let mut db = migrated_from(
        13,
        "INSERT INTO boards (id, name, created_at, updated_at) VALUES (1, 'Infra', 0, 0);
         INSERT INTO posts (id, board_id, status, message, snapshot, created_at, posted_at) VALUES
             (1, 1, 'posted', 'a', '[]', 0, 300),
             (2, 1, 'posted', 'b', '[]', 0, 100),
             (3, 1, 'pending', 'c', '[]', 0, NULL),
             (4, 1, 'posted', 'd', '[]', 0, 100);",
    );
    let orders: Vec<Option<i64>> = db
        .read(|tx| {
            let mut stmt = tx.prepare("SELECT sent_order FROM posts ORDER BY id")?;
            let orders = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(orders)
        })
        .unwrap();
    assert_eq!(orders, vec![Some(3), Some(1), None, Some(2)]);
}

#[test]
fn the_zone_migration_gives_every_existing_idea_its_zone() {
    // Lines at payoff 3 and cost/risk 7; one idea on each line, one unsorted.
    let mut db = migrated_from(
        11,
        "INSERT INTO boards (id, name, payoff_threshold, cost_threshold, created_at, updated_at)
             VALUES (1, 'Infra', 30, 70, 0, 0);
         INSERT INTO ideas (id, board_id, title, payoff, cost, rank, created_at, updated_at) VALUES
             (1, 1, 'Implement', 30, 69, 1, 0, 0),
             (2, 1, 'Challenge', 30, 70, 2, 0, 0),
             (3, 1, 'Possible', 29, 0, 3, 0, 0),
             (4, 1, 'Kill', 0, 100, 4, 0, 0),
             (5, 1, 'Unsorted', NULL, NULL, 5, 0, 0);",
    );
    let zones: Vec<i64> = db
        .read(|tx| {
            let mut stmt = tx.prepare("SELECT zone FROM ideas ORDER BY id")?;
            let zones = stmt
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(zones)
        })
        .unwrap();
    let expected = [
        Zone::Implement,
        Zone::Challenge,
        Zone::Possible,
        Zone::Kill,
        Zone::Unsorted,
    ]
    .map(zone_code);
    assert_eq!(zones, expected);
}

/// Moving the lines under placed ideas moves their zones with them, and the history records the lines alone: the
/// zones the database keeps are not edits.
#[test]
fn moving_the_lines_records_the_lines_alone_though_zones_follow() {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Lines")).unwrap().id;
    for n in 0..3 {
        let id = db
            .write(|tx| ideas::add(tx, board, &format!("{n}"), Zone::Unsorted))
            .unwrap()
            .id;
        let (p, c) = (
            Score::from_tenths(60).unwrap(),
            Score::from_tenths(20 + n).unwrap(),
        );
        db.write(|tx| ideas::set_position(tx, id, p, c)).unwrap();
    }
    let lines = Thresholds::new(Score::from_tenths(70).unwrap(), Score::from_tenths(50).unwrap()).unwrap();
    db.write(|tx| history::record(tx, |tx| boards::set_thresholds(tx, board, lines)))
        .unwrap();

    assert_eq!(titles_in(&mut db, board, Zone::Possible), ["0", "1", "2"]);
    let changes: i64 = db
        .read(|tx| {
            Ok(tx.query_row(
                "SELECT json_array_length(changes) FROM events ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(changes, 1, "one change: the board's lines");
}

#[test]
fn draft_ballots_kept_before_they_were_per_person_belong_to_the_account_connected() {
    let db = migrated_from(
        7,
        "INSERT INTO account (id, server, user_id, username, keeping)
             VALUES (1, 'https://chat.example.com', 'u-bo', 'bo', 'session');
         INSERT INTO round_drafts (root_post_id, server, round_id, board, estimates, sent_post_id, updated_at)
             VALUES ('p1', 'https://chat.example.com', 'r1', 'Infra', '{}', 'b1', 5);",
    );
    let row: (String, String, Option<String>) = db
        .conn
        .query_row(
            "SELECT user_id, board, sent_estimates FROM round_drafts WHERE root_post_id = 'p1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(row, ("u-bo".into(), "Infra".into(), Some("{}".into())));
}

#[test]
fn rounds_started_before_they_named_their_facilitator_belong_to_the_account_connected() {
    let db = migrated_from(
        8,
        "INSERT INTO account (id, server, user_id, username, keeping)
             VALUES (1, 'https://chat.example.com', 'u-ana', 'ana', 'session');
         INSERT INTO boards (id, name, created_at, updated_at) VALUES (1, 'Infra', 0, 0);
         INSERT INTO rounds (round_id, board_id, server, team_name, channel_id, root_post_id, private_key, record,
                 created_at)
             VALUES ('r1', 1, 'https://chat.example.com', 'infra', 'c1', 'p1', zeroblob(32), '{}', 5),
                    ('r2', 1, 'https://other.example.com', 'infra', 'c2', 'p2', zeroblob(32), '{}', 6);",
    );
    let facilitators: Vec<Option<String>> = db
        .conn
        .prepare("SELECT facilitator FROM rounds ORDER BY round_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    // The one on the account's server is the account's; the other, on a server not connected, is whoever connects.
    assert_eq!(facilitators, [Some("u-ana".to_owned()), None]);
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE boards (id INTEGER PRIMARY KEY); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = file_bytes(&path);

    let err = Db::open(&path).err().expect("a newer database must be refused");
    assert_eq!(err.kind(), ErrorKind::DatabaseTooNew);
    assert_eq!(err.path(), Some(path.as_path()));
    assert!(err.to_string().contains("format 99"), "{err}");
    assert_eq!(file_bytes(&path), before, "the file must not be modified");
    assert!(!dir.path().join("pickboard.db-wal").exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    let garbage: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &garbage).unwrap();

    let err = Db::open(&path).err().expect("garbage must be refused");
    assert_eq!(err.kind(), ErrorKind::DatabaseCorrupt);
    assert!(err.to_string().contains("left the file as it is"), "{err}");
    assert!(err.to_string().contains("where there is one"), "{err}");
    assert_eq!(file_bytes(&path), garbage);
}

#[test]
fn a_database_whose_list_of_free_pages_is_damaged_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    {
        let db = Db::open(&path).unwrap();
        db.conn
            .execute_batch("CREATE TABLE filler AS SELECT zeroblob(100000) AS b; DROP TABLE filler;")
            .unwrap();
        db.conn.pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
        db.conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Sound, with free pages, it opens.
    let bytes = file_bytes(&path);
    let trunk = u32::from_be_bytes(bytes[32..36].try_into().unwrap()) as usize;
    assert!(trunk > 0, "no free pages to damage");
    drop(Db::open(&path).unwrap());

    // The first trunk's count of leaf pages made nonsense (as 4 KiB of noise over it did): SQLite's own check
    // passes it, and the first change that needed a page failed.
    let mut bytes = file_bytes(&path);
    let page_size = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    bytes[(trunk - 1) * page_size + 4..(trunk - 1) * page_size + 8]
        .copy_from_slice(&[0x62, 0x65, 0x1B, 0x0C]);
    std::fs::write(&path, &bytes).unwrap();
    let check: String = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "quick_check", |r| r.get(0))
        .unwrap();
    assert_eq!(
        check, "ok",
        "SQLite's own check now sees it: is this check still needed?"
    );
    std::fs::write(&path, &bytes).unwrap();

    let err = Db::open(&path)
        .err()
        .expect("a damaged free list must be refused");
    assert_eq!(err.kind(), ErrorKind::DatabaseCorrupt, "{err}");
    assert!(err.to_string().contains("list of free pages is damaged"), "{err}");
    assert_eq!(file_bytes(&path), bytes);
    // Nor is such a file offered as a backup to restore.
    let err = backup::inspect(&path).expect_err("a damaged backup must be refused");
    assert!(err.to_string().contains("list of free pages is damaged"), "{err}");
}

#[test]
fn a_database_with_damaged_pages_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    {
        let mut db = Db::open(&path).unwrap();
        let board = db.write(|tx| boards::create(tx, "Infra")).unwrap();
        for i in 0..300 {
            db.write(|tx| {
                ideas::add(
                    tx,
                    board.id,
                    &format!("Idea number {i} with some text"),
                    Zone::Unsorted,
                )
            })
            .unwrap();
        }
        db.conn.pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
        db.conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Overwrite the middle of the file (past the header and the schema page) with noise.
    let mut bytes = file_bytes(&path);
    assert!(bytes.len() > 16384);
    for b in &mut bytes[8192..12288] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();

    let err = Db::open(&path).err().expect("a damaged database must be refused");
    assert_eq!(err.kind(), ErrorKind::DatabaseCorrupt, "{err}");
    assert_eq!(file_bytes(&path), bytes);
}

#[test]
fn a_damaged_database_keeps_its_wal_with_the_last_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    let copy = tempfile::tempdir().unwrap();
    let copied = copy.path().join(DB_FILE_NAME);
    {
        let mut db = Db::open(&path).unwrap();
        db.conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        let board = db.write(|tx| boards::create(tx, "Infra")).unwrap();
        db.conn.pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
        // A change that leaves the file's size, and so its first page, as they were: only the WAL has it.
        db.write(|tx| boards::rename(tx, board.id, "Only in the WAL"))
            .unwrap();
        // While it is open, the last changes are in the WAL only: the copy is a file whose WAL holds them.
        for suffix in ["", "-wal", "-shm"] {
            std::fs::copy(
                format!("{}{suffix}", path.display()),
                format!("{}{suffix}", copied.display()),
            )
            .unwrap();
        }
    }
    let wal = PathBuf::from(format!("{}-wal", copied.display()));
    let wal_before = file_bytes(&wal);
    assert!(!wal_before.is_empty());
    // Its header is damaged.
    let mut bytes = file_bytes(&copied);
    for b in &mut bytes[..100] {
        *b = 0x5A;
    }
    std::fs::write(&copied, &bytes).unwrap();

    let err = Db::open(&copied)
        .err()
        .expect("a damaged database must be refused");
    assert_eq!(err.kind(), ErrorKind::DatabaseCorrupt, "{err}");
    assert_eq!(file_bytes(&copied), bytes, "the file is left as it was");
    assert_eq!(
        file_bytes(&wal),
        wal_before,
        "its WAL, with the last changes, is left as it was"
    );
}

#[test]
fn a_data_folder_that_cannot_be_created_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"a file where the data folder should be").unwrap();

    let err = Db::open(&blocker.join(DB_FILE_NAME)).err().expect("must fail");
    assert_eq!(err.kind(), ErrorKind::DatabaseUnavailable);
    assert!(err.to_string().contains("PICKBOARD_DATA_DIR"), "{err}");
}

#[test]
fn ideas_move_between_zones_and_keep_their_order() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let [a, b, c] = ["Alpha", "Bravo", "Charlie"].map(|t| {
        db.write(|tx| ideas::add(tx, board, t, Zone::Unsorted))
            .unwrap()
            .id
    });
    assert_eq!(
        titles_in(&mut db, board, Zone::Unsorted),
        ["Alpha", "Bravo", "Charlie"]
    );

    let moved = db.write(|tx| ideas::move_to(tx, b, Zone::Implement, 0)).unwrap();
    assert_eq!(moved.zone, Zone::Implement);
    assert_eq!(
        moved.position.map(|p| Quadrant::of(p, Default::default())),
        Some(Quadrant::Implement)
    );
    db.write(|tx| ideas::move_to(tx, c, Zone::Implement, 0)).unwrap();
    assert_eq!(titles_in(&mut db, board, Zone::Implement), ["Charlie", "Bravo"]);

    // Reorder within the quadrant: Charlie to the end. The position stays, only the rank changes.
    let before = db.read(|tx| ideas::get(tx, c)).unwrap();
    let after = db.write(|tx| ideas::move_to(tx, c, Zone::Implement, 1)).unwrap();
    assert_eq!(after.position, before.position);
    assert_eq!(titles_in(&mut db, board, Zone::Implement), ["Bravo", "Charlie"]);

    // Into Kill: the nearest point half a point inside.
    let killed = db.write(|tx| ideas::move_to(tx, b, Zone::Kill, 0)).unwrap();
    assert_eq!(killed.zone, Zone::Kill);
    let p = killed.position.unwrap();
    assert_eq!((p.payoff.points(), p.cost.points()), (4.5, 5.5));

    // Back to the tray: unplaced again.
    let back = db.write(|tx| ideas::move_to(tx, a, Zone::Unsorted, 5)).unwrap();
    assert_eq!(back.position, None);
    assert_eq!(titles_in(&mut db, board, Zone::Unsorted), ["Alpha"]);
}

/// Every statement of an edit is compiled at its first use, then taken from the connection's cache: SQLite calls the
/// authorizer only while it compiles one. Before the planner was told not to look at bound values, four statements of
/// each move (the undo state, the scores before moves, the landing place, the end of a quadrant) were compiled again
/// at every move.
#[test]
fn edits_compile_their_statements_once() {
    use crate::edits;
    use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let (_dir, mut db) = temp_db();
    let compiled = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&compiled);
    db.conn
        .authorizer(Some(move |context: AuthContext<'_>| {
            // BEGIN and COMMIT aside: rusqlite's transactions run them as text, compiled each time (about 1 µs).
            if !matches!(context.action, AuthAction::Transaction { .. }) {
                counter.fetch_add(1, Ordering::Relaxed);
            }
            Authorization::Allow
        }))
        .unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let ids: Vec<i64> = (0..6)
        .map(|i| {
            db.write(|tx| edits::add_idea(tx, board, &format!("Idea {i}"), Zone::Implement))
                .unwrap()
                .id
        })
        .collect();
    let round = |db: &mut Db, n: u32| {
        let zone = if n.is_multiple_of(2) {
            Zone::Challenge
        } else {
            Zone::Implement
        };
        // Into the other quadrant, within it, and past its end.
        for (id, index) in [(ids[0], 0), (ids[0], 1), (ids[1], 9)] {
            db.write(|tx| edits::answer(tx, edits::move_idea(tx, id, zone, index)?))
                .unwrap();
        }
        // Into Possible, within it, and back to Implement.
        for (payoff, cost) in [(10, 10), (20, 20), (80, 10)] {
            let [payoff, cost] = [payoff, cost].map(|t| Score::from_tenths(t + i64::from(n)).unwrap());
            db.write(|tx| edits::answer(tx, edits::set_scores(tx, ids[2], payoff, cost)?))
                .unwrap();
        }
        db.write(|tx| edits::add_idea(tx, board, &format!("Added {n}"), Zone::Possible))
            .unwrap();
        db.write(|tx| edits::undo(tx, board, None)).unwrap();
        db.write(|tx| edits::redo(tx, board)).unwrap();
        db.read(|tx| boards::get(tx, board)).unwrap();
    };
    round(&mut db, 0);
    compiled.store(0, Ordering::Relaxed);
    for n in 1..4 {
        round(&mut db, n);
    }
    assert_eq!(
        compiled.load(Ordering::Relaxed),
        0,
        "statements were compiled again at later edits"
    );
}

/// A move or new scores answer with the idea as the database now holds it (they build the answer instead of reading
/// the row again), zone included.
#[test]
fn a_moved_or_rescored_idea_is_answered_as_stored() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let [a, b] = ["Alpha", "Bravo"].map(|t| {
        db.write(|tx| ideas::add(tx, board, t, Zone::Unsorted))
            .unwrap()
            .id
    });
    let stored = |db: &mut Db, id: i64| db.read(|tx| ideas::get(tx, id)).unwrap();
    for (zone, index) in [
        (Zone::Implement, 0),
        (Zone::Implement, 1),
        (Zone::Kill, 0),
        (Zone::Possible, 3),
        (Zone::Unsorted, 0),
    ] {
        let moved = db.write(|tx| ideas::move_to(tx, a, zone, index)).unwrap();
        assert_eq!(moved, stored(&mut db, a), "moved to {zone:?} at {index}");
        assert_eq!(moved.zone, zone);
    }
    for (payoff, cost, zone) in [
        (80, 20, Zone::Implement),
        (90, 30, Zone::Implement),
        (20, 90, Zone::Kill),
        (50, 50, Zone::Challenge),
    ] {
        let [payoff, cost] = [payoff, cost].map(|t| Score::from_tenths(t).unwrap());
        let placed = db.write(|tx| ideas::set_position(tx, b, payoff, cost)).unwrap();
        assert_eq!(placed, stored(&mut db, b), "scored {payoff:?}, {cost:?}");
        assert_eq!(placed.zone, zone);
    }
}

/// An idea added at the end goes after every idea of its board, whichever zone holds the last one (the end is looked
/// up zone by zone).
#[test]
fn the_next_rank_is_after_the_last_idea_of_any_zone() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let zones = Zone::ALL;
    let ids = zones.map(|zone| {
        db.write(|tx| ideas::add(tx, board, &format!("{zone:?}"), zone))
            .unwrap()
            .id
    });
    for (n, id) in ids.into_iter().enumerate() {
        let last = 100.0 + n as f64;
        db.conn
            .execute(
                "UPDATE ideas SET rank = ?2 WHERE id = ?1",
                rusqlite::params![id, last],
            )
            .unwrap();
        let next = db.read(|tx| ideas::next_rank(tx, board)).unwrap();
        assert_eq!(next, last + 1.0, "the last idea in {:?}", zones[n]);
    }
}

#[test]
fn ranks_are_renumbered_when_they_run_out_of_room() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let ids: Vec<i64> = (0..3)
        .map(|i| {
            db.write(|tx| ideas::add(tx, board, &format!("{i}"), Zone::Possible))
                .unwrap()
                .id
        })
        .collect();
    // Moving the last idea between the first two, again and again, halves the gap each time.
    let mut expected = vec!["0".to_owned(), "1".to_owned(), "2".to_owned()];
    for round in 0..120 {
        let id = ids[(round % 2) + 1];
        let title = db.read(|tx| ideas::get(tx, id)).unwrap().title;
        db.write(|tx| ideas::move_to(tx, id, Zone::Possible, 1)).unwrap();
        expected.retain(|t| *t != title);
        expected.insert(1, title);
        assert_eq!(
            titles_in(&mut db, board, Zone::Possible),
            expected,
            "round {round}"
        );
    }
}

/// Renumbering reads the order before it writes a rank: numbered row by row, an idea whose old rank is below an
/// earlier one's new number would take the same number, and the move that asked for room found none (CI, 2026-11-30).
#[test]
fn renumbering_keeps_the_order_when_the_old_ranks_are_out_of_id_order() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let ids: Vec<i64> = ["A", "B", "C", "D"]
        .iter()
        .map(|t| {
            db.write(|tx| ideas::add(tx, board, t, Zone::Possible))
                .unwrap()
                .id
        })
        .collect();
    // Ranks as undo and many moves leave them: B and C share one, and A, the oldest, is last.
    db.write(|tx| {
        for (id, rank) in ids.iter().zip([10.0, 0.5, 0.5, 5.0]) {
            tx.execute(
                "UPDATE ideas SET rank = ?2 WHERE id = ?1",
                rusqlite::params![id, rank],
            )?;
        }
        Ok(())
    })
    .unwrap();
    assert_eq!(titles_in(&mut db, board, Zone::Possible), ["B", "C", "D", "A"]);

    // D between B and C: no rank fits between two equal ones, so the board is renumbered first.
    db.write(|tx| ideas::move_to(tx, ids[3], Zone::Possible, 1))
        .unwrap();
    assert_eq!(titles_in(&mut db, board, Zone::Possible), ["B", "D", "C", "A"]);
    let ranks: Vec<f64> = db
        .read(|tx| {
            let mut stmt = tx.prepare("SELECT rank FROM ideas WHERE board_id = ?1 ORDER BY rank")?;
            let ranks = stmt
                .query_map([board], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(ranks)
        })
        .unwrap();
    assert!(
        ranks.windows(2).all(|w| w[0] < w[1]),
        "ranks are distinct: {ranks:?}"
    );
}

#[test]
fn deleting_and_restoring_an_idea_gives_it_back_as_it_was() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let first = db
        .write(|tx| ideas::add(tx, board, "First", Zone::Challenge))
        .unwrap();
    let second = db
        .write(|tx| ideas::add(tx, board, "Second", Zone::Challenge))
        .unwrap();
    let second = db
        .write(|tx| {
            let edit = ideas::IdeaEdit {
                title: "Second".into(),
                notes: "notes\nmore".into(),
                owner: "ana".into(),
                link: String::new(),
                tags: vec!["infra".into()],
            };
            ideas::update(tx, second.id, &edit)
        })
        .unwrap();

    let deleted = db.write(|tx| ideas::delete(tx, first.id)).unwrap();
    assert_eq!(titles_in(&mut db, board, Zone::Challenge), ["Second"]);
    let restored = db.write(|tx| ideas::restore(tx, &deleted)).unwrap();
    assert_eq!(restored, first);
    assert_eq!(titles_in(&mut db, board, Zone::Challenge), ["First", "Second"]);
    assert_eq!(
        db.read(|tx| ideas::get(tx, second.id)).unwrap().notes,
        "notes\nmore"
    );
    // Restoring twice is refused rather than duplicating.
    assert_eq!(
        db.write(|tx| ideas::restore(tx, &deleted)).unwrap_err().kind(),
        ErrorKind::Invalid
    );
}

#[test]
fn deleting_a_board_leaves_nothing_to_redo_when_it_is_brought_back() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| crate::edits::rename_board(tx, board, "Platform"))
        .unwrap();
    db.write(|tx| history::undo(tx, board)).unwrap();
    assert!(db.read(|tx| history::undo_state(tx, board)).unwrap().can_redo);
    db.write(|tx| boards::delete(tx, board)).unwrap();
    db.write(|tx| boards::restore(tx, board)).unwrap();
    assert!(!db.read(|tx| history::undo_state(tx, board)).unwrap().can_redo);
    assert_eq!(db.write(|tx| history::redo(tx, board)).unwrap(), None);
    assert_eq!(db.read(|tx| boards::summary(tx, board)).unwrap().name, "Infra");
}

#[test]
fn a_year_in_a_boards_name_is_not_counted_on_as_its_number() {
    let (_dir, mut db) = temp_db();
    for name in ["Review (2025)", "Sprint (9)"] {
        db.write(|tx| boards::create(tx, name)).unwrap();
    }
    let next = |db: &mut Db, name: &str| db.read(|tx| boards::unused_name(tx, name)).unwrap();
    assert_eq!(next(&mut db, "Review (2025)"), "Review (2025) (2)");
    assert_eq!(next(&mut db, "sprint (9)"), "sprint (10)");
}

#[test]
fn boards_are_created_renamed_duplicated_and_deleted() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "  Infra  ")).unwrap();
    assert_eq!(board.name, "Infra");
    for (t, z) in [
        ("One", Zone::Kill),
        ("Two", Zone::Unsorted),
        ("Three", Zone::Kill),
    ] {
        db.write(|tx| ideas::add(tx, board.id, t, z)).unwrap();
    }
    let renamed = db.write(|tx| boards::rename(tx, board.id, "Platform")).unwrap();
    assert_eq!(renamed.name, "Platform");

    let copy = db.write(|tx| boards::duplicate(tx, board.id)).unwrap();
    assert_eq!(copy.name, "Platform (copy)");
    // Two boards never share a name: the error says so and suggests a free one.
    let clash = db
        .write(|tx| boards::rename(tx, copy.id, "platform"))
        .unwrap_err();
    assert_eq!(
        clash.to_string(),
        "There is already a board named “Platform”. Pick another name, such as “platform (2)”."
    );
    assert!(db.write(|tx| boards::create(tx, "PLATFORM (copy)")).is_err());
    db.write(|tx| boards::rename(tx, copy.id, "Platform (Copy)"))
        .expect("its own name, in another case");
    db.write(|tx| boards::rename(tx, copy.id, "Platform (copy)"))
        .unwrap();
    assert_eq!(
        db.write(|tx| boards::duplicate(tx, board.id)).unwrap().name,
        "Platform (copy) (2)"
    );
    assert_eq!(copy.idea_count, 3);
    assert_eq!(titles_in(&mut db, copy.id, Zone::Kill), ["One", "Three"]);
    // A name numbered already counts on: "Platform (copy) (2)" taken, "(3)" follows, not "(2) (2)".
    let next = |db: &mut Db, name: &str| db.read(|tx| boards::unused_name(tx, name)).unwrap();
    assert_eq!(next(&mut db, "Platform (copy) (2)"), "Platform (copy) (3)");

    db.write(|tx| boards::delete(tx, board.id)).unwrap();
    let left = db.read(boards::list).unwrap();
    assert_eq!(
        left.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        ["Platform (copy)", "Platform (copy) (2)"]
    );
    let orphans = |db: &mut Db| -> i64 {
        db.conn
            .query_row(
                "SELECT count(*) FROM ideas WHERE board_id = ?1",
                [board.id],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(orphans(&mut db), 3, "its ideas are kept for the delete's Undo");
    assert_eq!(
        db.write(|tx| boards::delete_for_good(tx, &[copy.id]))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound,
        "a board in use is never deleted for good"
    );
    assert_eq!(db.write(boards::purge_expired).unwrap(), 0, "kept for 30 days");
    db.write(|tx| boards::delete_for_good(tx, &[board.id])).unwrap();
    assert_eq!(orphans(&mut db), 0, "deleting a board for good deletes its ideas");
    assert!(db.read(boards::deleted).unwrap().is_empty());
    assert_eq!(
        db.write(|tx| boards::delete_for_good(tx, &[board.id]))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    assert_eq!(db.read(boards::list).unwrap().len(), 2, "the others stay");
    // All that Deleted boards lists, at once, or none: one already gone keeps the others.
    let both: Vec<i64> = db.read(boards::list).unwrap().iter().map(|b| b.id).collect();
    for &id in &both {
        db.write(|tx| boards::delete(tx, id)).unwrap();
    }
    assert_eq!(
        db.write(|tx| boards::delete_for_good(tx, &[both[0], board.id]))
            .unwrap_err()
            .to_string(),
        "One of these boards was already deleted for good; nothing else was deleted."
    );
    assert_eq!(db.read(boards::deleted).unwrap().len(), 2);
    // One brought back meanwhile (the list asked from was out of date) is said so, not "deleted for good".
    db.write(|tx| boards::restore(tx, both[1])).unwrap();
    assert_eq!(
        db.write(|tx| boards::delete_for_good(tx, &[both[1]]))
            .unwrap_err()
            .to_string(),
        "“Platform (copy) (2)” was brought back meanwhile, so it was not deleted: it is in the boards list again."
    );
    db.write(|tx| boards::delete(tx, both[1])).unwrap();
    db.write(|tx| boards::delete_for_good(tx, &both)).unwrap();
    assert!(db.read(boards::deleted).unwrap().is_empty());
    assert_eq!(
        db.write(|tx| boards::rename(tx, board.id, "x"))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn a_board_brought_back_already_is_brought_back_again_as_it_is() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Noted")).unwrap();
    db.write(|tx| boards::delete(tx, board.id)).unwrap();
    // The command line brings it back while the window's toast still offers Undo, which then said "deleted for good".
    db.write(|tx| boards::restore(tx, board.id)).unwrap();
    db.write(|tx| boards::create(tx, "Other")).unwrap();
    let again = db.write(|tx| boards::restore(tx, board.id)).unwrap();
    assert_eq!((again.id, again.name.as_str()), (board.id, "Noted"));
    assert_eq!(db.read(boards::list).unwrap().len(), 2);
    // One deleted for good says so.
    db.write(|tx| boards::delete(tx, board.id)).unwrap();
    db.write(|tx| boards::delete_for_good(tx, &[board.id])).unwrap();
    assert_eq!(
        db.write(|tx| boards::restore(tx, board.id))
            .unwrap_err()
            .to_string(),
        "This board can no longer be brought back: it was deleted for good."
    );
}

#[test]
fn a_copy_just_made_is_taken_back_for_good_but_not_once_changed() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap();
    db.write(|tx| crate::edits::add_idea(tx, board.id, "Cache the builds", Zone::Kill))
        .unwrap();

    // The toast's Undo right after the duplicate: the copy goes for good, not to Deleted boards; the board stays.
    let copy = db.write(|tx| boards::duplicate(tx, board.id)).unwrap();
    db.write(|tx| boards::discard_copy(tx, copy.id)).unwrap();
    let names = |db: &mut Db| -> Vec<String> {
        db.read(boards::list)
            .unwrap()
            .into_iter()
            .map(|b| b.name)
            .collect()
    };
    assert_eq!(names(&mut db), ["Infra"]);
    assert!(db.read(boards::deleted).unwrap().is_empty());
    assert_eq!(titles_in(&mut db, board.id, Zone::Kill), ["Cache the builds"]);

    // Changed since (an idea added, then even undone), it is a board in its own right: kept, with a reason.
    let copy = db.write(|tx| boards::duplicate(tx, board.id)).unwrap();
    db.write(|tx| crate::edits::add_idea(tx, copy.id, "Drop Jenkins", Zone::Implement))
        .unwrap();
    db.write(|tx| crate::edits::undo(tx, copy.id, None)).unwrap();
    let kept = db.write(|tx| boards::discard_copy(tx, copy.id)).unwrap_err();
    assert_eq!(kept.kind(), ErrorKind::Invalid);
    assert_eq!(
        kept.to_string(),
        "“Infra (copy)” was changed since it was made, so it is kept. If it is not wanted, delete it from the board's menu (Delete…)."
    );
    assert_eq!(names(&mut db), ["Infra", "Infra (copy)"]);

    // The board itself is never taken for a copy once it has a history; one gone already says so.
    assert!(db.write(|tx| boards::discard_copy(tx, board.id)).is_err());
    db.write(|tx| boards::delete(tx, copy.id)).unwrap();
    assert_eq!(
        db.write(|tx| boards::discard_copy(tx, copy.id))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
}

#[test]
fn bad_input_is_refused_without_changing_anything() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    assert_eq!(
        db.write(|tx| ideas::add(tx, board, "   ", Zone::Unsorted))
            .unwrap_err()
            .kind(),
        ErrorKind::Invalid
    );
    let long = "x".repeat(501);
    assert_eq!(
        db.write(|tx| ideas::add(tx, board, &long, Zone::Unsorted))
            .unwrap_err()
            .kind(),
        ErrorKind::Invalid
    );
    assert_eq!(
        db.write(|tx| ideas::add(tx, 999, "Orphan", Zone::Unsorted))
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    assert!(db.read(|tx| boards::get(tx, board)).unwrap().ideas.is_empty());
}

#[test]
fn hostile_text_is_stored_exactly() {
    let (_dir, mut db) = temp_db();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let title = "<img src=x onerror=alert(1)> 'quotes' \"; DROP TABLE ideas; -- 🚀👩‍💻 עברית";
    let idea = db
        .write(|tx| ideas::add(tx, board, title, Zone::Unsorted))
        .unwrap();
    assert_eq!(idea.title, title);
}

#[test]
fn the_sample_board_has_ideas_in_every_zone() {
    let (_dir, mut db) = temp_db();
    let sample = db.write(crate::sample::create).unwrap();
    let board = db.read(|tx| boards::get(tx, sample.id)).unwrap();
    for zone in Zone::ALL {
        assert!(board.ideas.iter().any(|i| i.zone == zone), "{zone:?} is empty");
    }
}

/// One step of the property test: move idea number `pick` to `index` in `zone`.
#[derive(Debug, Clone)]
struct Step {
    pick: usize,
    zone: Zone,
    index: u32,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of moves leaves every zone in the order a plain list model predicts.
    #[test]
    fn moves_match_a_list_model(steps in proptest::collection::vec(
        (0usize..6, any_zone(), 0u32..8).prop_map(|(pick, zone, index)| Step { pick, zone, index }), 1..40)
    ) {
        let mut db = Db::open_in_memory().unwrap();
        let board = db.write(|tx| boards::create(tx, "Model")).unwrap().id;
        let ids: Vec<i64> = (0..6)
            .map(|i| db.write(|tx| ideas::add(tx, board, &format!("{i}"), Zone::Unsorted)).unwrap().id)
            .collect();
        let mut model: Vec<(Zone, Vec<i64>)> = [Zone::Unsorted, Zone::Implement, Zone::Challenge, Zone::Possible, Zone::Kill]
            .map(|z| (z, Vec::new())).into();
        model[0].1 = ids.clone();

        for step in steps {
            let id = ids[step.pick];
            let moved = db.write(|tx| ideas::move_to(tx, id, step.zone, step.index)).unwrap();
            prop_assert_eq!(moved.zone, step.zone);
            for (_, list) in &mut model { list.retain(|x| *x != id); }
            let list = &mut model.iter_mut().find(|(z, _)| *z == step.zone).unwrap().1;
            let at = (step.index as usize).min(list.len());
            list.insert(at, id);
        }
        let stored = db.read(|tx| boards::get(tx, board)).unwrap();
        for (zone, expected) in &model {
            let actual: Vec<i64> = stored.ideas.iter().filter(|i| i.zone == *zone).map(|i| i.id).collect();
            prop_assert_eq!(&actual, expected, "zone {:?}", zone);
            for idea in stored.ideas.iter().filter(|i| i.zone == *zone) {
                let quadrant = idea.position.map(|p: Position| Quadrant::of(p, stored.thresholds));
                prop_assert_eq!(quadrant, zone.quadrant());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The zone the database keeps beside each idea (migration 0012) is the one the quadrant rule (`Zone::of`) gives,
    /// after any mix of placing, moving, moving the lines, undo and redo, and in a copy of the board: positions on
    /// the lines themselves included.
    #[test]
    fn stored_zones_agree_with_the_quadrant_rule(steps in proptest::collection::vec(any_zone_step(), 1..30)) {
        let mut db = Db::open_in_memory().unwrap();
        let board = db.write(|tx| boards::create(tx, "Rule")).unwrap().id;
        let ids: Vec<i64> = (0..6)
            .map(|i| db.write(|tx| ideas::add(tx, board, &format!("{i}"), Zone::Unsorted)).unwrap().id)
            .collect();
        for step in steps {
            db.write(|tx| {
                match step {
                    ZoneStep::Place(pick, payoff, cost) => {
                        let (p, c) = (Score::from_tenths(payoff)?, Score::from_tenths(cost)?);
                        history::record(tx, |tx| ideas::set_position(tx, ids[pick], p, c))?;
                    }
                    ZoneStep::Move(pick, zone, index) => {
                        history::record(tx, |tx| ideas::move_to(tx, ids[pick], zone, index))?;
                    }
                    ZoneStep::Lines(payoff, cost) => {
                        let lines = Thresholds::new(Score::from_tenths(payoff)?, Score::from_tenths(cost)?)?;
                        history::record(tx, |tx| boards::set_thresholds(tx, board, lines))?;
                    }
                    ZoneStep::Undo => {
                        history::undo(tx, board)?;
                    }
                    ZoneStep::Redo => {
                        history::redo(tx, board)?;
                    }
                }
                Ok(())
            })
            .unwrap();
            prop_assert_eq!(zones_off_the_rule(&mut db), Vec::new(), "after {:?}", step);
        }
        db.write(|tx| boards::duplicate(tx, board)).unwrap();
        prop_assert_eq!(zones_off_the_rule(&mut db), Vec::new(), "in the copy");
    }
}

#[derive(Debug, Clone, Copy)]
enum ZoneStep {
    Place(usize, i64, i64),
    Move(usize, Zone, u32),
    Lines(i64, i64),
    Undo,
    Redo,
}

fn any_zone_step() -> impl Strategy<Value = ZoneStep> {
    // Scores and lines from a few values, so that positions land on the lines often.
    let tenths = || prop_oneof![Just(10i64), Just(50), Just(51), 0i64..=100];
    let line = || prop_oneof![Just(10i64), Just(50), Just(51), 1i64..=100];
    prop_oneof![
        (0usize..6, tenths(), tenths()).prop_map(|(i, p, c)| ZoneStep::Place(i, p, c)),
        (0usize..6, any_zone(), 0u32..6).prop_map(|(i, z, n)| ZoneStep::Move(i, z, n)),
        (line(), line()).prop_map(|(p, c)| ZoneStep::Lines(p, c)),
        Just(ZoneStep::Undo),
        Just(ZoneStep::Redo),
    ]
}

/// Ideas whose stored zone is not the one the quadrant rule gives them: (id, stored code, the rule's code).
fn zones_off_the_rule(db: &mut Db) -> Vec<(i64, i64, i64)> {
    db.read(|tx| {
        let mut stmt = tx.prepare(
            "SELECT i.id, i.payoff, i.cost, i.zone, b.payoff_threshold, b.cost_threshold
             FROM ideas i JOIN boards b ON b.id = i.board_id ORDER BY i.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<i64>>(1)?.zip(r.get::<_, Option<i64>>(2)?),
                    r.get::<_, i64>(3)?,
                    (r.get::<_, i64>(4)?, r.get::<_, i64>(5)?),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut off = Vec::new();
        for (id, scores, stored, (payoff_line, cost_line)) in rows {
            let lines = Thresholds::new(Score::from_tenths(payoff_line)?, Score::from_tenths(cost_line)?)?;
            let position = match scores {
                Some((payoff, cost)) => Some(Position {
                    payoff: Score::from_tenths(payoff)?,
                    cost: Score::from_tenths(cost)?,
                }),
                None => None,
            };
            let rule = zone_code(Zone::of(position, lines));
            if stored != rule {
                off.push((id, stored, rule));
            }
        }
        Ok(off)
    })
    .unwrap()
}

/// Makes a file unchangeable for the test's length, even to root (`chattr +i`), or says why it cannot.
struct Unchangeable(PathBuf);

impl Unchangeable {
    fn make(path: &Path) -> Option<Unchangeable> {
        let done = std::process::Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .is_ok_and(|s| s.success());
        if done {
            return Some(Unchangeable(path.to_owned()));
        }
        // Not root: the permissions are enough.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o400)).ok()?;
            if std::fs::OpenOptions::new().write(true).open(path).is_err() {
                return Some(Unchangeable(path.to_owned()));
            }
        }
        None
    }
}

impl Drop for Unchangeable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .status();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o600));
        }
    }
}

#[test]
fn a_database_file_that_cannot_be_written_is_refused_at_open_not_at_the_first_change() {
    let (dir, db) = temp_db();
    drop(db);
    let path = dir.path().join(DB_FILE_NAME);
    let Some(_held) = Unchangeable::make(&path) else {
        eprintln!("skipped: this file system cannot make a file unchangeable here");
        return;
    };
    let err = Db::open(&path).map(|_| ()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::DatabaseUnavailable, "{err}");
    assert!(
        err.to_string().contains("may read the file but not write to it"),
        "{err}"
    );
}

#[test]
fn the_shown_board_is_the_one_asked_for_else_the_first_of_the_list() {
    let (_dir, mut db) = temp_db();
    assert_eq!(db.read(|tx| boards::shown(tx, None)).unwrap(), None);
    let web = db.write(|tx| boards::create(tx, "web")).unwrap().id;
    let infra = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let shown = |db: &mut Db, wanted| db.read(|tx| boards::shown(tx, wanted)).unwrap();
    assert_eq!(shown(&mut db, Some(web)), Some((web, "web".into())));
    assert_eq!(shown(&mut db, Some(infra)), Some((infra, "Infra".into())));
    // None asked for, or one deleted: the list's first, as the window shows it (by name, case aside).
    assert_eq!(shown(&mut db, None), Some((infra, "Infra".into())));
    db.write(|tx| boards::delete(tx, infra)).unwrap();
    assert_eq!(shown(&mut db, Some(infra)), Some((web, "web".into())));
}
