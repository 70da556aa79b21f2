//! The sample board offered on first run: realistic infrastructure ideas, already placed.

use rusqlite::Transaction;

use crate::domain::{Score, Zone};
use crate::error::Result;
use crate::storage::{boards, ideas};

const NAME: &str = "Platform team — next quarter";

/// Payoff and cost/risk, each 0–10; `None` for an idea left in the Unsorted tray.
type Scores = Option<(f64, f64)>;

/// Title, notes, scores.
const IDEAS: &[(&str, &str, Scores)] = &[
    (
        "Turn on automated dependency updates for the infra repos",
        "Start with the Terraform modules.",
        Some((8.0, 1.5)),
    ),
    (
        "Alert on disk usage of the build runners",
        "Runners filled up twice last month.",
        Some((7.0, 2.5)),
    ),
    (
        "Migrate CI runners to arm64",
        "Cheaper instances; some images need rebuilding.",
        Some((8.5, 7.0)),
    ),
    (
        "Move the main Postgres to a managed service",
        "Needs a maintenance window.",
        Some((7.5, 8.5)),
    ),
    (
        "Rename the staging clusters to match production",
        "",
        Some((2.5, 1.5)),
    ),
    ("Dark mode for the internal status page", "", Some((2.0, 3.0))),
    (
        "Rewrite the deploy scripts in a new language",
        "Works today; big risk, little gain.",
        Some((2.5, 9.0)),
    ),
    (
        "Self-service preview environments for every pull request",
        "",
        None,
    ),
    ("Consolidate the three log pipelines into one", "", None),
];

pub fn create(tx: &Transaction<'_>) -> Result<boards::BoardSummary> {
    let board = boards::create(tx, NAME)?;
    for (title, notes, scores) in IDEAS {
        let idea = ideas::add(tx, board.id, title, Zone::Unsorted)?;
        if !notes.is_empty() {
            ideas::update(tx, idea.id, title, notes)?;
        }
        if let Some((payoff, cost)) = scores {
            ideas::set_position(
                tx,
                idea.id,
                Score::from_points(*payoff)?,
                Score::from_points(*cost)?,
            )?;
        }
    }
    boards::summary(tx, board.id)
}
