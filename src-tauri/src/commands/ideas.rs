//! Ideas: adding, editing, moving, placing and deleting them. Each is one edit in the board's history.

use std::sync::Arc;

use tauri::State;

use crate::domain::{Score, Zone};
use crate::edits::{self, AddedIdeas, Edited};
use crate::error::Result;
use crate::state::AppState;
use crate::storage::ideas::{Idea, IdeaEdit};

#[tauri::command(async)]
pub fn add_idea(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    title: String,
    zone: Zone,
) -> Result<Edited<Idea>> {
    state.write(|tx| edits::answer(tx, edits::add_idea(tx, board_id, &title, zone)?))
}

/// Adds several ideas at once (the lines of a pasted list), as one edit.
#[tauri::command(async)]
pub fn add_ideas(
    state: State<'_, Arc<AppState>>,
    board_id: i64,
    titles: Vec<String>,
    zone: Zone,
) -> Result<Edited<AddedIdeas>> {
    state.write(|tx| edits::add_ideas(tx, board_id, &titles, zone))
}

#[tauri::command(async)]
pub fn update_idea(state: State<'_, Arc<AppState>>, id: i64, edit: IdeaEdit) -> Result<Edited<Idea>> {
    state.write(|tx| edits::answer(tx, edits::update_idea(tx, id, &edit)?))
}

#[tauri::command(async)]
pub fn move_idea(state: State<'_, Arc<AppState>>, id: i64, zone: Zone, index: u32) -> Result<Edited<Idea>> {
    state.write(|tx| edits::answer_move(tx, id, zone, index))
}

#[tauri::command(async)]
pub fn set_scores(
    state: State<'_, Arc<AppState>>,
    id: i64,
    payoff: Score,
    cost: Score,
) -> Result<Edited<Idea>> {
    state.write(|tx| edits::answer_scores(tx, id, payoff, cost))
}

#[tauri::command(async)]
pub fn delete_idea(state: State<'_, Arc<AppState>>, id: i64) -> Result<Edited<Idea>> {
    state.write(|tx| edits::answer(tx, edits::delete_idea(tx, id)?))
}
