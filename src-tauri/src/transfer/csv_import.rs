//! Importing ideas from a CSV file: a Jira export, a spreadsheet, or our own CSV export.
//!
//! The file is read once into a [`CsvTable`] (comma, semicolon or tab; with or without a byte-order mark). A
//! [`ColumnMapping`] says which column feeds which field; [`suggest`] proposes one from the header, for the window and
//! the command line alike. [`preview`] shows the first rows and what they would become, and every row that has a
//! problem, by row number (as a spreadsheet counts them: the header is row 1), column and reason. [`import`] writes
//! all the ideas in one transaction, or none.

use std::ops::ControlFlow;

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Position, Score, Thresholds};
use crate::error::{Error, Result};
use crate::storage::history;
use crate::storage::ideas::{self, NewIdea, Placement};
use crate::storage::{boards, now_ms};

use super::csv_export;

/// A CSV file as text cells, as read, before any mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvTable {
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub rows: Vec<CsvRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CsvRow {
    /// The row number as a spreadsheet shows it (the header is row 1).
    pub number: u64,
    pub cells: Vec<String>,
    /// The first cell (0-based) that was not valid UTF-8, if any; its text was read with replacement characters.
    pub bad_text: Option<usize>,
}

/// Which kind of file the header looks like; it decides the suggested mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CsvSource {
    Jira,
    Pickboard,
    Spreadsheet,
}

/// Which column (0-based) feeds each field of an idea.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnMapping {
    pub title: Option<usize>,
    pub notes: Option<usize>,
    /// Payoff and cost/risk on the 0–10 scale; an idea with both goes where they put it, with neither to Unsorted.
    pub payoff: Option<usize>,
    pub cost: Option<usize>,
    pub owner: Option<usize>,
    pub link: Option<usize>,
    /// Tag columns: a Jira export has one `Labels` column per label; a cell may also hold several, split by , or ;.
    pub tags: Vec<usize>,
    /// An issue key (Jira's `Issue key`): it becomes the link when `link_prefix` is set, a line in the notes if not.
    pub key: Option<usize>,
    /// For example `https://jira.example.com/browse/`; the link is this followed by the key.
    pub link_prefix: String,
    /// A row whose scores cannot be read ("high", 15, one of the two) goes to Unsorted without them, instead of being
    /// a row with a problem.
    #[serde(default)]
    pub unreadable_scores_to_unsorted: bool,
}

/// Where the imported ideas go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ImportTarget {
    /// A new board with this name (made unique).
    NewBoard { name: String },
    /// An existing board: ideas with scores at their place, the others into its Unsorted tray.
    Board { id: i64 },
    /// The board of this name, or a new board of it when there is none (the command line's `import --board`): looked
    /// up in the import's own transaction, so that two imports at once into a board not made yet make one board.
    BoardNamed { name: String },
}

/// A row that cannot be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub row: u64,
    /// The column's header, when the problem is in one cell.
    pub column: Option<String>,
    pub message: String,
    /// The problem is the row's scores: it can go to Unsorted without them (`unreadable_scores_to_unsorted`).
    pub scores: bool,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(column) => write!(f, "Row {}, column “{column}”: {}", self.row, self.message),
            None => write!(f, "Row {}: {}", self.row, self.message),
        }
    }
}

/// An idea a row would become, as the preview shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewIdea {
    pub row: u64,
    pub title: String,
    pub position: Option<Position>,
    pub owner: String,
    pub tags: Vec<String>,
}

/// Shown before importing: the file, the mapping, sample rows, what will be created and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    pub source: CsvSource,
    /// `,`, `;` or a tab.
    pub delimiter: String,
    pub headers: Vec<String>,
    pub mapping: ColumnMapping,
    /// The first rows' cells, shortened for display.
    pub sample: Vec<Vec<String>>,
    pub ideas: Vec<PreviewIdea>,
    pub rows: usize,
    /// Rows that will become ideas: placed on the chart, and waiting in Unsorted.
    pub placed: usize,
    pub unsorted: usize,
    /// The first problems (at most [`MAX_SHOWN_PROBLEMS`]), and how many there are in all.
    pub problems: Vec<RowProblem>,
    pub problem_count: usize,
    /// Scores written with more decimals than the one a score keeps, said in a sentence with the first of them
    /// ("2 scores have more decimals…: row 3's 7.25 becomes 7.3."); `None` when every score fits.
    pub rounding: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub board_id: i64,
    pub imported: usize,
    /// The rows left out because the user chose to skip bad rows.
    pub skipped: Vec<RowProblem>,
}

