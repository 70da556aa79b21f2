//! The board file: everything about a board (ideas, positions, order, thresholds, channel name, history) in a
//! versioned JSON format. Importing it gives the same board back, with undo and redo working as before.
//!
//! The webhook address is a secret and never leaves the database. Ids in the file only link ideas to their history;
//! an import gives every idea a new id, so a file can be imported any number of times, into any database.

use std::collections::HashMap;

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};

use super::events::{self, ExportedEvent};
use crate::domain::{Position, Score, Thresholds};
use crate::error::{Error, Result};
use crate::mattermost::outbox;
use crate::storage::boards::{self, Board};
use crate::storage::history::RowChange;
use crate::storage::ideas::{self, NewIdea, Placement};
use crate::storage::now_ms;

/// Names the format, so that any other JSON file is recognised as not ours.
pub const FORMAT: &str = "pickboard-board";
/// The version this build writes; it reads this one and older ones. Version 2: the history keeps an idea's update
/// as the columns it changed (`ideaColumns`), which version 1 does not know.
pub const VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoardFile {
    pub format: String,
    pub version: u32,
    pub exported_at: i64,
    pub board: BoardData,
    pub ideas: Vec<IdeaData>,
    #[serde(default)]
    pub history: Vec<ExportedEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoardData {
    pub name: String,
    pub thresholds: Thresholds,
    pub created_at: i64,
    pub updated_at: i64,
    /// The Mattermost channel's name, for reference; the webhook is not exported, so it is not imported either.
    #[serde(default)]
    pub channel: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdeaData {
    pub id: i64,
    pub title: String,
    #[serde(default)]
    pub notes: String,
    pub position: Option<Position>,
    pub rank: f64,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub link: String,
    #[serde(default)]
    pub tags: Vec<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

pub fn export(tx: &Transaction<'_>, board: &Board) -> Result<Vec<u8>> {
    let file = BoardFile {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: now_ms(),
        board: BoardData {
            name: board.name.clone(),
            thresholds: board.thresholds,
            created_at: board.created_at,
            updated_at: board.updated_at,
            channel: outbox::settings(tx, board.id)?
                .map(|s| s.channel)
                .filter(|c| !c.is_empty()),
        },
        ideas: board
            .ideas
            .iter()
            .map(|i| IdeaData {
                id: i.id,
                title: i.title.clone(),
                notes: i.notes.clone(),
                position: i.position,
                rank: i.rank,
                owner: i.owner.clone(),
                link: i.link.clone(),
                tags: i.tags.clone(),
                created_at: i.created_at,
                updated_at: i.updated_at,
            })
            .collect(),
        history: events::export(tx, board.id)?,
    };
    serde_json::to_vec_pretty(&file).map_err(|e| Error::Storage(e.to_string()))
}

/// Reads a board file, with an error that says what is wrong with it and where.
pub fn parse(bytes: &[u8]) -> Result<BoardFile> {
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let not_ours =
        || Error::invalid("This is not a Pickboard board file (it has no \"format\": \"pickboard-board\").");
    if super::holds_nothing(bytes) {
        return Err(super::empty_file("This file"));
    }
    let header: Header = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => not_ours(),
        serde_json::error::Category::Eof => Error::invalid(format!(
            "This file ends too early, at line {}: it was cut short, perhaps while it was saved or copied. Export \
             the board again.",
            e.line()
        )),
        _ => Error::invalid(format!(
            "This file is not valid JSON: something is out of place at line {}, column {}. If it was edited by hand, \
             check there.",
            e.line(),
            e.column()
        )),
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(not_ours());
    }
    match header.version {
        Some(v) if v > VERSION => {
            return Err(Error::invalid(format!(
                "This board file was written by a newer version of Pickboard (format version {v}; this version reads \
                 up to {VERSION}). Update Pickboard to import it."
            )))
        }
        None => return Err(not_ours()),
        Some(_) => {}
    }
    let file: BoardFile = serde_json::from_slice(bytes).map_err(|e| damaged(&e))?;
    // Said when the file is picked, not only at Import (an idea with no title passed the preview).
    checked_ideas(&file)?;
    Ok(file)
}

/// Scores in a board file written with more decimals than the one a score keeps, said as the CSV import says it ("2
/// scores have more decimals…: “Rotate certs”'s 7.77 becomes 7.8."); `None` when every score fits. Pickboard writes
/// tenths: more is a file edited by hand, and it was rounded without a word.
pub fn rounding(bytes: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct Ideas {
        ideas: Vec<Idea>,
    }
    #[derive(Deserialize)]
    struct Idea {
        title: String,
        position: Option<Scores>,
    }
    #[derive(Deserialize)]
    struct Scores {
        payoff: f64,
        cost: f64,
    }
    let file: Ideas = serde_json::from_slice(bytes).ok()?;
    let mut rounded = file.ideas.iter().flat_map(|idea| {
        let scores = idea
            .position
            .as_ref()
            .map_or(Vec::new(), |p| vec![p.payoff, p.cost]);
        scores.into_iter().filter_map(move |written| {
            let kept = Score::from_points(written).ok()?;
            ((written - kept.points()).abs() > 1e-9).then_some((&idea.title, written, kept))
        })
    });
    let (title, written, kept) = rounded.next()?;
    let count = 1 + rounded.count();
    Some(format!(
        "{} {} more decimals than the one Pickboard keeps: “{}”'s {written} becomes {}.",
        super::csv_import::counted(count, "score"),
        if count == 1 { "has" } else { "have" },
        crate::text::shorten(title, 40),
        kept.points()
    ))
}

/// A board file whose JSON is sound but whose content is not what Pickboard wrote, in words: what is wrong, and where.
fn damaged(e: &serde_json::Error) -> Error {
    let full = e.to_string();
    // serde_json ends its message with " at line L column C"; the place is said in words below.
    let detail = full
        .rfind(" at line ")
        .map_or(full.as_str(), |at| &full[..at])
        .trim_end_matches('.');
    let detail = if let Some(rest) = detail.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => format!(
                "{} is there where {} belongs",
                found_in_words(found),
                kind_in_words(expected)
            ),
            None => rest.to_owned(),
        }
    } else if let Some(rest) = detail.strip_prefix("missing field `") {
        format!("the field “{}” is missing", rest.trim_end_matches('`'))
    } else if let Some(rest) = detail.strip_prefix("invalid value: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => format!("{found} is there where {expected} belongs"),
            None => rest.to_owned(),
        }
    } else {
        detail.to_owned()
    };
    Error::invalid(format!(
        "This board file is damaged or incomplete at line {}, column {}: {detail}. If it was edited by hand, check \
         there; else export the board again.",
        e.line(),
        e.column()
    ))
}

