use super::*;
use crate::domain::Zone;
use crate::edits;
use crate::storage::{boards, DB_FILE_NAME};

fn open(dir: &Path) -> Db {
    Db::open(&dir.join(DB_FILE_NAME)).unwrap()
}

fn names_in(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn titles(db: &mut Db) -> Vec<String> {
    db.read(|tx| {
        let mut out = Vec::new();
        for b in boards::list(tx)? {
            out.extend(boards::get(tx, b.id)?.ideas.into_iter().map(|i| i.title));
        }
        Ok(out)
    })
    .unwrap()
}

#[test]
fn backup_names_carry_their_time() {
    let ms = 1_795_491_296_000; // 2026-11-24 03:34:56 UTC
    assert_eq!(stamp(ms), "pickboard-2026-11-24-033456");
    assert_eq!(time_from_name("pickboard-2026-11-24-033456.db"), Some(ms));
    assert_eq!(
        time_from_name("pickboard-2026-11-24-033456-before-restore.db"),
        Some(ms)
    );
    assert_eq!(time_from_name("notes.db"), None);
}

#[test]
fn a_daily_backup_is_made_once_a_day_and_only_the_newest_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| edits::add_idea(tx, board, "Cache the CI images", Zone::Implement))
        .unwrap();

    let made = daily(&db, dir.path())
        .unwrap()
        .expect("the first start of the day makes one");
    assert!(daily(&db, dir.path()).unwrap().is_none(), "the second does not");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&made).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let listed = list(dir.path()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].boards, listed[0].ideas, listed[0].problem.as_deref()),
        (Some(1), Some(1), None)
    );
    assert!((listed[0].created_at - now_ms()).abs() < 5_000);
    // Listing reads each backup without touching it: no -wal or -shm file is made beside it.
    let beside: Vec<String> = names_in(&dir.path().join(DIR))
        .into_iter()
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");

    // Twenty older ones from earlier days: after the next backup only the newest KEEP days' remain, today's two
    // among them.
    for day in 1..=20 {
        fs::copy(
            &made,
            dir.path()
                .join(DIR)
                .join(format!("pickboard-2026-10-{day:02}-120000.db")),
        )
        .unwrap();
    }
    let next = make(&db, dir.path(), "").unwrap();
    let left: Vec<String> = list(dir.path())
        .unwrap()
        .into_iter()
        .map(|b| b.file_name)
        .collect();
    assert_eq!(left.len(), KEEP + 1);
    assert!(left.contains(&next.file_name().unwrap().to_string_lossy().into_owned()));
    assert!(
        left.iter().all(|n| n.as_str() >= "pickboard-2026-10-08"),
        "{left:?}"
    );
}

#[test]
fn quitting_with_no_board_keeps_the_days_earlier_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    db.write(|tx| boards::create(tx, "Infra")).unwrap();
    let kept = at_quit(&db, dir.path()).unwrap().unwrap();
    // The database file deleted while Pickboard ran: the next start makes an empty one, and quits.
    drop(db);
    fs::remove_file(dir.path().join(DB_FILE_NAME)).unwrap();
    let empty = open(dir.path());
    assert_eq!(at_quit(&empty, dir.path()).unwrap(), None);
    assert!(kept.exists(), "the only copy of the board was replaced");
    assert_eq!(inspect(&kept).unwrap(), (1, 0));
}

#[test]
fn quitting_backs_up_the_days_work_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let started = daily(&db, dir.path()).unwrap().unwrap();
    db.write(|tx| edits::add_idea(tx, board, "The first evening's work", Zone::Implement))
        .unwrap();
    let first = at_quit(&db, dir.path()).unwrap().unwrap();
    assert_eq!(inspect(&first).unwrap(), (1, 1), "the day's work is in it");
    db.write(|tx| edits::add_idea(tx, board, "More", Zone::Kill))
        .unwrap();
    let second = at_quit(&db, dir.path()).unwrap().unwrap();
    assert_eq!(inspect(&second).unwrap(), (1, 2));
    // The day's start and its last quit: the earlier quit's is replaced.
    let mut left = names_in(&dir.path().join(DIR));
    left.sort();
    let mut expected = vec![
        started.file_name().unwrap().to_string_lossy().into_owned(),
        second.file_name().unwrap().to_string_lossy().into_owned(),
    ];
    expected.sort();
    assert_eq!(left, expected);
}