pub const SAMPLE_ROWS: usize = 8;
pub const MAX_SHOWN_PROBLEMS: usize = 200;
const MAX_SAMPLE_CELL_CHARS: usize = 80;
/// Ideas are written in batches of this many, with a progress report (and a chance to cancel) after each.
pub const BATCH: usize = 1_000;

/// Why a file is not text at all, if it is not: a spreadsheet's own file (saved as .xlsx or .ods, then renamed or
/// picked by mistake) or any other binary file. Read as text, each of its lines was listed as a row "not UTF-8".
/// `file` names the file as the message starts: "“q3.xlsx”", or "This file".
fn not_text(file: &str, bytes: &[u8]) -> Option<String> {
    // .xlsx and .ods are zip archives; .xls is an OLE compound document.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(format!(
            "{file} is a spreadsheet (Excel or LibreOffice), not a CSV file. In your spreadsheet, use File › \
             Save As… › “CSV UTF-8”, and import that file."
        ));
    }
    // Text never holds a NUL byte (UTF-16, which does, is refused before with its own advice).
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0).then(|| {
        format!(
            "{file} is not text: it looks like an image, an archive or a program's own file. Pickboard imports CSV \
             (UTF-8) and its own JSON files."
        )
    })
}

/// Reads a CSV file's bytes into a table; an error only when the file as a whole cannot be read.
pub fn read(bytes: &[u8]) -> Result<CsvTable> {
    read_file("This file", bytes)
}

/// [`read`], with the file named in what it says when it cannot be read ("“q3.xlsx” is a spreadsheet file…").
pub fn read_file(file: &str, bytes: &[u8]) -> Result<CsvTable> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::invalid(format!(
            "{file} is in UTF-16. Save it as “CSV UTF-8” in your spreadsheet and import it again."
        )));
    }
    if let Some(refusal) = not_text(file, bytes) {
        return Err(Error::invalid(refusal));
    }
    if super::holds_nothing(bytes) {
        return Err(super::empty_file(file));
    }
    let bytes = super::without_bom(bytes);
    let delimiter = detect_delimiter(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header = csv::ByteRecord::new();
    match reader.read_byte_record(&mut header) {
        Ok(true) => {}
        Ok(false) => return Err(super::empty_file(file)),
        Err(e) => return Err(Error::invalid(format!("The first row cannot be read: {e}."))),
    }
    let headers: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(n, h)| {
            // Without bidirectional controls: "\u{202E}Title" read "eltiT" in the mapping and the sample.
            let name = crate::text::without_bidi_controls(&String::from_utf8_lossy(h))
                .trim()
                .to_owned();
            if name.is_empty() {
                format!("Column {}", n + 1)
            } else {
                name
            }
        })
        .collect();
    let mut rows = Vec::new();
    // Where the last row starts, its number and its line: an unclosed quote's cell runs to the end of the file, so only
    // the last row can hold one.
    let mut last = (0, 1, 1);
    // Rows are numbered as a spreadsheet shows the file, empty lines counted: the csv reader passes over those, and the
    // rows after one were called a row or two early ("Row 4" for the file's row 8).
    let mut number = 1;
    let mut record = csv::ByteRecord::new();
    loop {
        let line_before = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(Error::invalid(format!(
                    "Row {} cannot be read: {e}. Nothing was imported.",
                    number + 1
                )))
            }
        }
        // The reader's lines went on by the row before's line end, the empty lines, and the row's own cells of
        // several lines.
        let within: u64 = record
            .iter()
            .map(|cell| cell.iter().filter(|&&b| b == b'\n').count() as u64)
            .sum();
        let empty_lines = (reader.position().line() - line_before).saturating_sub(1 + within);
        number += 1 + empty_lines;
        last = record
            .position()
            .map_or((0, number, number), |p| (p.byte(), number, p.line()));
        if record.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
            continue; // blank lines, which spreadsheets leave at the end
        }
        let mut bad_text = None;
        let cells = record
            .iter()
            .enumerate()
            .map(|(col, cell)| match std::str::from_utf8(cell) {
                Ok(text) => text.to_owned(),
                Err(_) => {
                    bad_text.get_or_insert(col);
                    String::from_utf8_lossy(cell).into_owned()
                }
            })
            .collect();
        rows.push(CsvRow {
            number,
            cells,
            bad_text,
        });
    }
    let (start, row, line) = last;
    let rest = bytes
        .get(usize::try_from(start).unwrap_or(usize::MAX)..)
        .unwrap_or_default();
    if unclosed_quote(rest, delimiter) {
        // The csv reader took the cell to the end of the file: one row of everything after the quote.
        // By its line too where cells of several lines came before: a text editor, where such a quote is mended,
        // counts lines.
        let line = if line == row {
            String::new()
        } else {
            format!(" (line {line} of the file)")
        };
        return Err(Error::invalid(format!(
            "Row {row}{line} opens a quote (\") that is never closed, so everything after it would read as one cell. \
             Close the quote, or remove it, and import the file again. Nothing was imported."
        )));
    }
    Ok(CsvTable {
        delimiter,
        headers,
        rows,
    })
}