/// serde's account of the value it found (`string "seven"`, ``integer `5` ``), as a person would say it.
fn found_in_words(found: &str) -> String {
    let quoted = |value: &str| value.trim_matches(|c| c == '"' || c == '`').to_owned();
    if let Some(text) = found.strip_prefix("string ") {
        format!("the text “{}”", quoted(text))
    } else if let Some(number) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        format!("the number {}", quoted(number))
    } else if let Some(value) = found.strip_prefix("boolean ") {
        quoted(value)
    } else if found == "null" {
        "null (nothing)".into()
    } else {
        found.replace("sequence", "a list").replace("map", "an object")
    }
}

/// serde's name for the kind of value it expected, as a person would say it.
fn kind_in_words(expected: &str) -> &str {
    match expected {
        "f32" | "f64" => "a number",
        // Times, ids, and the history's scores in tenths (45 for 4.5): "the number 45.5 is there where a number
        // belongs" said nothing.
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => "a whole number",
        "a string" => "text",
        "a sequence" => "a list",
        "a boolean" => "true or false",
        other if other.starts_with("struct ") || other == "a map" => "an object in braces",
        other => other,
    }
}

/// Each idea of `file` as it would be created, or what makes the file one that cannot be imported: two ideas with one
/// id, or an idea that breaks the rules of the window's own edits (no title, a title too long, a rank not a number).
fn checked_ideas(file: &BoardFile) -> Result<Vec<NewIdea>> {
    let mut seen = std::collections::HashSet::with_capacity(file.ideas.len());
    for idea in &file.ideas {
        if !seen.insert(idea.id) {
            return Err(Error::invalid(format!(
                "This board file is damaged: two ideas have the id {}.",
                idea.id
            )));
        }
    }
    file.ideas
        .iter()
        .enumerate()
        .map(|(n, idea)| {
            let named = |e: Error| {
                let title = idea.title.trim();
                Error::invalid(if title.is_empty() {
                    format!(
                        "Idea {} in this board file has no title, so it cannot be imported.",
                        n + 1
                    )
                } else {
                    format!(
                        "Idea {} in this board file (“{}”) cannot be imported: {e}",
                        n + 1,
                        title.chars().take(60).collect::<String>()
                    )
                })
            };
            if !idea.rank.is_finite() {
                return Err(named(Error::invalid("its rank is not a number.")));
            }
            NewIdea::new(
                &idea.title,
                &idea.notes,
                idea.position,
                &idea.owner,
                &idea.link,
                &idea.tags,
            )
            .map_err(named)
        })
        .collect()
}

