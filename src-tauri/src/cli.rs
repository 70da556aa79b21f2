//! The command line: `pickboard` with arguments runs without a window, for automation (a weekly cron, a pipeline).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::domain;
use crate::error::{Error, ErrorKind};
use crate::files;
use crate::mattermost::account::{self, Token};
use crate::mattermost::api::Api;
use crate::mattermost::connection::{self, Session};
use crate::mattermost::deliver::deliver as deliver_outbox;
use crate::mattermost::destination;
use crate::mattermost::message::{local_date, local_date_in_words, PostOptions};
use crate::mattermost::outbox::{self, PostStatus, Sending};
use crate::mattermost::response::{Failure as MattermostFailure, Problem};
use crate::mattermost::send::Sender;
use crate::mattermost::worker::REQUEST_TIMEOUT;
use crate::paths;
use crate::storage::{boards, now_ms, Db, DB_FILE_NAME};
use crate::transfer::csv_import::{self, ColumnMapping, CsvPreview, Field, ImportTarget};
use crate::transfer::session::PendingImport;
use crate::transfer::{self, ExportFormat};

const USAGE: &str = "\
Pickboard: prioritise work on a PICK chart.

Usage:
  pickboard                                  open the window
  pickboard boards [--deleted]               list the boards; --deleted lists those deleted in the last
                                             30 days instead, which restore brings back
  pickboard restore --board <name>           bring back a deleted board as it was, with its ideas
  pickboard post --board <name> [--note <text>] [--notify-owners] [--dry-run] [--as-me]
                 [--update-last]             post the board's outcome to its Mattermost channel:
                                             as your account when the board has a channel picked for
                                             it in the app (a long outcome is one thread), else
                                             through its incoming webhook. --as-me refuses to post
                                             any other way; --update-last (as your account) updates
                                             the board's last outcome post instead of adding one.
                                             --dry-run prints the posts instead, exactly as they
                                             would be sent, with a separator line between them;
                                             --notify-owners mentions each idea's owner by username
  pickboard export --board <name> [--format json|csv|md|png|svg] -o <file>
                                             save the board to a file (- for standard output);
                                             the format follows the file's extension when not given
  pickboard import <file> [--board <name>] [--new-board] [--skip-bad-rows] [--bad-scores-unsorted]
                 [--map <column>=<field>]...
                                             import a board file (.json) as a new board (named by --board),
                                             or a CSV file: as a new board, or into the board named by
                                             --board when it exists. A name a letter or two off a board's
                                             is refused as a likely typo; --new-board makes a new board in
                                             any case.
                                             A CSV file's columns are mapped as the window maps them
                                             (payoff: Payoff, ROI, Value, Benefit or Impact; cost/risk:
                                             Cost/risk, Cost, Effort or Risk), and the mapping is printed;
                                             --map chooses a column's field by hand: title, notes, owner,
                                             link, tags, payoff, cost, key or ignore; a file with no column
                                             named like a title needs --map <column>=title. A file with bad
                                             rows imports nothing, unless --skip-bad-rows; a row whose scores
                                             cannot be read goes to Unsorted without them with
                                             --bad-scores-unsorted
  pickboard backup -o <file>                 copy the whole database to a file (- for standard output)
  pickboard --help                           show this help
  pickboard --version                        show the version

Environment:
  PICKBOARD_DATA_DIR     keep the data in this folder instead of the app data folder
  PICKBOARD_MATTERMOST_TOKEN
                         the access token to post as your account with, instead of the one in the
                         credential store (for automation, or an account kept for a session only)

Exit codes: 0 done, 2 the command line is wrong, 3 no such board or data folder, or no channel
            set, 4 the post failed (it stays in the outbox), 5 the database cannot be used,
            6 a file cannot be read or written, its content cannot be imported, or the board
              has nothing to post (no idea in its quadrants).
";

/// The environment variable that gives the command line the account's token.
pub const TOKEN_VARIABLE: &str = "PICKBOARD_MATTERMOST_TOKEN";

pub const EXIT_USAGE: i32 = 2;
pub const EXIT_NOT_FOUND: i32 = 3;
pub const EXIT_POST_FAILED: i32 = 4;
pub const EXIT_DATABASE: i32 = 5;
pub const EXIT_FILE: i32 = 6;

/// The line `post --dry-run` prints between two posts of a long outcome; no line of a post can look like it.
pub const DRY_RUN_SEPARATOR: &str = "-------- 8< -------- next post -------- 8< --------";

/// The app's messages with straight double quotes, as a shell reads them: a name copied from “Beta” into a command
/// line kept its curly quotes, and named no board.
fn straight_quotes(message: &str) -> String {
    message.replace(['“', '”'], "\"")
}

/// Writes to standard output; a reader that stopped reading (`| head`) is not a failure.
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::new(
            EXIT_FILE,
            format!("the output could not be written: {e}"),
        )),
        _ => Ok(()),
    }
}

/// Why a command failed: the exit code and what to print.
struct Failure {
    code: i32,
    message: String,
    /// A command line that is wrong: the command's own usage follows the message.
    wrong_usage: bool,
}

impl Failure {
    fn new(code: i32, message: impl std::fmt::Display) -> Failure {
        Failure {
            code,
            message: message.to_string(),
            wrong_usage: false,
        }
    }

    fn usage(message: impl std::fmt::Display) -> Failure {
        Failure {
            wrong_usage: true,
            ..Failure::new(EXIT_USAGE, message)
        }
    }

    /// An error of the app's own: its kind says which exit code it is.
    fn from_error(err: Error) -> Failure {
        Failure::new(exit_code(err.kind()), err)
    }
}

/// The exit code for each kind of error, as the usage text lists them.
pub fn exit_code(kind: ErrorKind) -> i32 {
    match kind {
        ErrorKind::NotFound => EXIT_NOT_FOUND,
        ErrorKind::Mattermost | ErrorKind::NoCredentialStore => EXIT_POST_FAILED,
        ErrorKind::Invalid | ErrorKind::File | ErrorKind::Cancelled => EXIT_FILE,
        ErrorKind::DatabaseTooNew
        | ErrorKind::DatabaseCorrupt
        | ErrorKind::DatabaseUnavailable
        | ErrorKind::AlreadyOpen
        | ErrorKind::DiskFull
        | ErrorKind::ReadOnly
        | ErrorKind::Storage
        | ErrorKind::Preferences => EXIT_DATABASE,
    }
}

