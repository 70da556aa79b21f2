//! The desktop window: plugins, state and the command table.

use tauri::{DragDropEvent, Manager, WindowEvent};

use crate::boot;
use crate::commands;
use crate::events::{self, BackupFailed, DatabaseChanged, FileDrag, FileDropped, OutboxChanged};
use crate::first_window;
use crate::mattermost::connection::Session;
use crate::mattermost::worker::{self, Wake};
use crate::menu;
use crate::paths;
use crate::preferences::{Preferences, Theme};
use crate::startup::{self, AfterFirstFrame};
use crate::state::AppState;
use crate::storage::backup;
use crate::title;

pub fn run() {
    wait_for_the_window_before();
    #[cfg(target_os = "linux")]
    webkit_defaults();
    let app = tauri::Builder::default()
        // First, so that a second launch on the same data folder hands over and exits before opening anything:
        // there is never a second writer to the database.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance_id(&paths::data_dir(paths::os_data_dir())))
                .callback(|app, _args, _cwd| bring_forward(app))
                .build(),
        )
        .plugin(tauri_plugin_store::Builder::default().build())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        // The window reopens at its last size and place (maximised too), kept in the data folder beside the
        // preferences, so that each data folder (a test's temporary one) has its own. Used from Rust only.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(window_state_flags())
                .with_filename(window_state_file())
                .build(),
        )
        .setup(|app| {
            startup::mark("setup-started");
            crate::quit::on_signals(app.handle());
            let data_dir = paths::data_dir(app.path().app_data_dir().ok());
            let state = std::sync::Arc::new(AppState::open(data_dir));
            if let Some(err) = state.open_error() {
                eprintln!("pickboard: {err}");
            }
            startup::mark("database-open");
            let wake = Wake::default();
            let session = std::sync::Arc::new(Session::default());
            let after_first_frame = std::sync::Arc::new(AfterFirstFrame::default());
            if state.open_error().is_none() {
                // None of this is needed for the first frame: it starts once the page has drawn it.
                let (state, session, wake, handle) = (
                    std::sync::Arc::clone(&state),
                    std::sync::Arc::clone(&session),
                    wake.clone(),
                    app.handle().clone(),
                );
                after_first_frame.hold(move || {
                    let for_posts = handle.clone();
                    let changed = move || events::emit(&for_posts, &OutboxChanged {});
                    tauri::async_runtime::spawn(worker::run(
                        std::sync::Arc::clone(&state),
                        session,
                        wake,
                        changed,
                    ));
                    let (for_backup, told) = (std::sync::Arc::clone(&state), handle.clone());
                    std::thread::spawn(move || daily_backup(&for_backup, &told));
                    std::thread::spawn(move || watch_other_writers(&state, &handle));
                });
            }
            let boards = state.open_error().is_none();
            let (preferences, zoom) = commands::app::read_settings(app.handle(), &state)
                .unwrap_or_else(|_| (Preferences::default(), 1.0));
            let theme = preferences.theme;
            // The first board rides along with the page as it loads (see boot.rs): no round trip before its frame.
            let boot = boot::payload(&state, preferences);
            let shown = boot.as_ref().and_then(|boot| boot.board.as_ref());
            let first_title = title::of(shown.map(|board| board.name.as_str()));
            app.manage(title::ShownBoard::new(shown.map(|board| board.id)));
            // The first board's view, as the View menu checks it.
            let chart = boot.as_ref().and_then(|boot| {
                let board = boot.board.as_ref()?;
                Some(boot.preferences.shows_chart(board.id))
            });
            let boot = boot.and_then(|boot| boot::script(&boot).ok());
            app.manage(state);
            app.manage(wake);
            app.manage(session);
            app.manage(after_first_frame);
            app.manage(events::Listeners::default());
            menu::install(app, theme, chart, boards)?;
            open_main_window(app, boot.as_deref(), &first_title, theme, zoom)?;
            startup::mark("setup-done");
            Ok(())
        })
        .on_page_load(|_, payload| {
            startup::mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page-load-started",
                tauri::webview::PageLoadEvent::Finished => "page-load-finished",
            });
        })
        .on_window_event(|window, event| match event {
            WindowEvent::DragDrop(drop) => on_file_drop(window, drop),
            WindowEvent::Resized(_) | WindowEvent::Moved(_) => save_window_state_soon(window.app_handle()),
            WindowEvent::Destroyed => window.state::<events::Listeners>().remove(window.label()),
            // The window's close button quits as Ctrl+Q does: what is being typed is saved first.
            WindowEvent::CloseRequested { api, .. } => {
                api.prevent_close();
                crate::quit::ask(window.app_handle());
            }
            _ => {}
        })
        // Every `#[tauri::command]` in src/commands/, listed by build.rs.
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/invoke_handler.rs")));
    if let Err(err) = app.run(tauri::generate_context!()) {
        if is_lost_handover(&err) && std::env::var_os(RESTARTED).is_none() {
            start_again();
        }
        panic!("Pickboard could not start its window: {err}");
    }
}

