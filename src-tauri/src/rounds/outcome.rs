//! The closing reply: a Markdown table per place the round left its ideas in (median, spread, votes, split, the
//! medians' quadrant) and every ballot's estimates and nonce, so that anyone can check them; and checking a closed
//! round's published ballots.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use ts_rs::TS;

use super::collect::{Issue, NotCounted, Thread};
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

/// The result's text. `places` gives each idea key's final place on the board (`None`: not on it any more);
/// `not_counted`: the thread's ballots the round did not count, each said with its reason (replies with no ballot are
/// left out: they are the thread's conversation).
pub fn message(
    board: &str,
    stats: &[IdeaStats],
    ballots: &[OpenedBallot],
    not_counted: &[NotCounted],
    places: &HashMap<String, Option<Zone>>,
    thresholds: Thresholds,
) -> String {
    let mut out = format!(
        "#### Team round closed: {}\n{} ballot{} counted.\n",
        cell(board),
        ballots.len(),
        if ballots.len() == 1 { "" } else { "s" }
    );
    // Grouped by where the ideas were left, the decision the thread reads: grouped by their medians, an idea the
    // facilitator settled in Challenge was listed under Implement.
    let final_place = |s: &IdeaStats| match places.get(&s.key) {
        Some(Some(zone)) => zone.quadrant().map_or("Unsorted", Quadrant::name),
        _ => "Not on the board",
    };
    let groups = Quadrant::ALL
        .iter()
        .map(|q| q.name())
        .chain(["Unsorted", "Not on the board"]);
    for name in groups {
        let ideas: Vec<&IdeaStats> = stats.iter().filter(|s| final_place(s) == name).collect();
        if ideas.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n**{name}**\n\n| Idea | Median payoff / cost | Middle half within | Votes | Split | Medians in |\n|---|---|---|---|---|---|\n"
        ));
        for s in ideas {
            let (median, spread) = match (&s.payoff, &s.cost) {
                (Some(p), Some(c)) => (
                    format!("{} / {}", p.median, c.median),
                    format!("{} / {}", p.iqr, c.iqr),
                ),
                // Nobody placed it: said in words, so that its row does not read as a result.
                _ => ("no votes".into(), "–".into()),
            };
            let medians_in = s.median_position.map_or("–", |(payoff, cost)| {
                Quadrant::of(crate::domain::Position { payoff, cost }, thresholds).name()
            });
            // "No opinion" is not a vote, but it was said: the window shows it beside the votes, and so does the post.
            let votes = match s.no_opinion {
                0 => s.votes.to_string(),
                n => format!("{} · {n} no opinion", s.votes),
            };
            out.push_str(&format!(
                "| {} | {median} | {spread} | {votes} | {} | {medians_in} |\n",
                cell(&s.title),
                if s.split { "split" } else { "" }
            ));
        }
    }
    out.push_str("\n**Ballots** (each one sealed, and what opens it, is in this post's data: Pickboard › Verify round checks them)\n\n");
    // The round's ideas alone: a ballot made by hand with an estimate of an idea outside the round read "5 estimates"
    // on a round of 4 (that estimate counts in no idea's figures).
    let in_round: HashSet<&str> = stats.iter().map(|s| s.key.as_str()).collect();
    for b in ballots {
        let placed = b
            .estimates
            .iter()
            .filter(|(key, e)| in_round.contains(key.as_str()) && matches!(e, Estimate::Placed { .. }))
            .count();
        let estimates = if placed == 1 { "estimate" } else { "estimates" };
        out.push_str(&format!(
            "- {}: {placed} {estimates}, seal `{}`\n",
            cell(&b.name),
            &b.commitment[..b.commitment.len().min(16)]
        ));
    }
    let refused: Vec<&NotCounted> = not_counted
        .iter()
        .filter(|n| n.issue != Issue::NotABallot)
        .collect();
    if !refused.is_empty() {
        out.push_str("\n**Not counted**\n\n");
        for n in refused {
            out.push_str(&format!("- {}: {}\n", cell(&n.name), cell(&n.message)));
        }
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
    /// The voter as Mattermost names them ("First Last", else the username); their user id until named.
    pub name: String,
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
    let last_new = thread.last_new_ballots();
    let mut mismatches = Vec::new();
    for b in &result.ballots {
        let mismatch = |reason: &str| Mismatch {
            post_id: b.post_id.clone(),
            voter: b.voter.clone(),
            name: b.voter.clone(),
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
                Ok(_) if last_new.get(&b.voter) != Some(&b.commitment) => {
                    mismatches.push(mismatch(
                        "It is not the voter's last ballot: a later one, sent before the reveal, was not counted.",
                    ))
                }
                Ok(_) => {}
            },
        }
    }
    // A voter's last ballot sent before the reveal, not in the result: a result rewritten without a ballot checked
    // out as all matching. (The facilitator's Pickboard leaves out only ballots it could not count, and its result
    // post says why.)
    let published: HashSet<&str> = result.ballots.iter().map(|b| b.voter.as_str()).collect();
    let mut left_out: Vec<Mismatch> = last_new
        .iter()
        .filter(|(voter, _)| !published.contains(voter.as_str()))
        .map(|(voter, commitment)| Mismatch {
            post_id: posted
                .iter()
                .find(|(_, (author, b))| {
                    author == voter && b.as_ref().is_some_and(|b| &b.commitment == commitment)
                })
                .map(|(id, _)| (*id).to_owned())
                .unwrap_or_default(),
            voter: voter.clone(),
            name: voter.clone(),
            reason:
                "Their last ballot, sent before the reveal, is not in the result: it was not counted. The \
                     result post lists the ballots the facilitator's Pickboard could not count, and why."
                    .to_owned(),
        })
        .collect();
    left_out.sort_by(|a, b| a.post_id.cmp(&b.post_id));
    let checked = result.ballots.len() as u32;
    let mut summary = verified_in_words(checked, mismatches.len());
    match left_out.len() {
        0 => {}
        1 => summary.push_str(" 1 ballot sent before the reveal is not in the result."),
        n => summary.push_str(&format!(
            " {n} ballots sent before the reveal are not in the result."
        )),
    }
    mismatches.extend(left_out);
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

    fn score(tenths: i64) -> crate::domain::Score {
        crate::domain::Score::from_tenths(tenths).unwrap()
    }

    fn axis(median: f64) -> super::super::stats::AxisStats {
        super::super::stats::AxisStats {
            median,
            q1: median,
            q3: median,
            iqr: 0.0,
            min: median,
            max: median,
            split: false,
            lowest: vec!["Bo".into()],
            highest: vec!["Bo".into()],
        }
    }

    /// Idea `key` of a round, titled "Idea `key`": placed by one voter at `medians` (tenths), or by nobody (one said
    /// they had no opinion).
    fn idea(key: &str, medians: Option<(i64, i64)>) -> IdeaStats {
        IdeaStats {
            key: key.into(),
            title: format!("Idea {key}"),
            votes: u32::from(medians.is_some()),
            no_opinion: u32::from(medians.is_none()),
            payoff: medians.map(|(p, _)| axis(p as f64 / 10.0)),
            cost: medians.map(|(_, c)| axis(c as f64 / 10.0)),
            split: false,
            median_position: medians.map(|(p, c)| (score(p), score(c))),
            dots: Vec::new(),
        }
    }

    #[test]
    fn each_ballot_line_counts_its_estimates_in_words_that_agree() {
        let ballot = |name: &str, placed: usize| OpenedBallot {
            post_id: format!("post-{name}"),
            voter: format!("user-{name}"),
            name: name.to_owned(),
            estimates: (0..placed)
                .map(|i| {
                    let estimate = Estimate::Placed {
                        payoff: score(50),
                        cost: score(50),
                    };
                    (format!("idea-{i}"), estimate)
                })
                .collect(),
            nonce: "00".repeat(32),
            commitment: "ab".repeat(32),
        };
        // A round of two ideas; Cy's ballot, made by hand, has a third of an idea outside it.
        let stats = [idea("idea-0", Some((50, 50))), idea("idea-1", Some((50, 50)))];
        let text = message(
            "Platform",
            &stats,
            &[ballot("Ana", 1), ballot("Bo", 2), ballot("Cy", 3)],
            &[],
            &HashMap::new(),
            Thresholds::default(),
        );
        assert!(text.contains("- Ana: 1 estimate, seal"), "{text}");
        assert!(text.contains("- Bo: 2 estimates, seal"), "{text}");
        assert!(text.contains("- Cy: 2 estimates, seal"), "{text}");
    }

    /// The thread reads the decision: ideas are listed under the place the round left them in, with their medians'
    /// quadrant beside them. Listed under their medians, an idea settled in Challenge stood under Implement. An idea
    /// nobody placed says so, with the "no opinion" given for it.
    #[test]
    fn ideas_are_listed_under_where_they_were_left_with_their_medians_beside() {
        let stats = [
            idea("1", Some((55, 45))),
            idea("2", Some((55, 45))),
            idea("3", None),
            idea("4", Some((20, 80))),
        ];
        let places = HashMap::from([
            ("1".to_owned(), Some(Zone::Challenge)),
            ("2".to_owned(), Some(Zone::Implement)),
            ("3".to_owned(), Some(Zone::Unsorted)),
            ("4".to_owned(), None),
        ]);
        let text = message("Platform", &stats, &[], &[], &places, Thresholds::default());
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle:?} in {text}"))
        };
        assert!(at("**Implement**") < at("| Idea 2 |"));
        assert!(at("| Idea 2 |") < at("**Challenge**"));
        assert!(at("**Challenge**") < at("| Idea 1 |"));
        assert!(at("**Unsorted**") < at("| Idea 3 |"));
        assert!(at("**Not on the board**") < at("| Idea 4 |"));
        assert!(
            text.contains("| Idea 1 | 5.5 / 4.5 | 0 / 0 | 1 |  | Implement |"),
            "{text}"
        );
        // Nobody placed it, one said they had no opinion: said so, where a row of dashes read as a result.
        assert!(
            text.contains("| Idea 3 | no votes | – | 0 · 1 no opinion |  | – |"),
            "{text}"
        );
        assert!(
            text.contains("| Idea 4 | 2 / 8 | 0 / 0 | 1 |  | Kill |"),
            "{text}"
        );
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
