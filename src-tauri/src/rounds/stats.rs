//! The reveal's statistics, per idea and axis: median, quartiles, min–max, the vote count, the split flag, and who
//! estimated lowest and highest. Ideas are ordered by disagreement.

use serde::Serialize;
use ts_rs::TS;

use super::seal::{Estimate, Estimates};
use crate::domain::{Score, Thresholds};

/// One axis of one idea, over the votes that placed it (scores in points, 0–10).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AxisStats {
    pub median: f64,
    pub q1: f64,
    pub q3: f64,
    /// `q3 - q1`.
    pub iqr: f64,
    pub min: f64,
    pub max: f64,
    /// Estimates fall on both sides of the board's threshold on this axis.
    pub split: bool,
    /// Who estimated lowest and highest (display names; several on a tie).
    pub lowest: Vec<String>,
    pub highest: Vec<String>,
}

/// One voter's dot, for the reveal's plane.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dot {
    pub voter: String,
    pub payoff: Score,
    pub cost: Score,
}

/// An idea at the reveal.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdeaStats {
    pub key: String,
    pub title: String,
    /// Votes that placed the idea ("no opinion" is not a vote).
    pub votes: u32,
    pub no_opinion: u32,
    /// `None` without votes.
    pub payoff: Option<AxisStats>,
    pub cost: Option<AxisStats>,
    /// The team disagrees about the quadrant: split on either axis.
    pub split: bool,
    /// Where the medians place it, rounded to one decimal (half up); `None` without votes.
    pub median_position: Option<(Score, Score)>,
    pub dots: Vec<Dot>,
}

/// The median of sorted `v`; `None` when empty.
pub fn median(v: &[f64]) -> Option<f64> {
    quantile(v, 0.5)
}

/// The `p`-quantile of sorted `v` by linear interpolation between order statistics (Hyndman & Fan type 7, what
/// NumPy's default, R's default and Excel's QUARTILE.INC compute): the value at rank `(n - 1) p`, counting from 0.
/// A single vote is its own quartiles; no votes have none.
pub fn quantile(v: &[f64], p: f64) -> Option<f64> {
    let last = v.len().checked_sub(1)?;
    let rank = last as f64 * p;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    Some(v[lo] + (v[hi] - v[lo]) * (rank - lo as f64))
}

