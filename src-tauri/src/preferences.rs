//! Preferences: what the user chose for the app as a whole. Kept in `tauri-plugin-store` (see `app.rs`); this module
//! only defines them and reads them leniently, so that a damaged settings file never keeps the app from starting.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
}

pub const THEME_KEY: &str = "theme";
pub const LAST_BOARD_KEY: &str = "lastBoardId";
pub const FILE_NAME: &str = "settings.json";

impl Preferences {
    /// Builds preferences from stored values; a missing or unreadable value falls back to its default.
    pub fn from_stored(theme: Option<serde_json::Value>, last_board_id: Option<serde_json::Value>) -> Self {
        Preferences {
            theme: theme
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default(),
            last_board_id: last_board_id.and_then(|v| v.as_i64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stored_values_are_read_leniently() {
        let prefs = Preferences::from_stored(Some(json!("dark")), Some(json!(7)));
        assert_eq!(
            prefs,
            Preferences {
                theme: Theme::Dark,
                last_board_id: Some(7)
            }
        );
        let broken = Preferences::from_stored(Some(json!("purple")), Some(json!("seven")));
        assert_eq!(broken, Preferences::default());
    }
}
