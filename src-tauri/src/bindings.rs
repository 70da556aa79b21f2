//! Generates `ui/src/lib/bindings.ts` from the Rust types that cross to the UI, and fails when the committed file is
//! stale. Regenerate with `UPDATE_BINDINGS=1 cargo test -p pickboard bindings`.

use std::path::Path;

use ts_rs::{Config, TS};

use crate::commands::OpenStatus;
use crate::domain::{Position, Quadrant, Score, Thresholds, Zone};
use crate::edits::UndoOutcome;
use crate::error::{ErrorKind, ErrorPayload};
use crate::mattermost::message::PostOptions;
use crate::mattermost::outbox::{ChannelSettings, ChannelSettingsInput, Post, PostStatus};
use crate::mattermost::response::{Failure, Problem};
use crate::preferences::{Preferences, Theme};
use crate::storage::backup::BackupInfo;
use crate::storage::boards::{Board, BoardSummary};
use crate::storage::history::{Event, EventKind, EventSummary};
use crate::storage::ideas::{Idea, IdeaEdit};
use crate::transfer::csv_import::{
    ColumnMapping, CsvPreview, CsvSource, ImportOutcome, ImportTarget, PreviewIdea, RowProblem,
};
use crate::transfer::session::{BoardFileSummary, ImportProgress, ImportStart};
use crate::transfer::ExportFormat;

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
        Theme::decl(&cfg),
        Preferences::decl(&cfg),
        OpenStatus::decl(&cfg),
        EventKind::decl(&cfg),
        EventSummary::decl(&cfg),
        Event::decl(&cfg),
        UndoOutcome::decl(&cfg),
        PostOptions::decl(&cfg),
        ChannelSettings::decl(&cfg),
        ChannelSettingsInput::decl(&cfg),
        PostStatus::decl(&cfg),
        Post::decl(&cfg),
        Problem::decl(&cfg),
        Failure::decl(&cfg),
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
        ImportProgress::decl(&cfg),
        BackupInfo::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit: run\n\
         // `UPDATE_BINDINGS=1 cargo test -p pickboard bindings` after changing a type.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let fresh = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p pickboard bindings`"
    );
}
