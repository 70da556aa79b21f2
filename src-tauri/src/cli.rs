//! The command line: `pickboard` with arguments runs without a window, for automation.

const USAGE: &str = "\
Pickboard: prioritise work on a PICK chart.

Usage:
  pickboard              open the window
  pickboard --help       show this help
  pickboard --version    show the version

Environment:
  PICKBOARD_DATA_DIR     keep the data in this folder instead of the app data folder
";

/// Exit code for a command line that cannot be understood.
pub const EXIT_USAGE: i32 = 2;

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
        Some(other) => {
            eprintln!("pickboard: unknown command '{other}'\n\n{USAGE}");
            EXIT_USAGE
        }
        None => 0,
    }
}