/// Opens the main window as tauri.conf.json describes it (it is not created by itself), with `boot` run before the
/// page's own scripts, named `title`, in the look of `theme`, zoomed by `zoom`.
fn open_main_window(
    app: &tauri::App,
    boot: Option<&str>,
    title: &str,
    theme: Theme,
    zoom: f64,
) -> tauri::Result<()> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .unwrap_or_default();
    let mut window = tauri::WebviewWindowBuilder::from_config(app.handle(), &config)?.title(title);
    let area = screen_area(app);
    let min = first_window::Size {
        width: config.min_width.unwrap_or(0.0),
        height: config.min_height.unwrap_or(0.0),
    };
    // A saved size and place, when there is one, replaces this once the window exists (the window-state plugin).
    let wanted = first_window::Size {
        width: config.width,
        height: config.height,
    };
    if let Some(area) = area {
        let size = first_window::fit(wanted, min, area.size);
        if size != wanted {
            window = window.inner_size(size.width, size.height).center();
        }
    }
    if let Some(script) = boot {
        window = window.initialization_script(script);
    }
    let window = window.build()?;
    show_theme(&window, theme)?;
    crate::zoom::open_with(&window, zoom);
    #[cfg(target_os = "linux")]
    restart_page_when_it_ends(&window)?;
    // The window-state plugin has asked for the size saved by the last run; saved on a larger screen than this one,
    // it is made to fit. (The window's own size is not read: the window system applies the plugin's request later.)
    if let (Some(area), Some((width, height))) = (area, saved_size()) {
        let saved = tauri::PhysicalSize::new(width, height).to_logical::<f64>(window.scale_factor()?);
        let saved = first_window::Size {
            width: saved.width,
            height: saved.height,
        };
        if let Some(size) = first_window::restored(saved, min, area.size) {
            window.set_size(tauri::LogicalSize::new(size.width, size.height))?;
            // Centred on the work area by hand: `center` would measure the window before its new size applies.
            window.set_position(tauri::LogicalPosition::new(
                area.x + ((area.size.width - size.width) / 2.0).max(0.0),
                area.y + ((area.size.height - size.height) / 2.0).max(0.0),
            ))?;
        }
    }
    Ok(())
}

/// Loads the window's page again when WebKit's web process ends under it (see page_restarts.rs), or says why it
/// does not.
#[cfg(target_os = "linux")]
fn restart_page_when_it_ends(window: &tauri::WebviewWindow) -> tauri::Result<()> {
    // The app's own page, to load again: the window may show another when its process ends (the page that says it
    // stopped, at about:blank), and loading that again drew nothing but a blank window.
    let home = window.url()?.to_string();
    window.with_webview(move |webview| {
        use webkit2gtk::WebViewExt;
        let restarts = std::cell::RefCell::new(crate::page_restarts::Restarts::default());
        webview
            .inner()
            .connect_web_process_terminated(move |view, reason| {
                let uri = crate::page_restarts::app_page(view.uri().as_deref(), &home);
                if restarts.borrow_mut().allow(std::time::Instant::now()) {
                    eprintln!("pickboard: the window's page ended ({reason:?}); loading it again");
                    crate::page_restarts::restarting();
                    view.load_uri(&crate::page_restarts::restarted_uri(&uri));
                } else {
                    eprintln!(
                        "pickboard: the window's page ended ({reason:?}) too often; not loading it again"
                    );
                    // The page that the person opens again from there is one loaded again, as above.
                    crate::page_restarts::restarting();
                    let page = crate::page_restarts::gave_up_page(Some(&uri));
                    view.load_html(&page, None);
                }
            });
    })
}

/// Gives a new window the look of `theme` before the page draws in it: the window system's light or dark style (its
/// menu bar), and the page's background where the page has not drawn yet. Without it a dark board opened on a light
/// window, then a white page, for about 150 ms, under a light menu bar. The window system's style is changed only
/// where the theme differs from the desktop's (which the window took as it was made): a change makes GTK load its
/// theme again, before the first frame.
pub fn show_theme(window: &tauri::WebviewWindow, theme: Theme) -> tauri::Result<()> {
    wear(window, theme, desktop_is_dark(window), false)
}

