//! Declares the app's own commands so that each one needs an explicit `allow-*` in `capabilities/`.

/// Every `#[tauri::command]` in `src/commands.rs`; a test checks that this list, the invoke handler and the
/// capability file agree.
const COMMANDS: &[&str] = &[
    "open_status",
    "get_preferences",
    "set_preferences",
    "list_boards",
    "create_board",
    "create_sample_board",
    "rename_board",
    "duplicate_board",
    "delete_board",
    "get_board",
    "add_idea",
    "update_idea",
    "move_idea",
    "delete_idea",
    "restore_idea",
    "set_scores",
    "set_thresholds",
    "undo",
    "redo",
    "list_events",
    "open_link",
    "get_channel_settings",
    "save_channel_settings",
    "preview_post",
    "post_to_channel",
    "list_posts",
    "retry_post",
    "discard_post",
    "send_test_message",
    "export_board",
    "choose_import_file",
    "open_dropped_file",
    "preview_import",
    "run_import",
    "cancel_import",
    "close_import",
    "back_up_now",
    "list_backups",
    "restore_backup",
];

fn main() {
    // The binary embeds the built UI: rebuild it when ui/dist changes, or it would keep serving the old one.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
