//! Preferences: what the user chose for the app as a whole. Read through `tauri-plugin-store` (see `commands/app.rs`);
//! this module defines them, reads them leniently, so that a damaged settings file never keeps the app from starting,
//! and writes them in one piece.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    pub theme: Theme,
    /// The board shown when the app starts.
    pub last_board_id: Option<i64>,
    /// The boards last shown as the chart, which open on it again; the others open on the quadrants.
    pub chart_boards: Vec<i64>,
}

/// The page's background in each look (`--bg` in ui/src/styles/tokens.css), as red, green and blue. The window is
/// painted with it before the page draws, so that a dark board does not open on a white window.
pub const LIGHT_BACKGROUND: [u8; 3] = [0xf3, 0xf4, 0xf7];
pub const DARK_BACKGROUND: [u8; 3] = [0x14, 0x16, 0x1b];
/// The page's text in each look (`--text`), for the menu bar's labels over the background above.
pub const LIGHT_TEXT: [u8; 3] = [0x3f, 0x43, 0x50];
pub const DARK_TEXT: [u8; 3] = [0xe4, 0xe6, 0xeb];

impl Theme {
    /// Whether the page is dark in this theme, where the system's own look is dark or not.
    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }

    /// The page's background in this theme (see [`LIGHT_BACKGROUND`]).
    pub fn background(self, system_dark: bool) -> [u8; 3] {
        if self.is_dark(system_dark) {
            DARK_BACKGROUND
        } else {
            LIGHT_BACKGROUND
        }
    }

    /// The page's text in this theme (see [`LIGHT_TEXT`]).
    pub fn text(self, system_dark: bool) -> [u8; 3] {
        if self.is_dark(system_dark) {
            DARK_TEXT
        } else {
            LIGHT_TEXT
        }
    }
}

/// How much larger than its own size the page is drawn (View › Zoom In, Zoom Out and Actual Size). Kept by the
/// window, not the page, so not among [`Preferences`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ZoomChange {
    In,
    Out,
    Reset,
}

/// The zooms offered, as a browser offers them: from 80 % to 200 %.
pub const ZOOMS: [f64; 8] = [0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0];

/// The zoom after `change` from `now`: the next one up or down (from one between them, the nearest past it), or
/// 100 %.
pub fn zoomed(now: f64, change: ZoomChange) -> f64 {
    let (least, most) = (ZOOMS[0], ZOOMS[ZOOMS.len() - 1]);
    match change {
        ZoomChange::Reset => 1.0,
        ZoomChange::In => ZOOMS.into_iter().find(|&z| z > now + 1e-6).unwrap_or(most),
        ZoomChange::Out => ZOOMS.into_iter().rev().find(|&z| z < now - 1e-6).unwrap_or(least),
    }
}

/// A stored zoom, or 100 % for one missing, unreadable or out of the range offered.
pub fn zoom_from_stored(value: Option<serde_json::Value>) -> f64 {
    value
        .and_then(|v| v.as_f64())
        .filter(|z| (ZOOMS[0]..=ZOOMS[ZOOMS.len() - 1]).contains(z))
        .unwrap_or(1.0)
}

pub const THEME_KEY: &str = "theme";
pub const ZOOM_KEY: &str = "zoom";
pub const LAST_BOARD_KEY: &str = "lastBoardId";
pub const CHART_BOARDS_KEY: &str = "chartBoards";
pub const FILE_NAME: &str = "settings.json";

/// Writes the preferences file in one piece: a temporary file renamed over it. The store plugin's own save empties the
/// file before it writes, so a full disk left an empty file, and the next start the default theme and board.
pub fn save(path: &Path, values: serde_json::Map<String, serde_json::Value>) -> Result<()> {
    let bytes = serde_json::to_vec_pretty(&values).map_err(|e| Error::Preferences(e.to_string()))?;
    crate::files::replace(path, &bytes).map_err(|e| {
        Error::Preferences(match e.kind() {
            std::io::ErrorKind::StorageFull => {
                "the disk is full. The ones saved before are kept; free some space, and your next change saves them."
                    .into()
            }
            _ => format!("{} could not be written ({e}). The ones saved before are kept.", path.display()),
        })
    })
}

impl Preferences {
    /// Whether board `id` opens on the chart (else on the quadrants).
    pub fn shows_chart(&self, id: i64) -> bool {
        self.chart_boards.contains(&id)
    }

