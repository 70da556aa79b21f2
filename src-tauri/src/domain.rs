//! The PICK model: scores, thresholds, quadrants and the rules that connect them. Plain Rust, no storage, no UI.
//!
//! An idea is either unplaced (it sits in the Unsorted tray) or has a [`Position`]: a payoff and a cost/risk score,
//! each on a 0–10 scale with one decimal. Its quadrant follows from the position and the board's [`Thresholds`], by
//! this module's rule alone (the database keeps a copy beside the scores for its index, held to the rule by a property
//! test). A score exactly on a threshold counts as high payoff / hard.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// A score on the 0–10 scale, kept as whole tenths (0..=100) so that comparisons at a threshold are exact.
/// It crosses to the UI as a plain number with one decimal (`7.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "number")]
pub struct Score(u8);

impl Score {
    pub const MIN: Score = Score(0);
    pub const MAX: Score = Score(100);

    pub fn from_tenths(tenths: i64) -> Result<Self> {
        u8::try_from(tenths)
            .ok()
            .filter(|t| *t <= 100)
            .map(Score)
            .ok_or_else(|| {
                Error::invalid(format!(
                    "A score must lie between 0 and 10 (got {}).",
                    tenths as f64 / 10.0
                ))
            })
    }

    pub fn from_points(points: f64) -> Result<Self> {
        if !points.is_finite() {
            return Err(Error::invalid("A score must be a number between 0 and 10."));
        }
        // Far out of range, said as given: 1e30, saturated to tenths, was reported as "922337203685477600".
        if !(-1.0..=11.0).contains(&points) {
            let given = if points.abs() >= 1e6 {
                format!("{points:e}")
            } else {
                points.to_string()
            };
            return Err(Error::invalid(format!(
                "A score must lie between 0 and 10 (got {given})."
            )));
        }
        Self::from_tenths((points * 10.0).round() as i64)
    }

    pub fn tenths(self) -> i64 {
        i64::from(self.0)
    }

    pub fn points(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_f64(self.points())
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let points = f64::deserialize(d)?;
        Score::from_points(points).map_err(serde::de::Error::custom)
    }
}

/// Where an idea sits on the PICK plane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    /// Payoff (return on investment): 0 = none, 10 = very high. The vertical axis.
    pub payoff: Score,
    /// Cost and risk: 0 = easy, 10 = very hard. The horizontal axis.
    pub cost: Score,
}

/// The lines that divide a board into quadrants. A threshold lies in 0.1..=10 so that both sides are non-empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Thresholds {
    /// Payoff at or above this is high.
    pub payoff: Score,
    /// Cost/risk at or above this is hard.
    pub cost: Score,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            payoff: Score(50),
            cost: Score(50),
        }
    }
}

impl Thresholds {
    pub fn new(payoff: Score, cost: Score) -> Result<Self> {
        if payoff.0 == 0 || cost.0 == 0 {
            return Err(Error::invalid("A threshold must lie above 0 and at most 10."));
        }
        Ok(Thresholds { payoff, cost })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Quadrant {
    /// High payoff, easy: quick wins.
    Implement,
    /// High payoff, hard: worth the effort.
    Challenge,
    /// Low payoff, easy: maybe later.
    Possible,
    /// Low payoff, hard: drop it.
    Kill,
}

/// How far inside its lines (tenths) an idea moved into a quadrant from outside it lands.
const INSIDE_LINE: u8 = 5;

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::Implement,
        Quadrant::Challenge,
        Quadrant::Possible,
        Quadrant::Kill,
    ];

    pub fn of(position: Position, thresholds: Thresholds) -> Quadrant {
        let high = position.payoff >= thresholds.payoff;
        let hard = position.cost >= thresholds.cost;
        match (high, hard) {
            (true, false) => Quadrant::Implement,
            (true, true) => Quadrant::Challenge,
            (false, false) => Quadrant::Possible,
            (false, true) => Quadrant::Kill,
        }
    }

    fn is_high_payoff(self) -> bool {
        matches!(self, Quadrant::Implement | Quadrant::Challenge)
    }

    fn is_hard(self) -> bool {
        matches!(self, Quadrant::Challenge | Quadrant::Kill)
    }

