//! The app menu. Its items do what the board's keyboard shortcuts do: a click is sent to the window as a
//! [`MenuCommand`] event, and the UI runs the same action. No accelerators are set here, so that Ctrl+Z in a text
//! field stays the field's own undo.

use tauri::menu::{MenuBuilder, MenuItem, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::App;

use crate::events::{self, MenuCommand};

pub fn install(app: &App) -> tauri::Result<()> {
    let item = |command: MenuCommand| -> tauri::Result<MenuItem<tauri::Wry>> {
        MenuItemBuilder::with_id(command.id(), command.label()).build(app)
    };
    let export = SubmenuBuilder::new(app, "Export board")
        .item(&item(MenuCommand::ExportJson)?)
        .item(&item(MenuCommand::ExportCsv)?)
        .item(&item(MenuCommand::ExportMarkdown)?)
        .separator()
        .item(&item(MenuCommand::ExportPng)?)
        .item(&item(MenuCommand::ExportSvg)?)
        .build()?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&item(MenuCommand::Import)?)
        .item(&export)
        .separator()
        .item(&item(MenuCommand::BackUp)?)
        .item(&item(MenuCommand::Restore)?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some("Quit Pickboard"))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item(MenuCommand::Undo)?)
        .item(&item(MenuCommand::Redo)?)
        .separator()
        .item(&item(MenuCommand::Search)?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item(MenuCommand::ViewQuadrants)?)
        .item(&item(MenuCommand::ViewChart)?)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item(MenuCommand::Shortcuts)?)
        .build()?;
    let menu = MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| {
        if let Some(command) = MenuCommand::from_id(event.id().as_ref()) {
            events::emit(app, &command);
        }
    });
    Ok(())
}