/// Gives the window the look of `theme` chosen while it is open. Only the System theme needs the desktop's own look:
/// once the window's choice is dropped, the window system asks the desktop's portal for it.
pub fn change_theme(window: &tauri::WebviewWindow, theme: Theme) -> tauri::Result<()> {
    let desktop_dark = if theme == Theme::System {
        window.set_theme(None)?;
        held_dark() || window.theme()? == tauri::Theme::Dark
    } else {
        false
    };
    wear(window, theme, desktop_dark, true)
}

/// The window in `theme` where the desktop's look is `desktop_dark`: GTK's style set to the theme's (always with
/// `pin`, otherwise only where it differs from the desktop's), and the page's background painted.
fn wear(window: &tauri::WebviewWindow, theme: Theme, desktop_dark: bool, pin: bool) -> tauri::Result<()> {
    let dark = theme.is_dark(desktop_dark);
    if pin || dark != desktop_dark {
        window.set_theme(Some(if dark {
            tauri::Theme::Dark
        } else {
            tauri::Theme::Light
        }))?;
    }
    #[cfg(target_os = "linux")]
    paint_menu_bar(theme.background(desktop_dark), theme.text(desktop_dark));
    let [red, green, blue] = theme.background(desktop_dark);
    window.set_background_color(Some(tauri::window::Color(red, green, blue, 255)))
}

/// The menu bar in the page's colours, its labels included. GTK draws the labels in its theme's colour over the
/// window's background, and a theme held by `GTK_THEME` (`Adwaita:dark`) keeps its colour whatever look the window
/// asks for: near-white labels on the light bar. Call it on the main thread.
#[cfg(target_os = "linux")]
fn paint_menu_bar(background: [u8; 3], text: [u8; 3]) {
    use gtk::prelude::CssProviderExt;
    thread_local! {
        static MENU_BAR: Option<gtk::CssProvider> = gtk::gdk::Screen::default().map(|screen| {
            let provider = gtk::CssProvider::new();
            gtk::StyleContext::add_provider_for_screen(
                &screen,
                &provider,
                gtk::STYLE_PROVIDER_PRIORITY_APPLICATION,
            );
            provider
        });
    }
    let hex = |[r, g, b]: [u8; 3]| format!("#{r:02x}{g:02x}{b:02x}");
    let css = format!(
        "menubar {{ background-color: {}; }} menubar > menuitem {{ color: {}; }}",
        hex(background),
        hex(text)
    );
    MENU_BAR.with(|provider| {
        if let Some(Err(e)) = provider.as_ref().map(|p| p.load_from_data(css.as_bytes())) {
            eprintln!("pickboard: the menu bar's colours could not be set: {e}");
        }
    });
}

/// Whether the desktop's look is dark, as the window took it when it was made. On Linux it is read from GTK's settings
/// (which the window system set from the desktop's portal); asking the window would ask the portal again over D-Bus.
/// Call it on the main thread.
#[cfg(target_os = "linux")]
fn desktop_is_dark(_window: &tauri::WebviewWindow) -> bool {
    use gtk::prelude::GtkSettingsExt;
    held_dark()
        || gtk::Settings::default().is_some_and(|settings| {
            settings.is_gtk_application_prefer_dark_theme()
                || settings
                    .gtk_theme_name()
                    .is_some_and(|name| name.to_lowercase().ends_with("-dark") || name.ends_with(":dark"))
        })
}

/// Whether the environment holds GTK to a dark theme (`GTK_THEME=Adwaita:dark`): that is the desktop's look then,
/// though neither GTK's settings nor the window say it.
fn held_dark() -> bool {
    let held = std::env::var("GTK_THEME").unwrap_or_default().to_lowercase();
    cfg!(target_os = "linux") && (held.ends_with(":dark") || held.ends_with("-dark"))
}

#[cfg(not(target_os = "linux"))]
fn desktop_is_dark(window: &tauri::WebviewWindow) -> bool {
    window.theme().is_ok_and(|theme| theme == tauri::Theme::Dark)
}

/// The main window's size as the last run saved it (physical pixels), unless it was saved maximized; `None` without
/// a saved size.
fn saved_size() -> Option<(u32, u32)> {
    let text = std::fs::read_to_string(window_state_file()).ok()?;
    let state: serde_json::Value = serde_json::from_str(&text).ok()?;
    let main = state.get("main")?;
    if main.get("maximized").and_then(serde_json::Value::as_bool) == Some(true) {
        return None;
    }
    let read = |key: &str| main.get(key)?.as_u64().and_then(|v| u32::try_from(v).ok());
    Some((read("width")?, read("height")?))
}

