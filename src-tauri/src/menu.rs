//! The app menu. Its items do what the board's keyboard shortcuts do: a click is sent to the window as a
//! [`MenuCommand`] event, and the UI runs the same action. No accelerators are set here, so that Ctrl+Z in a text
//! field stays the field's own undo.

use serde::Serialize;
use tauri::menu::{MenuBuilder, MenuItem, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::App;
use ts_rs::TS;

use crate::events;

/// An item of the app menu that the UI handles; its id is its serialised name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MenuCommand {
    Import,
    ExportJson,
    ExportCsv,
    ExportMarkdown,
    ExportPng,
    ExportSvg,
    BackUp,
    Restore,
    Undo,
    Redo,
    ViewQuadrants,
    ViewChart,
    Search,
    Shortcuts,
}

impl MenuCommand {
    pub const ALL: [MenuCommand; 14] = [
        Self::Import,
        Self::ExportJson,
        Self::ExportCsv,
        Self::ExportMarkdown,
        Self::ExportPng,
        Self::ExportSvg,
        Self::BackUp,
        Self::Restore,
        Self::Undo,
        Self::Redo,
        Self::ViewQuadrants,
        Self::ViewChart,
        Self::Search,
        Self::Shortcuts,
    ];

    /// The menu item's id: the name the UI gets.
    pub fn id(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Import => "Import…",
            Self::ExportJson => "Board file (JSON)…",
            Self::ExportCsv => "Spreadsheet (CSV)…",
            Self::ExportMarkdown => "Markdown…",
            Self::ExportPng => "Chart picture (PNG)…",
            Self::ExportSvg => "Chart picture (SVG)…",
            Self::BackUp => "Back up now…",
            Self::Restore => "Restore from backup…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ViewQuadrants => "Quadrants",
            Self::ViewChart => "Chart",
            Self::Search => "Search",
            Self::Shortcuts => "Keyboard shortcuts",
        }
    }

    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_its_own_id_and_label() {
        let ids: std::collections::BTreeSet<String> = MenuCommand::ALL.iter().map(|c| c.id()).collect();
        assert_eq!(ids.len(), MenuCommand::ALL.len());
        assert!(ids.contains("export-markdown") && ids.contains("back-up"));
        for command in MenuCommand::ALL {
            assert_eq!(MenuCommand::from_id(&command.id()), Some(command));
            assert!(!command.label().is_empty());
        }
    }
}
