//! The app menu. Its items do what the board's keyboard shortcuts do: a click is sent to the window as a
//! `menu-command` event naming the item, and the UI runs the same action. No accelerators are set here, so that
//! Ctrl+Z in a text field stays the field's own undo.

use tauri::menu::{MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{App, Emitter};

/// The event the UI listens to; its payload is one of [`ITEMS`]' ids.
pub const EVENT: &str = "menu-command";

/// (id, label) of each item the UI handles.
pub const ITEMS: &[(&str, &str)] = &[
    ("import", "Import…"),
    ("export-json", "Board file (JSON)…"),
    ("export-csv", "Spreadsheet (CSV)…"),
    ("export-markdown", "Markdown…"),
    ("export-png", "Chart picture (PNG)…"),
    ("export-svg", "Chart picture (SVG)…"),
    ("back-up", "Back up now…"),
    ("restore", "Restore from backup…"),
    ("undo", "Undo"),
    ("redo", "Redo"),
    ("view-quadrants", "Quadrants"),
    ("view-chart", "Chart"),
    ("search", "Search"),
    ("shortcuts", "Keyboard shortcuts"),
];

pub fn install(app: &App) -> tauri::Result<()> {
    let item = |id: &str| {
        let label = ITEMS.iter().find(|(i, _)| *i == id).map_or(id, |(_, l)| l);
        MenuItemBuilder::with_id(id, label).build(app)
    };
    let export = SubmenuBuilder::new(app, "Export board")
        .item(&item("export-json")?)
        .item(&item("export-csv")?)
        .item(&item("export-markdown")?)
        .separator()
        .item(&item("export-png")?)
        .item(&item("export-svg")?)
        .build()?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&item("import")?)
        .item(&export)
        .separator()
        .item(&item("back-up")?)
        .item(&item("restore")?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some("Quit Pickboard"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item("undo")?)
        .item(&item("redo")?)
        .separator()
        .item(&item("search")?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item("view-quadrants")?)
        .item(&item("view-chart")?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item("shortcuts")?)
        .build()?;
    let menu = MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| {
        let id = event.id().as_ref();
        if ITEMS.iter().any(|(i, _)| *i == id) {
            let _ = app.emit(EVENT, id);
        }
    });
    Ok(())
}
