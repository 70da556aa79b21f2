//! The `ideas` table as stored: its one column list, its row type, and the statements built from them. Everything
//! that reads or writes whole rows (ideas, the history's change capture and undo, duplicating a board, imports) goes
//! through here, so a new column is added here (and in a migration) and nowhere else; a test holds the list against
//! the table itself.

use rusqlite::types::ToSql;
use serde::{Deserialize, Serialize};

use crate::domain::{Position, Score, MAX_TITLE_CHARS};

/// Declares the row type, the column list and reading and writing a row from one list of fields: the fields are
/// the columns, in the table's order of use.
macro_rules! idea_row {
    ($($(#[$doc:meta])* $field:ident: $ty:ty,)*) => {
        /// An `ideas` row exactly as stored. Its JSON form (the field names are the column names) is what the history
        /// keeps for undo and what board files carry.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub struct IdeaRow {
            $($(#[$doc])* pub $field: $ty,)*
        }

        /// The table's columns, in the order of [`IdeaRow`]'s fields.
        pub const COLUMNS: &[&str] = &[$(stringify!($field)),*];

        impl IdeaRow {
            /// Reads a row selected with [`select_columns`]. By position, which [`select_columns`] fixes: looking
            /// each column up by name made loading a 10,000-idea board several times slower. That the names match
            /// is checked in debug builds, so in every test run.
            pub fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<IdeaRow> {
                debug_assert!(
                    COLUMNS
                        .iter()
                        .enumerate()
                        .all(|(i, c)| row.as_ref().column_name(i).is_ok_and(|n| n == *c)),
                    "a row read as an idea was not selected with select_columns"
                );
                let mut at = 0usize..;
                Ok(IdeaRow { $($field: row.get(at.next().unwrap_or_default())?,)* })
            }

            /// The values for [`insert_sql`], in [`COLUMNS`] order.
            pub fn values(&self) -> Vec<&dyn ToSql> {
                vec![$(&self.$field),*]
            }
        }

        /// Some columns of an `ideas` row: those an update changed, as the history keeps them (see
        /// [`IdeaColumns::changed`]). A column left out is `None`; a column set to NULL is `Some(None)`. Its JSON
        /// form has the changed columns only, under their names, and no other key.
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct IdeaColumns {
            $(
                #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }

        impl IdeaColumns {
            /// The columns that differ between `before` and `after`, as each had them.
            fn differing(before: &IdeaRow, after: &IdeaRow) -> (IdeaColumns, IdeaColumns) {
                let (mut b, mut a) = (IdeaColumns::default(), IdeaColumns::default());
                $(
                    if before.$field != after.$field {
                        b.$field = Some(before.$field.clone());
                        a.$field = Some(after.$field.clone());
                    }
                )*
                (b, a)
            }

            /// The columns present and their values, for an `UPDATE`; never the row's id or board.
            pub fn assignments(&self) -> Vec<(&'static str, &dyn ToSql)> {
                let mut set: Vec<(&'static str, &dyn ToSql)> = Vec::new();
                $(
                    if let Some(value) = &self.$field {
                        set.push((stringify!($field), value));
                    }
                )*
                set.retain(|(column, _)| !matches!(*column, "id" | "board_id"));
                set
            }
        }
    };
}

/// A field that is in the JSON, even as `null`: `Some(value)`; a field left out is `None` (`#[serde(default)]`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

idea_row! {
    id: i64,
    board_id: i64,
    title: String,
    notes: String,
    /// Tenths: 0 to 100. `None` (with `cost`) while the idea is unsorted.
    payoff: Option<i64>,
    cost: Option<i64>,
    rank: f64,
    owner: String,
    link: String,
    /// A JSON array of strings.
    tags: String,
    created_at: i64,
    updated_at: i64,
}

/// Columns of the table that are not the row's: the database keeps them from the row and its board (the zone, from
/// the scores and the board's lines: migration 0012). Nothing reads or writes them as part of a row, so the history
/// and board files never carry them.
pub const DERIVED: &[&str] = &["zone"];

/// What an insert does when a row with the same id exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnConflict {
    /// Fails (imports: ids are reserved first).
    Fail,
    /// Keeps the existing row; the insert changes nothing.
    Keep,
    /// Overwrites it (undo and redo write rows back as they were).
    Replace,
}

impl IdeaRow {
    /// The stored position, when both scores are there and valid.
    pub fn position(&self) -> Option<Position> {
        match (self.payoff, self.cost) {
            (Some(p), Some(c)) => Some(Position {
                payoff: Score::from_tenths(p).ok()?,
                cost: Score::from_tenths(c).ok()?,
            }),
            _ => None,
        }
    }

    pub fn tags(&self) -> Vec<String> {
        serde_json::from_str(&self.tags).unwrap_or_default()
    }

    /// Why the table would refuse this row, or would keep it broken (a row from a file, for the history).
    pub fn problem(&self) -> Option<String> {
        title_problem(&self.title)
            .or_else(|| scores_problem(self.payoff, self.cost))
            .or_else(|| rank_problem(self.rank))
            .or_else(|| tags_problem(&self.tags))
    }
}

fn title_problem(title: &str) -> Option<String> {
    let length = title.chars().count();
    (!(1..=MAX_TITLE_CHARS).contains(&length))
        .then(|| format!("a title of {length} characters (1 to {MAX_TITLE_CHARS})"))
}

fn scores_problem(payoff: Option<i64>, cost: Option<i64>) -> Option<String> {
    let out_of_range = |s: Option<i64>| s.is_some_and(|s| Score::from_tenths(s).is_err());
    if out_of_range(payoff) || out_of_range(cost) {
        Some("a score outside 0 to 10".into())
    } else if payoff.is_some() != cost.is_some() {
        Some("one score without the other".into())
    } else {
        None
    }
}

fn rank_problem(rank: f64) -> Option<String> {
    (!rank.is_finite()).then(|| "a rank that is not a number".into())
}

fn tags_problem(tags: &str) -> Option<String> {
    serde_json::from_str::<Vec<String>>(tags)
        .is_err()
        .then(|| "tags that are not a list of words".into())
}

impl IdeaColumns {
    /// What an update of one row changed: the columns that differ, before and after. The two scores go together:
    /// where an idea was is read from both (`history::scores_before_moves`).
    pub fn changed(before: &IdeaRow, after: &IdeaRow) -> (IdeaColumns, IdeaColumns) {
        let (mut b, mut a) = IdeaColumns::differing(before, after);
        if b.payoff.is_some() || b.cost.is_some() {
            (b.payoff, b.cost) = (Some(before.payoff), Some(before.cost));
            (a.payoff, a.cost) = (Some(after.payoff), Some(after.cost));
        }
        (b, a)
    }

    /// Why the table would refuse these columns, or would keep them broken (columns from a file, for the history).
    /// The two scores come together, as [`IdeaColumns::changed`] keeps them.
    pub fn problem(&self) -> Option<String> {
        if self.id.is_some() || self.board_id.is_some() {
            return Some("a change of an idea's id or board".into());
        }
        self.title
            .as_deref()
            .and_then(title_problem)
            .or_else(|| match (self.payoff, self.cost) {
                (Some(payoff), Some(cost)) => scores_problem(payoff, cost),
                (None, None) => None,
                _ => Some("one score without the other".into()),
            })
            .or_else(|| self.rank.and_then(rank_problem))
            .or_else(|| self.tags.as_deref().and_then(tags_problem))
    }

    /// The names of the columns present.
    pub fn names(&self) -> Vec<&'static str> {
        self.assignments().into_iter().map(|(name, _)| name).collect()
    }

    /// `UPDATE ideas SET …` for the columns present (see [`IdeaColumns::assignments`]) and its values, the row's id
    /// (`id`) last; `None` when no column is present.
    pub fn update<'a>(&'a self, id: &'a i64) -> Option<(String, Vec<&'a dyn ToSql>)> {
        let set = self.assignments();
        if set.is_empty() {
            return None;
        }
        let columns: Vec<String> = set
            .iter()
            .enumerate()
            .map(|(n, (column, _))| format!("{column} = ?{}", n + 1))
            .collect();
        let sql = format!(
            "UPDATE ideas SET {} WHERE id = ?{}",
            columns.join(", "),
            set.len() + 1
        );
        let mut values: Vec<&dyn ToSql> = set.into_iter().map(|(_, value)| value).collect();
        values.push(id);
        Some((sql, values))
    }
}

/// `id, board_id, …`, optionally with a table alias (`i.id, i.board_id, …`).
pub fn select_columns(alias: Option<&str>) -> String {
    COLUMNS
        .iter()
        .map(|c| alias.map_or_else(|| (*c).to_owned(), |a| format!("{a}.{c}")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `INSERT INTO ideas (…) VALUES (?1, …)` for [`IdeaRow::values`].
pub fn insert_sql(on_conflict: OnConflict) -> String {
    let placeholders: Vec<String> = (1..=COLUMNS.len()).map(|n| format!("?{n}")).collect();
    let conflict = match on_conflict {
        OnConflict::Fail => String::new(),
        OnConflict::Keep => " ON CONFLICT (id) DO NOTHING".to_owned(),
        OnConflict::Replace => {
            let set: Vec<String> = COLUMNS[1..]
                .iter()
                .map(|c| format!("{c} = excluded.{c}"))
                .collect();
            format!(" ON CONFLICT (id) DO UPDATE SET {}", set.join(", "))
        }
    };
    format!(
        "INSERT INTO ideas ({}) VALUES ({}){conflict}",
        select_columns(None),
        placeholders.join(", ")
    )
}

/// Copies every idea of board `?1` to board `?2` with new ids, in rank order.
pub fn copy_to_board_sql() -> String {
    let rest: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !matches!(*c, "id" | "board_id"))
        .collect();
    let rest = rest.join(", ");
    format!(
        "INSERT INTO ideas (board_id, {rest}) SELECT ?2, {rest} FROM ideas WHERE board_id = ?1 ORDER BY rank"
    )
}

/// `json_object('id', r.id, …)`: the row `r` (`new` or `old` in a trigger) as [`IdeaRow`]'s JSON.
pub fn json_object(r: &str) -> String {
    let pairs: Vec<String> = COLUMNS.iter().map(|c| format!("'{c}', {r}.{c}")).collect();
    format!("json_object({})", pairs.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Db;

    #[test]
    fn the_column_list_is_the_table_and_the_row_type() {
        let mut db = Db::open_in_memory().unwrap();
        let table: Vec<String> = db
            .read(|tx| {
                let mut stmt = tx.prepare("SELECT name FROM pragma_table_info('ideas') ORDER BY cid")?;
                let names = stmt
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<Vec<String>>>()?;
                Ok(names)
            })
            .unwrap();
        let mut listed: Vec<&str> = COLUMNS.iter().chain(DERIVED).copied().collect();
        let mut table: Vec<&str> = table.iter().map(String::as_str).collect();
        listed.sort_unstable();
        table.sort_unstable();
        assert_eq!(
            listed, table,
            "COLUMNS and DERIVED list every column of the table"
        );

        let row = IdeaRow {
            id: 1,
            board_id: 2,
            title: "t".into(),
            notes: String::new(),
            payoff: Some(75),
            cost: None,
            rank: 1.5,
            owner: String::new(),
            link: String::new(),
            tags: "[]".into(),
            created_at: 3,
            updated_at: 4,
        };
        let json = serde_json::to_value(&row).unwrap();
        let fields: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = COLUMNS.to_vec();
        sorted.sort_unstable();
        assert_eq!(fields, sorted, "IdeaRow's fields are the columns");
        assert_eq!(row.values().len(), COLUMNS.len());
        assert_eq!(insert_sql(OnConflict::Fail).matches('?').count(), COLUMNS.len());
    }
}