/// A board "Infra" with one idea, "Before the backup", then a backup: the board's id and the backup's path.
fn backed_up_board(db: &mut Db, dir: &Path) -> (i64, std::path::PathBuf) {
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| edits::add_idea(tx, board, "Before the backup", Zone::Implement))
        .unwrap();
    (board, make(db, dir, "").unwrap())
}

#[test]
fn restoring_while_the_database_is_open_brings_back_the_backup_and_keeps_the_current_state_aside() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let (board, backup) = backed_up_board(&mut db, dir.path());
    db.write(|tx| edits::add_idea(tx, board, "After the backup", Zone::Kill))
        .unwrap();

    let name = backup.file_name().unwrap().to_str().unwrap().to_owned();
    let restored = restore(&mut db, dir.path(), &name).unwrap();
    assert!(restored.kept.is_empty());
    let safety = super::dir(dir.path()).join(&restored.safety);
    assert_eq!(titles(&mut db), ["Before the backup"]);
    assert_eq!(
        inspect(&safety).unwrap(),
        (1, 2),
        "the state before the restore is kept"
    );

    // The restored database works as before: edits are saved and can be undone, and it survives reopening.
    db.write(|tx| edits::add_idea(tx, board, "After the restore", Zone::Possible))
        .unwrap();
    db.write(|tx| edits::undo(tx, board, None)).unwrap();
    db.write(|tx| edits::add_idea(tx, board, "Kept", Zone::Possible))
        .unwrap();
    drop(db);
    let mut db = open(dir.path());
    assert_eq!(titles(&mut db), ["Before the backup", "Kept"]);
}

/// A team round of `board`, with its private key.
fn add_round(db: &mut Db, board: i64, round: &str, key: u8) {
    db.write(|tx| {
        tx.execute(
            "INSERT INTO rounds (round_id, board_id, server, team_name, channel_id, root_post_id, private_key, record,
                                 created_at)
             VALUES (?1, ?2, 'https://chat.example.com', 'infra', 'ch1', ?1 || '-post', ?3, '{}', 1)",
            rusqlite::params![round, board, vec![key; 32]],
        )?;
        Ok(())
    })
    .unwrap();
}

/// What Pickboard knows of Mattermost, in short.
#[derive(Debug, PartialEq)]
struct MattermostSide {
    /// Each round with the first byte of its key.
    rounds: Vec<(String, u8)>,
    /// Each post with its status.
    posts: Vec<(i64, String)>,
    account: Vec<String>,
    /// Each round joined with its estimates.
    drafts: Vec<String>,
}

fn mattermost_side(db: &mut Db) -> MattermostSide {
    db.read(|tx| {
        let rows = |sql: &str| -> Result<Vec<(String, String)>> {
            let mut statement = tx.prepare(sql)?;
            let found = statement
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(found)
        };
        let rounds = rows("SELECT round_id, hex(substr(private_key, 1, 1)) FROM rounds ORDER BY round_id")?
            .into_iter()
            .map(|(id, key)| (id, u8::from_str_radix(&key, 16).unwrap()))
            .collect();
        let posts = rows("SELECT CAST(id AS TEXT), status FROM posts ORDER BY id")?
            .into_iter()
            .map(|(id, status)| (id.parse().unwrap(), status))
            .collect();
        let account = rows("SELECT username, server FROM account")?
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        let drafts = rows("SELECT round_id, estimates FROM round_drafts ORDER BY round_id")?
            .into_iter()
            .map(|(id, estimates)| format!("{id} {estimates}"))
            .collect();
        Ok(MattermostSide {
            rounds,
            posts,
            account,
            drafts,
        })
    })
    .unwrap()
}

