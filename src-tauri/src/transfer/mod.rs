//! Boards in and out of files: a complete JSON file that imports back as the same board, a CSV table, the Markdown
//! outcome, and a picture of the chart (SVG and PNG); CSV and JSON imports. Plain Rust over a transaction: the
//! window and the command line both call it.

pub mod chart;
pub mod csv_export;
pub mod csv_import;
pub mod events;
pub mod json;
pub mod markdown;
pub mod session;

use std::path::{Path, PathBuf};

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::storage::boards;

/// What a board can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Json,
    Csv,
    Markdown,
    Png,
    Svg,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [Self::Json, Self::Csv, Self::Markdown, Self::Png, Self::Svg];

    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Csv => "csv",
            Self::Markdown => "md",
            Self::Png => "png",
            Self::Svg => "svg",
        }
    }

    /// The format's name, as the Export dialog shows it (the save dialog's file type too).
    pub fn description(self) -> &'static str {
        match self {
            Self::Json => "Board file (JSON)",
            Self::Csv => "Spreadsheet (CSV)",
            Self::Markdown => "Markdown",
            Self::Png => "Chart picture (PNG)",
            Self::Svg => "Chart picture (SVG)",
        }
    }

    /// Refuses to save in this format under a name that ends in another format's extension: a CSV file saved as
    /// "board.json", after the save dialog had asked to replace that board file, replaced it with a file that does
    /// not import as a board. Any other name is taken as it is (a CSV file may end in ".txt").
    pub fn check_file_name(self, path: &Path) -> Result<()> {
        let named = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(ExportFormat::from_name);
        match named {
            Some(other) if other != self => {
                let shown = shown_name(path);
                Err(crate::files::file_error(
                    path,
                    format!(
                        "Nothing was saved: the name “{shown}” ends in “.{}”, for {}, and the format chosen is {}. \
                         Export again with a name that ends in “.{}”, or choose {}.",
                        other.extension(),
                        other.description(),
                        self.description(),
                        self.extension(),
                        other.description()
                    ),
                ))
            }
            _ => Ok(()),
        }
    }

    /// Where the window saves this format when `chosen` was picked in the save dialog: as named, or, for a name
    /// without an extension, with this format's ("three" was saved as "three", which no spreadsheet opened on a
    /// double click). A file of that longer name that is there already is not replaced: the dialog asked about the
    /// shorter one only.
    pub fn file_to_write(self, chosen: &Path) -> Result<PathBuf> {
        self.check_file_name(chosen)?;
        if chosen.extension().is_some() {
            return Ok(chosen.to_path_buf());
        }
        let mut longer = chosen.as_os_str().to_owned();
        longer.push(format!(".{}", self.extension()));
        let longer = PathBuf::from(longer);
        if longer.exists() {
            let (short, long) = (shown_name(chosen), shown_name(&longer));
            return Err(crate::files::file_error(
                &longer,
                format!(
                    "Nothing was saved: the name “{short}” has no extension, and “{long}” is there already. Export \
                     again and choose “{long}” to replace it, or another name."
                ),
            ));
        }
        Ok(longer)
    }

    /// The format named on the command line (`json`, `csv`, `md`, `png`, `svg`).
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "csv" => Some(Self::Csv),
            "md" | "markdown" => Some(Self::Markdown),
            "png" => Some(Self::Png),
            "svg" => Some(Self::Svg),
            _ => None,
        }
    }
}

/// A file's name as a message shows it: its last part.
fn shown_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into())
}

/// The board as the bytes of a file in `format`; `date` (YYYY-MM-DD) heads the Markdown and the pictures.
pub fn export(tx: &Transaction<'_>, board_id: i64, format: ExportFormat, date: &str) -> Result<Vec<u8>> {
    let board = boards::get(tx, board_id)?;
    Ok(match format {
        ExportFormat::Json => json::export(tx, &board)?,
        ExportFormat::Csv => csv_export::export(&board)?,
        ExportFormat::Markdown => markdown::export(tx, &board, date)?.into_bytes(),
        ExportFormat::Svg => chart::svg(&board, date).into_bytes(),
        ExportFormat::Png => chart::png(&board, date)?,
    })
}

/// A file's bytes without the UTF-8 byte-order mark some editors and spreadsheets write first.
pub(crate) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Whether a file to import holds nothing but blanks: empty, whatever its format. A board file said otherwise that it
/// was "cut short at line 1".
pub(crate) fn holds_nothing(bytes: &[u8]) -> bool {
    without_bom(bytes).iter().all(u8::is_ascii_whitespace)
}

/// The refusal of a file that [`holds_nothing`], named as `file` ("This file", or its name in quotes).
pub(crate) fn empty_file(file: &str) -> Error {
    Error::invalid(format!("{file} is empty: there is nothing to import."))
}

