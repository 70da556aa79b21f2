//! What a round puts in Mattermost: the root post's `props.pickboard_round`, each ballot's
//! `props.pickboard_ballot`, and the closing reply's `props.pickboard_round_result`, all versioned JSON (version 1),
//! with readable text beside them. User text in a message is neutralised so that it pings nobody.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::seal::{key_from_hex, Estimates};
use crate::domain::Thresholds;
use crate::error::{Error, Result};
use crate::mattermost::message::{note_markdown, safe, MAX_POST_CHARS};
use crate::text::{count, grouped, shorten};

pub const ROUND_PROP: &str = "pickboard_round";
pub const BALLOT_PROP: &str = "pickboard_ballot";
pub const RESULT_PROP: &str = "pickboard_round_result";
pub const REVEAL_PROP: &str = "pickboard_round_revealed";
/// The version of the records this Pickboard writes and reads.
pub const VERSION: u32 = 1;

/// The most characters of a post's props that Mattermost takes from a client (800,000 in all, 760,000 from a
/// client; `../shared/mattermost-api.md`), less room for the key and the JSON around the record.
pub const MAX_PROPS_CHARS: usize = 750_000;

/// Where a round post's titles are cut when the whole list is longer than a post can be.
const ROUND_TITLE_CUT: usize = 100;

/// One idea of a round: its key in ballots, and what voters see. No owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundIdea {
    /// The idea's key in ballots: its id on the facilitator's board.
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub link: String,
}

/// `props.pickboard_round` of a round's root post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub version: u32,
    pub round_id: String,
    pub board: String,
    pub ideas: Vec<RoundIdea>,
    pub thresholds: Thresholds,
    /// When voting ends, in milliseconds since 1970 (UTC); `None`: until the facilitator reveals.
    #[serde(default)]
    pub deadline: Option<i64>,
    #[serde(default)]
    pub note: String,
    /// The round's X25519 public key, 32 bytes as hex.
    pub public_key: String,
}

/// `props.pickboard_ballot` of a ballot reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotRecord {
    pub version: u32,
    pub round_id: String,
    /// The voter's Mattermost user id (the post's author must be the same).
    pub voter: String,
    /// The sealed box of the estimates and the nonce, as hex.
    pub sealed: String,
    /// SHA-256 of the canonical encoding of (round id, voter, estimates, nonce), as hex.
    pub commitment: String,
    /// How many ideas the voter placed (not "no opinion"), for the visible line.
    pub count: u32,
}

/// One ballot as published when the round closes: enough for anyone to recompute its commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedBallot {
    /// The ballot's post.
    pub post_id: String,
    pub voter: String,
    pub estimates: Estimates,
    pub nonce: String,
    pub commitment: String,
}

/// `props.pickboard_round_result` of the closing reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRecord {
    pub version: u32,
    pub round_id: String,
    pub ballots: Vec<PublishedBallot>,
}

/// `props.pickboard_round_revealed` of the facilitator's reply at the reveal: voters' Pickboards stop sending ballots,
/// which would not be counted any more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealRecord {
    pub version: u32,
    pub round_id: String,
}

impl RevealRecord {
    pub const MESSAGE: &'static str = "The round is revealed: ballots sent from now on are not counted.";
}

/// Reads a versioned record from a post's props: `None` when the post has none; refused when it was made by a newer
/// Pickboard, or is not what it should be. `what` names it in the message ("round", "ballot").
pub fn read<T: DeserializeOwned>(props: &Map<String, Value>, key: &str, what: &str) -> Result<Option<T>> {
    let Some(value) = props.get(key) else {
        return Ok(None);
    };
    let version = value.get("version").and_then(Value::as_u64);
    match version {
        Some(v) if v > u64::from(VERSION) => {
            return Err(Error::invalid(format!(
            "This {what} was made by a newer Pickboard (format {v}; this one understands {VERSION}). Update \
                 Pickboard to take part."
        )))
        }
        Some(v) if v == u64::from(VERSION) => {}
        _ => {
            return Err(Error::invalid(format!(
                "This {what} cannot be read: its record has no version Pickboard knows."
            )))
        }
    }
    serde_json::from_value(value.clone()).map(Some).map_err(|e| {
        Error::invalid(format!(
            "This {what} cannot be read: its record is damaged ({e})."
        ))
    })
}