/// A screen's work area (without panels and docks) in logical pixels: where it starts and its size.
#[derive(Clone, Copy)]
struct WorkArea {
    x: f64,
    y: f64,
    size: first_window::Size,
}

/// The primary screen's work area; `None` where no screen is known.
fn screen_area(app: &tauri::App) -> Option<WorkArea> {
    let monitor = match app.primary_monitor() {
        Ok(Some(monitor)) => monitor,
        _ => app.available_monitors().ok()?.into_iter().next()?,
    };
    let scale = monitor.scale_factor();
    let area = monitor.work_area();
    let at = area.position.to_logical::<f64>(scale);
    let size = area.size.to_logical::<f64>(scale);
    Some(WorkArea {
        x: at.x,
        y: at.y,
        size: first_window::Size {
            width: size.width,
            height: size.height,
        },
    })
}

/// Set in a launch that [`start_again`] made, so that it is tried once only.
const RESTARTED: &str = "PICKBOARD_STARTED_AGAIN";

/// This launch found a window on the same data folder and handed over to it, but that window went away without an
/// answer: it was quitting.
fn is_lost_handover(err: &tauri::Error) -> bool {
    matches!(err, tauri::Error::PluginInitialization(plugin, _) if plugin == "single-instance")
}

/// Runs this launch again, now that the window that was quitting has let go of the data folder, and exits with it.
fn start_again() -> ! {
    eprintln!("pickboard: the window that had this data folder was closing; starting again");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let status = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env(RESTARTED, "1")
            .status()
    });
    std::process::exit(status.ok().and_then(|s| s.code()).unwrap_or(1));
}

/// Set on the launch that follows a window which put a backup in place of a damaged database: that window's process
/// id. This launch waits for it to end before taking the data folder: it would otherwise hand over to the window
/// that is closing.
const START_AFTER: &str = "PICKBOARD_START_AFTER";

/// Starts Pickboard again, as it was started, once this window has closed; and closes it.
pub fn start_again_once_closed(app: &tauri::AppHandle) {
    let started = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .args(std::env::args_os().skip(1))
            .env(START_AFTER, std::process::id().to_string())
            .spawn()
    });
    if let Err(err) = started {
        eprintln!("pickboard: Pickboard could not be started again: {err}");
    }
    app.exit(0);
}

fn wait_for_the_window_before() {
    let Some(pid) = std::env::var(START_AFTER)
        .ok()
        .and_then(|p| p.parse::<u32>().ok())
    else {
        return;
    };
    if !std::path::Path::new("/proc/self").exists() {
        // No /proc to watch it by: a moment is enough for a window that is closing.
        std::thread::sleep(std::time::Duration::from_secs(1));
        return;
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while running(pid) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Whether process `pid` is still running: not gone, and not ended and waiting for its parent to notice (a zombie,
/// state Z, which holds nothing).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit_once(") ")
            .is_some_and(|(_, rest)| !rest.starts_with('Z'))
    })
}

/// What the window keeps between runs: where it is and how big, not whether it is shown.
fn window_state_flags() -> tauri_plugin_window_state::StateFlags {
    use tauri_plugin_window_state::StateFlags;
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED
}

/// The window's saved size and place: `window-state.json` in the data folder (the plugin joins this absolute path
/// onto its own folder, which leaves it as it is).
fn window_state_file() -> String {
    let dir = paths::data_dir(paths::os_data_dir());
    std::path::absolute(&dir)
        .unwrap_or(dir)
        .join("window-state.json")
        .to_string_lossy()
        .into_owned()
}

/// Writes the window's size and place half a second after it last changed, not only when the window closes: a
/// session that ends by a signal (a logout, a shutdown) reopens as it was left too.
fn save_window_state_soon(app: &tauri::AppHandle) {
    use std::sync::atomic::{AtomicU64, Ordering};
    use tauri_plugin_window_state::AppHandleExt;
    static LATEST: AtomicU64 = AtomicU64::new(0);
    let this = LATEST.fetch_add(1, Ordering::Relaxed) + 1;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        if LATEST.load(Ordering::Relaxed) == this {
            if let Err(err) = app.save_window_state(window_state_flags()) {
                eprintln!("pickboard: the window's size and place could not be saved: {err}");
            }
        }
    });
}