/// Runs the command line in `args` (without the program name) and returns the process exit code.
pub fn run(args: &[String]) -> i32 {
    let rest = args.get(1..).unwrap_or_default();
    let result = match args.first().map(String::as_str) {
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some("--version" | "-V") => {
            println!("pickboard {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("boards") => command("boards", rest, &[], &["--deleted"], |options| {
            if options.flag("--deleted") {
                list_deleted_boards()
            } else {
                list_boards()
            }
        }),
        Some("restore") => command("restore", rest, &["--board"], &[], restore_board),
        Some("post") => command(
            "post",
            rest,
            &["--board", "--note"],
            &["--dry-run", "--notify-owners", "--as-me", "--update-last"],
            post,
        ),
        Some("export") => command("export", rest, &["--board", "--format", "-o"], &[], export),
        Some("import") => command(
            "import",
            rest,
            &["--board", "--map"],
            &["--skip-bad-rows", "--new-board", "--bad-scores-unsorted"],
            import,
        ),
        Some("backup") => command("backup", rest, &["-o"], &[], backup),
        Some(other) => Err(Failure::new(
            EXIT_USAGE,
            format!("unknown command '{other}'\n\n{USAGE}"),
        )),
        None => Ok(()),
    };
    match result {
        Ok(()) => 0,
        Err(failure) => {
            eprintln!("pickboard: {}", straight_quotes(&failure.message));
            failure.code
        }
    }
}

/// Runs a subcommand with its options, or prints the usage when they ask for it: `pickboard export --help` said the
/// command took no '--help', then printed the usage anyway, as an error.
fn command(
    name: &str,
    args: &[String],
    valued: &[&str],
    flags: &[&str],
    run: impl FnOnce(Options) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let result = Options::parse(args, valued, flags).and_then(|options| {
        if options.help {
            print!("{USAGE}");
            return Ok(());
        }
        refuse_empty_data_dir()?;
        run(options)
    });
    // The one line that says what is wrong, then how this command is used: under the whole usage, 40 lines long, it
    // scrolled out of sight.
    result.map_err(|failure| {
        if !failure.wrong_usage {
            return failure;
        }
        Failure::new(
            failure.code,
            format!(
                "{}\n\nUsage:\n{}\n`pickboard --help` shows every command.",
                failure.message,
                usage_of(name)
            ),
        )
    })
}