/// Whether a quote opens a cell that `bytes` never close, as the csv reader reads them: a quote opens a cell only at
/// its start (`12" screen` is text), and inside one, `""` is a quote and `"` closes it.
fn unclosed_quote(bytes: &[u8], delimiter: u8) -> bool {
    let mut at_start = true;
    let mut open = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if open {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    open = false;
                    at_start = false;
                }
            }
        } else if b == b'"' && at_start {
            open = true;
        } else {
            at_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    open
}

/// The delimiter that splits the first line into the most cells: comma, semicolon or tab.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &b in bytes.iter().take(64 * 1024) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == b) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// What a column can feed, by the names the command line's `--map` takes and prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Notes,
    Owner,
    Link,
    Tags,
    Payoff,
    Cost,
    Key,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Title,
        Field::Notes,
        Field::Owner,
        Field::Link,
        Field::Tags,
        Field::Payoff,
        Field::Cost,
        Field::Key,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Notes => "notes",
            Field::Owner => "owner",
            Field::Link => "link",
            Field::Tags => "tags",
            Field::Payoff => "payoff",
            Field::Cost => "cost",
            Field::Key => "key",
        }
    }

    /// The field of a name, in any case; `cost/risk` is `cost`.
    pub fn from_name(name: &str) -> Option<Field> {
        let name = name.trim().to_lowercase();
        if name == "cost/risk" {
            return Some(Field::Cost);
        }
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Why a row with score `set` and not score `other` cannot be placed: the other's cell is empty, or no column is
/// chosen for it (then every row with a score says so).
fn one_score_only(set: &str, other: &str, other_column: Option<usize>) -> String {
    match other_column {
        Some(_) => format!("it is empty while the {set} is set. Give both scores or neither."),
        None => format!(
            "the {set} is set, and no column is chosen for the {other}. Choose one, or none for the {set}."
        ),
    }
}

/// Header names taken for the payoff, best first; see [`header_is`] for how they are compared.
pub const PAYOFF_NAMES: [&str; 5] = ["Payoff", "ROI", "Value", "Benefit", "Impact"];
/// Header names taken for the cost/risk, best first.
pub const COST_NAMES: [&str; 4] = ["Cost/risk", "Cost", "Effort", "Risk"];

/// Whether a header is `name`: in any case, and with any spaces (`Cost / risk` is `cost/risk`).
pub fn header_is(header: &str, name: &str) -> bool {
    let words = |s: &str| s.split_whitespace().collect::<String>().to_lowercase();
    words(header) == words(name)
}

/// Every column (0-based) whose header is `name`, as [`header_is`] compares them.
pub fn columns_named(headers: &[String], name: &str) -> Vec<usize> {
    (0..headers.len())
        .filter(|&i| header_is(&headers[i], name))
        .collect()
}

/// The first column whose header is the first of `names` that there is a column for.
fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|name| headers.iter().position(|h| header_is(h, name)))
}

/// The names a column of titles goes by, in the order they are looked for.
pub const TITLE_NAMES: [&str; 6] = ["Title", "Summary", "Idea", "Name", "Item", "Task"];

/// Whether a column is named like a column of titles ([`TITLE_NAMES`]); without one, the first column is taken.
pub fn names_a_title(headers: &[String]) -> bool {
    find(headers, &TITLE_NAMES).is_some()
}

