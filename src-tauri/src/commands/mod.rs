//! The commands the UI may call, one file per job. Each one is a thin seam: it takes the state, calls one storage or
//! domain function and returns its result; the rules live in `domain`, `edits` and `storage`.
//!
//! These signatures are the one description of the boundary: `build.rs` reads them (see `codegen/commands.rs`) to
//! declare and allow each command and to write the invoke handler, and the TypeScript the UI calls them with is
//! generated from them (`src/bindings.rs`). A new command is a `#[tauri::command]` function in one of these files.

pub mod account;
pub mod app;
pub mod boards;
pub mod files;
pub mod ideas;
pub mod posting;
pub mod rounds;