/// `record` as props under `key`.
pub fn props<T: Serialize>(key: &str, record: &T) -> Result<Map<String, Value>> {
    let value = serde_json::to_value(record).map_err(|e| Error::Storage(e.to_string()))?;
    let mut map = Map::new();
    map.insert(key.to_owned(), value);
    Ok(map)
}

impl RoundRecord {
    /// The round record of a root post, checked: refuses a post that is not a round, a newer version, and a record
    /// that does not hold together.
    pub fn from_props(props: &Map<String, Value>) -> Result<RoundRecord> {
        let record: RoundRecord = read(props, ROUND_PROP, "round")?.ok_or_else(|| {
            Error::invalid(
                "This post is not a Pickboard round. Paste the link of the round's first post (in Mattermost: the \
                 post's ⋯ menu › Copy Link).",
            )
        })?;
        record.check()?;
        Ok(record)
    }

    fn check(&self) -> Result<()> {
        let damaged = |why: &str| Err(Error::invalid(format!("This round cannot be read: {why}.")));
        if self.round_id.is_empty() || self.round_id.len() > 64 {
            return damaged("it has no round id");
        }
        if key_from_hex(&self.public_key).is_none() {
            return damaged("its public key is not a 32-byte key");
        }
        if self.ideas.is_empty() {
            return damaged("it has no ideas");
        }
        let mut keys: Vec<&str> = self.ideas.iter().map(|i| i.key.as_str()).collect();
        keys.sort_unstable();
        if keys.windows(2).any(|w| w[0] == w[1]) || keys.iter().any(|k| k.is_empty()) {
            return damaged("two of its ideas have the same key");
        }
        Ok(())
    }

    pub fn public_key(&self) -> [u8; 32] {
        key_from_hex(&self.public_key).unwrap_or_default()
    }

    /// The root post's readable text: the board, the note, the ideas, the deadline and how to vote. User text is
    /// neutralised (no mentions) and kept on one line per idea. Within Mattermost's length for a post: past it, the
    /// titles are cut, then the list ends with how many more there are (Pickboard shows every idea, from the
    /// record): a round of 35 long titles was refused as "Mattermost refused the message".
    pub fn message(&self, deadline_text: Option<&str>) -> String {
        let one_line = |s: &str| safe(&s.split_whitespace().collect::<Vec<_>>().join(" "));
        let mut head = format!(
            "#### Team round: {}\nEstimate payoff and cost/risk of {}, each on your own; nobody sees anyone's \
             estimates before the reveal.\n",
            one_line(&self.board),
            count(self.ideas.len(), "idea", "ideas")
        );
        if !self.note.trim().is_empty() {
            head.push_str(&format!("\n{}\n", note_markdown(&self.note)));
        }
        head.push('\n');
        let mut tail = String::new();
        if let Some(deadline) = deadline_text {
            tail.push_str(&format!("\n**Deadline:** {deadline}\n"));
        }
        tail.push_str(
            "\nTo vote: in Pickboard, choose Team › Team rounds… (or Join a team round… on its welcome), press Join \
             round, and paste this post's link.",
        );
        let room = MAX_POST_CHARS.saturating_sub(head.chars().count() + tail.chars().count());
        let titles: Vec<String> = self.ideas.iter().map(|i| one_line(&i.title)).collect();
        let list = |cut: Option<usize>| -> Vec<String> {
            titles
                .iter()
                .enumerate()
                .map(|(n, title)| {
                    let title = match cut {
                        Some(max) => shorten(title, max),
                        None => title.clone(),
                    };
                    format!("{}. {title}\n", n + 1)
                })
                .collect()
        };
        let length = |lines: &[String]| lines.iter().map(|l| l.chars().count()).sum::<usize>();
        let mut lines = list(None);
        if length(&lines) > room {
            lines = list(Some(ROUND_TITLE_CUT));
        }
        if length(&lines) > room {
            // As many as fit beside the line that counts the rest.
            let more = |left: usize| {
                format!(
                    "…and {} more: Pickboard shows them all once you join.\n",
                    grouped(left)
                )
            };
            let mut used = 0;
            let mut kept = 0;
            for line in &lines {
                let left = lines.len() - kept - 1;
                if used + line.chars().count() + more(left).chars().count() > room {
                    break;
                }
                used += line.chars().count();
                kept += 1;
            }
            let left = lines.len() - kept;
            lines.truncate(kept);
            lines.push(more(left));
        }
        format!("{head}{}{tail}", lines.concat())
    }