/// The payoff and cost/risk columns, from the header's names ([`PAYOFF_NAMES`], [`COST_NAMES`]), whatever the kind
/// of file: the window's import dialog and the command line both start from these.
pub fn score_columns(headers: &[String]) -> (Option<usize>, Option<usize>) {
    (find(headers, &PAYOFF_NAMES), find(headers, &COST_NAMES))
}

/// The kind of file and a mapping for it, from the header's names. The window's import dialog opens with this
/// mapping, and the command line imports with it (unless `--map` changes it).
pub fn suggest(headers: &[String]) -> (CsvSource, ColumnMapping) {
    let find = |names: &[&str]| find(headers, names);
    let (payoff, cost) = score_columns(headers);
    if csv_export::HEADER.iter().all(|h| headers.iter().any(|x| x == h)) {
        return (
            CsvSource::Pickboard,
            ColumnMapping {
                title: find(&["Title"]),
                notes: find(&["Notes"]),
                payoff,
                cost,
                owner: find(&["Owner"]),
                link: find(&["Link"]),
                tags: find(&["Tags"]).into_iter().collect(),
                ..ColumnMapping::default()
            },
        );
    }
    if find(&["Summary"]).is_some() && find(&["Issue key"]).is_some() {
        return (
            CsvSource::Jira,
            ColumnMapping {
                title: find(&["Summary"]),
                notes: find(&["Description"]),
                payoff,
                cost,
                owner: find(&["Assignee"]),
                tags: columns_named(headers, "Labels"),
                key: find(&["Issue key"]),
                ..ColumnMapping::default()
            },
        );
    }
    let tags = ["Tags", "Labels", "Tag", "Label"]
        .iter()
        .map(|n| columns_named(headers, n))
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    let mapping = ColumnMapping {
        title: find(&TITLE_NAMES).or(Some(0)),
        notes: find(&["Notes", "Description", "Details", "Comment", "Comments"]),
        payoff,
        cost,
        owner: find(&["Owner", "Assignee", "Who", "Responsible"]),
        link: find(&["Link", "URL", "Address"]),
        tags,
        ..ColumnMapping::default()
    };
    (CsvSource::Spreadsheet, mapping)
}

impl ColumnMapping {
    /// The column of a field other than tags.
    fn single(&mut self, field: Field) -> Option<&mut Option<usize>> {
        match field {
            Field::Title => Some(&mut self.title),
            Field::Notes => Some(&mut self.notes),
            Field::Owner => Some(&mut self.owner),
            Field::Link => Some(&mut self.link),
            Field::Payoff => Some(&mut self.payoff),
            Field::Cost => Some(&mut self.cost),
            Field::Key => Some(&mut self.key),
            Field::Tags => None,
        }
    }

    /// The fields column `col` feeds.
    pub fn fields_of(&self, col: usize) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| {
                let fed = match f {
                    Field::Title => self.title,
                    Field::Notes => self.notes,
                    Field::Owner => self.owner,
                    Field::Link => self.link,
                    Field::Payoff => self.payoff,
                    Field::Cost => self.cost,
                    Field::Key => self.key,
                    Field::Tags => return self.tags.contains(&col),
                };
                fed == Some(col)
            })
            .collect()
    }

    /// Changes the mapping as chosen by hand: each choice is the columns of one name and the field they feed
    /// (`None`: not used). A chosen column feeds only the fields chosen for it, a chosen field only its chosen
    /// columns (every column of the name for tags, the first for the others); the rest stays as it was. Fails when
    /// a field other than tags is chosen for two columns.
    pub fn choose(
        &mut self,
        headers: &[String],
        choices: &[(Vec<usize>, Option<Field>)],
    ) -> std::result::Result<(), String> {
        let name = |col: usize| {
            headers
                .get(col)
                .map_or_else(|| format!("Column {}", col + 1), Clone::clone)
        };
        for col in choices.iter().flat_map(|(cols, _)| cols) {
            for field in Field::ALL {
                match self.single(field) {
                    Some(single) if *single == Some(*col) => *single = None,
                    Some(_) => {}
                    None => self.tags.retain(|t| t != col),
                }
            }
        }
        let mut chosen: Vec<(Field, usize)> = Vec::new();
        for (cols, field) in choices {
            let (Some(field), Some(&first)) = (*field, cols.first()) else {
                continue;
            };
            if field == Field::Tags {
                if !chosen.iter().any(|(f, _)| *f == Field::Tags) {
                    self.tags.clear();
                }
                for &col in cols {
                    if !self.tags.contains(&col) {
                        self.tags.push(col);
                    }
                }
                chosen.push((field, first));
                continue;
            }
            if let Some(&(_, before)) = chosen.iter().find(|(f, _)| *f == field) {
                if before != first {
                    return Err(format!(
                        "{} can come from one column only, not from both “{}” and “{}”.",
                        field.name(),
                        name(before),
                        name(first)
                    ));
                }
            }
            chosen.push((field, first));
            if let Some(single) = self.single(field) {
                *single = Some(first);
            }
        }
        Ok(())
    }
}

