//! Boards: typed queries over the `boards` table.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use ts_rs::TS;

use super::{history, idea_row, ideas, now_ms};
use crate::domain::{clean_board_name, Score, Thresholds, MAX_BOARD_NAME_CHARS};
use crate::error::{Error, Result};
use crate::storage::Cached;

/// A board as the sidebar lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardSummary {
    pub id: i64,
    pub name: String,
    pub idea_count: i64,
    pub updated_at: i64,
}

/// A whole board: its settings and every idea, in rank order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    pub id: i64,
    pub name: String,
    pub thresholds: Thresholds,
    pub ideas: Vec<ideas::Idea>,
    pub created_at: i64,
    pub updated_at: i64,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The boards in use (a deleted board waiting for its Undo is left out); callers add `AND …` and `ORDER BY`.
const SUMMARY_SQL: &str =
    "SELECT b.id, b.name, (SELECT count(*) FROM ideas i WHERE i.board_id = b.id), b.updated_at
                           FROM boards b WHERE b.deleted_at IS NULL";

fn summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<BoardSummary> {
    Ok(BoardSummary {
        id: row.get(0)?,
        name: row.get(1)?,
        idea_count: row.get(2)?,
        updated_at: row.get(3)?,
    })
}

pub fn list(tx: &Transaction<'_>) -> Result<Vec<BoardSummary>> {
    let mut stmt = tx.prepare_cached(&format!("{SUMMARY_SQL} ORDER BY b.name COLLATE NOCASE, b.id"))?;
    let rows = stmt.query_map([], summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The id and name of the board a window shows when `wanted` is the board it asked for (its last board): that
/// board, or, when it asked for none or for one no longer in use, the first board of the list; `None` without boards.
pub fn shown(tx: &Transaction<'_>, wanted: Option<i64>) -> Result<Option<(i64, String)>> {
    Ok(tx
        .query_row_cached(
            "SELECT id, name FROM boards WHERE deleted_at IS NULL
             ORDER BY id IS ?1 DESC, name COLLATE NOCASE, id LIMIT 1",
            [wanted],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

pub fn summary(tx: &Transaction<'_>, id: i64) -> Result<BoardSummary> {
    tx.query_row_cached(&format!("{SUMMARY_SQL} AND b.id = ?1"), [id], summary_from_row)
        .optional()?
        .ok_or(Error::gone("board"))
}

pub fn create(tx: &Transaction<'_>, name: &str) -> Result<BoardSummary> {
    let name = clean_board_name(name)?;
    refuse_taken(tx, &name, None)?;
    let now = now_ms();
    tx.execute_cached(
        "INSERT INTO boards (name, created_at, updated_at) VALUES (?1, ?2, ?2)",
        params![name, now],
    )?;
    summary(tx, tx.last_insert_rowid())
}

/// Renames a board. Run it through `history::record` (see `edits::rename_board`) so that it can be undone.
pub fn rename(tx: &Transaction<'_>, id: i64, name: &str) -> Result<BoardSummary> {
    let name = clean_board_name(name)?;
    refuse_taken(tx, &name, Some(id))?;
    let changed = tx.execute_cached(
        "UPDATE boards SET name = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, name, now_ms()],
    )?;
    if changed == 0 {
        return Err(Error::gone("board"));
    }
    summary(tx, id)
}

/// Copies a board with all its ideas, positions and order, named "<name> (copy)".
pub fn duplicate(tx: &Transaction<'_>, id: i64) -> Result<BoardSummary> {
    let source = summary(tx, id)?;
    let suffix = " (copy)";
    let keep = MAX_BOARD_NAME_CHARS - suffix.chars().count();
    let name = unused_name(tx, &(source.name.chars().take(keep).collect::<String>() + suffix))?;
    let now = now_ms();
    tx.execute_cached(
        "INSERT INTO boards (name, payoff_threshold, cost_threshold, created_at, updated_at)
         SELECT ?2, payoff_threshold, cost_threshold, ?3, ?3 FROM boards WHERE id = ?1",
        params![id, name, now],
    )?;
    let copy = tx.last_insert_rowid();
    tx.execute_cached(&idea_row::copy_to_board_sql(), params![id, copy])?;
    summary(tx, copy)
}

/// Takes back a copy just made by [`duplicate`] (its toast's Undo): deletes it for good, as nothing refers to it yet.
/// Refused once the copy has a history, a channel, a post or a team round of its own: it is then a board in its own
/// right, deleted from its Board menu (and kept in Deleted boards).
pub fn discard_copy(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let name: String = tx
        .query_row_cached(
            "SELECT name FROM boards WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::gone("board"))?;
    let used: bool = tx.query_row_cached(
        "SELECT EXISTS (SELECT 1 FROM events WHERE board_id = ?1)
             OR EXISTS (SELECT 1 FROM posts WHERE board_id = ?1)
             OR EXISTS (SELECT 1 FROM rounds WHERE board_id = ?1)
             OR EXISTS (SELECT 1 FROM starting_rounds WHERE board_id = ?1)
             OR EXISTS (SELECT 1 FROM channel_settings WHERE board_id = ?1)
             OR EXISTS (SELECT 1 FROM account_channels WHERE board_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if used {
        return Err(Error::invalid(format!(
            "“{name}” was changed since it was made, so it is kept. If it is not wanted, delete it from the board's menu (Delete…)."
        )));
    }
    tx.execute_cached("DELETE FROM boards WHERE id = ?1", [id])?;
    Ok(())
}

/// How long a deleted board is kept, listed in Deleted boards, before it is deleted for good: 30 days.
pub const KEPT_DELETED_DAYS: i64 = 30;
const KEPT_DELETED_MS: i64 = KEPT_DELETED_DAYS * 24 * 60 * 60 * 1000;

/// The day a board deleted at `deleted_at` is kept until, in Unix milliseconds.
pub fn kept_until(deleted_at: i64) -> i64 {
    deleted_at + KEPT_DELETED_MS
}

/// A deleted board as Deleted boards lists it, the latest deleted first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeletedBoard {
    pub id: i64,
    pub name: String,
    pub idea_count: i64,
    pub deleted_at: i64,
}

/// Deletes a board, keeping it (marked as deleted) so that [`restore`] can bring it back: from the delete's Undo at
/// once, or from Deleted boards for [`KEPT_DELETED_DAYS`] days. After that, [`purge_expired`] deletes it for good.
pub fn delete(tx: &Transaction<'_>, id: i64) -> Result<()> {
    if tx.execute_cached(
        "UPDATE boards SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now_ms()],
    )? == 0
    {
        return Err(Error::gone("board"));
    }
    // A delete is a new action: what could be redone goes, as after any other. Kept, a rename undone before the
    // delete came back at the first redo after the board was brought back.
    tx.execute_cached("DELETE FROM events WHERE board_id = ?1 AND undone = 1", [id])?;
    Ok(())
}

/// The boards deleted and kept, the latest deleted first; not those past their days, which the next start deletes
/// for good (the command line does not purge, and listed them kept "until" a day gone).
pub fn deleted(tx: &Transaction<'_>) -> Result<Vec<DeletedBoard>> {
    let mut stmt = tx.prepare_cached(
        "SELECT b.id, b.name, (SELECT count(*) FROM ideas i WHERE i.board_id = b.id), b.deleted_at
         FROM boards b WHERE b.deleted_at >= ?1 ORDER BY b.deleted_at DESC, b.id DESC",
    )?;
    let rows = stmt.query_map([now_ms() - KEPT_DELETED_MS], |row| {
        Ok(DeletedBoard {
            id: row.get(0)?,
            name: row.get(1)?,
            idea_count: row.get(2)?,
            deleted_at: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Brings back a deleted board as it was (its ideas, history, channel settings and posts never left). If another
/// board took its name meanwhile, it comes back as "<name> (2)". One brought back already (by the command line, or
/// another window, while the delete's Undo was still offered) is simply there: its Undo said it was "deleted for good".
pub fn restore(tx: &Transaction<'_>, id: i64) -> Result<BoardSummary> {
    let (name, deleted): (String, bool) = tx
        .query_row_cached(
            "SELECT name, deleted_at IS NOT NULL FROM boards WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| {
            Error::not_found("This board can no longer be brought back: it was deleted for good.")
        })?;
    if !deleted {
        return summary(tx, id);
    }
    let name = unused_name(tx, &name)?;
    tx.execute_cached(
        "UPDATE boards SET deleted_at = NULL, name = ?2 WHERE id = ?1",
        params![id, name],
    )?;
    summary(tx, id)
}

/// The deleted board named `name` (as [`find_by_name`] reads a name), the latest deleted of that name; `None` when no
/// board kept in Deleted boards has it.
pub fn find_deleted_by_name(tx: &Transaction<'_>, name: &str) -> Result<Option<DeletedBoard>> {
    let wanted = name_key(name);
    Ok(deleted(tx)?.into_iter().find(|b| b.name.to_lowercase() == wanted))
}

/// Deletes deleted boards for good, before their time is up (one from its row in Deleted boards, or all it lists):
/// their ideas, history and posts go with them. All or none: one already deleted for good (from another window)
/// fails the whole, and a board in use is never deleted this way.
pub fn delete_for_good(tx: &Transaction<'_>, ids: &[i64]) -> Result<()> {
    for &id in ids {
        if tx.execute_cached(
            "DELETE FROM boards WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id],
        )? == 0
        {
            // Brought back meanwhile (the command line, another window): the list asked from was out of date.
            let back: Option<String> = tx
                .query_row_cached("SELECT name FROM boards WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let nothing_else = if ids.len() == 1 {
                ""
            } else {
                " Nothing else was deleted."
            };
            return Err(Error::not_found(match back {
                Some(name) => format!(
                    "“{name}” was brought back meanwhile, so it was not deleted: it is in the boards list again.{nothing_else}"
                ),
                None if ids.len() == 1 => "This board was already deleted for good.".to_owned(),
                None => "One of these boards was already deleted for good; nothing else was deleted.".to_owned(),
            }));
        }
    }
    Ok(())
}

/// Deletes for good the boards deleted more than [`KEPT_DELETED_DAYS`] days ago (their ideas, history and posts go
/// with them). Run at each start.
pub fn purge_expired(tx: &Transaction<'_>) -> Result<usize> {
    Ok(tx.execute_cached(
        "DELETE FROM boards WHERE deleted_at < ?1",
        [now_ms() - KEPT_DELETED_MS],
    )?)
}

pub fn thresholds(tx: &Transaction<'_>, id: i64) -> Result<Thresholds> {
    let (payoff, cost): (i64, i64) = tx
        .query_row_cached(
            "SELECT payoff_threshold, cost_threshold FROM boards WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?
        .ok_or(Error::gone("board"))?;
    Thresholds::new(Score::from_tenths(payoff)?, Score::from_tenths(cost)?)
}

pub fn get(tx: &Transaction<'_>, id: i64) -> Result<Board> {
    let thresholds = thresholds(tx, id)?;
    let (name, created_at, updated_at) = tx.query_row_cached(
        "SELECT name, created_at, updated_at FROM boards WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
    )?;
    let ideas = ideas::list(tx, id, thresholds)?;
    let history::HistoryState {
        can_undo, can_redo, ..
    } = history::undo_state(tx, id)?;
    Ok(Board {
        id,
        name,
        thresholds,
        ideas,
        created_at,
        updated_at,
        can_undo,
        can_redo,
    })
}

/// Moves the lines between the quadrants; every idea's quadrant follows from its position at once.
pub fn set_thresholds(tx: &Transaction<'_>, id: i64, thresholds: Thresholds) -> Result<Thresholds> {
    let thresholds = Thresholds::new(thresholds.payoff, thresholds.cost)?;
    let changed = tx.execute_cached(
        "UPDATE boards SET payoff_threshold = ?2, cost_threshold = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, thresholds.payoff.tenths(), thresholds.cost.tenths(), now_ms()],
    )?;
    if changed == 0 {
        return Err(Error::gone("board"));
    }
    Ok(thresholds)
}

/// Marks a board as changed now.
pub(crate) fn touch(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute_cached(
        "UPDATE boards SET updated_at = ?2 WHERE id = ?1",
        params![id, now_ms()],
    )?;
    Ok(())
}

/// The board called `name` (ignoring case and surrounding spaces), or an error that lists the boards there are.
pub fn find_by_name(tx: &Transaction<'_>, name: &str) -> Result<BoardSummary> {
    let all = list(tx)?;
    let wanted = name_key(name);
    if let Some(board) = all.iter().find(|b| b.name.to_lowercase() == wanted) {
        return Ok(board.clone());
    }
    let names: Vec<String> = all.iter().map(|b| format!("\"{}\"", b.name)).collect();
    let guess = near_name(all.iter().map(|b| b.name.as_str()), name)
        .map(|near| format!(" Did you mean \"{near}\"?"))
        .unwrap_or_default();
    Err(Error::not_found(if names.is_empty() {
        format!(
            "There is no board named \"{}\"; there are no boards yet.",
            name.trim()
        )
    } else {
        format!(
            "There is no board named \"{}\".{guess} The boards are: {}.",
            name.trim(),
            names.join(", ")
        )
    }))
}

/// What a name typed for a board is compared by: as a board's name is kept ("Sprint  planning", with two spaces,
/// names "Sprint planning", which a new board of that name would collide with), in any case.
fn name_key(name: &str) -> String {
    clean_board_name(name)
        .unwrap_or_else(|_| name.trim().to_owned())
        .to_lowercase()
}

/// The name among `names` (the boards', or the deleted boards') that `name` most likely misspells: one or two letters
/// off (typed, left out, doubled or swapped), in any case; `None` when none is that close, or the name is too short to
/// tell. Names that differ in their digits alone ("Sprint 14" beside "Sprint 13") are boards of their own, not typos.
pub fn near_name<'a>(names: impl IntoIterator<Item = &'a str>, name: &str) -> Option<&'a str> {
    let wanted: Vec<char> = name.trim().to_lowercase().chars().collect();
    if wanted.len() < 4 {
        return None;
    }
    let letters = |chars: &[char]| -> String {
        let text: String = chars.iter().filter(|c| !c.is_ascii_digit()).collect();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    names
        .into_iter()
        .map(|n| (n, n.to_lowercase().chars().collect::<Vec<_>>()))
        .filter(|(_, other)| letters(other) != letters(&wanted))
        .map(|(n, other)| (n, edits_apart(&wanted, &other)))
        .filter(|&(_, d)| (1..=2).contains(&d))
        .min_by_key(|&(_, d)| d)
        .map(|(n, _)| n)
}

/// How many letters typed, left out, changed or swapped with the next turn `a` into `b` (optimal string alignment).
fn edits_apart(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![vec![0; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let changed = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + changed);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// `name` if no board has it yet, otherwise `name (2)`, `name (3)`, …, within the length limit.
/// Two boards never share a name (in any case): the sidebar, the command line's `--board` and exports tell them apart
/// by it. The error suggests a free name.
fn refuse_taken(tx: &Transaction<'_>, name: &str, except: Option<i64>) -> Result<()> {
    let lower = name.to_lowercase();
    let taken = list(tx)?
        .into_iter()
        .find(|b| Some(b.id) != except && b.name.to_lowercase() == lower);
    if let Some(other) = taken {
        // Named as the board is, not as typed: "SPRINT PLANNING" clashed with "Sprint planning".
        let suggestion = unused_name(tx, name)?;
        return Err(Error::invalid(format!(
            "There is already a board named “{}”. Pick another name, such as “{suggestion}”.",
            other.name
        )));
    }
    Ok(())
}

/// `name` without its number, and the number after it, for a name that ends in one: "Q3 (2)" is ("Q3", 3). A year
/// is not a number of this kind: "Review (2025)" is followed by "Review (2025) (2)".
fn numbered(name: &str) -> Option<(&str, u32)> {
    let open = name.strip_suffix(')')?.rfind(" (")?;
    let n: u32 = name[open + 2..name.len() - 1].parse().ok()?;
    (open > 0 && (2..1000).contains(&n)).then(|| (&name[..open], n + 1))
}

pub fn unused_name(tx: &Transaction<'_>, name: &str) -> Result<String> {
    let name = clean_board_name(name)?;
    let taken: Vec<String> = list(tx)?.into_iter().map(|b| b.name.to_lowercase()).collect();
    if !taken.contains(&name.to_lowercase()) {
        return Ok(name);
    }
    // A name numbered already counts on from its number: "Q3 (2)" is followed by "Q3 (3)", not "Q3 (2) (2)".
    let (base, first) = numbered(&name).unwrap_or((name.as_str(), 2));
    for n in first.. {
        let suffix = format!(" ({n})");
        let keep = MAX_BOARD_NAME_CHARS - suffix.chars().count();
        let candidate: String = base.chars().take(keep).collect::<String>() + &suffix;
        if !taken.contains(&candidate.to_lowercase()) {
            return Ok(candidate);
        }
    }
    unreachable!("some number is free")
}

/// Creates a board as a file describes it (import): the name as given, made unique; its thresholds and times.
pub fn create_imported(
    tx: &Transaction<'_>,
    name: &str,
    thresholds: Thresholds,
    created_at: i64,
    updated_at: i64,
) -> Result<i64> {
    let name = unused_name(tx, name)?;
    let thresholds = Thresholds::new(thresholds.payoff, thresholds.cost)?;
    tx.execute_cached(
        "INSERT INTO boards (name, payoff_threshold, cost_threshold, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, thresholds.payoff.tenths(), thresholds.cost.tenths(), created_at, updated_at],
    )?;
    Ok(tx.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(names: &[&str]) -> Vec<BoardSummary> {
        (0_i64..)
            .zip(names)
            .map(|(id, name)| BoardSummary {
                id,
                name: (*name).to_owned(),
                idea_count: 0,
                updated_at: 0,
            })
            .collect()
    }

    #[test]
    fn a_name_a_letter_or_two_off_is_taken_for_a_typo_of_the_board() {
        let boards = named(&["Platform", "Infra Q3", "Web", "Sprint 13"]);
        for (typo, meant) in [
            ("Platfrom", "Platform"),
            ("platfom", "Platform"),
            ("Plattform", "Platform"),
            ("PLATFORMS", "Platform"),
            ("Infar Q3", "Infra Q3"),
            ("Sprnt 13", "Sprint 13"),
        ] {
            assert_eq!(
                near_name(boards.iter().map(|b| b.name.as_str()), typo),
                Some(meant),
                "{typo}"
            );
        }
        // The name itself, names far off, names too short to tell, and the next sprint or quarter are no typo.
        for other in [
            "Platform",
            "Roadmap",
            "Wbe",
            "Infra 2027 plan",
            "Infra Q4",
            "Sprint 14",
            "Sprint 1",
        ] {
            assert_eq!(
                near_name(boards.iter().map(|b| b.name.as_str()), other),
                None,
                "{other}"
            );
        }
    }
}