    /// Refuses a round whose record is more than a post can carry: its ideas' titles, notes and links go with it,
    /// and Mattermost takes at most `MAX_PROPS_CHARS` of them. Checked before anything is posted.
    pub fn check_size(&self) -> Result<()> {
        let size = serde_json::to_string(self)
            .map_err(|e| Error::Storage(e.to_string()))?
            .chars()
            .count();
        if size <= MAX_PROPS_CHARS {
            return Ok(());
        }
        Err(Error::invalid(format!(
            "These {} are too much for one round: with their notes and links they come to {} characters, and a \
             Mattermost post carries at most {}. Start the round with fewer ideas (or shorter notes).",
            count(self.ideas.len(), "idea", "ideas"),
            grouped(size),
            grouped(MAX_PROPS_CHARS)
        )))
    }
}

impl BallotRecord {
    /// "Ana has voted on 12 ideas" (`placed`); a ballot of "no opinion" alone, or of nothing (estimates taken back),
    /// says so rather than "voted on 0 ideas".
    pub fn message(name: &str, placed: u32, no_opinion: u32, again: bool) -> String {
        let name = safe(&name.split_whitespace().collect::<Vec<_>>().join(" "));
        let ideas = |n: u32| if n == 1 { "idea" } else { "ideas" };
        let replaces = if again {
            ": this ballot replaces the earlier one"
        } else {
            ""
        };
        let voted = if again { "has voted again" } else { "has voted" };
        if placed > 0 {
            let on = if again { ", on" } else { " on" };
            format!("{name} {voted}{on} {placed} {}{replaces}", ideas(placed))
        } else if no_opinion > 0 {
            let replaces = if again {
                "; this ballot replaces the earlier one"
            } else {
                ""
            };
            format!(
                "{name} {voted}: no opinion on {no_opinion} {}{replaces}",
                ideas(no_opinion)
            )
        } else {
            format!("{name} has taken back their estimates{replaces}")
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn round() -> RoundRecord {
        RoundRecord {
            version: 1,
            round_id: "abc".into(),
            board: "Infra @channel".into(),
            ideas: vec![RoundIdea {
                key: "1".into(),
                title: "Ping @all\nnow".into(),
                notes: String::new(),
                link: String::new(),
            }],
            thresholds: Thresholds::default(),
            deadline: None,
            note: "Before Friday, @here".into(),
            public_key: "11".repeat(32),
        }
    }

    #[test]
    fn a_round_record_round_trips_and_its_text_pings_nobody() {
        let record = round();
        let props = props(ROUND_PROP, &record).unwrap();
        assert_eq!(RoundRecord::from_props(&props).unwrap(), record);
        let text = record.message(Some("Fri 14:00 UTC"));
        assert!(
            !text.contains("@all") && !text.contains("@channel") && !text.contains("@here"),
            "{text}"
        );
        assert!(text.contains("1. Ping @\u{200b}all now"));
        assert!(text.contains(
            "To vote: in Pickboard, choose Team › Team rounds… (or Join a team round… on its welcome), press Join \
             round, and paste this post's link."
        ));
        assert!(text.contains("**Deadline:** Fri 14:00 UTC"));
    }

    fn with_ideas(count: usize, title: impl Fn(usize) -> String) -> RoundRecord {
        let mut record = round();
        record.ideas = (0..count)
            .map(|n| RoundIdea {
                key: n.to_string(),
                title: title(n),
                notes: String::new(),
                link: String::new(),
            })
            .collect();
        record
    }

    #[test]
    fn a_round_post_stays_within_mattermosts_length_cutting_titles_then_counting_the_rest() {
        // 35 titles of 480 characters: 17,000 characters, refused by Mattermost as they were.
        let long = with_ideas(35, |n| format!("{n} {}", "word ".repeat(96)));
        let text = long.message(Some("Fri 14:00 UTC"));
        assert!(text.chars().count() <= MAX_POST_CHARS, "{}", text.chars().count());
        assert!(text.contains("\n35. 34 word word"), "every idea is listed");
        assert!(text.contains("…\n"), "titles are cut");
        assert!(text.ends_with("paste this post's link."), "{text}");
        assert!(text.contains("**Deadline:** Fri 14:00 UTC"));

        let many = with_ideas(2_000, |n| {
            format!("Idea {n}: rotate the certificates of the edge proxies")
        });
        let text = many.message(None);
        let count = text.chars().count();
        assert!(count <= MAX_POST_CHARS && count > MAX_POST_CHARS - 200, "{count}");
        assert!(text.contains("of 2,000 ideas"), "the count is the whole round's");
        let listed = text.lines().filter(|l| l.contains(": rotate the")).count();
        let more = format!(
            "…and {} more: Pickboard shows them all once you join.",
            crate::text::grouped(2_000 - listed)
        );
        assert!(text.contains(&more), "{more}");

        // A short round is as it was: whole titles, no count.
        let short = with_ideas(3, |n| format!("Idea {n}"));
        assert!(short.message(None).contains("\n3. Idea 2\n") && !short.message(None).contains("more:"));
    }

    #[test]
    fn a_round_too_big_for_a_post_is_refused_before_anything_is_posted() {
        let mut record = with_ideas(20, |n| format!("Idea {n}"));
        assert!(record.check_size().is_ok());
        for idea in &mut record.ideas {
            idea.notes = "n".repeat(40_000);
        }
        let err = record.check_size().unwrap_err().to_string();
        assert!(
            err.starts_with(
                "These 20 ideas are too much for one round: with their notes and links they come to 80"
            ),
            "{err}"
        );
        assert!(
            err.ends_with("Start the round with fewer ideas (or shorter notes)."),
            "{err}"
        );
    }

    #[test]
    fn a_round_posts_titles_as_the_outcome_post_does_never_reordering_the_text_around_them() {
        let mut record = round();
        record.ideas[0].title = "Fix \u{202E}gnissim\u{202C} `certs`".into();
        record.ideas.push(RoundIdea {
            key: "2".into(),
            title: "ترحيل الخوادم".into(),
            notes: String::new(),
            link: String::new(),
        });
        record.note = "Read \u{202E}this\u{202C}".into();
        let text = record.message(None);
        assert!(text.contains("1. Fix gnissim \\`certs\\`\n"), "{text}");
        assert!(text.contains("2. \u{2068}ترحيل الخوادم\u{2069}\n"), "{text}");
        assert!(text.contains("Read this"), "{text}");
        assert!(!text.contains('\u{202E}'), "{text}");
    }

    #[test]
    fn newer_missing_and_damaged_records_are_refused_in_words() {
        let newer = Map::from_iter([(ROUND_PROP.to_owned(), json!({"version": 2}))]);
        let e = RoundRecord::from_props(&newer).unwrap_err().to_string();
        assert!(e.contains("made by a newer Pickboard"), "{e}");
        let e = RoundRecord::from_props(&Map::new()).unwrap_err().to_string();
        assert!(e.contains("not a Pickboard round"), "{e}");
        let damaged = Map::from_iter([(ROUND_PROP.to_owned(), json!({"version": 1, "round_id": 5}))]);
        let e = RoundRecord::from_props(&damaged).unwrap_err().to_string();
        assert!(e.contains("cannot be read"), "{e}");
        let mut bad_key = round();
        bad_key.public_key = "zz".into();
        let e = RoundRecord::from_props(&props(ROUND_PROP, &bad_key).unwrap())
            .unwrap_err()
            .to_string();
        assert!(e.contains("public key"), "{e}");
        let no_version = Map::from_iter([(ROUND_PROP.to_owned(), json!({"round_id": "x"}))]);
        assert!(RoundRecord::from_props(&no_version).is_err());
    }

    #[test]
    fn the_ballot_line_names_the_voter_and_the_count() {
        assert_eq!(
            BallotRecord::message("Ana", 12, 0, false),
            "Ana has voted on 12 ideas"
        );
        assert_eq!(
            BallotRecord::message("Ana", 1, 2, true),
            "Ana has voted again, on 1 idea: this ballot replaces the earlier one"
        );
        assert_eq!(
            BallotRecord::message("@bob", 1, 0, false),
            "@\u{200b}bob has voted on 1 idea"
        );
        // "No opinion" alone is said as such, not as "0 ideas"; nothing at all is estimates taken back.
        assert_eq!(
            BallotRecord::message("Bo Lind", 0, 3, false),
            "Bo Lind has voted: no opinion on 3 ideas"
        );
        assert_eq!(
            BallotRecord::message("Bo Lind", 0, 4, true),
            "Bo Lind has voted again: no opinion on 4 ideas; this ballot replaces the earlier one"
        );
        assert_eq!(
            BallotRecord::message("Bo Lind", 0, 0, true),
            "Bo Lind has taken back their estimates: this ballot replaces the earlier one"
        );
    }
}
