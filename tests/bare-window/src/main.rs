//! A bare Tauri window: no plugins, one static page, and one command that does nothing. The benchmarks start it
//! beside Pickboard to tell what Pickboard itself adds to start-up time, memory and a round trip through IPC. It marks
//! the same start-up steps as Pickboard (`main`, setup done, the page's load), so that the two timelines compare.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

/// A start-up step and when it happened (milliseconds since the Unix epoch), as Pickboard's `startup_timeline`
/// answers.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct StartupMark {
    step: &'static str,
    at_ms: f64,
}

static MARKS: Mutex<Vec<StartupMark>> = Mutex::new(Vec::new());

fn mark(step: &'static str) {
    let at_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    MARKS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(StartupMark { step, at_ms });
}

/// The start-up steps so far, for the benchmark's timeline.
#[tauri::command]
fn startup_timeline() -> Vec<StartupMark> {
    MARKS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}

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
    mark("main");
    tauri::Builder::default()
        // Tauri builds the window of tauri.conf.json before this runs, as Pickboard builds its own in `setup`.
        .setup(|_| {
            mark("setup-done");
            Ok(())
        })
        .on_page_load(|_, payload| {
            mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-load-started",
                tauri::webview::PageLoadEvent::Finished => "page-load-finished",
            });
        })
        .invoke_handler(tauri::generate_handler![
            move_idea,
            move_idea_async,
            startup_timeline
        ])
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