impl CsvTable {
    /// The column as the import dialog names it (`columns.ts`): its header; "Column 3" when the header is empty
    /// or missing; "Title (column 3)" when another column has the same header.
    fn column_name(&self, col: usize) -> String {
        match self.headers.get(col) {
            Some(header) if !header.trim().is_empty() => {
                if self.headers.iter().filter(|h| *h == header).count() > 1 {
                    format!("{header} (column {})", col + 1)
                } else {
                    header.clone()
                }
            }
            _ => format!("Column {}", col + 1),
        }
    }

    /// The idea a row becomes under `mapping`, or what is wrong with it.
    pub fn idea(&self, row: &CsvRow, mapping: &ColumnMapping) -> std::result::Result<NewIdea, RowProblem> {
        let problem = |col: Option<usize>, message: String| RowProblem {
            row: row.number,
            column: col.map(|c| self.column_name(c)),
            message,
            scores: false,
        };
        let score_problem = |col: Option<usize>, message: String| RowProblem {
            scores: true,
            ..problem(col, message)
        };
        if let Some(col) = row.bad_text {
            return Err(problem(
                Some(col),
                "the text is not UTF-8. Save the file as “CSV UTF-8” and import it again.".into(),
            ));
        }
        let extra = row
            .cells
            .iter()
            .skip(self.headers.len())
            .filter(|c| !c.trim().is_empty())
            .count();
        if extra > 0 {
            return Err(problem(
                None,
                format!(
                    "it has {} but the header has {}. A delimiter or a quote may be missing.",
                    counted(row.cells.len(), "cell"),
                    counted(self.headers.len(), "column")
                ),
            ));
        }
        // Cells as written; the clean_* rules trim what they should (notes keep their leading lines).
        let cell = |col: Option<usize>| col.and_then(|c| row.cells.get(c)).map_or("", |s| undefuse(s));
        let field = |col: Option<usize>, result: Result<String>| {
            result.map_err(|e| problem(col, lowercase_first(&e.to_string())))
        };

        let Some(title_col) = mapping.title else {
            return Err(problem(None, "choose the column that holds the titles.".into()));
        };
        let title = cell(Some(title_col));
        if title.trim().is_empty() {
            return Err(problem(Some(title_col), "the title is empty.".into()));
        }
        let title = field(Some(title_col), crate::domain::clean_title(title))?;
        let position = match position(cell(mapping.payoff), cell(mapping.cost), mapping) {
            Ok(position) => position,
            // No column chosen for the other score: what is wrong is the mapping, not the row's scores.
            Err((None, message)) => return Err(problem(None, message)),
            Err(_) if mapping.unreadable_scores_to_unsorted => None,
            Err((col, message)) => return Err(score_problem(col, message)),
        };
        let key = cell(mapping.key).trim();
        let mut link = cell(mapping.link).trim().to_owned();
        let mut notes = cell(mapping.notes).to_owned();
        if !key.is_empty() {
            if link.is_empty() && !mapping.link_prefix.trim().is_empty() {
                link = format!("{}{key}", mapping.link_prefix.trim());
            } else {
                notes = if notes.is_empty() {
                    key.to_owned()
                } else {
                    format!("{key}\n\n{notes}")
                };
            }
        }
        let link_col = mapping.link.or(mapping.key);
        let link = field(link_col, crate::domain::clean_link(&link))?;
        let notes = field(mapping.notes, crate::domain::clean_notes(&notes))?;
        let owner = field(mapping.owner, crate::domain::clean_owner(cell(mapping.owner)))?;
        let tags: Vec<String> = mapping
            .tags
            .iter()
            .flat_map(|&c| {
                cell(Some(c))
                    .split([',', ';'])
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        let tags = crate::domain::clean_tags(&tags)
            .map_err(|e| problem(mapping.tags.first().copied(), lowercase_first(&e.to_string())))?;
        NewIdea::new(&title, &notes, position, &owner, &link, &tags).map_err(|e| problem(None, e.to_string()))
    }
}

/// Takes off the `'` our CSV export puts before a cell a spreadsheet would run as a formula.
fn undefuse(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => cell,
    }
}

fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// Where a row's score cells (`payoff`, `cost`) put its idea (`None`: no scores), or the column and what is wrong
/// with them. Both scores wrong are told in one message: the first one alone was, and the fixed file failed again
/// on the second.
fn position(
    payoff: &str,
    cost: &str,
    mapping: &ColumnMapping,
) -> std::result::Result<Option<Position>, (Option<usize>, String)> {
    match (score(payoff), score(cost)) {
        (Ok(Some(payoff)), Ok(Some(cost))) => Ok(Some(Position { payoff, cost })),
        (Ok(None), Ok(None)) => Ok(None),
        (Ok(Some(_)), Ok(None)) => Err((mapping.cost, one_score_only("payoff", "cost/risk", mapping.cost))),
        (Ok(None), Ok(Some(_))) => Err((
            mapping.payoff,
            one_score_only("cost/risk", "payoff", mapping.payoff),
        )),
        (Err(payoff), Ok(_)) => Err((mapping.payoff, payoff)),
        (Ok(_), Err(cost)) => Err((mapping.cost, cost)),
        (Err(payoff), Err(cost)) => Err((
            mapping.payoff,
            format!("{payoff} The cost/risk too: {}", lowercase_first(&cost)),
        )),
    }
}

/// A score cell: empty, or a number from 0 to 10 with a point or a comma for the decimals.
fn score(text: &str) -> std::result::Result<Option<Score>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let points = text
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|p| p.is_finite())
        .ok_or_else(|| format!("“{}” is not a number.", shorten(text)))?;
    if !(0.0..=10.0).contains(&points) {
        return Err(format!("{} is outside the 0 to 10 scale.", shorten(text)));
    }
    Score::from_points(points).map(Some).map_err(|e| e.to_string())
}

