//! The command line: `pickboard` with arguments runs without a window, for automation (a weekly cron, a pipeline).

use std::path::PathBuf;
use std::sync::Mutex;

use crate::error::Error;
use crate::mattermost::deliver::deliver_due;
use crate::mattermost::message::{utc_date, PostOptions};
use crate::mattermost::outbox::{self, PostStatus};
use crate::mattermost::send::Sender;
use crate::mattermost::worker::REQUEST_TIMEOUT;
use crate::paths;
use crate::storage::{boards, now_ms, Db, DB_FILE_NAME};

const USAGE: &str = "\
Pickboard: prioritise work on a PICK chart.

Usage:
  pickboard                                  open the window
  pickboard post --board <name> [--note <text>] [--dry-run]
                                             post the board's outcome to its Mattermost channel
                                             (--dry-run prints the message instead)
  pickboard --help                           show this help
  pickboard --version                        show the version

Environment:
  PICKBOARD_DATA_DIR     keep the data in this folder instead of the app data folder

Exit codes: 0 done, 2 the command line is wrong, 3 no such board or no channel set,
            4 the post failed (it stays in the outbox), 5 the database cannot be used.
";

pub const EXIT_USAGE: i32 = 2;
pub const EXIT_NOT_FOUND: i32 = 3;
pub const EXIT_POST_FAILED: i32 = 4;
pub const EXIT_DATABASE: i32 = 5;

/// Runs the command line in `args` (without the program name) and returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            0
        }
        Some("--version" | "-V") => {
            println!("pickboard {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("post") => match PostArgs::parse(&args[1..]) {
            Ok(post) => post.run(),
            Err(message) => usage_error(&message),
        },
        Some(other) => usage_error(&format!("unknown command '{other}'")),
        None => 0,
    }
}

fn usage_error(message: &str) -> i32 {
    eprintln!("pickboard: {message}\n\n{USAGE}");
    EXIT_USAGE
}

struct PostArgs {
    board: String,
    note: String,
    dry_run: bool,
}

impl PostArgs {
    fn parse(args: &[String]) -> Result<PostArgs, String> {
        let (mut board, mut note, mut dry_run) = (None, String::new(), false);
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--board" => board = Some(it.next().ok_or("--board needs a board's name")?.clone()),
                "--note" => note = it.next().ok_or("--note needs a text")?.clone(),
                "--dry-run" => dry_run = true,
                other => return Err(format!("post does not take '{other}'")),
            }
        }
        let board = board.ok_or("post needs --board <name>")?;
        Ok(PostArgs { board, note, dry_run })
    }

    fn run(self) -> i32 {
        let dir = paths::data_dir(paths::os_data_dir());
        let mut db = match Db::open(&dir.join(DB_FILE_NAME)) {
            Ok(db) => db,
            Err(err) => {
                eprintln!("pickboard: {err}");
                return EXIT_DATABASE;
            }
        };
        let found = db.read(|tx| {
            let all = boards::list(tx)?;
            Ok(all
                .iter()
                .find(|b| b.name.eq_ignore_ascii_case(self.board.trim()))
                .map(|b| b.id)
                .ok_or_else(|| {
                    let names: Vec<&str> = all.iter().map(|b| b.name.as_str()).collect();
                    format!(
                        "there is no board named \"{}\". Boards: {}",
                        self.board,
                        names.join(", ")
                    )
                }))
        });
        let board_id = match found {
            Ok(Ok(id)) => id,
            Ok(Err(message)) => {
                eprintln!("pickboard: {message}");
                return EXIT_NOT_FOUND;
            }
            Err(err) => {
                eprintln!("pickboard: {err}");
                return EXIT_DATABASE;
            }
        };
        let options = PostOptions {
            note: self.note.clone(),
            ..PostOptions::default()
        };
        let date = utc_date(now_ms());
        if self.dry_run {
            return match db.read(|tx| outbox::preview(tx, board_id, &options, &date)) {
                Ok(text) => {
                    println!("{text}");
                    0
                }
                Err(err) => {
                    eprintln!("pickboard: {err}");
                    EXIT_DATABASE
                }
            };
        }
        let post = match db.write(|tx| outbox::queue(tx, board_id, &options, &date)) {
            Ok(post) => post,
            Err(err @ Error::Invalid(_)) => {
                eprintln!("pickboard: {err}");
                return EXIT_NOT_FOUND;
            }
            Err(err) => {
                eprintln!("pickboard: {err}");
                return EXIT_DATABASE;
            }
        };
        deliver(db, post.id, &dir)
    }
}

/// Sends the queued post now and reports how it went.
fn deliver(db: Db, post_id: i64, dir: &std::path::Path) -> i32 {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("pickboard: {err}");
            return EXIT_POST_FAILED;
        }
    };
    let db = Mutex::new(db);
    let result = runtime.block_on(async {
        let sender = Sender::new(REQUEST_TIMEOUT).map_err(|e| Error::Storage(e.to_string()))?;
        deliver_due(&db, &sender).await
    });
    let mut db = db.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Err(err) = result {
        eprintln!("pickboard: {err}");
        return EXIT_DATABASE;
    }
    match db.read(|tx| outbox::get(tx, post_id)) {
        Ok(post) if post.status == PostStatus::Posted => {
            println!(
                "Posted to Mattermost ({} of {} parts).",
                post.parts_sent, post.parts
            );
            0
        }
        Ok(post) => {
            let error = post.error.map_or_else(String::new, |f| {
                let id = f
                    .request_id
                    .map(|r| format!(" (request id {r})"))
                    .unwrap_or_default();
                format!("{}{id}", f.message)
            });
            eprintln!(
                "pickboard: the post did not go out: {error}\nIt waits in the outbox in {}; the app retries it.",
                PathBuf::from(dir).display()
            );
            EXIT_POST_FAILED
        }
        Err(err) => {
            eprintln!("pickboard: {err}");
            EXIT_DATABASE
        }
    }
}