/// The lines of the usage text about the command `name`.
fn usage_of(name: &str) -> String {
    let start = format!("  pickboard {name}");
    let mut lines = USAGE.lines().skip_while(|line| {
        line.strip_prefix(&start)
            .is_none_or(|rest| !(rest.is_empty() || rest.starts_with(' ')))
    });
    let mut out = String::new();
    if let Some(first) = lines.next() {
        out.push_str(first);
        out.push('\n');
    }
    // Its own lines go on, indented deeper, until the next command or the end of the list.
    for line in lines.take_while(|l| l.starts_with("    ")) {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A subcommand's options (`--name value`), flags (`--flag`) and plain arguments.
struct Options {
    values: Vec<(String, String)>,
    flags: Vec<String>,
    plain: Vec<String>,
    /// `--help` or `-h` was given (as an option, not as an option's value).
    help: bool,
}

impl Options {
    fn parse(args: &[String], valued: &[&str], flags: &[&str]) -> Result<Options, Failure> {
        /// The options that may be given more than once.
        const REPEATABLE: &[&str] = &["--map"];
        let mut out = Options {
            values: Vec::new(),
            flags: Vec::new(),
            plain: Vec::new(),
            help: false,
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if valued.contains(&arg.as_str()) {
                let value = it
                    .next()
                    .ok_or_else(|| Failure::usage(format!("{arg} needs a value")))?;
                // `--board A … --board B` used B without a word.
                if !REPEATABLE.contains(&arg.as_str()) && out.values.iter().any(|(n, _)| n == arg) {
                    return Err(Failure::usage(format!("{arg} is given twice: give it once")));
                }
                out.values.push((arg.clone(), value.clone()));
            } else if flags.contains(&arg.as_str()) {
                out.flags.push(arg.clone());
            } else if arg == "--help" || arg == "-h" {
                out.help = true;
            } else if arg.starts_with('-') && arg != "-" {
                return Err(Failure::usage(format!("this command does not take '{arg}'")));
            } else {
                out.plain.push(arg.clone());
            }
        }
        Ok(out)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of an option that may be given more than once, in order.
    fn all(&self, name: &str) -> Vec<&str> {
        self.values
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn required(&self, name: &str, what: &str) -> Result<&str, Failure> {
        self.value(name)
            .ok_or_else(|| Failure::usage(format!("{what} needs {name}")))
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
}

fn data_dir() -> PathBuf {
    paths::data_dir(paths::os_data_dir())
}

/// The database, made if there is none yet: for `import`, which may start a data folder.
fn open_db() -> Result<Db, Failure> {
    Db::open(&data_dir().join(DB_FILE_NAME)).map_err(Failure::from_error)
}

/// The database for a command that works on boards made before (`post`, `restore`).
fn open_made_db() -> Result<Db, Failure> {
    refuse_new_data_folder()?;
    match empty_when_new()? {
        Some(empty) => Ok(empty),
        None => open_db(),
    }
}

/// The database for a command that only reads it: on a disk that cannot be written too (see [`Db::open_to_read`]).
fn open_db_to_read() -> Result<Db, Failure> {
    refuse_new_data_folder()?;
    match empty_when_new()? {
        Some(empty) => Ok(empty),
        None => Db::open_to_read(&data_dir().join(DB_FILE_NAME)).map_err(Failure::from_error),
    }
}

/// An empty database in memory when the app's own data folder has none yet, for the commands that need boards made
/// before: they answer as on an empty one, and make nothing there. `pickboard boards` made the folder and a database.
fn empty_when_new() -> Result<Option<Db>, Failure> {
    if data_dir().join(DB_FILE_NAME).exists() {
        return Ok(None);
    }
    Db::open_in_memory().map(Some).map_err(Failure::from_error)
}

/// A `PICKBOARD_DATA_DIR` set to nothing: `PICKBOARD_DATA_DIR="$DIR"` with `DIR` unset, most likely. It meant the
/// app's own data folder, and a script's import went into the person's own boards.
fn refuse_empty_data_dir() -> Result<(), Failure> {
    match std::env::var_os(paths::DATA_DIR_ENV) {
        Some(value) if value.to_string_lossy().trim().is_empty() => Err(Failure::new(
            EXIT_USAGE,
            format!(
                "{} is set, but to nothing: set it to the data folder, or unset it to use the app's own.",
                paths::DATA_DIR_ENV
            ),
        )),
        _ => Ok(()),
    }
}

/// A `PICKBOARD_DATA_DIR` with no database in it, for a command that needs boards made before: a wrong path, most
/// likely. A cron job's typo made the folder and a database in it, and was told "There are no boards yet." (The app's
/// own data folder may be new: the command then says there is nothing in it.)
fn refuse_new_data_folder() -> Result<(), Failure> {
    let chosen = std::env::var_os(paths::DATA_DIR_ENV).is_some_and(|v| !v.is_empty());
    let folder = data_dir();
    if !chosen || folder.join(DB_FILE_NAME).exists() {
        return Ok(());
    }
    Err(Failure::new(
        EXIT_NOT_FOUND,
        format!(
            "There is no Pickboard data in {} ({} names it): check the folder's path. Nothing was made there.",
            folder.display(),
            paths::DATA_DIR_ENV
        ),
    ))
}

/// The board named `name`. One deleted meanwhile is not found, and the error says how to bring it back: a script
/// that posts a board someone deleted in the window was told only that no such board existed.
fn find_board(db: &mut Db, name: &str) -> Result<i64, Failure> {
    match db.read(|tx| boards::find_by_name(tx, name)) {
        Ok(board) => Ok(board.id),
        Err(err) if err.kind() == ErrorKind::NotFound => match deleted_named(db, name)? {
            Some(gone) => Err(Failure::new(
                EXIT_NOT_FOUND,
                format!(
                    "{} Bring it back with {}.",
                    was_deleted(&gone),
                    restore_command(&gone)
                ),
            )),
            None => Err(Failure::from_error(err)),
        },
        Err(err) => Err(Failure::from_error(err)),
    }
}

/// "The board "X" was deleted on <date>."
fn was_deleted(gone: &boards::DeletedBoard) -> String {
    format!(
        "The board \"{}\" was deleted on {}.",
        gone.name,
        local_date(gone.deleted_at)
    )
}

/// The command line that brings `gone` back.
fn restore_command(gone: &boards::DeletedBoard) -> String {
    format!("`pickboard restore --board \"{}\"`", gone.name)
}

/// The board of that name in Deleted boards, if any.
fn deleted_named(db: &mut Db, name: &str) -> Result<Option<boards::DeletedBoard>, Failure> {
    db.read(|tx| boards::find_deleted_by_name(tx, name))
        .map_err(Failure::from_error)
}

fn list_deleted_boards() -> Result<(), Failure> {
    let mut db = open_db_to_read()?;
    let all = db.read(boards::deleted).map_err(Failure::from_error)?;
    let rows = all.iter().map(|b| {
        let when = format!(
            "deleted {}, kept until {}",
            local_date(b.deleted_at),
            local_date(boards::kept_until(b.deleted_at))
        );
        (b.name.as_str(), b.idea_count, when)
    });
    let empty = format!(
        "No board was deleted in the last {} days.",
        boards::KEPT_DELETED_DAYS
    );
    write_stdout(board_table(rows, &empty).as_bytes())
}

/// A board a line: its name, padded to the longest, its ideas counted, then `more`; `empty` when there is none.
fn board_table<'a>(rows: impl Iterator<Item = (&'a str, i64, String)>, empty: &str) -> String {
    let rows: Vec<_> = rows.collect();
    if rows.is_empty() {
        return format!("{empty}\n");
    }
    // In the columns a terminal gives each name: a line whose name held an emoji (two columns, one character) stood
    // a column to the right of the others.
    let columns = |name: &str| unicode_width::UnicodeWidthStr::width(name);
    let width = rows.iter().map(|(name, ..)| columns(name)).max().unwrap_or(0);
    let mut out = String::new();
    for (name, ideas, more) in rows {
        let pad = " ".repeat(width - columns(name));
        let ideas = count(usize::try_from(ideas).unwrap_or_default(), "idea");
        out.push_str(&format!("{name}{pad}  {ideas:>11}  {more}\n"));
    }
    out
}

fn restore_board(options: Options) -> Result<(), Failure> {
    let name = options.required("--board", "restore")?;
    let mut db = open_made_db()?;
    let Some(gone) = deleted_named(&mut db, name)? else {
        let live = db.read(|tx| boards::find_by_name(tx, name)).ok();
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            match live {
                Some(board) => format!("The board \"{}\" is not deleted: nothing to restore.", board.name),
                None => format!(
                    "No deleted board is named \"{}\". `pickboard boards --deleted` lists the boards deleted in \
                     the last {} days.",
                    name.trim(),
                    boards::KEPT_DELETED_DAYS
                ),
            },
        ));
    };
    let back = db
        .write(|tx| boards::restore(tx, gone.id))
        .map_err(Failure::from_error)?;
    let ideas = count(usize::try_from(back.idea_count).unwrap_or_default(), "idea");
    if back.name == gone.name {
        println!("Restored \"{}\" with {ideas}.", back.name);
    } else {
        println!(
            "Restored \"{}\" with {ideas}, as \"{}\": a board took its name meanwhile.",
            gone.name, back.name
        );
    }
    Ok(())
}

fn list_boards() -> Result<(), Failure> {
    let mut db = open_db_to_read()?;
    let (all, deleted) = db
        .read(|tx| Ok((boards::list(tx)?, boards::deleted(tx)?.len())))
        .map_err(Failure::from_error)?;
    let rows = all.iter().map(|b| {
        let when = format!("changed {}", local_date(b.updated_at));
        (b.name.as_str(), b.idea_count, when)
    });
    write_stdout(board_table(rows, &no_boards(deleted)).as_bytes())
}

/// What `boards` says when no board is left, with `deleted` boards deleted lately: "There are no boards yet." was all
/// it said once every board had been deleted, with nothing of the 30 days in which they can be brought back.
fn no_boards(deleted: usize) -> String {
    let days = boards::KEPT_DELETED_DAYS;
    match deleted {
        0 => "There are no boards yet.".to_owned(),
        1 => format!(
            "There are no boards: 1 was deleted in the last {days} days. `pickboard boards --deleted` lists it, and \
             `pickboard restore --board <name>` brings it back."
        ),
        n => format!(
            "There are no boards: {n} were deleted in the last {days} days. `pickboard boards --deleted` lists them, \
             and `pickboard restore --board <name>` brings one back."
        ),
    }
}

fn post(options: Options) -> Result<(), Failure> {
    let name = options.required("--board", "post")?;
    let dry_run = options.flag("--dry-run");
    let mut db = if dry_run {
        open_db_to_read()?
    } else {
        open_made_db()?
    };
    let board_id = find_board(&mut db, name)?;
    let post_options = PostOptions {
        note: options.value("--note").unwrap_or_default().to_owned(),
        notify_owners: options.flag("--notify-owners"),
        ..PostOptions::default()
    };
    let date = local_date_in_words(now_ms());
    let sending = Sending {
        update_last: options.flag("--update-last"),
    };
    let as_account = db
        .read(|tx| destination::account_channel(tx, board_id))
        .map_err(Failure::from_error)?
        .is_some();
    // Refused before a dry run too, which prints the posts as they would be sent: printed, they read as if they would.
    if !as_account && (options.flag("--as-me") || sending.update_last) {
        let webhook = db
            .read(|tx| outbox::stored_settings(tx, board_id))
            .map_err(Failure::from_error)?
            .is_some();
        let why = match (webhook, sending.update_last) {
            (true, true) => {
                "--update-last edits the last post made as your account, and this board posts through its webhook, \
                 whose posts cannot be edited"
            }
            (true, false) => "This board posts through its webhook, not as your account",
            (false, _) => "This board has no channel to post to as your account yet",
        };
        return Err(Failure::from_error(Error::not_found(format!(
            "{why}. In the app, open Post to channel, choose to post As yourself (Change, if a channel is set), and pick \
             the channel."
        ))));
    }
    if dry_run {
        let parts = db
            .read(|tx| outbox::preview_parts(tx, board_id, &post_options, &date, sending))
            .map_err(Failure::from_error)?;
        let mut out = parts.join(&format!("\n{DRY_RUN_SEPARATOR}\n"));
        out.push('\n');
        return write_stdout(out.as_bytes());
    }
    // The account's token is read before anything is queued: a post queued without it stayed in the outbox, unsaid,
    // and went out with the next post that could be sent (two outcomes in the channel).
    let api = if as_account {
        let api = the_accounts_api(&mut db)?;
        token_is_the_accounts(&mut db, &api)?;
        Some(api)
    } else {
        None
    };
    let post = db
        .write(|tx| outbox::queue(tx, board_id, &post_options, &date, sending))
        .map_err(Failure::from_error)?;
    deliver(db, post.id, api, &data_dir())
}

/// With `PICKBOARD_MATTERMOST_TOKEN` set, refuses a token of another person than the account connected here: its
/// post went out as that person and was recorded as the account's, whose later update of it was then refused with
/// advice about the channel's permissions. Out of reach, the post goes to the outbox as ever (sent later, it goes
/// out as the account, with the token kept here).
fn token_is_the_accounts(db: &mut Db, api: &Api) -> Result<(), Failure> {
    if std::env::var(TOKEN_VARIABLE).map_or(true, |v| v.trim().is_empty()) {
        return Ok(());
    }
    let Some(who) = db.read(account::identity).map_err(Failure::from_error)? else {
        return Ok(());
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::new(EXIT_POST_FAILED, e))?;
    match runtime.block_on(api.me()) {
        Ok(me) if me.id != who.user_id => Err(Failure::from_error(Error::invalid(format!(
            "{TOKEN_VARIABLE} is the access token of @{}, not of @{}, the account this data folder is connected \
             as. Set the token of @{}, or connect as @{} in the app.",
            me.username, who.username, who.username, me.username
        )))),
        _ => Ok(()),
    }
}

/// The connected account's client for the command line: the token from `PICKBOARD_MATTERMOST_TOKEN` when it is set
/// (for automation, or an account kept for a session only), else from the credential store.
fn account_api(db: &mut Db) -> Result<Option<Api>, Error> {
    let Some(who) = db.read(account::identity)? else {
        return Ok(None);
    };
    let token = match std::env::var(TOKEN_VARIABLE) {
        Ok(value) if !value.trim().is_empty() => Some(Token::parse(&value)?),
        _ => Session::default().token(&who).map_err(|_| {
            Error::not_found(format!(
                "The credential store could not be opened to read your Mattermost access token. Set \
                 {TOKEN_VARIABLE} to post as your account from the command line."
            ))
        })?,
    };
    token.map(|t| connection::api(&who, t)).transpose()
}

fn export(options: Options) -> Result<(), Failure> {
    let name = options.required("--board", "export")?;
    let out = options.required("-o", "export")?;
    let format = match options.value("--format") {
        Some(f) => ExportFormat::from_name(f)
            .ok_or_else(|| Failure::usage(format!("unknown format '{f}'; use json, csv, md, png or svg")))?,
        None => Path::new(out)
            .extension()
            .and_then(|e| ExportFormat::from_name(&e.to_string_lossy()))
            .ok_or_else(|| Failure::usage("export needs --format json|csv|md|png|svg"))?,
    };
    // As in the window: a CSV file named "board.json" replaced a board file with one that does not import as a board.
    if out != "-" && format.check_file_name(Path::new(out)).is_err() {
        return Err(Failure::usage(format!(
            "-o {out} is named for another format than --format {}: end its name in .{}, or leave --format out to \
             follow the name",
            options.value("--format").unwrap_or_default(),
            format.extension()
        )));
    }
    let mut db = open_db_to_read()?;
    let board_id = find_board(&mut db, name)?;
    let bytes = db
        .read(|tx| transfer::export(tx, board_id, format, &local_date_in_words(now_ms())))
        .map_err(Failure::from_error)?;
    if out == "-" {
        return write_stdout(&bytes);
    }
    db.refuse_own_file(Path::new(out)).map_err(Failure::from_error)?;
    files::write_atomically(Path::new(out), &bytes).map_err(Failure::from_error)?;
    eprintln!("Saved {} ({}).", out, count(bytes.len(), "byte"));
    Ok(())
}

fn import(options: Options) -> Result<(), Failure> {
    let [file] = options.plain.as_slice() else {
        return Err(Failure::usage("import needs one file"));
    };
    let path = Path::new(file);
    let pending = PendingImport::read(path).map_err(Failure::from_error)?;
    let mut db = open_db()?;
    let start = db.read(|tx| pending.start(tx)).map_err(Failure::from_error)?;
    let board = options.value("--board");
    // Zero-width characters alone too: "No board is named …: making a new one." came before the refusal.
    if board.is_some_and(domain::shows_nothing) {
        return Err(Failure::usage("--board needs a board's name"));
    }
    let new_board = options.flag("--new-board");
    let skip = options.flag("--skip-bad-rows");

    // A board file becomes a new board (named by --board when given); a CSV file goes into the board --board names
    // when it exists, else into a new board named by --board or after the file.
    let maps = options.all("--map");
    let (mapping, target) = match &start.csv {
        None if !maps.is_empty() => {
            return Err(Failure::usage(
                "--map is for CSV files: a board file needs no column mapping",
            ));
        }
        None => {
            // A board file is always a board of its own. Named after a board that exists, it was imported as
            // "Sprint planning (4)" without a word, though --board reads as "into that board".
            let taken = board
                .filter(|_| !new_board)
                .and_then(|name| db.read(|tx| boards::find_by_name(tx, name)).ok());
            if let Some(existing) = taken {
                let free = db
                    .read(|tx| boards::unused_name(tx, &existing.name))
                    .map_err(Failure::from_error)?;
                return Err(Failure::new(
                    EXIT_USAGE,
                    format!(
                        "A board file becomes a new board, and a board is named \"{}\" already: nothing was \
                         imported. Name the new board with --board, or add --new-board to import it as \"{free}\".",
                        existing.name
                    ),
                ));
            }
            if let Some(rounding) = start.board_file.as_ref().and_then(|f| f.rounding.as_ref()) {
                eprintln!("{}", straight_quotes(rounding));
            }
            (
                ColumnMapping::default(),
                ImportTarget::NewBoard {
                    name: board.unwrap_or_default().to_owned(),
                },
            )
        }
        Some(suggested) => {
            let headers = &suggested.headers;
            let mut mapping = suggested.mapping.clone();
            mapping.unreadable_scores_to_unsorted = options.flag("--bad-scores-unsorted");
            let choices = maps
                .iter()
                .map(|map| parse_map(map, headers))
                .collect::<Result<Vec<_>, _>>()?;
            mapping
                .choose(headers, &choices)
                .map_err(|e| Failure::new(EXIT_USAGE, format!("--map: {e}")))?;
            // The window shows the first column taken for the titles; here nobody would see it: "foo,bar,baz"
            // imported its first column's values as ideas, and said it was done.
            let titles_chosen = choices.iter().any(|(_, field)| *field == Some(Field::Title));
            if !titles_chosen && !csv_import::names_a_title(headers) {
                return Err(Failure::new(EXIT_USAGE, no_title_column(headers)));
            }
            if mapping.title.is_none() {
                return Err(Failure::new(
                    EXIT_USAGE,
                    "no column gives the titles: choose one with --map <column>=title",
                ));
            }
            eprintln!("Columns: {}", describe(&mapping, headers));
            let preview = pending.preview(&mapping).map_err(Failure::from_error)?;
            if preview.problem_count > 0 && !skip {
                return Err(Failure::new(
                    EXIT_FILE,
                    problems_message(&preview, &mapping, headers),
                ));
            }
            if let Some(rounding) = &preview.rounding {
                eprintln!("{}", straight_quotes(rounding));
            }
            // --new-board: a new board whatever the name (one already taken is refused, with a free name offered).
            let existing = board
                .filter(|_| !new_board)
                .and_then(|name| db.read(|tx| boards::find_by_name(tx, name)).ok());
            let target = match (existing, board) {
                (Some(b), _) => {
                    // Said, not refused: a cron job may import each day's new rows on top of yesterday's.
                    let already = db
                        .read(|tx| pending.already_on(tx, b.id, &mapping))
                        .map_err(Failure::from_error)?;
                    if already > 0 {
                        eprintln!(
                            "{} of this file {} the title of one on \"{}\" already: they are added again.",
                            count(already, "idea"),
                            if already == 1 { "has" } else { "have" },
                            b.name
                        );
                    }
                    ImportTarget::Board { id: b.id }
                }
                (None, Some(name)) => {
                    // The name of a board deleted lately is that board, most likely: a daily import into it made a
                    // second board of its name, and its restore later came back as "… (2)". It is asked before a
                    // name a letter off: "Trip" deleted, with "Trop" there, was answered "Did you mean "Trop"?".
                    if let Some(gone) = deleted_named(&mut db, name)?.filter(|_| !new_board) {
                        return Err(Failure::new(
                            EXIT_NOT_FOUND,
                            format!(
                                "{} Nothing was imported: bring it back first with {}, or add --new-board to make \
                                 a new board of this name.",
                                was_deleted(&gone),
                                restore_command(&gone)
                            ),
                        ));
                    }
                    // A name one or two letters off a board's is most likely that board mistyped: a new board of
                    // the typo would take the rows the person meant for it.
                    let all = db.read(boards::list).map_err(Failure::from_error)?;
                    let near = boards::near_name(all.iter().map(|b| b.name.as_str()), name);
                    if let Some(near) = near.filter(|_| !new_board) {
                        return Err(Failure::new(
                            EXIT_NOT_FOUND,
                            format!(
                                "There is no board named \"{}\". Did you mean \"{near}\"? Nothing was imported: \
                                 give the board's name as `pickboard boards` lists it, or add --new-board to make \
                                 a new board of this name.",
                                name.trim()
                            ),
                        ));
                    }
                    // And a deleted board's: "Q3 backlgo", with "Q3 backlog" deleted, made a new board of the typo.
                    let gone = db.read(boards::deleted).map_err(Failure::from_error)?;
                    let near = boards::near_name(gone.iter().map(|b| b.name.as_str()), name)
                        .and_then(|near| gone.iter().find(|b| b.name == near));
                    if let Some(near) = near.filter(|_| !new_board) {
                        return Err(Failure::new(
                            EXIT_NOT_FOUND,
                            format!(
                                "There is no board named \"{}\". Did you mean \"{}\"? {} Nothing was imported: \
                                 bring it back first with {}, or add --new-board to make a new board of this name.",
                                name.trim(),
                                near.name,
                                was_deleted(near),
                                restore_command(near)
                            ),
                        ));
                    }
                    if new_board {
                        eprintln!("Making a new board, as --new-board asks.");
                        ImportTarget::NewBoard {
                            name: name.to_owned(),
                        }
                    } else {
                        eprintln!("No board is named \"{}\": making a new one.", name.trim());
                        // Into the board of that name should another import make it meanwhile: five imports at once
                        // made "Par" and "Par (2)" to "Par (5)".
                        ImportTarget::BoardNamed {
                            name: name.to_owned(),
                        }
                    }
                }
                (None, None) => ImportTarget::NewBoard { name: stem(path) },
            };
            (mapping, target)
        }
    };
    let outcome = pending
        .run(&mut db, &mapping, &target, skip, |_| {})
        .map_err(Failure::from_error)?;
    let summary = db
        .read(|tx| boards::summary(tx, outcome.board_id))
        .map_err(Failure::from_error)?;
    if start.board_file.is_some() {
        let ideas = count(usize::try_from(summary.idea_count).unwrap_or(0), "idea");
        println!("Imported \"{}\" with {ideas}.", summary.name);
        return Ok(());
    }
    println!(
        "Imported {} into \"{}\".",
        count(outcome.imported, "idea"),
        summary.name
    );
    if !outcome.skipped.is_empty() {
        println!("Skipped {}:", count(outcome.skipped.len(), "row"));
        for problem in &outcome.skipped {
            println!("  {}", straight_quotes(&problem.to_string()));
        }
    }
    Ok(())
}

/// Why a CSV file with no column named like a title is not imported, and how to import it.
fn no_title_column(headers: &[String]) -> String {
    const SHOWN: usize = 8;
    let shown = |h: &String| match h.char_indices().nth(40) {
        Some((at, _)) => format!("\"{}…\"", &h[..at]),
        None => format!("\"{h}\""),
    };
    let mut columns: Vec<String> = headers.iter().take(SHOWN).map(shown).collect();
    if headers.len() > SHOWN {
        columns.push(format!("and {} more", headers.len() - SHOWN));
    }
    format!(
        "no column is named like a title ({}): say which column holds the titles with --map <column>=title. The \
         file's columns: {}.",
        csv_import::TITLE_NAMES.join(", "),
        columns.join(", ")
    )
}

/// One `--map COLUMN=FIELD`: the columns of that name, and the field they feed (`None` for `ignore`).
fn parse_map(map: &str, headers: &[String]) -> Result<(Vec<usize>, Option<Field>), Failure> {
    let wrong = |why: String| Failure::new(EXIT_USAGE, format!("--map {map}: {why}"));
    let Some((column, field)) = map.rsplit_once('=') else {
        return Err(wrong(
            "write it as COLUMN=FIELD, for example --map \"Story Points=cost\"".into(),
        ));
    };
    let field = match Field::from_name(field) {
        Some(field) => Some(field),
        None if field.trim().eq_ignore_ascii_case("ignore") => None,
        None => {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            return Err(wrong(format!(
                "there is no field \"{}\". The fields are: {}, ignore.",
                field.trim(),
                names.join(", ")
            )));
        }
    };
    let columns = csv_import::columns_named(headers, column);
    if columns.is_empty() {
        let mut names: Vec<&str> = Vec::new();
        for header in headers {
            if !names.contains(&header.as_str()) {
                names.push(header);
            }
        }
        return Err(wrong(format!(
            "there is no column named \"{}\". The columns are: {}.",
            column.trim(),
            names.join(", ")
        )));
    }
    Ok((columns, field))
}

/// The mapping as the command line prints it: "Summary → title, Assignee → owner, …; not used: Status, …".
fn describe(mapping: &ColumnMapping, headers: &[String]) -> String {
    const MAX_UNUSED: usize = 10;
    let mut used = Vec::new();
    let mut unused: Vec<&str> = Vec::new();
    for (col, header) in headers.iter().enumerate() {
        let fields = mapping.fields_of(col);
        if fields.is_empty() {
            if !unused.contains(&header.as_str()) {
                unused.push(header);
            }
        } else {
            let names: Vec<&str> = fields.iter().map(|f| f.name()).collect();
            let entry = format!("{header} → {}", names.join(" and "));
            if !used.contains(&entry) {
                used.push(entry); // Jira's Labels columns once
            }
        }
    }
    let mut text = used.join(", ");
    if !unused.is_empty() {
        text.push_str("; not used: ");
        text.push_str(&unused[..unused.len().min(MAX_UNUSED)].join(", "));
        if unused.len() > MAX_UNUSED {
            text.push_str(&format!(
                " and {} more",
                crate::text::grouped(unused.len() - MAX_UNUSED)
            ));
        }
    }
    text
}

/// The name a CSV file's board gets when --board names none: the file's name without its extension.
fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "Imported".into(), |s| s.to_string_lossy().into_owned())
}

