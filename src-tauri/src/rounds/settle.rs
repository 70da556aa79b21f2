//! "Place all at the medians": one edit in the board's history (one undo), recorded so that each idea's timeline
//! says "settled by team round: median 7.5 / 3, 6 votes".

use rusqlite::{params, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::stats::IdeaStats;
use crate::domain::{Position, Score};
use crate::error::Result;
use crate::storage::history::{self, EventKind, EventSummary, HistoryState, RoundSettled, SettledIdea};
use crate::storage::ideas;

/// An idea of the round that was not placed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    pub key: String,
    pub title: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettleOutcome {
    /// Every idea with votes on the board, at its medians now.
    pub settled: Vec<SettledIdea>,
    /// How many of them it moved: the others sat at their medians already.
    pub moved: u32,
    pub skipped: Vec<Skipped>,
    /// The event to undo, `None` when every idea already sat at its medians.
    pub event_id: Option<i64>,
    pub history: HistoryState,
}

fn points(s: Score) -> String {
    let p = s.points();
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p:.1}")
    }
}

/// Everyone who placed at least one idea, by name, in order.
fn voters(stats: &[IdeaStats]) -> Vec<String> {
    let names: std::collections::BTreeSet<&str> = stats
        .iter()
        .flat_map(|idea| idea.dots.iter().map(|d| d.voter.as_str()))
        .collect();
    names.into_iter().map(str::to_owned).collect()
}

/// "settled by team round: median 7.5 / 3, 6 votes".
pub fn line(payoff: Score, cost: Score, votes: u32) -> String {
    format!(
        "settled by team round: median {} / {}, {votes} vote{}",
        points(payoff),
        points(cost),
        if votes == 1 { "" } else { "s" }
    )
}

/// Places every idea of `stats` that has votes at its medians on `board_id`, as one event. Ideas deleted from the
/// board meanwhile, or moved to another board, are skipped and listed.
pub fn at_medians(
    tx: &Transaction<'_>,
    board_id: i64,
    round_id: &str,
    stats: &[IdeaStats],
) -> Result<SettleOutcome> {
    let mut settled = Vec::new();
    let mut moved = 0;
    let mut skipped = Vec::new();
    for idea in stats {
        let skip = |reason: &str| Skipped {
            key: idea.key.clone(),
            title: idea.title.clone(),
            reason: reason.to_owned(),
        };
        let Some((payoff, cost)) = idea.median_position else {
            skipped.push(skip("Nobody placed it."));
            continue;
        };
        let found = idea
            .key
            .parse::<i64>()
            .ok()
            .and_then(|id| ideas::get(tx, id).ok());
        match found {
            Some(on_board) if on_board.board_id == board_id => {
                if on_board.position != Some(Position { payoff, cost }) {
                    moved += 1;
                }
                settled.push(SettledIdea {
                    idea_id: on_board.id,
                    title: on_board.title,
                    payoff,
                    cost,
                    votes: idea.votes,
                    line: line(payoff, cost, idea.votes),
                });
            }
            _ => skipped.push(skip("It is not on the board any more.")),
        }
    }
    let summary = EventSummary {
        title: Some(format!(
            "team round ({} idea{})",
            settled.len(),
            if settled.len() == 1 { "" } else { "s" }
        )),
        fields: vec!["scores".into()],
        round: Some(RoundSettled {
            round_id: round_id.to_owned(),
            ideas: settled.clone(),
            voters: voters(stats),
        }),
        ..EventSummary::default()
    };
    let (_, event_id) = history::record_described(tx, EventKind::Moved, summary, |tx| {
        for idea in &settled {
            ideas::set_position(tx, idea.idea_id, idea.payoff, idea.cost)?;
        }
        Ok(())
    })?;
    if let Some(event_id) = event_id {
        for idea in &settled {
            tx.execute(
                "INSERT OR IGNORE INTO round_settled (event_id, idea_id) VALUES (?1, ?2)",
                params![event_id, idea.idea_id],
            )?;
        }
    }
    Ok(SettleOutcome {
        settled,
        moved,
        skipped,
        event_id,
        history: history::undo_state(tx, board_id)?,
    })
}
