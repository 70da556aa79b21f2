//! A bare Tauri window: no plugins, no commands, one static page. The benchmarks start it beside Pickboard to tell
//! what Pickboard itself adds to start-up time and memory.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
