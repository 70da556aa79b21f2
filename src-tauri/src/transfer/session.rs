//! One import in progress in the window: the file read once, previewed as often as the user changes the mapping,
//! then written with progress reports, and cancellable.

use std::ops::ControlFlow;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Transaction;
use serde::Serialize;
use ts_rs::TS;

use super::csv_import::{self, ColumnMapping, CsvPreview, CsvSource, CsvTable, ImportOutcome, ImportTarget};
use super::json::{self, BoardFile};
use crate::domain::MAX_BOARD_NAME_CHARS;
use crate::error::{Error, Result};
use crate::files;
use crate::storage::{boards, Db};

enum Parsed {
    Csv {
        table: CsvTable,
        source: CsvSource,
    },
    /// A board file, and what it says of scores rounded to tenths ([`json::rounding`]).
    Board {
        file: Box<BoardFile>,
        rounding: Option<String>,
    },
}

pub struct PendingImport {
    file_name: String,
    parsed: Parsed,
    cancel: AtomicBool,
}

/// A board file's content, as the import dialog describes it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BoardFileSummary {
    pub name: String,
    pub ideas: usize,
    pub events: usize,
    /// Scores in the file with more decimals than a score keeps, in a sentence; `None` when every score fits.
    pub rounding: Option<String>,
}

/// What the import dialog opens with: a board file, or a CSV file with the suggested mapping's preview.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportStart {
    pub file_name: String,
    /// The name a new board gets, free among the boards (the dialog offered "big" and made "big (2)" without a word).
    pub board_name: String,
    pub board_file: Option<BoardFileSummary>,
    pub csv: Option<CsvPreview>,
}

/// How far an import has got, sent to the window after each batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
}

impl PendingImport {
    /// Reads and parses the file at `path`; a file that cannot be imported at all fails here.
    pub fn read(path: &Path) -> Result<PendingImport> {
        let bytes = files::read_limited(path, files::MAX_IMPORT_BYTES)?;
        // Without bidirectional controls, as it is shown and kept in the history: "team" + U+202E + "abc.csv" read
        // "team”vsc.cba" in the dialog's heading, its extension disguised.
        let file_name = path.file_name().map_or_else(
            || "file".into(),
            |n| crate::text::without_bidi_controls(&n.to_string_lossy()).into_owned(),
        );
        if let Some(refusal) = super::not_a_table(path, &bytes) {
            return Err(Error::invalid(refusal));
        }
        let parsed = if super::looks_like_json(path, &bytes) {
            Parsed::Board {
                file: Box::new(json::parse(&bytes)?),
                rounding: json::rounding(&bytes),
            }
        } else {
            let table = csv_import::read_file(&format!("“{file_name}”"), &bytes)?;
            let (source, _) = csv_import::suggest(&table.headers);
            Parsed::Csv { table, source }
        };
        Ok(PendingImport {
            file_name,
            parsed,
            cancel: AtomicBool::new(false),
        })
    }

    pub fn start(&self, tx: &Transaction<'_>) -> Result<ImportStart> {
        let mut start = ImportStart {
            file_name: self.file_name.clone(),
            board_name: self.new_board_name(tx)?,
            board_file: None,
            csv: None,
        };
        match &self.parsed {
            Parsed::Board { file, rounding } => {
                start.board_file = Some(BoardFileSummary {
                    name: file.board.name.clone(),
                    ideas: file.ideas.len(),
                    events: file.history.len(),
                    rounding: rounding.clone(),
                });
            }
            Parsed::Csv { table, source } => {
                let (_, mapping) = csv_import::suggest(&table.headers);
                start.csv = Some(csv_import::preview(table, *source, &mapping));
            }
        }
        Ok(start)
    }

    /// The name a new board gets from this file, free among the boards: the board file's own, else the file's name
    /// without its extension, or "Imported board" when neither gives one.
    fn new_board_name(&self, tx: &Transaction<'_>) -> Result<String> {
        let wanted = match &self.parsed {
            Parsed::Board { file, .. } => file.board.name.clone(),
            Parsed::Csv { .. } => Path::new(&self.file_name)
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
        };
        let wanted: String = wanted.chars().take(MAX_BOARD_NAME_CHARS).collect();
        boards::unused_name(tx, &wanted).or_else(|_| boards::unused_name(tx, "Imported board"))
    }

