//! Pickboard: a PICK chart on the desktop. `domain` and `storage` are plain Rust and know nothing of the window;
//! `commands` is the thin layer the UI calls; `app` assembles the window.

pub mod cli;
pub mod domain;
pub mod edits;
pub mod error;
pub mod files;
pub mod mattermost;
pub mod paths;
pub mod preferences;
pub mod sample;
pub mod startup;
pub mod state;
pub mod storage;
pub mod text;
pub mod transfer;

mod app;
mod commands;
mod dialogs;
mod events;
mod menu;

#[cfg(test)]
mod bindings;

/// Opens the window, or runs the command line when there are arguments.
pub fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        startup::mark("main");
        software_compositing_on_linux();
        app::run();
    } else {
        std::process::exit(cli::run(&args));
    }
}

/// On Linux, WebKitGTK draws the page without its compositing layers, unless `WEBKIT_DISABLE_COMPOSITING_MODE` is
/// set already (`0` keeps compositing on). Measured in `docs/benchmarks.md`: it takes a large share of start-up time
/// and memory and buys nothing for a page like this one, which animates little.
fn software_compositing_on_linux() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        // Before any thread starts: nothing else reads the environment yet.
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}
