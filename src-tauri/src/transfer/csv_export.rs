//! The board as a spreadsheet: one row per idea, in the order the board shows them (quadrants, then Unsorted).
//!
//! The file starts with a UTF-8 byte-order mark so that Excel reads accents and emoji right. A cell that a
//! spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a leading `'`,
//! which our own CSV import takes off again; so does a cell that starts with `'` itself, so that it reads back as is.

use crate::domain::Zone;
use crate::error::{Error, Result};
use crate::storage::boards::Board;
use crate::text;

pub const HEADER: [&str; 8] = [
    "Title",
    "Quadrant",
    "Payoff",
    "Cost/risk",
    "Owner",
    "Link",
    "Tags",
    "Notes",
];

/// The order zones are written in: what to do first, then what is not sorted yet.
const ORDER: [Zone; 5] = [
    Zone::Implement,
    Zone::Challenge,
    Zone::Possible,
    Zone::Kill,
    Zone::Unsorted,
];

pub fn zone_name(zone: Zone) -> &'static str {
    zone.quadrant().map_or("Unsorted", |q| q.name())
}

/// Makes a cell safe to open in a spreadsheet (see the module's notes).
/// Bidirectional controls are dropped, so that no cell reorders what a viewer shows beside it (see [`text`]).
pub fn defuse(cell: &str) -> String {
    let cell = text::without_bidi_controls(cell);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{cell}")
    } else {
        cell.into_owned()
    }
}

pub fn export(board: &Board) -> Result<Vec<u8>> {
    let failed = |e: csv::Error| Error::Storage(format!("the CSV could not be written: {e}"));
    let mut out = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    out.write_record(HEADER).map_err(failed)?;
    for zone in ORDER {
        for idea in board.ideas.iter().filter(|i| i.zone == zone) {
            let (payoff, cost) = idea.position.map_or((String::new(), String::new()), |p| {
                (p.payoff.points().to_string(), p.cost.points().to_string())
            });
            out.write_record([
                defuse(&idea.title),
                zone_name(zone).to_owned(),
                payoff,
                cost,
                defuse(&idea.owner),
                defuse(&idea.link),
                defuse(&idea.tags.join(", ")),
                defuse(&idea.notes),
            ])
            .map_err(failed)?;
        }
    }
    out.into_inner()
        .map_err(|e| Error::Storage(format!("the CSV could not be written: {e}")))
}
