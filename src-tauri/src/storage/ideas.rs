//! Ideas: typed queries over the `ideas` table, and the move rule (zone + index → position + rank).

use std::sync::LazyLock;

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::idea_row::{self, IdeaRow, OnConflict};
use super::{boards, history, now_ms};
use crate::domain::{
    clean_link, clean_notes, clean_owner, clean_tags, clean_title, Position, Quadrant, Score, Thresholds,
    Zone,
};
use crate::error::{Error, Result};
use crate::storage::Cached;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Idea {
    pub id: i64,
    pub board_id: i64,
    pub title: String,
    pub notes: String,
    /// `None` while the idea waits in the Unsorted tray.
    pub position: Option<Position>,
    /// Where the idea is shown; follows from `position` and the board's thresholds (the database's copy, kept for its
    /// index, is never read as the idea's).
    pub zone: Zone,
    /// Orders ideas within a zone; only the order matters, not the values.
    pub rank: f64,
    /// Who drives it; free text (a Mattermost username works best).
    pub owner: String,
    /// An http or https address, or empty.
    pub link: String,
    pub tags: Vec<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What the details panel edits, all at once.
#[derive(Debug, Clone, PartialEq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IdeaEdit {
    pub title: String,
    pub notes: String,
    pub owner: String,
    pub link: String,
    pub tags: Vec<String>,
}

impl Idea {
    /// The idea a stored row shows: its zone follows from its position and the board's `thresholds`.
    pub fn from_row(row: IdeaRow, thresholds: Thresholds) -> Result<Idea> {
        let position = match (row.payoff, row.cost) {
            (Some(p), Some(c)) => Some(Position {
                payoff: Score::from_tenths(p).map_err(stored_score)?,
                cost: Score::from_tenths(c).map_err(stored_score)?,
            }),
            _ => None,
        };
        let tags = row.tags();
        Ok(Idea {
            id: row.id,
            board_id: row.board_id,
            title: row.title,
            notes: row.notes,
            position,
            zone: Zone::of(position, thresholds),
            rank: row.rank,
            owner: row.owner,
            link: row.link,
            tags,
            created_at: row.created_at,
            updated_at: row.updated_at,
        })
    }

    /// The row that stores this idea.
    pub fn to_row(&self) -> Result<IdeaRow> {
        Ok(IdeaRow {
            id: self.id,
            board_id: self.board_id,
            title: self.title.clone(),
            notes: self.notes.clone(),
            payoff: self.position.map(|p| p.payoff.tenths()),
            cost: self.position.map(|p| p.cost.tenths()),
            rank: self.rank,
            owner: self.owner.clone(),
            link: self.link.clone(),
            tags: tags_json(&self.tags)?,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

fn stored_score(err: Error) -> Error {
    Error::Storage(format!("an idea's stored scores are damaged: {err}"))
}

fn tags_json(tags: &[String]) -> Result<String> {
    serde_json::to_string(tags).map_err(|e| Error::Storage(e.to_string()))
}

/// A board's ideas in rank order: read from the zone index, zone after zone, and sorted here, which takes less than
/// SQLite's sorter (10,000 ideas loaded in about 6.7 ms against 8.2 ms; 5.9 ms with an index in rank order, which
/// every move had to write: migration 0013).
pub fn list(tx: &Transaction<'_>, board_id: i64, thresholds: Thresholds) -> Result<Vec<Idea>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {} FROM ideas WHERE board_id = ?1",
        idea_row::select_columns(None)
    ))?;
    let rows = stmt.query_map([board_id], IdeaRow::read)?;
    let mut ideas = rows
        .map(|row| Idea::from_row(row?, thresholds))
        .collect::<Result<Vec<_>>>()?;
    ideas.sort_by(|a, b| a.rank.total_cmp(&b.rank).then(a.id.cmp(&b.id)));
    Ok(ideas)
}

pub fn get(tx: &Transaction<'_>, id: i64) -> Result<Idea> {
    get_with_lines(tx, id).map(|(idea, _)| idea)
}

/// The idea and its board's lines, read once for an edit that places it: one statement, its text built once.
fn get_with_lines(tx: &Transaction<'_>, id: i64) -> Result<(Idea, Thresholds)> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {}, b.payoff_threshold, b.cost_threshold, b.deleted_at IS NULL
             FROM ideas i JOIN boards b ON b.id = i.board_id WHERE i.id = ?1",
            idea_row::select_columns(Some("i"))
        )
    });
    let lines = idea_row::COLUMNS.len();
    let (row, payoff, cost, in_use) = tx
        .query_row_cached(&SQL, [id], |r| {
            Ok((
                IdeaRow::read(r)?,
                r.get::<_, i64>(lines)?,
                r.get::<_, i64>(lines + 1)?,
                r.get::<_, bool>(lines + 2)?,
            ))
        })
        .optional()?
        .ok_or(Error::gone("idea"))?;
    if !in_use {
        return Err(Error::gone("board"));
    }
    let thresholds = Thresholds::new(Score::from_tenths(payoff)?, Score::from_tenths(cost)?)?;
    Ok((Idea::from_row(row, thresholds)?, thresholds))
}

