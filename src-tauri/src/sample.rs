//! The sample board offered on first run: realistic infrastructure ideas, already placed.

use rusqlite::Transaction;

use crate::domain::{Score, Zone};
use crate::error::Result;
use crate::storage::{boards, ideas};

const NAME: &str = "Platform team — next quarter";

/// Payoff and cost/risk, each 0–10; `None` for an idea left in the Unsorted tray.
type Scores = Option<(f64, f64)>;

struct SampleIdea {
    title: &'static str,
    notes: &'static str,
    owner: &'static str,
    tags: &'static [&'static str],
    scores: Scores,
}

const fn idea(
    title: &'static str,
    notes: &'static str,
    owner: &'static str,
    tags: &'static [&'static str],
    scores: Scores,
) -> SampleIdea {
    SampleIdea {
        title,
        notes,
        owner,
        tags,
        scores,
    }
}

const IDEAS: &[SampleIdea] = &[
    idea(
        "Turn on automated dependency updates for the infra repos",
        "Start with the **Terraform** modules.",
        "ana",
        &["security"],
        Some((8.0, 1.5)),
    ),
    idea(
        "Alert on disk usage of the build runners",
        "Runners filled up twice last month.",
        "bo",
        &["ci", "reliability"],
        Some((7.0, 2.5)),
    ),
    idea(
        "Migrate CI runners to arm64",
        "Cheaper instances; some images need rebuilding.",
        "bo",
        &["ci", "cost"],
        Some((8.5, 7.0)),
    ),
    idea(
        "Move the main Postgres to a managed service",
        "Needs a maintenance window.",
        "chen",
        &["reliability"],
        Some((7.5, 8.5)),
    ),
    idea(
        "Rename the staging clusters to match production",
        "",
        "",
        &[],
        Some((2.5, 1.5)),
    ),
    idea(
        "Dark mode for the internal status page",
        "",
        "dana",
        &[],
        Some((2.0, 3.0)),
    ),
    idea(
        "Rewrite the deploy scripts in a new language",
        "Works today; big risk, little gain.",
        "",
        &["ci"],
        Some((2.5, 9.0)),
    ),
    idea(
        "Self-service preview environments for every pull request",
        "",
        "",
        &["ci"],
        None,
    ),
    idea(
        "Consolidate the three log pipelines into one",
        "",
        "chen",
        &["cost"],
        None,
    ),
];

pub fn create(tx: &Transaction<'_>) -> Result<boards::BoardSummary> {
    let board = boards::create(tx, NAME)?;
    for sample in IDEAS {
        let idea = ideas::add(tx, board.id, sample.title, Zone::Unsorted)?;
        let edit = ideas::IdeaEdit {
            title: sample.title.to_owned(),
            notes: sample.notes.to_owned(),
            owner: sample.owner.to_owned(),
            link: String::new(),
            tags: sample.tags.iter().map(|t| (*t).to_owned()).collect(),
        };
        ideas::update(tx, idea.id, &edit)?;
        if let Some((payoff, cost)) = sample.scores {
            ideas::set_position(
                tx,
                idea.id,
                Score::from_points(payoff)?,
                Score::from_points(cost)?,
            )?;
        }
    }
    boards::summary(tx, board.id)
}