/// Whether a file to import is a board file (JSON) rather than CSV: by its extension, or by its first character.
pub fn looks_like_json(path: &std::path::Path, bytes: &[u8]) -> bool {
    let by_name = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let text = without_bom(bytes);
    by_name || text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Why a file to import is a document rather than a table, if it is one: Pickboard's own Markdown outcome or chart
/// picture (SVG), or another page of markup. Read as CSV, the chart's SVG became an idea for each of its lines, and
/// the Markdown a list of rows "with 2 cells".
pub fn not_a_table(path: &std::path::Path, bytes: &[u8]) -> Option<String> {
    const INSTEAD: &str = "Import a board file (File › Export board › Board file) or a CSV table instead.";
    let name = path
        .file_name()
        .map_or_else(|| "This file".into(), |n| format!("“{}”", n.to_string_lossy()));
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let text = without_bom(bytes);
    let lines = || text.split(|&b| b == b'\n').map(<[u8]>::trim_ascii);
    // A heading first and a table's row after it: Pickboard's outcome, whatever its name says.
    let heading = lines().find(|l| !l.is_empty()).is_some_and(|l| {
        let marks = l.iter().take_while(|&&b| b == b'#').count();
        (1..=6).contains(&marks) && l.get(marks) == Some(&b' ')
    });
    if matches!(extension.as_str(), "md" | "markdown") || (heading && lines().any(|l| l.starts_with(b"|"))) {
        return Some(format!(
            "{name} is a Markdown document, written to be read: it cannot be imported. {INSTEAD}"
        ));
    }
    let markup = text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
    (markup || matches!(extension.as_str(), "svg" | "html" | "htm" | "xml")).then(|| {
        format!("{name} is a picture or a web page (SVG, HTML or XML), not a table: it cannot be imported. {INSTEAD}")
    })
}

/// A file name for the board in `format`: its name without characters file systems refuse.
pub fn file_name(board_name: &str, format: ExportFormat) -> String {
    let cleaned: String = board_name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let stem = cleaned.trim().trim_matches('.');
    let stem = if stem.is_empty() { "board" } else { stem };
    format!("{stem}.{}", format.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_drop_what_file_systems_refuse() {
        assert_eq!(
            file_name("Q3 infra: CI/CD?", ExportFormat::Csv),
            "Q3 infra- CI-CD-.csv"
        );
        assert_eq!(file_name("..", ExportFormat::Png), "board.png");
        assert_eq!(file_name("Ops", ExportFormat::Markdown), "Ops.md");
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(format.extension()), Some(format));
        }
    }

    #[test]
    fn a_format_is_not_saved_under_another_formats_name() {
        let refused = ExportFormat::Csv
            .check_file_name(Path::new("/home/ana/Boards/Q3.json"))
            .unwrap_err();
        assert_eq!(refused.kind(), crate::error::ErrorKind::File);
        assert_eq!(
            refused.to_string(),
            "Nothing was saved: the name “Q3.json” ends in “.json”, for Board file (JSON), and the format chosen is \
             Spreadsheet (CSV). Export again with a name that ends in “.csv”, or choose Board file (JSON)."
        );
        // Any case of the extension; Markdown's long one too.
        for name in ["Q3.PNG", "Q3.markdown", "Q3.svg"] {
            assert!(
                ExportFormat::Json.check_file_name(Path::new(name)).is_err(),
                "{name}"
            );
        }
        // Its own extension, none, or one of no other format: saved as named.
        for (format, name) in [
            (ExportFormat::Csv, "Q3.csv"),
            (ExportFormat::Csv, "Q3.CSV"),
            (ExportFormat::Csv, "Q3.txt"),
            (ExportFormat::Markdown, "Q3.markdown"),
            (ExportFormat::Png, "Q3"),
            (ExportFormat::Svg, "Q3.json.svg"),
        ] {
            assert!(format.check_file_name(Path::new(name)).is_ok(), "{name}");
        }
    }

    #[test]
    fn a_name_without_an_extension_is_saved_with_the_formats_unless_that_file_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let chosen = dir.path().join("three");
        assert_eq!(
            ExportFormat::Csv.file_to_write(&chosen).unwrap(),
            dir.path().join("three.csv")
        );
        // Named with an extension: as named.
        let txt = dir.path().join("three.txt");
        assert_eq!(ExportFormat::Csv.file_to_write(&txt).unwrap(), txt);
        assert!(ExportFormat::Csv
            .file_to_write(&dir.path().join("three.json"))
            .is_err());
        // The longer name is taken: nothing is replaced that the dialog did not ask about.
        std::fs::write(dir.path().join("three.csv"), "kept").unwrap();
        let refused = ExportFormat::Csv.file_to_write(&chosen).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Nothing was saved: the name “three” has no extension, and “three.csv” is there already. Export again \
             and choose “three.csv” to replace it, or another name."
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("three.csv")).unwrap(),
            "kept"
        );
    }
}