#[test]
fn a_restore_keeps_what_lives_on_mattermost_as_it_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    let only_in_backup = db.write(|tx| boards::create(tx, "Old")).unwrap().id;
    db.write(|tx| edits::add_idea(tx, board, "Before the backup", Zone::Implement))
        .unwrap();
    add_round(&mut db, board, "round-a", 1);
    add_round(&mut db, only_in_backup, "round-old", 9);
    db.write(|tx| {
        tx.execute_batch(
            "INSERT INTO account (id, server, user_id, username, keeping)
                 VALUES (1, 'https://chat.example.com', 'u1', 'ana', 'session');
             INSERT INTO posts (id, board_id, status, message, snapshot, created_at)
                 VALUES (1, 1, 'pending', 'Outcome', '[]', 1);
             INSERT INTO post_parts (post_id, seq, text, next_attempt_at) VALUES (1, 0, 'Outcome', 1);
             INSERT INTO round_drafts (root_post_id, server, user_id, round_id, board, estimates, updated_at)
                 VALUES ('p9', 'https://chat.example.com', 'u1', 'joined', 'Theirs', '{\"k\":1}', 1);",
        )?;
        Ok(())
    })
    .unwrap();
    let backup = make(&db, dir.path(), "").unwrap();

    // After the backup: a second round, the post sent, the ballot changed, another account, "Old" deleted for good.
    add_round(&mut db, board, "round-b", 2);
    db.write(|tx| {
        tx.execute_batch(
            "UPDATE posts SET status = 'posted', posted_at = 2;
             UPDATE post_parts SET sent_at = 2, remote_id = 'r1';
             UPDATE round_drafts SET estimates = '{\"k\":7}';
             UPDATE account SET username = 'bo', user_id = 'u2';",
        )?;
        boards::delete(tx, only_in_backup)?;
        boards::delete_for_good(tx, &[only_in_backup])?;
        edits::add_idea(tx, board, "After the backup", Zone::Kill)?;
        Ok(())
    })
    .unwrap();
    let now = mattermost_side(&mut db);

    let name = backup.file_name().unwrap().to_str().unwrap().to_owned();
    restore(&mut db, dir.path(), &name).unwrap();
    assert_eq!(
        titles(&mut db),
        ["Before the backup"],
        "the boards are the backup's"
    );
    let after = mattermost_side(&mut db);
    assert_eq!(
        after.rounds,
        [
            ("round-a".into(), 1),
            ("round-b".into(), 2),
            ("round-old".into(), 9)
        ],
        "the round started since keeps its key; the board only the backup has keeps its round"
    );
    assert_eq!(
        after.posts, now.posts,
        "the post sent since is not waiting to go out again"
    );
    let sent: Option<i64> = db
        .read(|tx| {
            Ok(
                tx.query_row("SELECT sent_at FROM post_parts WHERE post_id = 1", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(sent, Some(2));
    assert_eq!(after.account, ["bo"]);
    assert_eq!(after.drafts, ["joined {\"k\":7}"]);
}

#[test]
fn a_board_made_since_the_backup_with_rounds_or_posts_stays_whole_and_another_goes() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let (board, backup) = backed_up_board(&mut db, dir.path());

    // Made since: a board with an idea moved once, a team round and a post. The restore took all of it, and the
    // round's key with it: its members' sealed ballots could never be read.
    let since = db.write(|tx| boards::create(tx, "Made since")).unwrap().id;
    let idea = db
        .write(|tx| edits::add_idea(tx, since, "Since the backup", Zone::Kill))
        .unwrap();
    db.write(|tx| edits::answer_move(tx, idea.id, Zone::Implement, 0))
        .unwrap();
    add_round(&mut db, since, "round-since", 5);
    db.write(|tx| {
        tx.execute(
            "INSERT INTO posts (id, board_id, status, message, snapshot, created_at) VALUES (1, ?1, 'posted', 'Outcome', '[]', 1)",
            [since],
        )?;
        Ok(())
    })
    .unwrap();
    let gone = db.write(|tx| boards::create(tx, "Nothing posted")).unwrap().id;
    let name = backup.file_name().unwrap().to_str().unwrap().to_owned();
    let restored = restore(&mut db, dir.path(), &name).unwrap();
    assert_eq!(
        restored.kept,
        ["Made since"],
        "the window says which board was kept"
    );

    assert!(
        db.read(|tx| boards::get(tx, gone)).is_err(),
        "the restore takes it"
    );
    let kept = db.read(|tx| boards::get(tx, since)).unwrap();
    assert_eq!(kept.name, "Made since");
    let titles: Vec<(String, Zone)> = kept.ideas.iter().map(|i| (i.title.clone(), i.zone)).collect();
    assert_eq!(titles, [("Since the backup".to_owned(), Zone::Implement)]);
    let side = mattermost_side(&mut db);
    assert_eq!(side.rounds, [("round-since".into(), 5)]);
    assert_eq!(side.posts, [(1, "posted".into())]);
    // Its history came with it, and is its own: Undo takes back the move, then nothing of another board.
    let undone = db.write(|tx| edits::undo(tx, since, None)).unwrap();
    assert_eq!(undone.board.ideas[0].zone, Zone::Kill);
    let before = db.read(|tx| boards::get(tx, board)).unwrap();
    assert_eq!(before.ideas.len(), 1, "the backup's board is the backup's");
}

#[test]
fn a_backup_file_made_anywhere_is_restored_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| edits::add_idea(tx, board, "Before the backup", Zone::Implement))
        .unwrap();
    // "Back up now…" to a folder of the user's choosing.
    let file = elsewhere.path().join("pickboard-backup-2026-12-02.db");
    db.backup_to(&file).unwrap();
    db.write(|tx| edits::add_idea(tx, board, "After the backup", Zone::Kill))
        .unwrap();

    let info = inspect_file(&db, &file).unwrap();
    assert_eq!((info.boards, info.ideas), (Some(1), Some(1)));
    // A board deleted a moment ago, kept for its Undo, is not counted in a backup of it.
    let gone = db.write(|tx| boards::create(tx, "Deleted")).unwrap().id;
    db.write(|tx| edits::add_idea(tx, gone, "On a deleted board", Zone::Kill))
        .unwrap();
    db.write(|tx| boards::delete(tx, gone)).unwrap();
    let other = tempfile::tempdir().unwrap();
    let with_deleted = other.path().join("with-a-deleted-board.db");
    db.backup_to(&with_deleted).unwrap();
    assert_eq!(inspect(&with_deleted).unwrap(), (1, 2));
    assert_eq!(info.file_name, file.display().to_string());
    let safety = super::dir(dir.path()).join(restore_file(&mut db, dir.path(), &file).unwrap().safety);
    assert_eq!(titles(&mut db), ["Before the backup"]);
    assert_eq!(inspect(&safety).unwrap(), (1, 2), "the state before it is kept");
    assert_eq!(
        names_in(elsewhere.path()),
        ["pickboard-backup-2026-12-02.db"],
        "no -wal or -shm beside the file restored"
    );

    // The copy of the boards as they are, made first, failing (here: its folder cannot be made) restores nothing, and
    // says so first.
    let blocked = tempfile::tempdir().unwrap();
    fs::write(
        super::dir(blocked.path()),
        b"a file where the backups folder goes",
    )
    .unwrap();
    let err = restore_file(&mut db, blocked.path(), &file).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Nothing was restored, and your boards are as they were."),
        "{err}"
    );
    assert_eq!(titles(&mut db), ["Before the backup"]);

    // A file gone between the choice and the confirmation says so.
    fs::remove_file(&file).unwrap();
    let err = restore_file(&mut db, dir.path(), &file).unwrap_err();
    assert!(err.to_string().starts_with("There is no file at"), "{err}");

    // Neither the open database nor a file that is not a backup is taken.
    let err = inspect_file(&db, &dir.path().join(DB_FILE_NAME)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("This is the database Pickboard has open"),
        "{err}"
    );
    // Each says what the file is instead, from how it begins.
    let refused = |name: &str, bytes: &[u8]| {
        let file = elsewhere.path().join(name);
        fs::write(&file, bytes).unwrap();
        inspect_file(&db, &file).unwrap_err().to_string()
    };
    assert!(
        refused("notes.db", b"shopping list").ends_with(
            "cannot be restored: it is a text file, not a backup (a CSV file is opened with File › Import…)."
        ),
        "{}",
        refused("notes.db", b"shopping list")
    );
    assert!(refused("board.db", b" {\"format\": \"pickboard-board\"}")
        .ends_with("it is a board file, not a backup. Open it with File › Import… instead."));
    assert!(refused("empty.db", b"").ends_with("cannot be restored: the file is empty."));
    let whole = fs::read(dir.path().join(DB_FILE_NAME)).unwrap();
    let cut = refused("cut.db", &whole[..whole.len().min(4096) / 2]);
    assert!(
        cut.ends_with("it is a database, but damaged or cut short, or not one of Pickboard's."),
        "{cut}"
    );
}