    pub fn name(self) -> &'static str {
        match self {
            Quadrant::Implement => "Implement",
            Quadrant::Challenge => "Challenge",
            Quadrant::Possible => "Possible",
            Quadrant::Kill => "Kill",
        }
    }

    /// The position an idea takes when it is dropped into this quadrant: its own position when that already lies
    /// inside, otherwise the nearest point half a point inside its lines (or as far in as the scale goes), and the
    /// middle of the quadrant for an unplaced idea. On the line itself (4.9 and 5 for Kill), a card moved with 4 sat
    /// on the chart's cross, in no quadrant to the eye.
    pub fn place(self, current: Option<Position>, thresholds: Thresholds) -> Position {
        let (tp, tc) = (thresholds.payoff.0, thresholds.cost.0);
        let high = |line: u8| line.saturating_add(INSIDE_LINE).min(Score::MAX.0);
        // At least 0, which is below any line (a line lies above 0).
        let low = |line: u8| line.saturating_sub(INSIDE_LINE);
        match current {
            Some(p) if Quadrant::of(p, thresholds) == self => p,
            Some(p) => Position {
                payoff: Score(if self.is_high_payoff() {
                    p.payoff.0.max(high(tp))
                } else {
                    p.payoff.0.min(low(tp))
                }),
                cost: Score(if self.is_hard() {
                    p.cost.0.max(high(tc))
                } else {
                    p.cost.0.min(low(tc))
                }),
            },
            None => Position {
                payoff: Score(if self.is_high_payoff() {
                    (tp + 100) / 2
                } else {
                    tp / 2
                }),
                cost: Score(if self.is_hard() { (tc + 100) / 2 } else { tc / 2 }),
            },
        }
    }
}

/// Where an idea is shown: the Unsorted tray or one of the quadrants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Zone {
    Unsorted,
    Implement,
    Challenge,
    Possible,
    Kill,
}

impl Zone {
    pub const ALL: [Zone; 5] = [
        Zone::Unsorted,
        Zone::Implement,
        Zone::Challenge,
        Zone::Possible,
        Zone::Kill,
    ];

    /// The zone's name as it crosses to the UI.
    pub fn name(self) -> &'static str {
        match self {
            Zone::Unsorted => "unsorted",
            Zone::Implement => "implement",
            Zone::Challenge => "challenge",
            Zone::Possible => "possible",
            Zone::Kill => "kill",
        }
    }

    pub fn of(position: Option<Position>, thresholds: Thresholds) -> Zone {
        position.map_or(Zone::Unsorted, |p| Quadrant::of(p, thresholds).into())
    }

    pub fn quadrant(self) -> Option<Quadrant> {
        match self {
            Zone::Unsorted => None,
            Zone::Implement => Some(Quadrant::Implement),
            Zone::Challenge => Some(Quadrant::Challenge),
            Zone::Possible => Some(Quadrant::Possible),
            Zone::Kill => Some(Quadrant::Kill),
        }
    }
}

impl From<Quadrant> for Zone {
    fn from(q: Quadrant) -> Zone {
        match q {
            Quadrant::Implement => Zone::Implement,
            Quadrant::Challenge => Zone::Challenge,
            Quadrant::Possible => Zone::Possible,
            Quadrant::Kill => Zone::Kill,
        }
    }
}

pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_OWNER_CHARS: usize = 100;
pub const MAX_LINK_CHARS: usize = 2_000;
pub const MAX_TAGS: usize = 20;
pub const MAX_TAG_CHARS: usize = 40;
pub const MAX_NOTES_CHARS: usize = 50_000;
pub const MAX_BOARD_NAME_CHARS: usize = 100;

/// A title as it is stored: one line, trimmed, 1 to 500 characters.
pub fn clean_title(raw: &str) -> Result<String> {
    let title = one_line(raw);
    if title.is_empty() {
        return Err(Error::invalid("Give the idea a title."));
    }
    let len = title.chars().count();
    if len > MAX_TITLE_CHARS {
        return Err(Error::invalid(format!(
            "A title can be at most {MAX_TITLE_CHARS} characters long; this one has {}. Put the details in the notes.",
            crate::text::grouped(len)
        )));
    }
    Ok(title)
}

pub fn clean_notes(raw: &str) -> Result<String> {
    let notes: String = raw
        .chars()
        .filter(|&c| (!c.is_control() || matches!(c, '\n' | '\t')) && !crate::text::is_bidi_control(c))
        .collect();
    let notes = notes.trim_end().to_owned();
    let len = notes.chars().count();
    if len > MAX_NOTES_CHARS {
        return Err(Error::invalid(format!(
            "Notes can be at most {} characters long; these have {}.",
            crate::text::grouped(MAX_NOTES_CHARS),
            crate::text::grouped(len)
        )));
    }
    Ok(notes)
}