    pub fn preview(&self, mapping: &ColumnMapping) -> Result<CsvPreview> {
        match &self.parsed {
            Parsed::Csv { table, source } => Ok(csv_import::preview(table, *source, mapping)),
            Parsed::Board { .. } => Err(Error::invalid("A board file needs no column mapping.")),
        }
    }

    /// How many of the rows that would become ideas have the title of an idea on board `board_id` already (case and
    /// the spaces around it aside): the same file imported twice into a board doubled it without a word.
    pub fn already_on(&self, tx: &Transaction<'_>, board_id: i64, mapping: &ColumnMapping) -> Result<usize> {
        let Parsed::Csv { table, .. } = &self.parsed else {
            return Ok(0);
        };
        let key = |title: &str| title.trim().to_lowercase();
        let mut titles = tx.prepare_cached("SELECT title FROM ideas WHERE board_id = ?1")?;
        let on_board = titles
            .query_map([board_id], |r| r.get::<_, String>(0))?
            .map(|title| title.map(|t| key(&t)))
            .collect::<rusqlite::Result<std::collections::HashSet<String>>>()?;
        if on_board.is_empty() {
            return Ok(0);
        }
        Ok(table
            .rows
            .iter()
            .filter_map(|row| table.idea(row, mapping).ok())
            .filter(|idea| on_board.contains(&key(&idea.title)))
            .count())
    }