#[test]
fn damaged_backups_are_listed_with_the_reason_and_never_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    db.write(|tx| boards::create(tx, "Infra")).unwrap();
    fs::create_dir_all(dir.path().join(DIR)).unwrap();
    fs::write(
        dir.path().join(DIR).join("pickboard-2026-11-01-080000.db"),
        b"not a database at all",
    )
    .unwrap();
    let listed = list(dir.path()).unwrap();
    assert_eq!(listed.len(), 1);
    let problem = listed[0].problem.as_deref().unwrap_or_default();
    assert!(
        problem.starts_with("This backup cannot be restored:"),
        "in a backup's words, not the database's: {problem}"
    );
    let err = restore(&mut db, dir.path(), "pickboard-2026-11-01-080000.db").unwrap_err();
    assert!(err.to_string().contains("could not read"), "{err}");
    assert_eq!(db.read(boards::list).unwrap().len(), 1, "nothing changed");
    assert_eq!(
        list(dir.path()).unwrap().len(),
        1,
        "and no safety backup was needed"
    );

    let err = restore(&mut db, dir.path(), "../pickboard.db").unwrap_err();
    assert_eq!(err.to_string(), "There is no backup named ../pickboard.db.");
}

#[test]
fn a_backup_to_a_folder_that_does_not_exist_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path());
    let err = db
        .backup_to(&dir.path().join("missing").join("copy.db"))
        .unwrap_err();
    assert!(err.to_string().contains("does not exist"), "{err}");
}

