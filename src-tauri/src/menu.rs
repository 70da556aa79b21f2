//! The app menu. Its items do what the board's keyboard shortcuts do: a click is sent to the window as a
//! [`MenuCommand`] event, and the UI runs the same action. No accelerators are set for those, so that Ctrl+Z in a
//! text field stays the field's own undo. Quit is the app's own item with Ctrl+Q, which no field uses: the menu
//! library's predefined Quit does nothing on Linux (it shows greyed out). It saves what is being typed first
//! (`quit.rs`). View's Zoom In, Zoom Out and Actual Size are the app's own too (`zoom.rs`), with Ctrl+=, Ctrl+- and
//! Ctrl+0, which no field uses either; so are File › New board's Ctrl+N and Import…'s Ctrl+O. The menus' names carry their access keys (`&File`: Alt+F opens it), as GTK's
//! menus do.

use std::sync::{Mutex, PoisonError};

use tauri::menu::{
    AboutMetadataBuilder, CheckMenuItem, CheckMenuItemBuilder, MenuBuilder, MenuItem, MenuItemBuilder,
    SubmenuBuilder,
};
use tauri::{App, AppHandle, Manager, Wry};

use crate::events::{self, MenuCommand};
use crate::preferences::Theme;

/// View › Theme's items, each with the theme it picks: the one in use is checked.
struct ThemeItems([(Theme, CheckMenuItem<Wry>); 3]);

/// View › Quadrants and Chart: the shown board's view is checked, neither without a board. `shown` is what they show,
/// kept to put the check marks back after a click that changes nothing (a click checks or unchecks an item by itself).
struct ViewItems {
    quadrants: CheckMenuItem<Wry>,
    chart: CheckMenuItem<Wry>,
    shown: Mutex<Option<bool>>,
}

impl ViewItems {
    fn check(&self, chart: Option<bool>) {
        for (item, checked) in [
            (&self.quadrants, chart == Some(false)),
            (&self.chart, chart == Some(true)),
        ] {
            if let Err(e) = item.set_checked(checked) {
                eprintln!("pickboard: View › Quadrants and Chart could not show the view in use: {e}");
            }
        }
    }
}

/// Checks View › Chart when `chart` is `Some(true)`, View › Quadrants when `Some(false)`, and neither without a board.
pub fn show_view(app: &AppHandle, chart: Option<bool>) {
    if let Some(items) = app.try_state::<ViewItems>() {
        *items.shown.lock().unwrap_or_else(PoisonError::into_inner) = chart;
        items.check(chart);
    }
}

/// Puts View's check marks back as they were: the page moves them if the click changes the view.
fn show_view_again(app: &AppHandle) {
    if let Some(items) = app.try_state::<ViewItems>() {
        items.check(*items.shown.lock().unwrap_or_else(PoisonError::into_inner));
    }
}

/// Checks the item of `theme` in View › Theme, and only that one (a click on an item checks it by itself, and a click
/// on the item already checked unchecks it).
pub fn show_theme(app: &AppHandle, theme: Theme) {
    if let Some(items) = app.try_state::<ThemeItems>() {
        for (picks, item) in &items.0 {
            if let Err(e) = item.set_checked(*picks == theme) {
                eprintln!("pickboard: View › Theme could not show the theme in use: {e}");
            }
        }
    }
}