/// A cell's text as a sample or an error quotes it, without bidirectional controls, as the import keeps it: the
/// sample showed "\u{202E}evil txt.exe" as "exe.txt live".
fn shorten(text: &str) -> String {
    crate::text::shorten(&crate::text::without_bidi_controls(text), MAX_SAMPLE_CELL_CHARS)
}

/// The preview of importing `table` with `mapping`.
pub fn preview(table: &CsvTable, source: CsvSource, mapping: &ColumnMapping) -> CsvPreview {
    let mut out = CsvPreview {
        source,
        delimiter: match table.delimiter {
            b'\t' => "tab".into(),
            d => char::from(d).to_string(),
        },
        headers: table.headers.clone(),
        mapping: mapping.clone(),
        sample: table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| shorten(&c.replace(['\r', '\n'], " ")))
                    .collect()
            })
            .collect(),
        ideas: Vec::new(),
        rows: table.rows.len(),
        placed: 0,
        unsorted: 0,
        problems: Vec::new(),
        problem_count: 0,
        rounding: None,
    };
    let mut rounded = 0;
    let mut first_rounded = None;
    for row in &table.rows {
        match table.idea(row, mapping) {
            Ok(idea) => {
                // The scores of an idea placed by them: a row whose scores cannot be read goes to Unsorted without
                // them (10.01 was said to become 10, of a row imported with no scores).
                let scores = [mapping.payoff, mapping.cost]
                    .into_iter()
                    .flatten()
                    .filter(|_| idea.position.is_some());
                for (written, kept) in scores.filter_map(|c| rounded_score(row.cells.get(c)?)) {
                    rounded += 1;
                    first_rounded.get_or_insert((row.number, written, kept));
                }
                if idea.position.is_some() {
                    out.placed += 1;
                } else {
                    out.unsorted += 1;
                }
                if out.ideas.len() < SAMPLE_ROWS {
                    out.ideas.push(PreviewIdea {
                        row: row.number,
                        title: idea.title,
                        position: idea.position,
                        owner: idea.owner,
                        tags: idea.tags,
                    });
                }
            }
            Err(problem) => {
                out.problem_count += 1;
                if out.problems.len() < MAX_SHOWN_PROBLEMS {
                    out.problems.push(problem);
                }
            }
        }
    }
    out.rounding = first_rounded.map(|(row, written, kept)| {
        let scores = counted(rounded, "score");
        let have = if rounded == 1 { "has" } else { "have" };
        format!(
            "{scores} {have} more decimals than the one Pickboard keeps: row {row}'s {written} becomes {}.",
            kept.points()
        )
    });
    out
}

