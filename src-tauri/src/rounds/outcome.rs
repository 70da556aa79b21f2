//! The closing reply: a Markdown table per quadrant (median, spread, votes, split, final place) and every ballot's
//! estimates and nonce, so that anyone can check them; and checking a closed round's published ballots.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::collect::Thread;
use super::record::{self, BallotRecord, ResultRecord, BALLOT_PROP};
use super::seal::{self, Estimate};
use super::stats::IdeaStats;
use super::store::OpenedBallot;
use crate::domain::{Quadrant, Thresholds, Zone};
use crate::error::{Error, Result};
use crate::mattermost::message::{safe, MAX_POST_CHARS};

/// User text in a table cell: on one line, as the outcome post writes it ([`safe`]: no mentions, no code, no table
/// breaks, no bidirectional controls).
fn cell(text: &str) -> String {
    safe(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The result's text. `places` gives each idea key's final place on the board (`None`: not on it any more).
pub fn message(
    board: &str,
    stats: &[IdeaStats],
    ballots: &[OpenedBallot],
    places: &HashMap<String, Option<Zone>>,
    thresholds: Thresholds,
) -> String {
    let mut out = format!(
        "#### Team round closed: {}\n{} ballot{} counted.\n",
        cell(board),
        ballots.len(),
        if ballots.len() == 1 { "" } else { "s" }
    );
    let group = |s: &IdeaStats| -> Option<Quadrant> {
        s.median_position
            .map(|(payoff, cost)| Quadrant::of(crate::domain::Position { payoff, cost }, thresholds))
    };
    let groups: Vec<(String, Vec<&IdeaStats>)> = Quadrant::ALL
        .iter()
        .map(|q| {
            (
                q.name().to_owned(),
                stats.iter().filter(|s| group(s) == Some(*q)).collect(),
            )
        })
        .chain([(
            "No votes".to_owned(),
            stats.iter().filter(|s| group(s).is_none()).collect(),
        )])
        .collect();
    for (name, ideas) in groups.into_iter().filter(|(_, v)| !v.is_empty()) {
        out.push_str(&format!(
            "\n**{name}**\n\n| Idea | Median payoff / cost | Spread (IQR) | Votes | Split | Final place |\n|---|---|---|---|---|---|\n"
        ));
        for s in ideas {
            let (median, spread) = match (&s.payoff, &s.cost) {
                (Some(p), Some(c)) => (
                    format!("{} / {}", p.median, c.median),
                    format!("{} / {}", p.iqr, c.iqr),
                ),
                _ => ("–".into(), "–".into()),
            };
            let place = match places.get(&s.key) {
                Some(Some(zone)) => zone.quadrant().map_or("Unsorted", Quadrant::name).to_owned(),
                _ => "not on the board".to_owned(),
            };
            out.push_str(&format!(
                "| {} | {median} | {spread} | {} | {} | {place} |\n",
                cell(&s.title),
                s.votes,
                if s.split { "split" } else { "" }
            ));
        }
    }
    out.push_str("\n**Ballots** (estimates and nonces are in this post's data: Pickboard › Verify round checks each one)\n\n");
    for b in ballots {
        let placed = b
            .estimates
            .values()
            .filter(|e| matches!(e, Estimate::Placed { .. }))
            .count();
        let estimates = if placed == 1 { "estimate" } else { "estimates" };
        out.push_str(&format!(
            "- {}: {placed} {estimates}, commitment `{}`\n",
            cell(&b.name),
            &b.commitment[..b.commitment.len().min(16)]
        ));
    }
    if out.chars().count() > MAX_POST_CHARS {
        let cut: String = out.chars().take(MAX_POST_CHARS - 80).collect();
        let at = cut.rfind('\n').unwrap_or(cut.len());
        out = format!(
            "{}\n\n… the rest is in this post's data (Pickboard shows it).",
            &cut[..at]
        );
    }
    out
}

/// The published ballots of a closed round.
pub fn result_record(round_id: &str, ballots: &[OpenedBallot]) -> ResultRecord {
    ResultRecord {
        version: record::VERSION,
        round_id: round_id.to_owned(),
        ballots: ballots
            .iter()
            .map(|b| record::PublishedBallot {
                post_id: b.post_id.clone(),
                voter: b.voter.clone(),
                estimates: b.estimates.clone(),
                nonce: b.nonce.clone(),
                commitment: b.commitment.clone(),
            })
            .collect(),
    }
}

/// A published ballot that does not check out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Mismatch {
    pub post_id: String,
    pub voter: String,
    pub reason: String,
}

/// What "Verify round" found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    pub round_id: String,
    /// The published ballots checked.
    pub checked: u32,
    pub mismatches: Vec<Mismatch>,
    /// "All 6 ballots match what was sealed." or what does not.
    pub summary: String,
}