pub fn clean_board_name(raw: &str) -> Result<String> {
    let name = one_line(raw);
    if name.is_empty() {
        return Err(Error::invalid("Give the board a name."));
    }
    if name.chars().count() > MAX_BOARD_NAME_CHARS {
        return Err(Error::invalid(format!(
            "A board name can be at most {MAX_BOARD_NAME_CHARS} characters long."
        )));
    }
    Ok(name)
}

/// An owner: a person's name or Mattermost username, on one line. A username typed with its `@` ("@ana", as in a
/// mention) is kept without it: the filter showed "@@ana", and Notify owners mentions the username itself.
pub fn clean_owner(raw: &str) -> Result<String> {
    let line = one_line(raw);
    let owner = line
        .strip_prefix('@')
        .map_or(line.as_str(), str::trim_start)
        .to_owned();
    if owner.chars().count() > MAX_OWNER_CHARS {
        return Err(Error::invalid(format!(
            "An owner can be at most {MAX_OWNER_CHARS} characters long."
        )));
    }
    Ok(owner)
}

/// A link is empty, or an http or https address with a host, of at most 2,000 characters.
pub fn clean_link(raw: &str) -> Result<String> {
    let link = raw.trim();
    if link.is_empty() {
        return Ok(String::new());
    }
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))
        .ok_or_else(|| Error::invalid("A link must start with http:// or https://."))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::invalid(
            "This link is not a web address. Check it and try again.",
        ));
    }
    if link.chars().count() > MAX_LINK_CHARS {
        return Err(Error::invalid(format!(
            "A link can be at most {MAX_LINK_CHARS} characters long."
        )));
    }
    Ok(link.to_owned())
}

/// Tags: each one line without commas, at most 40 characters; duplicates (ignoring case) and empty ones dropped.
pub fn clean_tags(raw: &[String]) -> Result<Vec<String>> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw {
        let tag = one_line(&tag.replace(',', " "));
        if tag.is_empty() || tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS {
            return Err(Error::invalid(format!(
                "A tag can be at most {MAX_TAG_CHARS} characters long."
            )));
        }
        tags.push(tag);
    }
    if tags.len() > MAX_TAGS {
        return Err(Error::invalid(format!(
            "An idea can have at most {MAX_TAGS} tags."
        )));
    }
    Ok(tags)
}

/// Whether `raw` shows nothing: empty, spaces, or characters that draw nothing (as `clean_board_name` and the titles
/// take it).
pub fn shows_nothing(raw: &str) -> bool {
    one_line(raw).is_empty()
}

/// `raw` as one line: its words, each run of spaces, new lines and control characters one space, and without
/// bidirectional controls. Those are dropped from every text kept, as from every text written out (text.rs): kept, a
/// title with U+202E read "Evil code" on its card and "Evil edoc" in the post. Characters that draw nothing are
/// dropped, and a word of characters that draw nothing by themselves (text.rs) too: a title, name or tag that shows
/// nothing is empty.
fn one_line(raw: &str) -> String {
    let visible: String = crate::text::without_bidi_controls(raw)
        .chars()
        .filter(|&c| !crate::text::is_invisible(c))
        .collect();
    visible
        .split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|w| !w.chars().all(crate::text::is_blank))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Generators for property tests.
#[cfg(test)]
pub(crate) mod testing {
    use proptest::prelude::*;

    use super::Zone;

