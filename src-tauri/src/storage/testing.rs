//! Test helpers for storage: a board in memory with one idea.

use super::{boards, Db};
use crate::domain::Zone;
use crate::edits;

/// A database in memory with a board "Infra" holding one idea, `title`, in `zone`; and the board's id.
pub fn board_with_idea(title: &str, zone: Zone) -> (Db, i64) {
    let mut db = Db::open_in_memory().unwrap();
    let board = db.write(|tx| boards::create(tx, "Infra")).unwrap().id;
    db.write(|tx| edits::add_idea(tx, board, title, zone)).unwrap();
    (db, board)
}