/// Recomputes each published ballot's commitment and compares it with the one its voter posted in the thread.
pub fn verify(thread: &Thread) -> Result<Verification> {
    let result = thread.result().transpose()?.ok_or_else(|| {
        Error::invalid(
            "This round is not closed yet: its ballots are published when the facilitator closes it.",
        )
    })?;
    let posted: HashMap<&str, (&str, Option<BallotRecord>)> = thread
        .replies
        .iter()
        .map(|p| {
            let ballot = record::read::<BallotRecord>(&p.props, BALLOT_PROP, "ballot")
                .ok()
                .flatten();
            (p.id.as_str(), (p.user_id.as_str(), ballot))
        })
        .collect();
    let mut mismatches = Vec::new();
    for b in &result.ballots {
        let mismatch = |reason: &str| Mismatch {
            post_id: b.post_id.clone(),
            voter: b.voter.clone(),
            reason: reason.to_owned(),
        };
        let recomputed = seal::commitment(&result.round_id, &b.voter, &b.estimates, &b.nonce);
        match posted.get(b.post_id.as_str()) {
            None => mismatches.push(mismatch("Its ballot is not in the thread (deleted?).")),
            Some((author, _)) if *author != b.voter => {
                mismatches.push(mismatch("Its ballot was posted by someone else."))
            }
            Some((_, None)) => mismatches.push(mismatch("Its post holds no ballot.")),
            Some((_, Some(sent))) => match recomputed {
                Err(_) => mismatches.push(mismatch("Its published nonce is not a nonce.")),
                Ok(c) if c != sent.commitment || c != b.commitment => mismatches.push(mismatch(
                    "The published estimates do not match what the voter sealed.",
                )),
                Ok(_) => {}
            },
        }
    }
    let checked = result.ballots.len() as u32;
    let summary = verified_in_words(checked, mismatches.len());
    Ok(Verification {
        round_id: result.round_id,
        checked,
        mismatches,
        summary,
    })
}

/// What a check of `checked` ballots, `mismatched` of them wrong, found: "All 6 ballots match what was sealed."
fn verified_in_words(checked: u32, mismatched: usize) -> String {
    match (checked, mismatched) {
        (0, _) => "The result lists no ballot to check.".to_owned(),
        (1, 0) => "The one ballot matches what was sealed.".to_owned(),
        (1, _) => "The one ballot does not match what was sealed.".to_owned(),
        (_, 0) => format!("All {checked} ballots match what was sealed."),
        (_, 1) => format!("1 of {checked} ballots does not match what was sealed."),
        (_, n) => format!("{n} of {checked} ballots do not match what was sealed."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_ballot_line_counts_its_estimates_in_words_that_agree() {
        let ballot = |name: &str, placed: usize| OpenedBallot {
            post_id: format!("post-{name}"),
            voter: format!("user-{name}"),
            name: name.to_owned(),
            estimates: (0..placed)
                .map(|i| {
                    let estimate = Estimate::Placed {
                        payoff: crate::domain::Score::from_tenths(50).unwrap(),
                        cost: crate::domain::Score::from_tenths(50).unwrap(),
                    };
                    (format!("idea-{i}"), estimate)
                })
                .collect(),
            nonce: "00".repeat(32),
            commitment: "ab".repeat(32),
        };
        let text = message(
            "Platform",
            &[],
            &[ballot("Ana", 1), ballot("Bo", 2)],
            &HashMap::new(),
            Thresholds::default(),
        );
        assert!(text.contains("- Ana: 1 estimate, commitment"), "{text}");
        assert!(text.contains("- Bo: 2 estimates, commitment"), "{text}");
    }

    #[test]
    fn a_verification_is_told_in_words_for_one_ballot_and_for_many() {
        assert_eq!(verified_in_words(1, 0), "The one ballot matches what was sealed.");
        assert_eq!(verified_in_words(6, 0), "All 6 ballots match what was sealed.");
        assert_eq!(
            verified_in_words(6, 1),
            "1 of 6 ballots does not match what was sealed."
        );
        assert_eq!(
            verified_in_words(6, 2),
            "2 of 6 ballots do not match what was sealed."
        );
        assert_eq!(verified_in_words(0, 0), "The result lists no ballot to check.");
    }
}