/// A score cell of a row that imports, written with more decimals than the one a score keeps, as written and as
/// kept: “7.25” and 7.3.
fn rounded_score(text: &str) -> Option<(String, Score)> {
    let text = undefuse(text).trim();
    let written: f64 = text.replace(',', ".").parse().ok()?;
    let kept = Score::from_points(written).ok()?;
    ((written - kept.points()).abs() > 1e-9).then(|| (shorten(text), kept))
}

/// Imports the rows of `table` into `target`, all in the caller's transaction. With problems in the file nothing is
/// imported, unless `skip_bad_rows`. `progress` hears how many rows are written after each batch; breaking out of
/// it cancels the import (the caller then rolls back).
pub fn import(
    tx: &Transaction<'_>,
    table: &CsvTable,
    mapping: &ColumnMapping,
    target: &ImportTarget,
    skip_bad_rows: bool,
    file_name: &str,
    mut progress: impl FnMut(usize, usize) -> ControlFlow<()>,
) -> Result<ImportOutcome> {
    let mut good = Vec::with_capacity(table.rows.len());
    let mut skipped = Vec::new();
    for row in &table.rows {
        match table.idea(row, mapping) {
            Ok(idea) => good.push(idea),
            Err(problem) if skip_bad_rows => skipped.push(problem),
            Err(problem) => {
                return Err(Error::invalid(format!("{problem} Nothing was imported.")));
            }
        }
    }
    if good.is_empty() {
        return Err(Error::invalid(if skipped.is_empty() {
            "There are no rows to import in this file.".to_owned()
        } else {
            format!(
                "None of the {} rows can be imported. Nothing was imported.",
                skipped.len()
            )
        }));
    }
    let total = good.len();
    let mut write = |tx: &Transaction<'_>, board_id: i64| -> Result<()> {
        let first_rank = ideas::next_rank(tx, board_id)?;
        let now = now_ms();
        for (n, idea) in good.iter().enumerate() {
            let at = Placement {
                id: None,
                rank: first_rank + n as f64,
                created_at: now,
                updated_at: now,
            };
            ideas::insert(tx, board_id, idea, at)?;
            let report = (n + 1) % BATCH == 0 || n + 1 == total;
            if report && progress(n + 1, total).is_break() {
                return Err(Error::Cancelled);
            }
        }
        boards::touch(tx, board_id)
    };
    /// Where the rows go, once the board named is looked up.
    enum Destination<'a> {
        Board(i64),
        NewBoard(&'a str),
    }
    let destination = match target {
        ImportTarget::NewBoard { name } => Destination::NewBoard(name),
        ImportTarget::Board { id } => {
            boards::thresholds(tx, *id)?; // the board must exist
            Destination::Board(*id)
        }
        ImportTarget::BoardNamed { name } => match boards::find_by_name(tx, name) {
            Ok(board) => Destination::Board(board.id),
            Err(Error::NotFound(_)) => Destination::NewBoard(name),
            Err(err) => return Err(err),
        },
    };
    let board_id = match destination {
        Destination::Board(id) => {
            history::record_imported(tx, file_name, total, |tx| write(tx, id))?;
            id
        }
        Destination::NewBoard(name) => {
            let now = now_ms();
            let id = boards::create_imported(tx, name, Thresholds::default(), now, now)?;
            write(tx, id)?;
            tx.execute("DELETE FROM temp.change_log", [])?;
            id
        }
    };
    Ok(ImportOutcome {
        board_id,
        imported: total,
        skipped,
    })
}

/// "1 cell", "2 cells": a count with its noun in agreement.
pub(super) fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests;
