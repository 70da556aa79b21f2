//! Generates the UI's side of the boundary from Rust, and fails when the committed files are stale:
//! - `ui/src/lib/bindings.ts`: the types that cross, the `Commands` interface (each command's arguments and result,
//!   read from the signatures in `src/commands/`) and the `Events` interface (`src/events.rs`);
//! - `ui/src/lib/backend.ts`: one typed function per command.
//!
//! Regenerate with `UPDATE_BINDINGS=1 cargo test -p pickboard bindings`.

#[allow(dead_code)] // the permission and handler writers in it serve build.rs
#[path = "../codegen/commands.rs"]
mod commands;

use std::path::Path;

use ts_rs::{Config, TS};

use crate::commands::account::{ChannelChoice, TeamChannels};
use crate::commands::app::OpenStatus;
use crate::domain::{Position, Quadrant, Score, Thresholds, Zone};
use crate::edits::{AddedIdeas, Edited, UndoOutcome};
use crate::error::{ErrorKind, ErrorPayload};
use crate::mattermost::account::{Account, Keeping};
use crate::mattermost::destination::AccountChannel;
use crate::mattermost::message::PostOptions;
use crate::mattermost::outbox::{ChannelSettings, ChannelSettingsInput, HeldBehind, Post, PostStatus};
use crate::mattermost::response::{Failure, Problem};
use crate::preferences::{Preferences, Theme, ZoomChange};
use crate::rounds::collect::{Issue, NotCounted};
use crate::rounds::outcome::{Mismatch, Verification};
use crate::rounds::record::RoundIdea;
use crate::rounds::seal::Estimate;
use crate::rounds::service::{Reveal, RoundStatus, RoundView, Submitted, Voter};
use crate::rounds::settle::{SettleOutcome, Skipped};
use crate::rounds::stats::{AxisStats, Dot, IdeaStats};
use crate::rounds::store::{Draft, RoundState};
use crate::startup::StartupMark;
use crate::storage::backup::{BackupInfo, Restored};
use crate::storage::boards::{Board, BoardSummary, DeletedBoard};
use crate::storage::history::{Event, EventKind, EventSummary, HistoryState, RoundSettled, SettledIdea};
use crate::storage::ideas::{Idea, IdeaEdit};
use crate::transfer::csv_import::{
    ColumnMapping, CsvPreview, CsvSource, ImportOutcome, ImportTarget, PreviewIdea, RowProblem,
};
use crate::transfer::session::{BoardFileSummary, ImportStart};
use crate::transfer::ExportFormat;

const HEADER: &str = "// Generated from Rust by src-tauri/src/bindings.rs. Do not edit: run\n\
                      // `UPDATE_BINDINGS=1 cargo test -p pickboard bindings` after changing a command or a type.\n";

fn commands() -> Vec<commands::Command> {
    commands::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands")).unwrap()
}

fn generate() -> String {
    // Ids and times are i64 in Rust; they stay far below 2^53, so they cross as plain numbers.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorKind::decl(&cfg),
        ErrorPayload::decl(&cfg),
        Score::decl(&cfg),
        Position::decl(&cfg),
        Thresholds::decl(&cfg),
        Quadrant::decl(&cfg),
        Zone::decl(&cfg),
        Idea::decl(&cfg),
        IdeaEdit::decl(&cfg),
        Board::decl(&cfg),
        BoardSummary::decl(&cfg),
        DeletedBoard::decl(&cfg),
        Theme::decl(&cfg),
        Preferences::decl(&cfg),
        ZoomChange::decl(&cfg),
        OpenStatus::decl(&cfg),
        crate::boot::Boot::decl(&cfg),
        EventKind::decl(&cfg),
        EventSummary::decl(&cfg),
        Event::decl(&cfg),
        UndoOutcome::decl(&cfg),
        HistoryState::decl(&cfg),
        Edited::<()>::decl(&cfg),
        AddedIdeas::decl(&cfg),
        PostOptions::decl(&cfg),
        ChannelSettings::decl(&cfg),
        ChannelSettingsInput::decl(&cfg),
        PostStatus::decl(&cfg),
        Post::decl(&cfg),
        HeldBehind::decl(&cfg),
        Problem::decl(&cfg),
        Failure::decl(&cfg),
        StartupMark::decl(&cfg),
        Keeping::decl(&cfg),
        Account::decl(&cfg),
        AccountChannel::decl(&cfg),
        ChannelChoice::decl(&cfg),
        TeamChannels::decl(&cfg),
        ExportFormat::decl(&cfg),
        CsvSource::decl(&cfg),
        ColumnMapping::decl(&cfg),
        ImportTarget::decl(&cfg),
        RowProblem::decl(&cfg),
        PreviewIdea::decl(&cfg),
        CsvPreview::decl(&cfg),
        ImportOutcome::decl(&cfg),
        BoardFileSummary::decl(&cfg),
        ImportStart::decl(&cfg),
        BackupInfo::decl(&cfg),
        Restored::decl(&cfg),
        SettledIdea::decl(&cfg),
        RoundSettled::decl(&cfg),
        Estimate::decl(&cfg),
        // `rounds::seal::Estimates`, a map from idea key to estimate (a type alias, which ts-rs cannot declare).
        "type Estimates = { [key in string]?: Estimate };".to_owned(),
        RoundIdea::decl(&cfg),
        RoundState::decl(&cfg),
        Draft::decl(&cfg),
        RoundView::decl(&cfg),
        Voter::decl(&cfg),
        Issue::decl(&cfg),
        NotCounted::decl(&cfg),
        RoundStatus::decl(&cfg),
        Submitted::decl(&cfg),
        AxisStats::decl(&cfg),
        Dot::decl(&cfg),
        IdeaStats::decl(&cfg),
        Reveal::decl(&cfg),
        Skipped::decl(&cfg),
        SettleOutcome::decl(&cfg),
        Mismatch::decl(&cfg),
        Verification::decl(&cfg),
    ];
    let mut out = String::from(HEADER);
    // The page hands the backend a channel for its events (`listen_to_backend`).
    out.push_str("import type { Channel } from \"@tauri-apps/api/core\";\n\nexport type { Channel };\n");
    for decl in decls.into_iter().chain(crate::events::declarations(&cfg)) {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&commands::typescript_interface(&commands()));
    out.push('\n');
    out.push_str(&crate::events::typescript(&cfg));
    out
}

/// Writes `fresh` to `ui/src/lib/<name>` with `UPDATE_BINDINGS` set; otherwise fails when the file differs.
fn check(name: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/src/lib")
        .join(name);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/{name} is stale: run `UPDATE_BINDINGS=1 cargo test -p pickboard bindings`"
    );
}

#[test]
fn typescript_bindings_are_up_to_date() {
    check("bindings.ts", &generate());
}

#[test]
fn typescript_backend_is_up_to_date() {
    check("backend.ts", &commands::typescript_functions(&commands(), HEADER));
}

#[test]
fn every_command_is_exported_once() {
    let list = commands();
    let names: std::collections::BTreeSet<&str> = list.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), list.len(), "two commands share a name");
    assert!(names.contains("move_idea") && names.contains("run_import"));
}