    /// Builds preferences from stored values; a missing or unreadable value falls back to its default.
    pub fn from_stored(
        theme: Option<serde_json::Value>,
        last_board_id: Option<serde_json::Value>,
        chart_boards: Option<serde_json::Value>,
    ) -> Self {
        Preferences {
            theme: theme
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
            last_board_id: last_board_id.and_then(|v| v.as_i64()),
            chart_boards: chart_boards
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stored_values_are_read_leniently() {
        let prefs = Preferences::from_stored(Some(json!("dark")), Some(json!(7)), Some(json!([7, 9])));
        assert_eq!(
            prefs,
            Preferences {
                theme: Theme::Dark,
                last_board_id: Some(7),
                chart_boards: vec![7, 9],
            }
        );
        let broken = Preferences::from_stored(
            Some(json!("purple")),
            Some(json!("seven")),
            Some(json!([7, "nine"])),
        );
        assert_eq!(broken, Preferences::default());
    }

    #[test]
    fn zoom_goes_up_and_down_by_the_steps_offered_and_stays_within_them() {
        assert_eq!(zoomed(1.0, ZoomChange::In), 1.1);
        assert_eq!(zoomed(1.1, ZoomChange::In), 1.25);
        assert_eq!(zoomed(1.0, ZoomChange::Out), 0.9);
        assert_eq!(zoomed(2.0, ZoomChange::In), 2.0);
        assert_eq!(zoomed(0.8, ZoomChange::Out), 0.8);
        assert_eq!(
            zoomed(1.3, ZoomChange::In),
            1.5,
            "from between two, the next past it"
        );
        assert_eq!(zoomed(1.3, ZoomChange::Out), 1.25);
        assert_eq!(zoomed(1.75, ZoomChange::Reset), 1.0);
        assert_eq!(zoom_from_stored(Some(json!(1.5))), 1.5);
        for damaged in [json!("big"), json!(40), json!(0), json!(-1)] {
            assert_eq!(zoom_from_stored(Some(damaged.clone())), 1.0, "{damaged}");
        }
        assert_eq!(zoom_from_stored(None), 1.0);
    }

    #[test]
    fn preferences_are_saved_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let values = |theme: &str| serde_json::Map::from_iter([(THEME_KEY.to_string(), json!(theme))]);
        save(&path, values("dark")).unwrap();
        let read = || serde_json::from_slice::<serde_json::Value>(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(read(), json!({ "theme": "dark" }));

        // A save that cannot be written (here its temporary file cannot be made) leaves the earlier file as it was.
        std::fs::create_dir(crate::files::temporary_sibling(&path)).unwrap();
        let err = save(&path, values("light")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Your preferences could not be read or saved: ")
                && err.to_string().ends_with("The ones saved before are kept."),
            "{err}"
        );
        assert_eq!(read(), json!({ "theme": "dark" }));
    }

    /// The colour `--name` of a block of the stylesheet that starts with `selector`, as red, green and blue.
    fn page_colour(css: &str, selector: &str, name: &str) -> [u8; 3] {
        let block = &css[css.find(selector).expect("the stylesheet has the block")..];
        let block = &block[..block.find('}').expect("the block ends")];
        let hex = block
            .split_once(&format!("--{name}: #"))
            .and_then(|(_, rest)| rest.get(..6))
            .expect("the block sets the colour as #rrggbb");
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("a hex colour");
        [channel(0), channel(2), channel(4)]
    }

    #[test]
    fn the_window_and_its_menu_bar_are_painted_with_the_page_colours_of_their_theme() {
        let css = include_str!("../../ui/src/styles/tokens.css");
        let dark = ":root[data-theme=\"dark\"] {";
        assert_eq!(page_colour(css, ":root {", "bg"), LIGHT_BACKGROUND);
        assert_eq!(page_colour(css, dark, "bg"), DARK_BACKGROUND);
        assert_eq!(page_colour(css, ":root {", "text"), LIGHT_TEXT);
        assert_eq!(page_colour(css, dark, "text"), DARK_TEXT);
        assert_eq!(Theme::System.text(true), DARK_TEXT);
        assert_eq!(Theme::Dark.background(false), DARK_BACKGROUND);
        assert_eq!(Theme::Light.background(true), LIGHT_BACKGROUND);
        assert_eq!(Theme::System.background(true), DARK_BACKGROUND);
        assert_eq!(Theme::System.background(false), LIGHT_BACKGROUND);
    }
}
