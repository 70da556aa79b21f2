//! The desktop window: plugins, state and the command table.

use tauri::Manager;

use crate::commands;
use crate::mattermost::worker::{self, Wake};
use crate::menu;
use crate::paths;
use crate::state::AppState;

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let data_dir = paths::data_dir(app.path().app_data_dir().ok());
            let state = std::sync::Arc::new(AppState::open(data_dir));
            if let Some(err) = state.open_error() {
                eprintln!("pickboard: {err}");
            }
            let wake = Wake::default();
            if state.open_error().is_none() {
                tauri::async_runtime::spawn(worker::run(std::sync::Arc::clone(&state), wake.clone()));
            }
            app.manage(state);
            app.manage(wake);
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
            commands::get_channel_settings,
            commands::save_channel_settings,
            commands::preview_post,
            commands::post_to_channel,
            commands::list_posts,
            commands::retry_post,
            commands::discard_post,
            commands::send_test_message,
        ])
        .run(tauri::generate_context!())
        .expect("Pickboard could not start its window");
}