/// Adds an idea at the end of `zone`; in a quadrant it takes the quadrant's middle as its position.
pub fn add(tx: &Transaction<'_>, board_id: i64, title: &str, zone: Zone) -> Result<Idea> {
    let title = clean_title(title)?;
    let thresholds = boards::thresholds(tx, board_id)?;
    let position = zone.quadrant().map(|q| q.place(None, thresholds));
    let rank = next_rank(tx, board_id)?;
    let now = now_ms();
    tx.execute_cached(
        "INSERT INTO ideas (board_id, title, notes, payoff, cost, rank, created_at, updated_at)
         VALUES (?1, ?2, '', ?3, ?4, ?5, ?6, ?6)",
        params![
            board_id,
            title,
            position.map(|p| p.payoff.tenths()),
            position.map(|p| p.cost.tenths()),
            rank,
            now
        ],
    )?;
    boards::touch(tx, board_id)?;
    get(tx, tx.last_insert_rowid())
}

pub fn update(tx: &Transaction<'_>, id: i64, edit: &IdeaEdit) -> Result<Idea> {
    let title = clean_title(&edit.title)?;
    let notes = clean_notes(&edit.notes)?;
    let owner = clean_owner(&edit.owner)?;
    let link = clean_link(&edit.link)?;
    let tags = clean_tags(&edit.tags)?;
    let before = get(tx, id)?;
    if (
        &before.title,
        &before.notes,
        &before.owner,
        &before.link,
        &before.tags,
    ) == (&title, &notes, &owner, &link, &tags)
    {
        return Ok(before);
    }
    tx.execute_cached(
        "UPDATE ideas SET title = ?2, notes = ?3, owner = ?4, link = ?5, tags = ?6, updated_at = ?7 WHERE id = ?1",
        params![id, title, notes, owner, link, tags_json(&tags)?, now_ms()],
    )?;
    boards::touch(tx, before.board_id)?;
    get(tx, id)
}

/// An edit of an idea's place worked out before anything is written: the idea as it is and as the edit leaves it,
/// on a board with `thresholds`.
#[derive(Debug, Clone, PartialEq)]
pub struct Placing {
    pub before: Idea,
    pub after: Idea,
    pub thresholds: Thresholds,
}

/// What a move or new scores would do to an idea.
#[derive(Debug, Clone, PartialEq)]
pub enum Planned {
    /// Nothing: dropped where it was, or given the scores it has.
    Unchanged(Idea),
    Place(Placing),
    /// The neighbours' ranks are too close to fit the idea between them: the board is renumbered first
    /// ([`move_to`] does).
    NoRoom {
        board_id: i64,
    },
}