/// Rounds to two decimals, so that 7.499999 shows and compares as 7.5.
fn tidy(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// An axis's statistics from `(voter, score in tenths)`; `None` without votes.
pub fn axis(votes: &[(&str, i64)], threshold: Score) -> Option<AxisStats> {
    let mut values: Vec<f64> = votes.iter().map(|(_, t)| *t as f64 / 10.0).collect();
    values.sort_by(f64::total_cmp);
    let (q1, med, q3) = (
        quantile(&values, 0.25)?,
        median(&values)?,
        quantile(&values, 0.75)?,
    );
    let (lo, hi) = (votes.iter().map(|v| v.1).min()?, votes.iter().map(|v| v.1).max()?);
    let named = |t: i64| -> Vec<String> {
        let mut names: Vec<String> = votes
            .iter()
            .filter(|v| v.1 == t)
            .map(|v| v.0.to_owned())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    Some(AxisStats {
        median: tidy(med),
        q1: tidy(q1),
        q3: tidy(q3),
        iqr: tidy(q3 - q1),
        min: lo as f64 / 10.0,
        max: hi as f64 / 10.0,
        split: lo < threshold.tenths() && hi >= threshold.tenths(),
        lowest: named(lo),
        highest: named(hi),
    })
}

/// A median in points as a score: rounded to one decimal, half up (7.25 → 7.3).
fn to_score(points: f64) -> Score {
    Score::from_tenths((points * 10.0 + 1e-9).round() as i64).unwrap_or(Score::MIN)
}

/// The statistics of every idea (`(key, title)`) over `ballots` (`(voter's name, estimates)`), ordered by
/// disagreement: split ideas first, then those with votes before those without, then by the wider spread (the two
/// interquartile ranges added), then by the wider range, then in the order of `ideas` (the round's). Estimates for keys
/// that are not in `ideas` are ignored.
pub fn reveal(
    ideas: &[(String, String)],
    ballots: &[(String, &Estimates)],
    thresholds: Thresholds,
) -> Vec<IdeaStats> {
    let mut out: Vec<IdeaStats> = ideas
        .iter()
        .map(|(key, title)| {
            let mut payoffs = Vec::with_capacity(ballots.len());
            let mut costs = Vec::with_capacity(ballots.len());
            let mut dots = Vec::new();
            let mut no_opinion = 0;
            for (voter, estimates) in ballots {
                match estimates.get(key) {
                    Some(Estimate::Placed { payoff, cost }) => {
                        payoffs.push((voter.as_str(), payoff.tenths()));
                        costs.push((voter.as_str(), cost.tenths()));
                        dots.push(Dot {
                            voter: voter.clone(),
                            payoff: *payoff,
                            cost: *cost,
                        });
                    }
                    Some(Estimate::NoOpinion) => no_opinion += 1,
                    None => {}
                }
            }
            let payoff = axis(&payoffs, thresholds.payoff);
            let cost = axis(&costs, thresholds.cost);
            let split = payoff.as_ref().is_some_and(|a| a.split) || cost.as_ref().is_some_and(|a| a.split);
            let median_position = payoff
                .as_ref()
                .zip(cost.as_ref())
                .map(|(p, c)| (to_score(p.median), to_score(c.median)));
            IdeaStats {
                key: key.clone(),
                title: title.clone(),
                votes: payoffs.len() as u32,
                no_opinion,
                payoff,
                cost,
                split,
                median_position,
                dots,
            }
        })
        .collect();
    let spread = |s: &IdeaStats| {
        let iqr = s.payoff.as_ref().map_or(0.0, |a| a.iqr) + s.cost.as_ref().map_or(0.0, |a| a.iqr);
        let range =
            s.payoff.as_ref().map_or(0.0, |a| a.max - a.min) + s.cost.as_ref().map_or(0.0, |a| a.max - a.min);
        (iqr, range)
    };
    out.sort_by(|a, b| {
        let ((ia, ra), (ib, rb)) = (spread(a), spread(b));
        b.split
            .cmp(&a.split)
            // An idea nobody placed has no spread to dispute: after every one with votes.
            .then((b.votes > 0).cmp(&(a.votes > 0)))
            .then(ib.total_cmp(&ia))
            .then(rb.total_cmp(&ra))
        // Then in the round's order (the sort is stable): by title, "Idea 10" came before "Idea 2".
    });
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn s(t: i64) -> Score {
        Score::from_tenths(t).unwrap()
    }

    #[test]
    fn quartiles_on_odd_even_single_and_empty_sets() {
        assert_eq!(median(&[]), None);
        assert_eq!(quantile(&[], 0.25), None);
        assert_eq!(median(&[4.0]), Some(4.0));
        assert_eq!(quantile(&[4.0], 0.25), Some(4.0));
        assert_eq!(median(&[1.0, 2.0, 9.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0, 3.0, 9.0]), Some(2.5));
        // Type 7: 1 2 3 4 → q1 at rank 0.75 = 1.75, q3 at rank 2.25 = 3.25.
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.25), Some(1.75));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.75), Some(3.25));
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.25), Some(2.0));
    }

    #[test]
    fn an_axis_names_its_extremes_and_flags_a_split_at_the_threshold() {
        let votes = [("Ana", 80), ("Bob", 40), ("Cy", 50), ("Di", 40)];
        let a = axis(&votes, s(50)).unwrap();
        assert_eq!((a.median, a.min, a.max), (4.5, 4.0, 8.0));
        assert!(a.split, "4 is below 5 and 5 counts as high");
        assert_eq!(a.lowest, vec!["Bob", "Di"]);
        assert_eq!(a.highest, vec!["Ana"]);
        let high = axis(&[("Ana", 50), ("Bob", 90)], s(50)).unwrap();
        assert!(!high.split, "a score on the line counts as high");
        assert!(axis(&[], s(50)).is_none());
    }

    #[test]
    fn the_reveal_puts_disagreement_first_and_rounds_medians_half_up() {
        let est = |pairs: &[(&str, Option<(i64, i64)>)]| -> Estimates {
            pairs
                .iter()
                .map(|(k, v)| {
                    let e = match v {
                        Some((p, c)) => Estimate::Placed {
                            payoff: s(*p),
                            cost: s(*c),
                        },
                        None => Estimate::NoOpinion,
                    };
                    ((*k).to_owned(), e)
                })
                .collect()
        };
        let ana = est(&[("calm", Some((70, 30))), ("hot", Some((90, 20))), ("none", None)]);
        let bob = est(&[("calm", Some((75, 35))), ("hot", Some((20, 80))), ("none", None)]);
        let ideas = vec![
            ("calm".to_owned(), "Calm".to_owned()),
            ("hot".to_owned(), "Hot".to_owned()),
            ("none".to_owned(), "Nobody knows".to_owned()),
        ];
        let ballots = vec![("Ana".to_owned(), &ana), ("Bob".to_owned(), &bob)];
        let out = reveal(&ideas, &ballots, Thresholds::default());
        assert_eq!(out[0].key, "hot");
        assert!(out[0].split);
        let calm = out.iter().find(|i| i.key == "calm").unwrap();
        assert!(!calm.split);
        assert_eq!(calm.votes, 2);
        // Medians 7.25 and 3.25 place it at 7.3 / 3.3.
        assert_eq!(calm.median_position, Some((s(73), s(33))));
        let none = out.iter().find(|i| i.key == "none").unwrap();
        assert_eq!((none.votes, none.no_opinion, none.median_position), (0, 2, None));

        // An idea one voter placed comes before one nobody placed, though its title sorts after it ("A" < "Z").
        let cy = est(&[("z", Some((50, 50)))]);
        let few = vec![
            ("a".to_owned(), "A nobody placed".to_owned()),
            ("z".to_owned(), "Z placed once".to_owned()),
        ];
        let order: Vec<String> = reveal(&few, &[("Cy".to_owned(), &cy)], Thresholds::default())
            .into_iter()
            .map(|i| i.key)
            .collect();
        assert_eq!(order, ["z", "a"]);

        // Ideas alike (here: nobody placed any) stay in the round's order, not the titles': "Idea 10" came before
        // "Idea 2".
        let alike: Vec<(String, String)> = [2, 10, 1]
            .iter()
            .map(|n| (n.to_string(), format!("Idea {n}")))
            .collect();
        let order: Vec<String> = reveal(&alike, &[], Thresholds::default())
            .into_iter()
            .map(|i| i.title)
            .collect();
        assert_eq!(order, ["Idea 2", "Idea 10", "Idea 1"]);
    }

    proptest! {
        #[test]
        fn quartiles_are_ordered_and_within_the_range(mut v in prop::collection::vec(0i64..=100, 1..40)) {
            let votes: Vec<(&str, i64)> = v.iter().map(|t| ("x", *t)).collect();
            let a = axis(&votes, s(50)).unwrap();
            prop_assert!(a.min <= a.q1 && a.q1 <= a.median && a.median <= a.q3 && a.q3 <= a.max);
            v.sort_unstable();
            let below = v.iter().filter(|t| **t < 50).count();
            prop_assert_eq!(a.split, below > 0 && below < v.len());
            // At least half the votes lie at or below the median, and at least half at or above.
            let med = (a.median * 10.0).round() as i64;
            prop_assert!(v.iter().filter(|t| **t <= med).count() * 2 >= v.len());
            prop_assert!(v.iter().filter(|t| **t >= med).count() * 2 >= v.len());
        }
    }
}