    /// Asks a running import to stop; it rolls back at its next batch.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// Imports into `db` in one transaction. A board file always becomes a new board (named as `target` says).
    pub fn run(
        &self,
        db: &mut Db,
        mapping: &ColumnMapping,
        target: &ImportTarget,
        skip_bad_rows: bool,
        mut progress: impl FnMut(ImportProgress),
    ) -> Result<ImportOutcome> {
        self.cancel.store(false, Ordering::SeqCst);
        match &self.parsed {
            Parsed::Board { file, .. } => {
                let name = match target {
                    ImportTarget::NewBoard { name } if !name.trim().is_empty() => Some(name.as_str()),
                    _ => None,
                };
                let board_id = db.write(|tx| json::import(tx, file, name))?;
                let total = file.ideas.len();
                progress(ImportProgress { done: total, total });
                Ok(ImportOutcome {
                    board_id,
                    imported: total,
                    skipped: Vec::new(),
                })
            }
            Parsed::Csv { table, .. } => db.write(|tx| {
                csv_import::import(
                    tx,
                    table,
                    mapping,
                    target,
                    skip_bad_rows,
                    &self.file_name,
                    |done, total| {
                        progress(ImportProgress { done, total });
                        if self.cancel.load(Ordering::SeqCst) {
                            ControlFlow::Break(())
                        } else {
                            ControlFlow::Continue(())
                        }
                    },
                )
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PendingImport;
    use crate::domain::Zone;
    use crate::storage::testing::board_with_idea;

    #[test]
    fn the_new_boards_name_offered_is_free() {
        let (mut db, _) = board_with_idea("Cache the CI images", Zone::Implement);
        let dir = tempfile::tempdir().unwrap();
        let name = |file: &str, bytes: &[u8], db: &mut crate::storage::Db| {
            let path = dir.path().join(file);
            std::fs::write(&path, bytes).unwrap();
            let pending = PendingImport::read(&path).unwrap();
            db.read(|tx| pending.start(tx)).unwrap().board_name
        };
        assert_eq!(name("INFRA.csv", b"Title\nA\n", &mut db), "INFRA (2)");
        assert_eq!(name("backlog.csv", b"Title\nA\n", &mut db), "backlog");
        assert_eq!(name(".csv", b"Title\nA\n", &mut db), ".csv");
        let long = format!("{}.csv", "x".repeat(150));
        assert_eq!(name(&long, b"Title\nA\n", &mut db), "x".repeat(100));
    }

    #[test]
    fn the_file_and_its_columns_are_named_without_bidirectional_controls() {
        let (mut db, _) = board_with_idea("Cache the CI images", Zone::Implement);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("team\u{202E}abc.csv");
        std::fs::write(&path, "\u{202E}Title,Payoff,Cost\nA,5,5\n").unwrap();
        let pending = PendingImport::read(&path).unwrap();
        let start = db.read(|tx| pending.start(tx)).unwrap();
        assert_eq!(start.file_name, "teamabc.csv");
        let csv = start.csv.unwrap();
        assert_eq!(csv.headers[0], "Title");
        assert_eq!(csv.mapping.title, Some(0));
    }

    #[test]
    fn counts_the_rows_whose_title_the_board_has_already() {
        let (mut db, board) = board_with_idea("Cache the CI images", Zone::Implement);
        let other = db
            .write(|tx| crate::storage::boards::create(tx, "Empty"))
            .unwrap()
            .id;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backlog.csv");
        // Case and spaces aside, the first is on the board; a bad row (no title) is not counted.
        std::fs::write(&path, "Title\n  cache the ci IMAGES \nRotate certs\n\"\"\n").unwrap();
        let pending = PendingImport::read(&path).unwrap();
        let (_, mapping) = crate::transfer::csv_import::suggest(&["Title".to_owned()]);
        let already = |db: &mut crate::storage::Db, board| {
            db.read(|tx| pending.already_on(tx, board, &mapping)).unwrap()
        };
        assert_eq!(already(&mut db, board), 1);
        assert_eq!(already(&mut db, other), 0);
    }

    #[test]
    fn pickboards_own_markdown_and_chart_picture_are_refused_in_words_not_read_as_tables() {
        use crate::transfer::{export, ExportFormat};
        let (mut db, board) = board_with_idea("Cache the CI images", Zone::Implement);
        let dir = tempfile::tempdir().unwrap();
        let refusal = |file: &str, bytes: &[u8]| {
            let path = dir.path().join(file);
            std::fs::write(&path, bytes).unwrap();
            PendingImport::read(&path).err().map(|e| e.to_string())
        };
        let exported = |db: &mut crate::storage::Db, format| {
            db.read(|tx| export(tx, board, format, "2026-12-04")).unwrap()
        };
        let markdown = exported(&mut db, ExportFormat::Markdown);
        let svg = exported(&mut db, ExportFormat::Svg);
        let instead = "Import a board file (File › Export board › Board file) or a CSV table instead.";
        assert_eq!(
            refusal("Platform.md", &markdown),
            Some(format!(
                "“Platform.md” is a Markdown document, written to be read: it cannot be imported. {instead}"
            ))
        );
        let picture = |name: &str| {
            format!("“{name}” is a picture or a web page (SVG, HTML or XML), not a table: it cannot be imported. {instead}")
        };
        assert_eq!(refusal("Platform.svg", &svg), Some(picture("Platform.svg")));
        // By what it holds, whatever its name says.
        assert_eq!(refusal("chart.csv", &svg), Some(picture("chart.csv")));
        assert_eq!(
            refusal("page.csv", b"\xEF\xBB\xBF\n  <!doctype html><p>Title</p>\n"),
            Some(picture("page.csv"))
        );
        assert_eq!(
            refusal("outcome.csv", &markdown),
            Some(format!(
                "“outcome.csv” is a Markdown document, written to be read: it cannot be imported. {instead}"
            ))
        );
        // A table whose first cell starts with a heading's mark still reads.
        assert_eq!(
            refusal("backlog.csv", b"# of users,Title\n3,Rotate certs\n"),
            None
        );
        // A file that is not text at all is named too: with several picked over time, "This file" said which not.
        assert_eq!(
            refusal("photo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\n"),
            Some(
                "“photo.csv” is not text: it looks like an image, an archive or a program's own file. Pickboard \
                 imports CSV (UTF-8) and its own JSON files."
                    .to_owned()
            )
        );
        assert!(refusal("Q3 plan.csv", b"PK\x03\x04\x14\0")
            .unwrap()
            .starts_with("“Q3 plan.csv” is a spreadsheet (Excel or LibreOffice), not a CSV file."));
        assert_eq!(
            refusal("blank.csv", b"\n\n"),
            Some("“blank.csv” is empty: there is nothing to import.".to_owned())
        );
    }
}