/// Moves an idea to position `index` of `zone` (counted without the idea itself). Dropped into a quadrant, it keeps
/// its position when that already lies inside. Otherwise (from another quadrant, or the tray) it takes the scores it
/// had there before moves took it away ([`history::scores_before_moves`]), or the nearest point inside.
pub fn move_to(tx: &Transaction<'_>, id: i64, zone: Zone, index: u32) -> Result<Idea> {
    let planned = match plan_move(tx, id, zone, index)? {
        Planned::NoRoom { board_id } => {
            renumber(tx, board_id)?;
            plan_move(tx, id, zone, index)?
        }
        planned => planned,
    };
    apply(tx, planned)
}

/// Writes what [`plan_move`] or [`plan_scores`] worked out, and returns the idea as it is then.
fn apply(tx: &Transaction<'_>, planned: Planned) -> Result<Idea> {
    match planned {
        Planned::Unchanged(idea) => Ok(idea),
        Planned::Place(placing) => {
            write_place(tx, &placing)?;
            Ok(placing.after)
        }
        Planned::NoRoom { .. } => Err(Error::Storage("could not find a place for the idea".into())),
    }
}

/// Where [`move_to`] would put the idea, without writing anything.
pub fn plan_move(tx: &Transaction<'_>, id: i64, zone: Zone, index: u32) -> Result<Planned> {
    let (idea, thresholds) = get_with_lines(tx, id)?;
    let position = match (zone.quadrant(), idea.position) {
        (None, _) => None,
        // Out of another quadrant, or the tray: back to its own scores there when only moves took it away.
        (Some(q), p) if p.is_none_or(|p| Quadrant::of(p, thresholds) != q) => Some(
            history::scores_before_moves(tx, id, q, thresholds)?
                .unwrap_or_else(|| q.place(idea.position, thresholds)),
        ),
        (Some(q), _) => Some(q.place(idea.position, thresholds)),
    };
    let Some(rank) = rank_at(tx, &idea, zone, index)? else {
        return Ok(Planned::NoRoom {
            board_id: idea.board_id,
        });
    };
    if position == idea.position && rank == idea.rank {
        return Ok(Planned::Unchanged(idea)); // dropped where it was
    }
    let after = Idea {
        position,
        zone: Zone::of(position, thresholds),
        rank,
        updated_at: now_ms(),
        ..idea.clone()
    };
    Ok(Planned::Place(Placing {
        before: idea,
        after,
        thresholds,
    }))
}

/// Writes an idea's new scores, rank and time, and the zone they put it in. The zone is written here, as the
/// database's rule (migration 0012) works it out, so that its trigger finds it right and does not write the row a
/// second time. A column named in an UPDATE has its index entries written again, even at the same value: new scores
/// that keep the idea's rank and zone leave both out.
pub fn write_place(tx: &Transaction<'_>, placing: &Placing) -> Result<()> {
    let (before, after) = (&placing.before, &placing.after);
    let (payoff, cost) = (
        after.position.map(|p| p.payoff.tenths()),
        after.position.map(|p| p.cost.tenths()),
    );
    if after.rank == before.rank && after.zone == before.zone {
        tx.execute_cached(
            "UPDATE ideas SET payoff = ?2, cost = ?3, updated_at = ?4 WHERE id = ?1",
            params![after.id, payoff, cost, after.updated_at],
        )?;
    } else {
        tx.execute_cached(
            "UPDATE ideas SET payoff = ?2, cost = ?3, rank = ?4, updated_at = ?5, zone = ?6 WHERE id = ?1",
            params![
                after.id,
                payoff,
                cost,
                after.rank,
                after.updated_at,
                super::zone_code(after.zone)
            ],
        )?;
    }
    boards::touch(tx, after.board_id)
}