/// Creates a new board from `file` (named `name` when given, made unique) and returns its id.
pub fn import(tx: &Transaction<'_>, file: &BoardFile, name: Option<&str>) -> Result<i64> {
    let board = &file.board;
    let board_id = boards::create_imported(
        tx,
        name.unwrap_or(&board.name),
        board.thresholds,
        board.created_at,
        board.updated_at,
    )
    .map_err(|e| match (name, e) {
        // The file's own name: "Give the board a name." said nothing of where that name came from.
        (None, Error::Invalid(why)) => Error::invalid(format!(
            "The board's name in this file cannot be used: {why} Name the new board yourself (on the command line: \
             --board <name>)."
        )),
        (_, e) => e,
    })?;

    // Every idea id the file mentions, live or only in the history, gets a fresh id here.
    let mut mentioned: Vec<i64> = file.ideas.iter().map(|i| i.id).collect();
    for event in &file.history {
        mentioned.extend(event.idea_id);
        mentioned.extend(event.changes.iter().filter_map(|c| match c {
            RowChange::Idea { id, .. } | RowChange::IdeaColumns { id, .. } => Some(*id),
            RowChange::Board { .. } | RowChange::BoardName { .. } => None,
        }));
    }
    let clean = checked_ideas(file)?;
    let mut history = file.history.clone();
    events::check(&mut history, &file.ideas.iter().map(|i| i.id).collect())?;
    // New ids in the order of the old ones, so that ideas of equal rank keep their order here too, also after an
    // undo brings a deleted idea back.
    mentioned.sort_unstable();
    mentioned.dedup();
    let new_ids: HashMap<i64, i64> = mentioned.iter().zip(0..).map(|(&old, n)| (old, n)).collect();
    let first = ideas::reserve_ids(tx, new_ids.len())?;
    let new_id = |old: i64| first + new_ids.get(&old).copied().unwrap_or_default();

    for (idea, clean) in file.ideas.iter().zip(clean) {
        let at = Placement {
            id: Some(new_id(idea.id)),
            rank: idea.rank,
            created_at: idea.created_at,
            updated_at: idea.updated_at,
        };
        ideas::insert(tx, board_id, &clean, at)?;
    }
    events::import(tx, board_id, &history, new_id)?;
    tx.execute("DELETE FROM temp.change_log", [])?;
    Ok(board_id)
}

#[cfg(test)]
mod tests;