    pub(crate) fn any_zone() -> impl Strategy<Value = Zone> {
        prop_oneof![
            Just(Zone::Unsorted),
            Just(Zone::Implement),
            Just(Zone::Challenge),
            Just(Zone::Possible),
            Just(Zone::Kill)
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zones_name_is_its_serialised_name() {
        for zone in Zone::ALL {
            assert_eq!(serde_json::to_value(zone).unwrap(), zone.name());
        }
    }

    fn pos(payoff: f64, cost: f64) -> Position {
        Position {
            payoff: Score::from_points(payoff).unwrap(),
            cost: Score::from_points(cost).unwrap(),
        }
    }

    fn thresholds(payoff: f64, cost: f64) -> Thresholds {
        Thresholds::new(
            Score::from_points(payoff).unwrap(),
            Score::from_points(cost).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn quadrant_follows_position_with_default_thresholds() {
        let t = Thresholds::default();
        assert_eq!(Quadrant::of(pos(9.0, 1.0), t), Quadrant::Implement);
        assert_eq!(Quadrant::of(pos(9.0, 9.0), t), Quadrant::Challenge);
        assert_eq!(Quadrant::of(pos(1.0, 1.0), t), Quadrant::Possible);
        assert_eq!(Quadrant::of(pos(1.0, 9.0), t), Quadrant::Kill);
    }

    #[test]
    fn a_score_exactly_on_a_threshold_counts_as_high_payoff_and_hard() {
        let t = Thresholds::default();
        assert_eq!(Quadrant::of(pos(5.0, 4.9), t), Quadrant::Implement);
        assert_eq!(Quadrant::of(pos(4.9, 4.9), t), Quadrant::Possible);
        assert_eq!(Quadrant::of(pos(5.0, 5.0), t), Quadrant::Challenge);
        assert_eq!(Quadrant::of(pos(4.9, 5.0), t), Quadrant::Kill);
        // The corners of the scale.
        assert_eq!(Quadrant::of(pos(0.0, 0.0), t), Quadrant::Possible);
        assert_eq!(Quadrant::of(pos(10.0, 10.0), t), Quadrant::Challenge);
    }

    #[test]
    fn the_quadrant_moves_with_the_thresholds() {
        let p = pos(5.5, 5.5);
        assert_eq!(Quadrant::of(p, Thresholds::default()), Quadrant::Challenge);
        assert_eq!(Quadrant::of(p, thresholds(6.0, 6.0)), Quadrant::Possible);
        assert_eq!(Quadrant::of(p, thresholds(5.5, 6.0)), Quadrant::Implement);
        assert_eq!(Quadrant::of(p, thresholds(10.0, 0.1)), Quadrant::Kill);
    }

    #[test]
    fn placing_keeps_a_position_that_already_lies_inside() {
        let t = Thresholds::default();
        assert_eq!(Quadrant::Implement.place(Some(pos(8.2, 1.3)), t), pos(8.2, 1.3));
    }

    #[test]
    fn placing_moves_to_the_nearest_point_half_a_point_inside() {
        let t = Thresholds::default();
        assert_eq!(Quadrant::Kill.place(Some(pos(8.2, 1.3)), t), pos(4.5, 5.5));
        assert_eq!(Quadrant::Challenge.place(Some(pos(8.2, 1.3)), t), pos(8.2, 5.5));
        assert_eq!(Quadrant::Possible.place(Some(pos(9.9, 9.9)), t), pos(4.5, 4.5));
        // Lines near the scale's ends: as far in as it goes, and still inside.
        let edges = thresholds(9.8, 0.2);
        let placed = Quadrant::Challenge.place(Some(pos(1.0, 0.0)), edges);
        assert_eq!(placed, pos(10.0, 0.7));
        assert_eq!(Quadrant::of(placed, edges), Quadrant::Challenge);
        let placed = Quadrant::Possible.place(Some(pos(10.0, 10.0)), edges);
        assert_eq!(placed, pos(9.3, 0.0));
        assert_eq!(Quadrant::of(placed, edges), Quadrant::Possible);
    }

    #[test]
    fn placing_an_unplaced_idea_puts_it_in_the_middle_of_the_quadrant() {
        let t = Thresholds::default();
        assert_eq!(Quadrant::Implement.place(None, t), pos(7.5, 2.5));
        assert_eq!(Quadrant::Kill.place(None, t), pos(2.5, 7.5));
    }

    #[test]
    fn every_placement_lands_in_its_quadrant_for_every_threshold() {
        for tp in (1..=100).step_by(7).chain([1, 100]) {
            for tc in (1..=100).step_by(11).chain([1, 100]) {
                let t = Thresholds::new(Score(tp), Score(tc)).unwrap();
                for q in Quadrant::ALL {
                    assert_eq!(Quadrant::of(q.place(None, t), t), q);
                    for (p, c) in [(0, 0), (100, 100), (0, 100), (100, 0), (tp, tc), (tp - 1, tc - 1)] {
                        let from = Position {
                            payoff: Score(p),
                            cost: Score(c),
                        };
                        assert_eq!(
                            Quadrant::of(q.place(Some(from), t), t),
                            q,
                            "{q:?} from {from:?} with {t:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn scores_are_checked_and_rounded_to_one_decimal() {
        assert_eq!(Score::from_points(7.46).unwrap().tenths(), 75);
        assert!(Score::from_points(10.1).is_err());
        let far = Score::from_points(1e30).unwrap_err().to_string();
        assert_eq!(far, "A score must lie between 0 and 10 (got 1e30).");
        assert!(Score::from_points(-0.1).is_err());
        assert!(Score::from_points(f64::NAN).is_err());
        assert_eq!(serde_json::to_string(&Score(75)).unwrap(), "7.5");
        assert!(serde_json::from_str::<Score>("11").is_err());
        assert!(Thresholds::new(Score(0), Score(50)).is_err());
    }

    #[test]
    fn an_owner_typed_as_a_mention_is_kept_without_its_at() {
        assert_eq!(clean_owner(" @ana ").unwrap(), "ana");
        assert_eq!(clean_owner("@channel").unwrap(), "channel");
        assert_eq!(clean_owner("Ana Ribeiro").unwrap(), "Ana Ribeiro");
        // Only the one in front: an address stays as typed.
        assert_eq!(clean_owner("ana@example.com").unwrap(), "ana@example.com");
        assert_eq!(clean_owner("@").unwrap(), "");
    }

    #[test]
    fn titles_are_one_trimmed_line_of_at_most_500_characters() {
        assert_eq!(
            clean_title("  Move CI\nto  arm64\t ").unwrap(),
            "Move CI to arm64"
        );
        assert!(clean_title(" \n ").is_err());
        assert!(clean_title(&"é".repeat(500)).is_ok());
        let err = clean_title(&"é".repeat(501)).unwrap_err();
        assert!(err.to_string().contains("at most 500"));
        assert_eq!(clean_notes("line\r\nnext\u{0}\n\n").unwrap(), "line\nnext");
        assert!(clean_board_name("").is_err());
    }

    #[test]
    fn texts_are_kept_without_bidirectional_controls_as_they_are_posted() {
        // A right-to-left override reversed "edoc" on the card to read "code"; the post dropped it and read "edoc".
        assert_eq!(
            clean_title("Evil \u{202E}edoc\u{202C} RTL").unwrap(),
            "Evil edoc RTL"
        );
        assert_eq!(clean_title("\u{2067}\u{2069} x").unwrap(), "x");
        assert!(clean_title("\u{202E}").is_err());
        assert_eq!(
            clean_notes("a\u{202E}b\u{2066}c\u{2069}\nשלום").unwrap(),
            "abc\nשלום"
        );
        assert_eq!(clean_board_name("\u{202E}Infra").unwrap(), "Infra");
        assert_eq!(clean_owner("\u{202E}ana").unwrap(), "ana");
        assert_eq!(clean_tags(&["\u{202E}q3".into()]).unwrap(), ["q3"]);
        let err = clean_notes(&"n".repeat(50_001)).unwrap_err();
        assert!(
            err.to_string()
                .contains("at most 50,000 characters long; these have 50,001"),
            "{err}"
        );
    }

    #[test]
    fn text_that_draws_nothing_is_empty() {
        // A title of U+200B alone was a card without a title, "Hostile" + U+200B a second "Hostile".
        for blank in [
            "\u{200B}",
            "\u{200B}\u{200B}\u{200C}\u{2060}",
            "\u{FEFF} \u{3164}",
            "\u{200D}\u{FE0F}",
        ] {
            assert!(clean_title(blank).is_err(), "{blank:?}");
            assert!(clean_board_name(blank).is_err(), "{blank:?}");
            assert_eq!(clean_owner(blank).unwrap(), "", "{blank:?}");
            assert!(clean_tags(&[blank.into()]).unwrap().is_empty(), "{blank:?}");
        }
        assert_eq!(clean_board_name("Hostile\u{200B}").unwrap(), "Hostile");
        assert_eq!(clean_title("Q1\u{200B} infra \u{2060}").unwrap(), "Q1 infra");
        // Joiners and selectors inside a word shape it, and stay: a family emoji, a heart in colour, Persian.
        for kept in ["Team 👨\u{200D}👩\u{200D}👧", "❤\u{FE0F} it", "می\u{200C}خواهم"] {
            assert_eq!(clean_title(kept).unwrap(), kept);
        }
    }

    #[test]
    fn links_must_be_web_addresses() {
        assert_eq!(
            clean_link("  https://jira.example.com/browse/OPS-1 ").unwrap(),
            "https://jira.example.com/browse/OPS-1"
        );
        assert_eq!(clean_link("").unwrap(), "");
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "http://a b",
            "ftp://x",
        ] {
            assert!(clean_link(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tags_are_deduplicated_and_checked() {
        let raw = ["infra", " Infra ", "", "q3,security"].map(String::from);
        assert_eq!(clean_tags(&raw).unwrap(), ["infra", "q3 security"]);
        assert!(clean_tags(&["x".repeat(41)]).is_err());
        assert!(clean_tags(&(0..21).map(|i| i.to_string()).collect::<Vec<_>>()).is_err());
    }
}