/// A rank that puts the idea at `index` among the other ideas of `zone`, or `None` when the neighbours' ranks are
/// too close to fit one between them (then the board is renumbered).
fn rank_at(tx: &Transaction<'_>, idea: &Idea, zone: Zone, index: u32) -> Result<Option<f64>> {
    // The zone's other ideas (`… FROM ideas WHERE board_id = ?1 AND zone = ?2 AND id <> ?3`): one range of the index
    // on (board_id, zone, rank). Written out whole, so that a move builds no SQL text to find its cached statement.
    let zone = super::zone_code(zone);
    // The neighbours the idea lands between: the ones now at index - 1 and index.
    let mut stmt = tx.prepare_cached(
        "SELECT rank FROM ideas WHERE board_id = ?1 AND zone = ?2 AND id <> ?3 ORDER BY rank, id LIMIT 2 OFFSET ?4",
    )?;
    let ranks: Vec<f64> = stmt
        .query_map(
            params![idea.board_id, zone, idea.id, index.saturating_sub(1)],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let (before, after) = match (index, ranks.as_slice()) {
        (0, [first, ..]) => (None, Some(*first)),
        (0, []) => (None, None),
        (_, [prev, next, ..]) => (Some(*prev), Some(*next)),
        (_, [prev]) => (Some(*prev), None),
        // Past the end of the zone: after its last idea.
        (_, []) => {
            let mut last = tx.prepare_cached(
                "SELECT max(rank) FROM ideas WHERE board_id = ?1 AND zone = ?2 AND id <> ?3",
            )?;
            (
                last.query_row(params![idea.board_id, zone, idea.id], |r| r.get(0))?,
                None,
            )
        }
    };
    let rank = match (before, after) {
        (None, None) => idea.rank,
        (Some(b), None) => b + 1.0,
        (None, Some(a)) => a - 1.0,
        (Some(b), Some(a)) => b + (a - b) / 2.0,
    };
    let fits = before.is_none_or(|b| rank > b) && after.is_none_or(|a| rank < a);
    Ok(fits.then_some(rank))
}

/// Gives a board's ideas the ranks 1, 2, 3, … in their current order. The order is read once, before any rank is
/// written: numbered row by row from the table being updated, an idea could take a number an earlier one already had.
fn renumber(tx: &Transaction<'_>, board_id: i64) -> Result<()> {
    tx.execute_cached(
        "WITH o (id, n) AS MATERIALIZED (
             SELECT id, row_number() OVER (ORDER BY rank, id) FROM ideas WHERE board_id = ?1
         )
         UPDATE ideas SET rank = o.n FROM o WHERE o.id = ideas.id",
        [board_id],
    )?;
    Ok(())
}

/// Deletes an idea and returns it whole, so that it can be restored.
pub fn delete(tx: &Transaction<'_>, id: i64) -> Result<Idea> {
    let idea = get(tx, id)?;
    tx.execute_cached("DELETE FROM ideas WHERE id = ?1", [id])?;
    boards::touch(tx, idea.board_id)?;
    Ok(idea)
}

/// Puts a deleted idea back as it was: same id, position, rank and times (undo of a delete).
pub fn restore(tx: &Transaction<'_>, idea: &Idea) -> Result<Idea> {
    boards::thresholds(tx, idea.board_id)?; // the board must still exist
    let cleaned = Idea {
        title: clean_title(&idea.title)?,
        notes: clean_notes(&idea.notes)?,
        owner: clean_owner(&idea.owner)?,
        link: clean_link(&idea.link)?,
        tags: clean_tags(&idea.tags)?,
        ..idea.clone()
    };
    let row = cleaned.to_row()?;
    let inserted = tx.execute_cached(&idea_row::insert_sql(OnConflict::Keep), &row.values()[..])?;
    if inserted == 0 {
        return Err(Error::invalid("This idea is already on the board."));
    }
    boards::touch(tx, idea.board_id)?;
    get(tx, idea.id)
}

/// Places an idea at exact scores; its zone follows from them.
pub fn set_position(tx: &Transaction<'_>, id: i64, payoff: Score, cost: Score) -> Result<Idea> {
    apply(tx, plan_scores(tx, id, payoff, cost)?)
}