/// Why nothing was imported from a CSV file: its first problems, and what to do.
fn problems_message(preview: &CsvPreview, mapping: &ColumnMapping, headers: &[String]) -> String {
    let mut message = format!(
        "{} of the {} rows cannot be imported, so nothing was imported:\n",
        crate::text::grouped(preview.problem_count),
        crate::text::grouped(preview.rows)
    );
    for problem in preview.problems.iter().take(10) {
        message.push_str(&format!("  {problem}\n"));
    }
    if preview.problem_count > 10 {
        message.push_str(&format!(
            "  … and {} more\n",
            crate::text::grouped(preview.problem_count - 10)
        ));
    }
    message.push_str("Fix the file, or run again with --skip-bad-rows to import the other rows");
    if preview.problems.iter().any(|p| p.scores) {
        message.push_str(
            ", or with --bad-scores-unsorted to import the rows whose scores cannot be read into Unsorted",
        );
    }
    message.push('.');
    // One score's column and not the other's: the rows say "Choose one", which --map does here ("Payoff" alone was
    // refused with the window's words, and --bad-scores-unsorted did not help).
    let column = |c: usize| {
        headers
            .get(c)
            .map_or_else(|| format!("column {}", c + 1), |h| format!("\"{h}\""))
    };
    let only = match (mapping.payoff, mapping.cost) {
        (Some(c), None) => Some((column(c), "payoff", "cost/risk", "cost")),
        (None, Some(c)) => Some((column(c), "cost/risk", "payoff", "payoff")),
        _ => None,
    };
    if let Some((column, set, other, field)) = only {
        message.push_str(&format!(
            "\nOnly the {set} has a column ({column}): choose the {other}'s with --map <column>={field}, or import \
             without scores with --map {column}=ignore."
        ));
    }
    message
}