#[test]
fn a_damaged_database_is_put_aside_and_a_backup_takes_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    for n in 0..200 {
        db.write(|tx| edits::add_idea(tx, board, &format!("Idea {n} {}", "x".repeat(200)), Zone::Kill))
            .unwrap();
    }
    let backup = make(&db, dir.path(), "").unwrap();
    let name = backup.file_name().unwrap().to_str().unwrap().to_owned();
    drop(db);
    // Garbage over the middle of the file, as a failing disk leaves it.
    let path = dir.path().join(DB_FILE_NAME);
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 16_384, "{} bytes", bytes.len());
    bytes[4096..16_384].fill(0xA5);
    fs::write(&path, &bytes).unwrap();
    let Err(Error::DatabaseCorrupt { .. }) = Db::open(&path) else {
        panic!("the garbage was not seen");
    };

    // A name that is not a backup's moves nothing.
    assert!(recover(dir.path(), Some("elsewhere.db")).is_err());
    assert_eq!(fs::read(&path).unwrap(), bytes);

    let aside = recover(dir.path(), Some(&name)).unwrap();
    assert!(aside
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("pickboard-damaged-20"));
    assert_eq!(
        fs::read(&aside).unwrap(),
        bytes,
        "the damaged file is kept as it was"
    );
    let mut db = Db::open(&path).unwrap();
    assert_eq!(titles(&mut db).len(), 200);
    drop(db);

    // Without a backup: the damaged file goes aside, and the next start makes a new, empty database.
    bytes = fs::read(&path).unwrap();
    bytes[4096..16_384].fill(0x5A);
    fs::write(&path, &bytes).unwrap();
    let second = recover(dir.path(), None).unwrap();
    assert_ne!(second, aside, "the first damaged file is not overwritten");
    assert!(!path.exists());
    let mut db = Db::open(&path).unwrap();
    assert!(titles(&mut db).is_empty());
}