/// Installs the menu. Without a board to act on (`boards` false: the data folder is open in another window, or its
/// database is damaged) the items for boards are greyed out: they looked usable and did nothing. Quit and the theme
/// still work. `chart` is the first board's view, as in [`show_view`].
pub fn install(app: &App, theme: Theme, chart: Option<bool>, boards: bool) -> tauri::Result<()> {
    let item = |command: MenuCommand| -> tauri::Result<MenuItem<tauri::Wry>> {
        MenuItemBuilder::with_id(command.id(), command.label())
            .enabled(boards)
            .build(app)
    };
    // A desktop app's keys for a new document and for opening a file, which no field uses.
    let keyed = |command: MenuCommand, keys: &str| -> tauri::Result<MenuItem<tauri::Wry>> {
        MenuItemBuilder::with_id(command.id(), command.label())
            .enabled(boards)
            .accelerator(keys)
            .build(app)
    };
    let theme_item = |command: MenuCommand, picks: Theme| -> tauri::Result<(Theme, CheckMenuItem<Wry>)> {
        let item = CheckMenuItemBuilder::with_id(command.id(), command.label())
            .checked(picks == theme)
            .build(app)?;
        Ok((picks, item))
    };
    let themes = ThemeItems([
        theme_item(MenuCommand::ThemeSystem, Theme::System)?,
        theme_item(MenuCommand::ThemeLight, Theme::Light)?,
        theme_item(MenuCommand::ThemeDark, Theme::Dark)?,
    ]);
    let export = SubmenuBuilder::new(app, "Export board")
        .enabled(boards)
        .item(&item(MenuCommand::ExportJson)?)
        .item(&item(MenuCommand::ExportCsv)?)
        .item(&item(MenuCommand::ExportMarkdown)?)
        .separator()
        .item(&item(MenuCommand::ExportPng)?)
        .item(&item(MenuCommand::ExportSvg)?)
        .build()?;
    let file = SubmenuBuilder::new(app, "&File")
        .item(&keyed(MenuCommand::NewBoard, "CmdOrCtrl+N")?)
        .separator()
        .item(&keyed(MenuCommand::Import, "CmdOrCtrl+O")?)
        .item(&export)
        .separator()
        .item(&item(MenuCommand::BackUp)?)
        .item(&item(MenuCommand::Restore)?)
        .item(&item(MenuCommand::DeletedBoards)?)
        .separator()
        .item(
            &MenuItemBuilder::with_id(MenuCommand::Quit.id(), MenuCommand::Quit.label())
                .accelerator("CmdOrCtrl+Q")
                .build(app)?,
        )
        .build()?;
    let edit = SubmenuBuilder::new(app, "&Edit")
        .item(&item(MenuCommand::Undo)?)
        .item(&item(MenuCommand::Redo)?)
        .separator()
        .item(&item(MenuCommand::Search)?)
        .build()?;
    let view_item = |command: MenuCommand, checked: bool| {
        CheckMenuItemBuilder::with_id(command.id(), command.label())
            .enabled(boards)
            .checked(checked)
            .build(app)
    };
    let views = ViewItems {
        quadrants: view_item(MenuCommand::ViewQuadrants, chart == Some(false))?,
        chart: view_item(MenuCommand::ViewChart, chart == Some(true))?,
        shown: Mutex::new(chart),
    };
    let [system, light, dark] = &themes.0;
    let theme_menu = SubmenuBuilder::new(app, "Theme")
        .item(&system.1)
        .item(&light.1)
        .item(&dark.1)
        .build()?;
    let mut view = SubmenuBuilder::new(app, "&View")
        .item(&views.quadrants)
        .item(&views.chart)
        .separator()
        .item(&theme_menu)
        .separator();
    for (id, label, keys, _) in crate::zoom::ITEMS {
        view = view.item(&MenuItemBuilder::with_id(id, label).accelerator(keys).build(app)?);
    }
    let view = view.build()?;
    // Mattermost: where a board's outcome goes, the rounds run, and the account they run as (found only through Post to
    // channel and More ▾ before).
    let team = SubmenuBuilder::new(app, "&Team")
        .item(&item(MenuCommand::PostToChannel)?)
        .item(&item(MenuCommand::TeamRounds)?)
        .separator()
        .item(&item(MenuCommand::MattermostAccount)?)
        .build()?;
    // Which Pickboard this is: the version was only on the command line.
    let about = AboutMetadataBuilder::new()
        .name(Some("Pickboard"))
        .version(Some(env!("CARGO_PKG_VERSION")))
        .comments(Some(
            "Prioritise work on a PICK chart, and share the outcome in Mattermost.",
        ))
        .icon(app.default_window_icon().cloned())
        .build();
    let help = SubmenuBuilder::new(app, "&Help")
        .item(&item(MenuCommand::Shortcuts)?)
        .separator()
        .about_with_text("About Pickboard", Some(about))
        .build()?;
    let menu = MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &team, &help])
        .build()?;
    app.set_menu(menu)?;
    app.manage(themes);
    app.manage(views);
    app.on_menu_event(|app, event| {
        let id = event.id().as_ref();
        match MenuCommand::from_id(id) {
            Some(MenuCommand::Quit) => crate::quit::ask(app),
            Some(command @ (MenuCommand::ViewQuadrants | MenuCommand::ViewChart)) => {
                show_view_again(app);
                events::emit(app, &command);
            }
            Some(command) => events::emit(app, &command),
            None => {
                if let Some(change) = crate::zoom::change_of(id) {
                    crate::zoom::change(app, change);
                }
            }
        }
    });
    Ok(())
}
