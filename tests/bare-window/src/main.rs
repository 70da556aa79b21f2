//! A bare Tauri window: no plugins, one static page, and one command that does nothing. The benchmarks start it
//! beside Pickboard to tell what Pickboard itself adds to start-up time, memory and a round trip through IPC.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use serde::Serialize;

/// The answer Pickboard gives to a move (`Edited<Idea>`), field for field, so that the no-op carries the same
/// payload both ways.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Edited {
    value: Idea,
    history: History,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Idea {
    id: i64,
    board_id: i64,
    title: String,
    notes: String,
    position: Option<Position>,
    zone: String,
    rank: u32,
    owner: String,
    link: String,
    tags: Vec<String>,
    created_at: i64,
    updated_at: i64,
}

#[derive(Serialize)]
struct Position {
    payoff: f64,
    cost: f64,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct History {
    can_undo: bool,
    can_redo: bool,
    last_event: Option<i64>,
}

/// Takes a move's arguments and answers as a move does, touching nothing: the floor of a round trip through IPC.
/// Runs on the main thread, as a command without `async` does.
#[tauri::command]
fn move_idea(id: i64, zone: String, index: u32) -> Edited {
    answer(id, zone, index)
}

/// The same no-op run on the async runtime's threads, as Pickboard's commands are (they wait on the database, which
/// must never hold up the window's main thread).
#[tauri::command(async)]
fn move_idea_async(id: i64, zone: String, index: u32) -> Edited {
    answer(id, zone, index)
}

fn answer(id: i64, zone: String, index: u32) -> Edited {
    Edited {
        value: Idea {
            id,
            board_id: 2,
            title: format!("Benchmark idea {id}: move the build runners to the new cluster"),
            notes: String::new(),
            position: Some(Position {
                payoff: 7.5,
                cost: 2.5,
            }),
            zone,
            rank: index,
            owner: String::new(),
            link: String::new(),
            tags: Vec::new(),
            created_at: 1_764_460_800_000,
            updated_at: 1_764_460_800_000,
        },
        history: History {
            can_undo: true,
            can_redo: false,
            last_event: Some(id),
        },
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![move_idea, move_idea_async])
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
