//! The desktop window: plugins, state and the command table.

use tauri::Manager;

use crate::commands;
use crate::menu;
use crate::paths;
use crate::state::AppState;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let data_dir = paths::data_dir(app.path().app_data_dir().ok());
            let state = AppState::open(data_dir);
            if let Some(err) = state.open_error() {
                eprintln!("pickboard: {err}");
            }
            app.manage(state);
            menu::install(app)?;
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::open_status,
            commands::get_preferences,
            commands::set_preferences,
            commands::list_boards,
            commands::create_board,
            commands::create_sample_board,
            commands::rename_board,
            commands::duplicate_board,
            commands::delete_board,
            commands::get_board,
            commands::add_idea,
            commands::update_idea,
            commands::move_idea,
            commands::delete_idea,
            commands::restore_idea,
            commands::set_scores,
            commands::set_thresholds,
            commands::undo,
            commands::redo,
            commands::list_events,
            commands::open_link,
        ])
        .run(tauri::generate_context!())
        .expect("Pickboard could not start its window");
}