#[test]
fn a_failed_daily_backup_is_said_of_the_backup_not_of_the_last_change() {
    // The disk's own words ("your last change was not saved") are not true of a backup.
    let said = daily_failed(&Error::DiskFull);
    assert!(
        said.starts_with(
            "Today's backup could not be made: the disk is full. Your boards are saved as always"
        ),
        "{said}"
    );
    assert!(!said.contains("last change"), "{said}");

    // A folder where "backups" cannot be made: the file's own words, one full stop.
    let dir = tempfile::tempdir().unwrap();
    let db = open(dir.path());
    std::fs::write(dir.path().join("backups"), "not a folder").unwrap();
    let err = daily(&db, dir.path()).unwrap_err();
    let said = daily_failed(&err);
    assert!(said.starts_with("Today's backup could not be made: "), "{said}");
    assert!(!said.contains(".."), "{said}");
    assert!(
        said.ends_with("Pickboard tries again the next time it starts."),
        "{said}"
    );
}

#[test]
fn a_backup_is_never_made_onto_the_open_database_or_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = open(dir.path());
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| edits::add_idea(tx, board, "Before the backup", Zone::Implement))
        .unwrap();
    let inside = dir.path().join("backups");
    fs::create_dir_all(&inside).unwrap();
    let link = dir.path().join("link.db");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join(DB_FILE_NAME), &link).unwrap();
    let wal = dir.path().join(format!("{DB_FILE_NAME}-wal"));
    for onto in [
        dir.path().join(DB_FILE_NAME),
        inside.join("..").join(DB_FILE_NAME),
        link,
        wal.clone(),
        dir.path().join(format!("{DB_FILE_NAME}-shm")),
    ] {
        let err = db.backup_to(&onto).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::File, "{}", onto.display());
        assert!(
            err.to_string().ends_with(
                "is the database Pickboard has open, and saving there would replace it. Choose another name or \
                 folder."
            ),
            "{err}"
        );
    }
    // Nothing was replaced: what is written next is kept, and read back from the file.
    db.write(|tx| edits::add_idea(tx, board, "After the backup", Zone::Kill))
        .unwrap();
    drop(db);
    let mut db = open(dir.path());
    assert_eq!(titles(&mut db), ["Before the backup", "After the backup"]);
    // A file of another name beside it is an ordinary backup.
    db.backup_to(&dir.path().join("pickboard-copy.db")).unwrap();
    assert_eq!(inspect(&dir.path().join("pickboard-copy.db")).unwrap(), (1, 2));

    // Nor onto one of the folder's own backups, by any name, nor as a new file among them.
    let day = make(&db, dir.path(), "").unwrap();
    db.write(|tx| edits::add_idea(tx, board, "After the day's backup", Zone::Kill))
        .unwrap();
    // A link to a file not made yet there, too: it made one, listed as a backup.
    let link_in = dir.path().join("to-backups.db");
    #[cfg(unix)]
    std::os::unix::fs::symlink(inside.join("mine.db"), &link_in).unwrap();
    for onto in [
        day.clone(),
        inside.join("..").join("backups").join("mine.db"),
        link_in,
    ] {
        let err = db.backup_to(&onto).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "is in Pickboard's own backups folder, where only Pickboard saves, and could replace one of its \
                 backups. Choose another folder."
            ),
            "{err}"
        );
    }
    assert_eq!(inspect(&day).unwrap(), (1, 2), "the day's backup is as it was");
    assert!(!inside.join("mine.db").exists());
}
