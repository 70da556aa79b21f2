//! The app menu. Its items do what the board's keyboard shortcuts do: a click is sent to the window as a
//! [`MenuCommand`] event, and the UI runs the same action. No accelerators are set for those, so that Ctrl+Z in a
//! text field stays the field's own undo. Quit is the app's own item with Ctrl+Q, which no field uses: the menu
//! library's predefined Quit does nothing on Linux (it shows greyed out).

use tauri::menu::{MenuBuilder, MenuItem, MenuItemBuilder, SubmenuBuilder};
use tauri::App;

use crate::events::{self, MenuCommand};

/// The Quit item's id: handled here, not sent to the window.
const QUIT: &str = "quit";

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
        .item(
            &MenuItemBuilder::with_id(QUIT, "Quit Pickboard")
                .accelerator("CmdOrCtrl+Q")
                .build(app)?,
        )
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .item(&item(MenuCommand::Undo)?)
        .item(&item(MenuCommand::Redo)?)
        .separator()
        .item(&item(MenuCommand::Search)?)
        .build()?;
    let theme = SubmenuBuilder::new(app, "Theme")
        .item(&item(MenuCommand::ThemeSystem)?)
        .item(&item(MenuCommand::ThemeLight)?)
        .item(&item(MenuCommand::ThemeDark)?)
        .build()?;
    let view = SubmenuBuilder::new(app, "View")
        .item(&item(MenuCommand::ViewQuadrants)?)
        .item(&item(MenuCommand::ViewChart)?)
        .separator()
        .item(&theme)
        .build()?;
    let help = SubmenuBuilder::new(app, "Help")
        .item(&item(MenuCommand::Shortcuts)?)
        .build()?;
    let menu = MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()?;
    app.set_menu(menu)?;
    app.on_menu_event(|app, event| {
        let id = event.id().as_ref();
        if id == QUIT {
            app.exit(0);
        } else if let Some(command) = MenuCommand::from_id(id) {
            events::emit(app, &command);
        }
    });
    Ok(())
}