/// What [`set_position`] would do, without writing anything (never [`Planned::NoRoom`]: the rank stays).
pub fn plan_scores(tx: &Transaction<'_>, id: i64, payoff: Score, cost: Score) -> Result<Planned> {
    let (idea, thresholds) = get_with_lines(tx, id)?;
    let position = Some(Position { payoff, cost });
    if idea.position == position {
        return Ok(Planned::Unchanged(idea));
    }
    let after = Idea {
        position,
        zone: Zone::of(position, thresholds),
        updated_at: now_ms(),
        ..idea.clone()
    };
    Ok(Planned::Place(Placing {
        before: idea,
        after,
        thresholds,
    }))
}

/// An idea arriving from a file, checked by the same rules as one typed into the app.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIdea {
    pub title: String,
    pub notes: String,
    pub position: Option<Position>,
    pub owner: String,
    pub link: String,
    pub tags: Vec<String>,
}

impl NewIdea {
    /// Cleans every field as the details panel would; the error names the first field that is wrong.
    pub fn new(
        title: &str,
        notes: &str,
        position: Option<Position>,
        owner: &str,
        link: &str,
        tags: &[String],
    ) -> Result<NewIdea> {
        Ok(NewIdea {
            title: clean_title(title)?,
            notes: clean_notes(notes)?,
            position,
            owner: clean_owner(owner)?,
            link: clean_link(link)?,
            tags: clean_tags(tags)?,
        })
    }
}

/// Where and when an imported idea goes: its id (reserved with [`reserve_ids`]) or a new one, rank and times.
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    pub id: Option<i64>,
    pub rank: f64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Inserts one imported idea without reading it back (imports write thousands in one transaction).
pub fn insert(tx: &Transaction<'_>, board_id: i64, idea: &NewIdea, at: Placement) -> Result<i64> {
    let row = Idea {
        id: at.id.unwrap_or_default(),
        board_id,
        title: idea.title.clone(),
        notes: idea.notes.clone(),
        position: idea.position,
        zone: Zone::Unsorted, // not stored
        rank: at.rank,
        owner: idea.owner.clone(),
        link: idea.link.clone(),
        tags: idea.tags.clone(),
        created_at: at.created_at,
        updated_at: at.updated_at,
    }
    .to_row()?;
    let mut values = row.values();
    let new_id: Option<i64> = None; // SQLite gives the next id
    if at.id.is_none() {
        values[0] = &new_id;
    }
    tx.prepare_cached(&idea_row::insert_sql(OnConflict::Fail))?
        .execute(&values[..])?;
    Ok(tx.last_insert_rowid())
}

/// The rank after every idea on the board, for ideas added at the end. Asked zone by zone, so that SQLite looks up
/// the last entry of each zone in (board_id, zone, rank) instead of walking all of the board's ideas.
pub fn next_rank(tx: &Transaction<'_>, board_id: i64) -> Result<f64> {
    Ok(tx.query_row_cached(
        "SELECT coalesce(max(rank), 0) + 1 FROM ideas WHERE board_id = ?1 AND zone IN (0, 1, 2, 3, 4)",
        [board_id],
        |r| r.get(0),
    )?)
}

/// Reserves `count` idea ids no idea has had or will get otherwise, and returns the first.
pub fn reserve_ids(tx: &Transaction<'_>, count: usize) -> Result<i64> {
    let used: i64 = tx.query_row_cached(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'ideas'), 0),
                    coalesce((SELECT max(id) FROM ideas), 0))",
        [],
        |r| r.get(0),
    )?;
    let last = used + i64::try_from(count).map_err(|_| Error::invalid("Too many ideas."))?;
    let updated = tx.execute_cached("UPDATE sqlite_sequence SET seq = ?1 WHERE name = 'ideas'", [last])?;
    if updated == 0 {
        tx.execute_cached(
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('ideas', ?1)",
            [last],
        )?;
    }
    Ok(used + 1)
}