/// "1 idea", "5,000 ideas": the thousands grouped, as the window writes them.
fn count(n: usize, noun: &str) -> String {
    format!(
        "{} {noun}{}",
        crate::text::grouped(n),
        if n == 1 { "" } else { "s" }
    )
}

fn backup(options: Options) -> Result<(), Failure> {
    let out = options.required("-o", "backup")?;
    refuse_new_data_folder()?;
    if !data_dir().join(DB_FILE_NAME).exists() {
        return Err(Failure::new(
            EXIT_NOT_FOUND,
            format!(
                "There is nothing to back up yet: Pickboard has no data in {}.",
                data_dir().display()
            ),
        ));
    }
    let db = open_db_to_read()?;
    if out == "-" {
        return backup_to_stdout(&db);
    }
    db.backup_to(Path::new(out)).map_err(Failure::from_error)?;
    println!("Backed up the database to {out}.");
    Ok(())
}

/// `backup -o -`, as `export -o -`: the copy goes to standard output (`pickboard backup -o - | gzip`), made in the
/// temporary folder first. A file named "-" was written, and the pipe had nothing.
fn backup_to_stdout(db: &Db) -> Result<(), Failure> {
    let copy = std::env::temp_dir().join(format!("pickboard-backup-{}.db", std::process::id()));
    let sent = db.backup_to(&copy).map_err(Failure::from_error).and_then(|()| {
        let failed =
            |e: std::io::Error| Failure::new(EXIT_FILE, format!("the backup could not be written: {e}"));
        let mut file = std::fs::File::open(&copy).map_err(failed)?;
        // Gone from the folder as soon as it is open: a copy of the whole database stayed there when the command was
        // stopped while it wrote (Ctrl+C, a pipe's reader gone).
        let _ = std::fs::remove_file(&copy);
        let mut out = std::io::stdout().lock();
        match std::io::copy(&mut file, &mut out).and_then(|_| std::io::Write::flush(&mut out)) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(failed(e)),
            _ => Ok(()),
        }
    });
    let _ = std::fs::remove_file(&copy);
    sent
}

