//! What the page needs for its first frame, handed to it as it loads: the open status, the preferences, the boards
//! and the board to show. The window's initialization script defines it before any of the page's own scripts run, so
//! the first board is drawn without waiting for a round trip (the page reads everything again after that frame).

use serde::Serialize;
use ts_rs::TS;

use crate::commands::app::OpenStatus;
use crate::error::Result;
use crate::preferences::Preferences;
use crate::state::AppState;
use crate::storage::boards::{self, Board, BoardSummary};
use crate::storage::now_ms;

/// `window.__PICKBOARD_BOOT__`.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Boot {
    pub status: OpenStatus,
    pub preferences: Preferences,
    pub boards: Vec<BoardSummary>,
    /// The board shown first: the one open last, else the first in the list; `None` without boards.
    pub board: Option<Board>,
    /// When this was read (ms since 1970): a page loaded again later reads everything afresh.
    pub read_at: i64,
}

/// The page's first frame's data; `None` when the database could not be opened (the page then asks, and shows why).
pub fn payload(state: &AppState, preferences: Preferences) -> Option<Boot> {
    if state.open_error().is_some() {
        return None;
    }
    let list = state.read(boards::list).ok()?;
    let shown = list
        .iter()
        .find(|b| Some(b.id) == preferences.last_board_id)
        .or(list.first())
        .map(|b| b.id);
    let board = match shown {
        Some(id) => Some(state.read(|tx| boards::get(tx, id)).ok()?),
        None => None,
    };
    Some(Boot {
        status: OpenStatus::of(state),
        preferences,
        boards: list,
        board,
        read_at: now_ms(),
    })
}

/// The initialization script that defines `window.__PICKBOARD_BOOT__` (as a JSON string parsed by the page's engine:
/// no user text is ever read as code).
pub fn script(boot: &Boot) -> Result<String> {
    let json = serde_json::to_string(boot).map_err(|e| crate::error::Error::Storage(e.to_string()))?;
    let literal = serde_json::to_string(&json).map_err(|e| crate::error::Error::Storage(e.to_string()))?;
    Ok(format!(
        "Object.defineProperty(window, '__PICKBOARD_BOOT__', {{ value: JSON.parse({literal}), configurable: true }});"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_carries_hostile_text_as_data() {
        let boot = Boot {
            status: OpenStatus {
                data_dir: "/tmp/x".into(),
                database_path: "/tmp/x/pickboard.db".into(),
            },
            preferences: Preferences::default(),
            boards: vec![BoardSummary {
                id: 1,
                name: "</script><script>alert(1)</script>\u{2028}\"'`${x}".into(),
                idea_count: 0,
                updated_at: 0,
            }],
            board: None,
            read_at: 0,
        };
        let script = script(&boot).unwrap();
        // One string literal, parsed as JSON: the name comes back exactly.
        let inner: String = serde_json::from_str(
            script
                .split_once("JSON.parse(")
                .unwrap()
                .1
                .rsplit_once("), configurable")
                .unwrap()
                .0,
        )
        .unwrap();
        let back: serde_json::Value = serde_json::from_str(&inner).unwrap();
        assert_eq!(back["boards"][0]["name"], boot.boards[0].name);
    }
}