/// The start-of-day backup (at most one a day); a failure is reported, never fatal: in the log, and in the window as
/// soon as its page listens (on a full disk, said in the log alone, the window read "All changes saved" and nothing
/// told that today had no copy).
fn daily_backup(state: &AppState, app: &tauri::AppHandle) {
    let made = state.with_db(|db| backup::daily(db, state.data_dir()));
    if let Err(err) = made {
        eprintln!("pickboard: the daily backup failed: {err}");
        let failed = BackupFailed {
            message: backup::daily_failed(&err),
        };
        for _ in 0..240 {
            if events::listening(app) {
                events::emit(app, &failed);
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(250));
        }
    }
}

/// How often the window looks for changes another program made to the database.
const WATCH_INTERVAL: std::time::Duration = std::time::Duration::from_millis(500);

/// Tells the page when another program (the command line importing into the open board, a restore) has changed the
/// database, so that it reads the board, its counts and its history again. `data_version` is one cheap pragma.
fn watch_other_writers(state: &AppState, app: &tauri::AppHandle) {
    let version = || state.with_db(|db| db.data_version()).ok();
    let mut seen = version();
    loop {
        std::thread::sleep(WATCH_INTERVAL);
        let now = version();
        if now != seen {
            seen = now;
            events::emit(app, &DatabaseChanged {});
        }
    }
}

/// Files dragged over the window: the page hears [`FileDrag`] (to show where to drop) and [`FileDropped`] with the
/// file's name; the path stays here until the page asks to import it.
fn on_file_drop(window: &tauri::Window, event: &DragDropEvent) {
    match event {
        DragDropEvent::Enter { .. } | DragDropEvent::Over { .. } => {
            events::emit(window, &FileDrag { over: true });
        }
        DragDropEvent::Leave => {
            events::emit(window, &FileDrag { over: false });
        }
        DragDropEvent::Drop { paths, .. } => {
            events::emit(window, &FileDrag { over: false });
            if let Some(path) = paths.first() {
                let file_name = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                window
                    .state::<std::sync::Arc<AppState>>()
                    .set_dropped(path.clone());
                events::emit(window, &FileDropped { file_name });
            }
        }
        _ => {}
    }
}

/// The name the running instance holds (on Linux, on the D-Bus session bus), one per data folder: two folders may be
/// open side by side, one folder only once.
fn instance_id(data_dir: &std::path::Path) -> String {
    // FNV-1a over the folder's path: stable, short, and valid in a bus name after the leading letter.
    let hash = data_dir
        .to_string_lossy()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    format!("{}.d{hash:016x}", paths::APP_ID)
}

/// Another launch of Pickboard on this folder: show this window instead.
fn bring_forward(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// WebKitGTK's settings that Pickboard gives itself on Linux, each measured against the same bare window in
/// docs/benchmarks.md (whose benchmark gives the bare window the same). A person who sets one of these variables
/// themselves keeps their value.
///
/// - `WEBKIT_DISABLE_COMPOSITING_MODE=1`: by default WebKitGTK draws the page through its compositor, and every card,
///   scroll area and canvas gets a layer of its own, composited on the CPU where there is no GPU. With it off (as other
///   Tauri apps on Linux have it): about 170 MiB less memory, the first board frame sooner, round trips 2 to 3 times
///   faster, and drag frames at the display's rate.
/// - `JSC_useDFGJIT=0`: JavaScriptCore's optimizing tiers off (DFG, and FTL above it; the interpreter and the
///   baseline compiler stay). The page's scripts are short and event-driven; the tiers' compiled code and the heap
///   it keeps cost the web process 12–15 MiB at start-up and 61 MiB after ten minutes of moves, edits and view
///   switches, for no figure a person feels (start-up, round trips, the 10,000-idea chart's first paint and drag
///   frames all within their run-to-run spread).
/// - `JSC_useGenerationalGC=0`: every collection of JavaScriptCore's heap a full one. By default it mostly collects
///   what was made since the last collection; what was still in use then (a move's worth of objects) stays until a
///   full collection, which 300 moves did not bring: the heap grew by about 1.6 MB at each collection, in a line.
///   Collected in full each time, 9–11 MB stay alive after every collection over ten minutes of use, and the heap
///   peaks at about 45 MB; the round trips, drags and start-up stay within their spread (docs/benchmarks.md).
pub const WEBKIT_DEFAULTS: [(&str, &str); 3] = [
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("JSC_useDFGJIT", "0"),
    ("JSC_useGenerationalGC", "0"),
];

/// Sets each of `WEBKIT_DEFAULTS` that is not set already. Call it before any other thread starts and before GTK,
/// WebKit and its web process read their environment (the app benchmark calls it too, for the bare window).
pub fn webkit_defaults() {
    for (variable, value) in WEBKIT_DEFAULTS {
        if std::env::var_os(variable).is_none() {
            std::env::set_var(variable, value);
        }
    }
}