/// The connected account's client, or why the command line cannot post as the account.
fn the_accounts_api(db: &mut Db) -> Result<Api, Failure> {
    account_api(db).map_err(Failure::from_error)?.ok_or_else(|| {
        Failure::from_error(Error::not_found(format!(
            "Pickboard has no access token for your Mattermost account here (it was kept for the app's session only, \
             or removed). Set {TOKEN_VARIABLE}, or connect again in the app."
        )))
    })
}

/// Sends the outbox's posts that are due, `post_id` among them, as the account with `api` (`None`: through webhooks),
/// and reports how `post_id` went.
fn deliver(db: Db, post_id: i64, api: Option<Api>, dir: &Path) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::new(EXIT_POST_FAILED, e))?;
    let via_account = api.is_some();
    let db = Mutex::new(db);
    let result = runtime.block_on(async {
        let sender = Sender::new(REQUEST_TIMEOUT).map_err(|e| Error::Storage(e.to_string()))?;
        // Without the account (a webhook post), posts waiting for the account are left to the app.
        let account = api
            .as_ref()
            .ok_or_else(|| MattermostFailure::new(Problem::NotConnected));
        deliver_outbox(&db, &sender, account, !via_account).await
    });
    let mut db = db.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    result.map_err(Failure::from_error)?;
    let post = db
        .read(|tx| outbox::get(tx, post_id))
        .map_err(Failure::from_error)?;
    if post.status == PostStatus::Posted {
        // As the window says it: an update in place is not a new post ("Posted … (1 of 1 parts)" said it was).
        if post.updates_earlier {
            println!("Updated the last post in Mattermost.");
        } else if post.parts > 1 {
            println!("Posted to Mattermost in {} parts.", post.parts);
        } else {
            println!("Posted to Mattermost.");
        }
        if let Some(link) = post.permalink {
            println!("{link}");
        }
        return Ok(());
    }
    let error = match post.error {
        Some(f) => {
            let id = f
                .request_id
                .map(|r| format!(" (request id {r})"))
                .unwrap_or_default();
            format!("{}{id}", f.message)
        }
        // Nothing went wrong with this post: an earlier one waits, and posts go out in order.
        None => db
            .read(|tx| outbox::waiting_before(tx, post_id))
            .map_err(Failure::from_error)?
            .map_or_else(
                || "it was not sent yet.".to_owned(),
                |earlier| {
                    // Said after the sentence: the reason is sentences of its own ("… when the network is back., and
                    // posts go out in the order they were made.").
                    let why = earlier.error.map(|f| format!(" That post: {}", f.message)).unwrap_or_default();
                    format!(
                        "an earlier post (#{}) waits in the outbox, and posts go out in the order they were made.{why}",
                        earlier.id
                    )
                },
            ),
    };
    // A refusal is not tried again by itself: "the app retries it" was said of one kept as failed.
    let then = if post.status == PostStatus::Failed {
        "It is kept in the outbox as failed, and not sent again by itself: once that is mended, retry it in the \
         app (More › Posts), or discard it there."
    } else {
        "It waits in the outbox, and the app sends it by itself when it can."
    };
    Err(Failure::new(
        EXIT_POST_FAILED,
        format!(
            "the post did not go out: {error}\n{then} (Data folder: {}.)",
            dir.display()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_board_left_says_how_many_were_deleted_lately_and_how_to_bring_them_back() {
        assert_eq!(no_boards(0), "There are no boards yet.");
        assert!(no_boards(1).starts_with("There are no boards: 1 was deleted in the last 30 days."));
        assert!(no_boards(3).starts_with("There are no boards: 3 were deleted in the last 30 days."));
        assert!(no_boards(3).ends_with("`pickboard restore --board <name>` brings one back."));
    }

    #[test]
    fn the_boards_counts_line_up_in_a_terminal_whatever_the_names_hold() {
        let rows = [
            ("Alpha", 3, "changed 2026-12-07".to_owned()),
            ("🚀 Rocket", 12, "changed 2026-12-07".to_owned()),
            ("日本語", 1, "changed 2026-12-07".to_owned()),
        ];
        let table = board_table(rows.iter().map(|(n, i, m)| (*n, *i, m.clone())), "none");
        let columns: Vec<usize> = table
            .lines()
            .map(|line| unicode_width::UnicodeWidthStr::width(&line[..line.find("changed").unwrap()]))
            .collect();
        assert_eq!(columns, [columns[0]; 3], "{table}");
    }

    #[test]
    fn a_wrong_command_line_is_followed_by_its_commands_usage_alone() {
        let export = usage_of("export");
        assert!(
            export.starts_with("  pickboard export --board <name>"),
            "{export}"
        );
        assert!(
            export.contains("the format follows the file's extension"),
            "{export}"
        );
        assert!(!export.contains("pickboard import"), "{export}");
        let post = usage_of("post");
        assert!(
            post.contains("[--update-last]") && post.contains("--notify-owners mentions"),
            "{post}"
        );
        assert!(!post.contains("pickboard export"), "{post}");
        // "boards" is not the start of another command's name.
        assert!(usage_of("boards").starts_with("  pickboard boards [--deleted]"));
        assert_eq!(usage_of("backup").lines().count(), 1);
    }

    #[test]
    fn exit_codes_follow_from_the_kind_of_error() {
        let missing = crate::error::Error::not_found("There is no board named \"x\".");
        assert_eq!(Failure::from_error(missing).code, EXIT_NOT_FOUND);
        assert_eq!(Failure::from_error(Error::gone("idea")).code, EXIT_NOT_FOUND);
        assert_eq!(Failure::from_error(Error::invalid("bad row")).code, EXIT_FILE);
        assert_eq!(Failure::from_error(Error::DiskFull).code, EXIT_DATABASE);
        assert_eq!(exit_code(ErrorKind::Mattermost), EXIT_POST_FAILED);
    }

    #[test]
    fn the_mapping_is_described_column_by_column_with_the_unused_ones_once() {
        let headers: Vec<String> = "Summary,Issue key,Status,Labels,Labels,Sprint,Sprint,Value,Effort"
            .split(',')
            .map(str::to_owned)
            .collect();
        let (_, mut mapping) = csv_import::suggest(&headers);
        assert_eq!(
            describe(&mapping, &headers),
            "Summary → title, Issue key → key, Labels → tags, Value → payoff, Effort → cost; not used: Status, Sprint"
        );
        mapping.notes = Some(0);
        assert!(describe(&mapping, &headers).starts_with("Summary → title and notes, "));
        let many: Vec<String> = (1..=13).map(|n| format!("C{n}")).collect();
        let (_, mapping) = csv_import::suggest(&many);
        assert_eq!(
            describe(&mapping, &many),
            "C1 → title; not used: C2, C3, C4, C5, C6, C7, C8, C9, C10, C11 and 2 more"
        );
    }

    #[test]
    fn a_wrong_map_says_what_is_wrong() {
        let headers: Vec<String> = ["Idea", "Story Points"].map(str::to_owned).to_vec();
        assert_eq!(
            parse_map("story points = Cost/risk", &headers).ok().map(|m| m.0),
            Some(vec![1])
        );
        assert_eq!(parse_map("Idea=ignore", &headers).ok(), Some((vec![0], None)));
        for (map, message) in [
            ("Idea", "--map Idea: write it as COLUMN=FIELD"),
            ("Idea=size", "--map Idea=size: there is no field \"size\"."),
            (
                "Size=cost",
                "--map Size=cost: there is no column named \"Size\". The columns are: Idea, Story Points.",
            ),
        ] {
            let failure = parse_map(map, &headers).err().unwrap();
            assert_eq!(failure.code, EXIT_USAGE);
            assert!(failure.message.starts_with(message), "{}", failure.message);
        }
    }
}
