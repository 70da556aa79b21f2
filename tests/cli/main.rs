//! The command line, run as a person or a cron job would: the real binary, a real database folder, and a real HTTP
//! server on 127.0.0.1 that answers as Mattermost does.

use std::process::Command;

use pickboard_e2e::disk::SmallDisk;
use pickboard_e2e::mattermost::{FakeMattermost, Reply};
use pickboard_e2e::{app_binary, TestResult};
use pickboard_lib::domain::Zone;
use pickboard_lib::mattermost::outbox::{self, ChannelSettingsInput};
use pickboard_lib::storage::{boards, Db, DB_FILE_NAME};

mod account;
mod posting;

const BOARD: &str = "Platform team — next quarter";

/// `pickboard export --board BOARD --format csv -o to`.
fn export_csv(data: &std::path::Path, to: &std::path::Path) -> (i32, String, String) {
    pickboard(
        data,
        &[
            "export",
            "--board",
            BOARD,
            "--format",
            "csv",
            "-o",
            to.to_str().unwrap(),
        ],
    )
}

fn pickboard(data: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(app_binary())
        .args(args)
        .env("PICKBOARD_DATA_DIR", data)
        .output()
        .expect("run pickboard");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// The sample board in `dir`, posting to `url`.
fn board_posting_to(dir: &std::path::Path, url: &str) -> TestResult {
    let mut db = Db::open(&dir.join(DB_FILE_NAME))?;
    let board = db.write(pickboard_lib::sample::create)?.id;
    let settings = ChannelSettingsInput {
        webhook_url: url.into(),
        channel: String::new(),
        username: String::new(),
        icon_url: String::new(),
    };
    db.write(|tx| outbox::save_settings(tx, board, &settings))?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn post_sends_the_outcome_to_the_channel() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, stdout, stderr) = pickboard(
        dir.path(),
        &[
            "post",
            "--board",
            "platform team — next quarter",
            "--note",
            "From the cron job",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Posted to Mattermost.\n"), "{stdout}");
    let received = server.bodies();
    assert_eq!(received.len(), 1);
    let body: serde_json::Value = serde_json::from_str(&received[0])?;
    let text = body["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("#### PICK outcome: Platform team — next quarter"),
        "{text}"
    );
    assert!(text.contains("> From the cron job"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_prints_the_message_and_sends_nothing() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, stdout, _) = pickboard(dir.path(), &["post", "--board", BOARD, "--dry-run"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("**:large_green_circle: Implement**"), "{stdout}");
    assert!(server.bodies().is_empty(), "a dry run sent a request");
    Ok(())
}

/// The outcome's title is dated in the computer's time zone, as the window dates it, not in UTC: at the same moment,
/// UTC+14 and UTC−12 are on two different days.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outcome_is_dated_in_the_computers_time_zone() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    board_posting_to(dir.path(), &server.url)?;
    let hour = 3_600_000;
    // POSIX time zones, which need no time zone database: "XXX-14" is 14 hours ahead of UTC.
    for (tz, offset) in [("XXX-14", 14 * hour), ("YYY+12", -12 * hour)] {
        // "Dec 6, 2026", as the window writes it, of the day there.
        let day_at = |ms: i64| {
            let iso = pickboard_lib::mattermost::message::utc_date(ms + offset);
            let [year, month, day] = [&iso[..4], &iso[5..7], &iso[8..]];
            let months = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let month = months[month.parse::<usize>().unwrap_or(1) - 1];
            format!("{month} {}, {year}", day.trim_start_matches('0'))
        };
        let now = || {
            let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            i64::try_from(since.map(|d| d.as_millis()).unwrap_or_default()).unwrap_or_default()
        };
        let before = day_at(now());
        let out = Command::new(app_binary())
            .args(["post", "--board", BOARD, "--dry-run"])
            .env("PICKBOARD_DATA_DIR", dir.path())
            .env("TZ", tz)
            .output()?;
        let after = day_at(now());
        let stdout = String::from_utf8_lossy(&out.stdout);
        let title = stdout.lines().next().unwrap_or_default();
        assert!(
            title.ends_with(&format!(" · {before}")) || title.ends_with(&format!(" · {after}")),
            "TZ={tz}: {title}, expected {before}"
        );
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_post_says_why_exits_4_and_stays_in_the_outbox() -> TestResult {
    let dir = tempfile::tempdir()?;
    let invalid = r#"{"id":"web.incoming_webhook.invalid.app_error","message":"Invalid webhook.","request_id":"abc123","status_code":400}"#;
    let server = FakeMattermost::answering(0, move |_, n| {
        Some(Reply::status(400, invalid).with_header("X-Request-Id", format!("req{n}")))
    })
    .await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, _, stderr) = pickboard(dir.path(), &["post", "--board", BOARD]);
    assert_eq!(code, 4, "{stderr}");
    assert!(
        stderr.contains("Mattermost does not know this webhook"),
        "{stderr}"
    );
    assert!(
        stderr.contains("request id req0"),
        "the X-Request-Id header is reported: {stderr}"
    );
    assert!(
        !stderr.contains("xq9k3rj1d7nbtefhw8o5yzpa4c"),
        "the webhook id must not be printed: {stderr}"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_names_and_wrong_words_get_clear_errors_and_distinct_codes() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    board_posting_to(dir.path(), &server.url)?;
    let (code, _, stderr) = pickboard(dir.path(), &["post", "--board", "Nope"]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains("no board named \"Nope\". The boards are: \"Platform team — next quarter\"."),
        "{stderr}"
    );
    let (code, _, stderr) = pickboard(dir.path(), &["post"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("post needs --board"), "{stderr}");
    // An option given twice is refused: the last one was used without a word.
    let (code, _, stderr) = pickboard(dir.path(), &["export", "--board", "A", "--board", "B", "-o", "-"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--board is given twice: give it once"),
        "{stderr}"
    );
    // What is wrong, then this command's usage alone: under the whole usage the one line scrolled out of sight.
    let (code, _, stderr) = pickboard(dir.path(), &["export", "--board", "A", "-o", "-"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(
            "pickboard: export needs --format json|csv|md|png|svg\n\nUsage:\n  pickboard export --board"
        ),
        "{stderr}"
    );
    assert!(
        !stderr.contains("pickboard import") && stderr.ends_with("`pickboard --help` shows every command.\n"),
        "{stderr}"
    );
    let (code, _, _) = pickboard(dir.path(), &["frobnicate"]);
    assert_eq!(code, 2);
    let (code, stdout, _) = pickboard(dir.path(), &["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("pickboard post --board <name>"));
    // A command's --help shows the usage, not an error; as a note's value it is the note.
    for args in [
        &["boards", "--help"][..],
        &["post", "--board", "A", "--help"],
        &["export", "-h"],
        &["import", "--help", "backlog.csv"],
        &["backup", "--help"],
    ] {
        let (code, stdout, stderr) = pickboard(dir.path(), args);
        assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
        assert!(
            stdout.contains("pickboard export --board <name>"),
            "{args:?}: {stdout}"
        );
    }
    let (code, _, stderr) = pickboard(
        dir.path(),
        &["post", "--board", "Nowhere", "--note", "--help", "--dry-run"],
    );
    assert_eq!(code, 3, "{stderr}");
    Ok(())
}

#[test]
fn boards_export_import_and_backup_work_from_the_command_line() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let mut db = Db::open(&data.join(DB_FILE_NAME))?;
    db.write(pickboard_lib::sample::create)?;
    drop(db);

    let (code, stdout, _) = pickboard(&data, &["boards"]);
    assert_eq!(code, 0);
    assert!(stdout.contains(BOARD) && stdout.contains("ideas"), "{stdout}");

    // Every format, to a file; the format follows the extension or --format.
    for ext in ["json", "csv", "md", "png", "svg"] {
        let out = dir.path().join(format!("board.{ext}"));
        let (code, _, stderr) = pickboard(&data, &["export", "--board", BOARD, "-o", out.to_str().unwrap()]);
        assert_eq!(code, 0, "{ext}: {stderr}");
        let bytes = std::fs::read(&out)?;
        match ext {
            "json" => assert!(pickboard_lib::transfer::json::parse(&bytes).is_ok()),
            "csv" => assert!(bytes.starts_with("\u{feff}Title,Quadrant,Payoff,Cost/risk".as_bytes())),
            "md" => assert!(String::from_utf8(bytes)?.contains("#### PICK outcome: Platform team")),
            "png" => {
                assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
                let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
                assert_eq!((size(16), size(20)), (1920, 1080));
            }
            _ => assert!(String::from_utf8(bytes)?.starts_with("<svg")),
        }
    }
    let (code, stdout, _) = pickboard(&data, &["export", "--board", BOARD, "--format", "md", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("#### PICK outcome"));
    // A format under another format's name is refused, and the file named is left as it was.
    let json = dir.path().join("board.json");
    let before = std::fs::read(&json)?;
    let (code, _, stderr) = export_csv(&data, &json);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("is named for another format than --format csv: end its name in .csv"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&json)?, before);

    // The board file imports as a new board; a Jira CSV as a new board, then into it.
    let json = dir.path().join("board.json");
    let (code, stdout, _) = pickboard(&data, &["import", json.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Imported \"Platform team — next quarter (2)\" with"),
        "{stdout}"
    );
    // A board file edited by hand with a score Pickboard would not write is imported rounded, and says so.
    let edited = dir.path().join("edited.json");
    std::fs::write(
        &edited,
        r#"{"format": "pickboard-board", "version": 2, "exportedAt": 0,
            "board": {"name": "Hand edited", "thresholds": {"payoff": 5, "cost": 5}, "createdAt": 0, "updatedAt": 0},
            "ideas": [{"id": 1, "title": "Tune probes", "position": {"payoff": 7.77, "cost": 2}, "rank": 1,
                "createdAt": 0, "updatedAt": 0}]}"#,
    )?;
    let (code, _, stderr) = pickboard(&data, &["import", edited.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "1 score has more decimals than the one Pickboard keeps: \"Tune probes\"'s 7.77 becomes 7.8."
        ),
        "{stderr}"
    );
    // Named after a board that exists, a board file is refused, not imported as "… (3)" without a word: --board
    // reads as "into that board". With --new-board, it is imported under the free name offered.
    let (code, stdout, stderr) = pickboard(
        &data,
        &[
            "import",
            json.to_str().unwrap(),
            "--board",
            // In other capitals and with two spaces: the same name, as boards keep it.
            " platform  team — next quarter",
        ],
    );
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(
        stderr.contains(
            "A board file becomes a new board, and a board is named \"Platform team — next quarter\" already: \
             nothing was imported. Name the new board with --board, or add --new-board to import it as \
             \"Platform team — next quarter (3)\"."
        ),
        "{stderr}"
    );
    let (code, stdout, _) = pickboard(
        &data,
        &[
            "import",
            json.to_str().unwrap(),
            "--board",
            "Platform team — next quarter",
            "--new-board",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Imported \"Platform team — next quarter (3)\" with"),
        "{stdout}"
    );
    let jira = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../src-tauri/tests/fixtures/jira-export.csv"
    );
    let (code, stdout, _) = pickboard(&data, &["import", jira, "--board", "From Jira"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "Imported 6 ideas into \"From Jira\".\n")
    );
    let (code, stdout, stderr) = pickboard(&data, &["import", jira, "--board", "from jira"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "Imported 6 ideas into \"From Jira\".\n")
    );
    // The same file again into the same board: said, as the window says it, and done.
    assert!(
        stderr.contains(
            "6 ideas of this file have the title of one on \"From Jira\" already: they are added again."
        ),
        "{stderr}"
    );
    // A name a letter or two off a board's is a likely typo: refused, and nothing is imported, unless --new-board.
    let (code, stdout, stderr) = pickboard(&data, &["import", jira, "--board", "Form Jira"]);
    assert_eq!((code, stdout.as_str()), (3, ""), "{stderr}");
    assert!(
        stderr.contains(
            "There is no board named \"Form Jira\". Did you mean \"From Jira\"? Nothing was imported"
        ),
        "{stderr}"
    );
    let (code, stdout, stderr) = pickboard(&data, &["import", jira, "--board", "Form Jira", "--new-board"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "Imported 6 ideas into \"Form Jira\".\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Making a new board, as --new-board asks."),
        "{stderr}"
    );
    assert_eq!(ideas_of(&data, "From Jira").len(), 12);
    // --new-board with a board's own name: a new board beside it, under a free name.
    let (code, stdout, _) = pickboard(&data, &["import", jira, "--board", "From Jira", "--new-board"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "Imported 6 ideas into \"From Jira (2)\".\n")
    );
    // The next sprint is no typo of this one's name; an empty name is no name.
    let (code, _, stderr) = pickboard(&data, &["import", jira, "--board", "From Jira 7"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("No board is named \"From Jira 7\": making a new one."),
        "{stderr}"
    );
    assert_eq!(pickboard(&data, &["import", jira, "--board", " "]).0, 2);
    let (code, _, stderr) = pickboard(&data, &["import", jira, "--board", "\u{200B}\u{FEFF}"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!stderr.contains("making a new one"), "{stderr}");

    // A CSV with a bad row imports nothing, says which row and why, and exits 6.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Title;Payoff;Cost\nGood;7;2\nBad;12;2\n")?;
    let (code, _, stderr) = pickboard(&data, &["import", bad.to_str().unwrap()]);
    assert_eq!(code, 6);
    assert!(
        stderr.contains("Row 3, column \"Payoff\": 12 is outside the 0 to 10 scale."),
        "{stderr}"
    );
    let (_, stdout, _) = pickboard(&data, &["boards"]);
    assert!(!stdout.contains("bad"), "nothing was imported: {stdout}");
    let (code, stdout, _) = pickboard(&data, &["import", bad.to_str().unwrap(), "--skip-bad-rows"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("Imported 1 idea into \"bad\".\nSkipped 1 row:\n  Row 3"),
        "{stdout}"
    );

    // A backup holds every board.
    let copy = dir.path().join("copy.db");
    let (code, _, stderr) = pickboard(&data, &["backup", "-o", copy.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    // Every board: the nine made above.
    assert_eq!(pickboard_lib::storage::backup::inspect(&copy)?.0, 9);
    // Never onto the database itself, which it replaced (and the window, open on it, lost what it wrote after).
    let own = data.join(pickboard_lib::storage::DB_FILE_NAME);
    let (code, _, stderr) = pickboard(&data, &["backup", "-o", own.to_str().unwrap()]);
    assert_eq!(code, 6, "{stderr}");
    assert!(
        stderr.contains("is the database Pickboard has open, and saving there would replace it"),
        "{stderr}"
    );
    // Nor an export, which put a CSV file in its place.
    let (code, _, stderr) = export_csv(&data, &own);
    assert_eq!(code, 6, "{stderr}");
    assert!(stderr.contains("is the database Pickboard has open"), "{stderr}");
    assert_eq!(pickboard_lib::storage::backup::inspect(&own)?.0, 9);

    // Wrong input: distinct codes.
    assert_eq!(
        pickboard(&data, &["export", "--board", BOARD, "--format", "doc", "-o", "x"]).0,
        2
    );
    assert_eq!(
        pickboard(&data, &["export", "--board", "Nope", "-o", "x.csv"]).0,
        3
    );
    let missing = dir.path().join("missing.csv");
    let (code, _, stderr) = pickboard(&data, &["import", missing.to_str().unwrap()]);
    assert_eq!(code, 6);
    assert!(stderr.contains("There is no file at"), "{stderr}");
    Ok(())
}

/// A Jira-style export saved with semicolons, with the two score columns added by hand.
const JIRA_STYLE_HEADER: &str = "Summary;Assignee;Labels;Description;Issue key;payoff;cost/risk\n";

/// An imported idea: title, quadrant, and payoff and cost/risk when placed.
type Imported = (String, Zone, Option<(f64, f64)>);

/// The ideas of the board named `name` in `data`.
fn ideas_of(data: &std::path::Path, name: &str) -> Vec<Imported> {
    let mut db = Db::open(&data.join(DB_FILE_NAME)).expect("open the database");
    let id = db
        .read(|tx| boards::find_by_name(tx, name))
        .expect("the board")
        .id;
    let board = db.read(|tx| boards::get(tx, id)).expect("read the board");
    board
        .ideas
        .into_iter()
        .map(|i| {
            let scores = i.position.map(|p| (p.payoff.points(), p.cost.points()));
            (i.title, i.zone, scores)
        })
        .collect()
}

/// Without `PICKBOARD_DATA_DIR`, on a computer where Pickboard has no data yet, a command that works on boards made
/// before answers as on an empty folder and makes nothing: `pickboard boards` made the app's data folder and a
/// database in it.
#[test]
fn the_apps_own_data_folder_is_not_made_by_what_only_needs_boards() -> TestResult {
    let home = tempfile::tempdir()?;
    let out = home.path().join("out.md");
    let run = |args: &[&str]| {
        let out = Command::new(app_binary())
            .args(args)
            .env_remove("PICKBOARD_DATA_DIR")
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("HOME", home.path())
            .output()
            .expect("run pickboard");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, stderr) = run(&["boards"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "There are no boards yet.\n"),
        "{stderr}"
    );
    for args in [
        &["boards", "--deleted"][..],
        &["export", "--board", BOARD, "-o", out.to_str().unwrap()],
        &["post", "--board", BOARD],
        &["post", "--board", BOARD, "--dry-run"],
        &["restore", "--board", BOARD],
        &["backup", "-o", out.to_str().unwrap()],
    ] {
        let (code, stdout, stderr) = run(args);
        assert!(code == 0 || code == 3, "{args:?}: {code} {stdout}{stderr}");
    }
    let (code, _, stderr) = run(&["backup", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 3);
    assert!(stderr.contains("There is nothing to back up yet"), "{stderr}");
    assert!(!home.path().join("data").exists(), "a data folder was made");
    assert!(!out.exists());
    Ok(())
}

/// A command that works on boards made before, pointed by `PICKBOARD_DATA_DIR` at a folder with no database (a path
/// mistyped), says so and makes nothing there: it made the folder and a database, and said "There are no boards yet."
#[test]
fn a_data_folder_with_no_database_is_refused_by_what_needs_boards_and_left_unmade() -> TestResult {
    let dir = tempfile::tempdir()?;
    let typo = dir.path().join("pickbaord");
    let out = dir.path().join("out.md");
    for args in [
        &["boards"][..],
        &["boards", "--deleted"],
        &["export", "--board", BOARD, "-o", out.to_str().unwrap()],
        &["post", "--board", BOARD],
        &["post", "--board", BOARD, "--dry-run"],
        &["restore", "--board", BOARD],
        &["backup", "-o", out.to_str().unwrap()],
    ] {
        let (code, stdout, stderr) = pickboard(&typo, args);
        assert_eq!(code, 3, "{args:?}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!(
                "There is no Pickboard data in {} (PICKBOARD_DATA_DIR names it): check the folder's path.",
                typo.display()
            )),
            "{args:?}: {stderr}"
        );
        assert!(!typo.exists(), "{args:?} made the folder");
    }
    // Set to nothing (`PICKBOARD_DATA_DIR="$DIR"`, DIR unset), it meant the app's own folder, the person's boards.
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "Title\nFirst\n")?;
    for args in [
        &["boards"][..],
        &["import", csv.to_str().unwrap(), "--board", "New"],
    ] {
        let (code, stdout, stderr) = pickboard(std::path::Path::new(""), args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(
            stderr.contains(
                "PICKBOARD_DATA_DIR is set, but to nothing: set it to the data folder, or unset it"
            ),
            "{stderr}"
        );
    }
    // An import may start a data folder.
    let (code, stdout, stderr) = pickboard(&typo, &["import", csv.to_str().unwrap(), "--board", "New"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let (_, stdout, _) = pickboard(&typo, &["boards"]);
    assert!(stdout.starts_with("New  "), "{stdout}");
    Ok(())
}

/// `backup -o -` writes the copy to standard output, as `export -o -` does: it wrote a file named "-", and
/// `pickboard backup -o - | gzip` had nothing.
#[test]
fn backup_to_standard_output_writes_the_database_there() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let csv = dir.path().join("rows.csv");
    std::fs::write(&csv, "Title\nKept in the copy\n")?;
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--board", "Copied"]);
    assert_eq!(code, 0, "{stderr}");
    let out = Command::new(app_binary())
        .args(["backup", "-o", "-"])
        .env("PICKBOARD_DATA_DIR", &data)
        .current_dir(dir.path())
        .output()?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dir.path().join("-").exists(), "a file named -");
    let copy = dir.path().join("copy").join(DB_FILE_NAME);
    std::fs::create_dir(copy.parent().unwrap())?;
    std::fs::write(&copy, &out.stdout)?;
    assert!(out.stdout.starts_with(b"SQLite format 3\0"));
    let (_, listed, _) = pickboard(copy.parent().unwrap(), &["boards"]);
    assert!(listed.starts_with("Copied  "), "{listed}");
    Ok(())
}

/// `backup -o -` stopped while it writes (its reader gone, Ctrl+C) leaves no copy of the database in the temporary
/// folder: the copy is taken out of the folder once it is open. It stayed there, the whole database, readable.
#[test]
fn backup_to_standard_output_leaves_no_copy_behind_when_stopped() -> TestResult {
    use std::io::Read;
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let temporary = dir.path().join("tmp");
    std::fs::create_dir(&temporary)?;
    let csv = dir.path().join("rows.csv");
    let rows: String = (0..3_000)
        .map(|n| format!("Row {n} with some words to it,7,2\n"))
        .collect();
    std::fs::write(&csv, format!("Title,Payoff,Cost\n{rows}"))?;
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--board", "Big"]);
    assert_eq!(code, 0, "{stderr}");
    let mut child = Command::new(app_binary())
        .args(["backup", "-o", "-"])
        .env("PICKBOARD_DATA_DIR", &data)
        .env("TMPDIR", &temporary)
        .stdout(std::process::Stdio::piped())
        .spawn()?;
    // The first bytes are out, and the rest wait for a reader that reads no more (a pipe holds 64 KiB; the copy is
    // larger): the command is in the middle of writing, as when it is stopped.
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .ok_or("no standard output")?
        .read_exact(&mut first)?;
    assert_eq!(&first, b"SQLite format 3\0");
    let left: Vec<_> = std::fs::read_dir(&temporary)?.collect();
    child.kill()?;
    child.wait()?;
    assert!(left.is_empty(), "left in the temporary folder: {left:?}");
    Ok(())
}

/// Imports run at once into a board not made yet make that one board, as one after the other would: five made "Par",
/// "Par (2)", … "Par (5)", each saying it imported into a board nobody asked for.
#[test]
fn imports_at_once_into_a_board_not_made_yet_make_one_board() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let csv = dir.path().join("rows.csv");
    let rows: String = (0..5_000).map(|n| format!("Row {n},7,2\n")).collect();
    std::fs::write(&csv, format!("Title,Payoff,Cost\n{rows}"))?;
    let runs = (0..4)
        .map(|_| {
            Command::new(app_binary())
                .args(["import", csv.to_str().unwrap(), "--board", "Par"])
                .env("PICKBOARD_DATA_DIR", &data)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
        })
        .collect::<Result<Vec<_>, _>>()?;
    for run in runs {
        let out = run.wait_with_output()?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(stdout.trim(), "Imported 5,000 ideas into \"Par\".");
    }
    let (_, listed, _) = pickboard(&data, &["boards"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert_eq!(ideas_of(&data, "Par").len(), 20_000);
    Ok(())
}

/// A file with one score's column alone says how --map imports it: the rows said "Choose one", in the window's words,
/// and --bad-scores-unsorted did not help.
#[test]
fn a_csv_with_one_score_column_alone_says_how_map_imports_it() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let csv = dir.path().join("payoff.csv");
    std::fs::write(&csv, "Title,Payoff\r\nA,3\r\n")?;
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--bad-scores-unsorted"]);
    assert_eq!(code, 6, "{stderr}");
    assert!(
        stderr.contains(
            "Only the payoff has a column (\"Payoff\"): choose the cost/risk's with --map <column>=cost, or import \
             without scores with --map \"Payoff\"=ignore."
        ),
        "{stderr}"
    );
    let (code, stdout, stderr) = pickboard(
        &data,
        &["import", csv.to_str().unwrap(), "--map", "Payoff=ignore"],
    );
    assert_eq!(
        (code, stdout.as_str()),
        (0, "Imported 1 idea into \"payoff\".\n"),
        "{stderr}"
    );
    Ok(())
}

/// A CSV file with no column named like a title is refused, naming its columns, until --map says which holds the
/// titles: "foo,bar,baz" imported its first column's values as ideas, and exited 0.
#[test]
fn a_csv_with_no_title_column_is_refused_until_map_says_which_it_is() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let file = dir.path().join("wrong-header.csv");
    std::fs::write(
        &file,
        "foo,bar,baz\n1,Rotate TLS certificates,y\nx,Patch the bastion,z\n",
    )?;
    let (code, stdout, stderr) = pickboard(&data, &["import", file.to_str().unwrap(), "--board", "Infra Q3"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains(
            "no column is named like a title (Title, Summary, Idea, Name, Item, Task): say which column holds the \
             titles with --map <column>=title. The file's columns: \"foo\", \"bar\", \"baz\"."
        ),
        "{stderr}"
    );
    let (_, boards, _) = pickboard(&data, &["boards"]);
    assert!(!boards.contains("Infra Q3"), "nothing was imported: {boards}");

    let (code, stdout, stderr) = pickboard(
        &data,
        &[
            "import",
            file.to_str().unwrap(),
            "--board",
            "Infra Q3",
            "--map",
            "bar=title",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "Imported 2 ideas into \"Infra Q3\".\n");

    // Ten thousand columns: the message names a few, not all.
    let wide = dir.path().join("wide.csv");
    let header: Vec<String> = (0..10_000).map(|n| format!("c{n}")).collect();
    std::fs::write(
        &wide,
        format!("{}\n{}\n", header.join(","), vec!["0"; 10_000].join(",")),
    )?;
    let (code, _, stderr) = pickboard(&data, &["import", wide.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("\"c7\", and 9992 more."),
        "{}",
        &stderr[..stderr.len().min(600)]
    );
    Ok(())
}

#[test]
fn a_jira_style_csv_imports_its_payoff_and_cost_columns_and_says_how_it_mapped_them() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let file = dir.path().join("jira-style.csv");
    std::fs::write(
        &file,
        format!(
            "{JIRA_STYLE_HEADER}\
             Cache Docker layers;ana;ci;Builds are slow;INFRA-1;8;2\n\
             Replace Jenkins;bob;ci;A big job;INFRA-2;7,5;9\n\
             Rename the repository;;;;INFRA-3;2;1\n\
             Rewrite the deployer;;;;INFRA-4;3;8\n\
             Look at tracing;;;;INFRA-5;;\n"
        ),
    )?;
    let (code, stdout, stderr) = pickboard(&data, &["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "Imported 5 ideas into \"jira-style\".\n");
    assert!(
        stderr.contains(
            "Columns: Summary → title, Assignee → owner, Labels → tags, Description → notes, \
             Issue key → key, payoff → payoff, cost/risk → cost\n"
        ),
        "the mapping is printed on standard error: {stderr}"
    );
    let mut ideas = ideas_of(&data, "jira-style");
    ideas.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        ideas,
        [
            ("Cache Docker layers".into(), Zone::Implement, Some((8.0, 2.0))),
            ("Look at tracing".into(), Zone::Unsorted, None),
            ("Rename the repository".into(), Zone::Possible, Some((2.0, 1.0))),
            ("Replace Jenkins".into(), Zone::Challenge, Some((7.5, 9.0))),
            ("Rewrite the deployer".into(), Zone::Kill, Some((3.0, 8.0))),
        ]
    );
    Ok(())
}

#[test]
fn bad_scores_in_a_jira_style_csv_are_refused_by_row_and_column() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let file = dir.path().join("scores.csv");
    std::fs::write(
        &file,
        format!(
            "{JIRA_STYLE_HEADER}\
             Cache Docker layers;ana;ci;;INFRA-1;8;2\n\
             Vague idea;bob;;;INFRA-2;lots;3\n\
             Too costly;;;;INFRA-3;5;11\n"
        ),
    )?;
    let (code, stdout, stderr) = pickboard(&data, &["import", file.to_str().unwrap()]);
    assert_eq!(code, 6, "{stdout}{stderr}");
    assert!(
        stderr.contains("Row 3, column \"payoff\": \"lots\" is not a number."),
        "{stderr}"
    );
    assert!(
        stderr.contains("Row 4, column \"cost/risk\": 11 is outside the 0 to 10 scale."),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    let (_, stdout, _) = pickboard(&data, &["boards"]);
    assert_eq!(stdout, "There are no boards yet.\n", "nothing was imported");

    let (code, stdout, stderr) = pickboard(&data, &["import", file.to_str().unwrap(), "--skip-bad-rows"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("Imported 1 idea into \"scores\".\nSkipped 2 rows:\n  Row 3, column \"payoff\""),
        "{stdout}"
    );
    assert_eq!(
        ideas_of(&data, "scores"),
        [("Cache Docker layers".into(), Zone::Implement, Some((8.0, 2.0)))]
    );
    // The message offers the other way out, which keeps those rows' ideas: into Unsorted, without their scores.
    let (code, _, stderr) = pickboard(&data, &["import", file.to_str().unwrap(), "--board", "again"]);
    assert_eq!(code, 6);
    assert!(
        stderr.contains(
            "or with --bad-scores-unsorted to import the rows whose scores cannot be read into Unsorted."
        ),
        "{stderr}"
    );
    let (code, stdout, stderr) = pickboard(
        &data,
        &[
            "import",
            file.to_str().unwrap(),
            "--board",
            "kept",
            "--bad-scores-unsorted",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "Imported 3 ideas into \"kept\".\n");
    assert_eq!(
        ideas_of(&data, "kept"),
        [
            ("Cache Docker layers".into(), Zone::Implement, Some((8.0, 2.0))),
            ("Vague idea".into(), Zone::Unsorted, None),
            ("Too costly".into(), Zone::Unsorted, None),
        ]
    );
    Ok(())
}

#[test]
fn import_says_when_scores_are_kept_to_one_decimal() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let file = dir.path().join("decimals.csv");
    std::fs::write(&file, "Title,Payoff,Cost\nCache layers,7.25,2\n")?;
    let (code, _, stderr) = pickboard(&data, &["import", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr
            .contains("1 score has more decimals than the one Pickboard keeps: row 2's 7.25 becomes 7.3.\n"),
        "{stderr}"
    );
    Ok(())
}

#[test]
fn map_chooses_the_columns_by_hand() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let file = dir.path().join("by-hand.csv");
    // Value would be taken for the payoff and Comment for the notes; the scores are really in Gain and Pain.
    std::fs::write(
        &file,
        "Idea,Value,Gain,Pain,Who,Comment\n\
         Cache Docker layers,n/a,8,2,ana,not for the notes\n\
         Replace Jenkins,n/a,7,9,bob,\n",
    )?;
    let (code, stdout, stderr) = pickboard(
        &data,
        &[
            "import",
            file.to_str().unwrap(),
            "--map",
            "gain=payoff",
            "--map",
            "Pain=cost",
            "--map",
            "Comment=ignore",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "Imported 2 ideas into \"by-hand\".\n");
    assert!(
        stderr.contains(
            "Columns: Idea → title, Gain → payoff, Pain → cost, Who → owner; not used: Value, Comment\n"
        ),
        "{stderr}"
    );
    let mut db = Db::open(&data.join(DB_FILE_NAME))?;
    let id = db.read(|tx| boards::find_by_name(tx, "by-hand"))?.id;
    let board = db.read(|tx| boards::get(tx, id))?;
    assert!(
        board.ideas.iter().all(|i| i.notes.is_empty()),
        "Comment is ignored"
    );
    drop(db);
    let mut ideas = ideas_of(&data, "by-hand");
    ideas.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        ideas,
        [
            ("Cache Docker layers".into(), Zone::Implement, Some((8.0, 2.0))),
            ("Replace Jenkins".into(), Zone::Challenge, Some((7.0, 9.0))),
        ]
    );
    Ok(())
}

#[test]
fn a_wrong_map_exits_2_and_says_what_is_wrong() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let file = dir.path().join("scores.csv");
    std::fs::write(&file, format!("{JIRA_STYLE_HEADER}Cache;ana;ci;;INFRA-1;8;2\n"))?;
    let path = file.to_str().unwrap();
    let cases = [
        (
            "Priority=payoff",
            "--map Priority=payoff: there is no column named \"Priority\". The columns are: Summary, Assignee, \
             Labels, Description, Issue key, payoff, cost/risk.",
        ),
        (
            "payoff=priority",
            "--map payoff=priority: there is no field \"priority\". The fields are: title, notes, owner, link, \
             tags, payoff, cost, key, ignore.",
        ),
        ("payoff", "--map payoff: write it as COLUMN=FIELD"),
    ];
    for (map, message) in cases {
        let (code, stdout, stderr) = pickboard(&data, &["import", path, "--map", map]);
        assert_eq!(code, 2, "{map}: {stdout}{stderr}");
        assert!(stderr.contains(message), "{map}: {stderr}");
    }
    let (code, _, stderr) = pickboard(
        &data,
        &[
            "import",
            path,
            "--map",
            "Summary=title",
            "--map",
            "Assignee=title",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("title can come from one column only, not from both \"Summary\" and \"Assignee\""),
        "{stderr}"
    );
    let (_, stdout, _) = pickboard(&data, &["boards"]);
    assert_eq!(stdout, "There are no boards yet.\n", "nothing was imported");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_board_with_nothing_in_its_quadrants_posts_nothing_and_says_why() -> TestResult {
    let dir = tempfile::tempdir()?;
    let server = FakeMattermost::ok(0).await?;
    {
        let mut db = Db::open(&dir.path().join(DB_FILE_NAME))?;
        let board = db.write(|tx| boards::create(tx, "Empty one"))?.id;
        db.write(|tx| pickboard_lib::edits::add_idea(tx, board, "Still unsorted", Zone::Unsorted))?;
        let settings = ChannelSettingsInput {
            webhook_url: server.url.clone(),
            channel: String::new(),
            username: String::new(),
            icon_url: String::new(),
        };
        db.write(|tx| outbox::save_settings(tx, board, &settings))?;
    }
    // It posted "_Nothing here._" under each quadrant, which the window's Post to channel refuses.
    for args in [
        &["post", "--board", "Empty one"][..],
        &["post", "--board", "Empty one", "--dry-run"][..],
    ] {
        let (code, stdout, stderr) = pickboard(dir.path(), args);
        assert_eq!(code, 6, "{args:?}: {stdout}{stderr}");
        assert!(
            stderr.contains("Nothing to post yet: the outcome lists the ideas placed in the four quadrants"),
            "{stderr}"
        );
    }
    assert!(server.received().is_empty(), "nothing went out");
    Ok(())
}

#[test]
fn a_deleted_board_is_listed_named_in_errors_and_restored_from_the_command_line() -> TestResult {
    let dir = tempfile::tempdir()?;
    let data = dir.path().join("data");
    let mut db = Db::open(&data.join(DB_FILE_NAME))?;
    let board = db.write(pickboard_lib::sample::create)?;
    let (code, stdout, _) = pickboard(&data, &["boards", "--deleted"]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "No board was deleted in the last 30 days.\n")
    );
    db.write(|tx| boards::delete(tx, board.id))?;
    drop(db);

    let (code, stdout, _) = pickboard(&data, &["boards", "--deleted"]);
    assert_eq!(code, 0);
    let line = stdout.lines().next().unwrap_or_default();
    assert!(line.starts_with(BOARD), "{stdout}");
    assert!(
        line.contains(&format!("{} ideas  deleted ", board.idea_count)),
        "{stdout}"
    );
    assert!(line.contains(", kept until "), "{stdout}");
    // Every board deleted: it said "There are no boards yet.", as on a new data folder.
    let (code, stdout, _) = pickboard(&data, &["boards"]);
    assert_eq!(
        (code, stdout.as_str()),
        (
            0,
            "There are no boards: 1 was deleted in the last 30 days. `pickboard boards --deleted` lists it, and \
             `pickboard restore --board <name>` brings it back.\n"
        )
    );

    // A script that posts or exports the deleted board is told how to bring it back, not that it never was.
    let (code, _, stderr) = pickboard(&data, &["export", "--board", BOARD, "--format", "md", "-o", "-"]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains(&format!("The board \"{BOARD}\" was deleted on ",))
            && stderr.contains(&format!("`pickboard restore --board \"{BOARD}\"`")),
        "{stderr}"
    );
    // An import named after it is refused too: it made a second board of its name, and the restore "… (2)".
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, "Title,Payoff,Cost\nOne more,8,2\n")?;
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--board", BOARD]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains("Nothing was imported: bring it back first with `pickboard restore --board"),
        "{stderr}"
    );
    // And one named after it with a typo: it made a new board of the typo.
    let typo = BOARD.replace("Platform", "Platfrom");
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--board", &typo]);
    assert_eq!(code, 3, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "Did you mean \"{BOARD}\"? The board \"{BOARD}\" was deleted on "
        )) && stderr.contains("Nothing was imported: bring it back first with `pickboard restore --board"),
        "{stderr}"
    );
    let (_, stdout, _) = pickboard(&data, &["boards"]);
    assert!(
        stdout.starts_with("There are no boards: 1 was deleted"),
        "nothing was imported: {stdout}"
    );
    // Also beside a board whose name is a letter off: "Did you mean" that one was said instead.
    let near = format!("{BOARD}!");
    let mut db = Db::open(&data.join(DB_FILE_NAME))?;
    let near_id = db.write(|tx| boards::create(tx, &near))?.id;
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--board", BOARD]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains(&format!("The board \"{BOARD}\" was deleted on "))
            && stderr.contains("Nothing was imported: bring it back first with `pickboard restore --board"),
        "{stderr}"
    );
    db.write(|tx| {
        boards::delete(tx, near_id)?;
        boards::delete_for_good(tx, &[near_id])
    })?;
    drop(db);
    let (_, stdout, _) = pickboard(&data, &["boards"]);
    assert!(
        stdout.starts_with("There are no boards: 1 was deleted"),
        "nothing was imported: {stdout}"
    );
    let (code, _, stderr) = pickboard(&data, &["restore", "--board", "Nothing here"]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains("No deleted board is named \"Nothing here\"."),
        "{stderr}"
    );

    // Any case, as the other commands read a board's name; the board comes back with every idea.
    let (code, stdout, stderr) = pickboard(&data, &["restore", "--board", &BOARD.to_uppercase()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        format!("Restored \"{BOARD}\" with {} ideas.\n", board.idea_count)
    );
    let back = Db::open(&data.join(DB_FILE_NAME))?.read(boards::list)?;
    assert_eq!(
        back.iter()
            .map(|b| (b.name.as_str(), b.idea_count))
            .collect::<Vec<_>>(),
        [(BOARD, board.idea_count)]
    );
    let (code, _, stderr) = pickboard(&data, &["restore", "--board", BOARD]);
    assert_eq!(code, 3);
    assert!(stderr.contains("is not deleted: nothing to restore."), "{stderr}");
    let (_, stdout, _) = pickboard(&data, &["boards", "--deleted"]);
    assert_eq!(stdout, "No board was deleted in the last 30 days.\n");
    Ok(())
}

/// A backup onto a disk without room for it says so, and leaves nothing there: SQLite's journal of the copy stayed,
/// a hidden ".b.db.1234.part-journal" on the full disk.
#[test]
fn a_backup_onto_a_full_disk_says_so_and_leaves_nothing_there() -> TestResult {
    let Some(disk) = SmallDisk::mount("64k")? else {
        return Ok(());
    };
    let data = tempfile::tempdir()?;
    // A database larger than the disk, and than the copy's page cache (2 MB), which it then writes out through its
    // journal: 50,000 ideas, 3.7 MB.
    let csv = data.path().join("many.csv");
    let rows: String = (0..50_000).map(|i| format!("Idea number {i},5,5\n")).collect();
    std::fs::write(&csv, format!("Title,Payoff,Cost\n{rows}"))?;
    assert_eq!(pickboard(data.path(), &["import", csv.to_str().unwrap()]).0, 0);
    let dest = disk.path().join("b.db");
    let (code, _, stderr) = pickboard(data.path(), &["backup", "-o", dest.to_str().unwrap()]);
    assert_eq!(code, 6, "{stderr}");
    assert!(stderr.contains("The disk is full"), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(disk.path())?
        .map(|e| e.map(|e| e.file_name()))
        .collect::<Result<_, _>>()?;
    assert!(left.is_empty(), "{left:?}");
    Ok(())
}

/// A database that cannot be opened for want of room says the disk is full: SQLite says "disk I/O error", and the
/// advice that followed it was to check the folder's permissions. What only reads still works.
#[test]
fn a_data_folder_on_a_full_disk_says_the_disk_is_full_and_is_still_read() -> TestResult {
    let Some(disk) = SmallDisk::mount("8m")? else {
        return Ok(());
    };
    let data = disk.path().join("data");
    let board = Db::open(&data.join(DB_FILE_NAME))?.write(pickboard_lib::sample::create)?;
    let out = tempfile::tempdir()?;
    let csv = out.path().join("more.csv");
    std::fs::write(&csv, "Title,Payoff,Cost\nOne more,8,2\n")?;
    let filler = disk.fill()?;
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--board", BOARD]);
    assert_eq!(code, 5, "{stderr}");
    assert!(stderr.contains("the disk that holds it is full"), "{stderr}");
    assert!(
        !stderr.contains("permission") && !stderr.contains("may write"),
        "{stderr}"
    );
    let (code, stdout, stderr) = pickboard(&data, &["boards"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!(" {} ideas  changed ", board.idea_count)),
        "{stdout}"
    );

    // With room again, the board is as it was.
    std::fs::remove_file(filler)?;
    assert_eq!(Db::open(&data.join(DB_FILE_NAME))?.read(boards::list)?.len(), 1);
    Ok(())
}

#[test]
fn a_data_folder_on_a_read_only_disk_is_still_listed_exported_and_backed_up() -> TestResult {
    let Some(disk) = SmallDisk::mount("8m")? else {
        return Ok(());
    };
    let data = disk.path().join("data");
    let mut db = Db::open(&data.join(DB_FILE_NAME))?;
    let board = db.write(pickboard_lib::sample::create)?;
    drop(db);
    disk.make_read_only()?;
    let out = tempfile::tempdir()?;

    let (code, stdout, stderr) = pickboard(&data, &["boards"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with(BOARD) && stdout.contains(&format!(" {} ideas  changed ", board.idea_count)),
        "{stdout}"
    );
    let (code, stdout, stderr) = pickboard(&data, &["boards", "--deleted"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "No board was deleted in the last 30 days.\n", "")
    );
    let json = out.path().join("board.json");
    let (code, _, stderr) = pickboard(&data, &["export", "--board", BOARD, "-o", json.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let file = pickboard_lib::transfer::json::parse(&std::fs::read(&json)?)?;
    assert_eq!(file.ideas.len(), board.idea_count as usize);
    let (code, stdout, stderr) = pickboard(&data, &["post", "--board", BOARD, "--dry-run"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("#### PICK outcome: "), "{stdout}");

    // The backup is a whole database, with the board in it.
    let copy = out.path().join("copy.db");
    let (code, _, stderr) = pickboard(&data, &["backup", "-o", copy.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let copied = Db::open(&copy)?.read(boards::list)?;
    assert_eq!(
        copied
            .iter()
            .map(|b| (b.name.as_str(), b.idea_count))
            .collect::<Vec<_>>(),
        [(BOARD, board.idea_count)]
    );

    // What would write is refused with the folder's reason, and the disk is as it was: no WAL or lock files made.
    let csv = out.path().join("more.csv");
    std::fs::write(&csv, "Title,Payoff,Cost\nOne more,8,2\n")?;
    let (code, _, stderr) = pickboard(&data, &["import", csv.to_str().unwrap(), "--board", BOARD]);
    assert_eq!(code, 5);
    assert!(stderr.contains("cannot be written"), "{stderr}");
    let mut names: Vec<String> = std::fs::read_dir(&data)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    assert_eq!(names, [DB_FILE_NAME]);
    Ok(())
}
