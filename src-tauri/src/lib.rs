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
pub mod rounds;
pub mod sample;
pub mod startup;
pub mod state;
pub mod storage;
pub mod text;
pub mod transfer;

mod app;
mod boot;
mod commands;
mod dialogs;
mod events;
mod first_window;
mod menu;
mod page_restarts;
mod quit;
mod title;
mod zoom;

pub use app::{webkit_defaults, WEBKIT_DEFAULTS};

#[cfg(test)]
mod bindings;

/// Opens the window, or runs the command line when there are arguments.
pub fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        startup::mark("main");
        app::run();
    } else {
        std::process::exit(cli::run(&args));
    }
}
