//! Theme and language, the storage owner's first users.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{keys, Slice};
use crate::i18n::Lang;

/// The colour theme the user chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemePref {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    Light,
    Dark,
}

impl ThemePref {
    pub fn parse(s: &str) -> Option<ThemePref> {
        match s {
            "light" => Some(ThemePref::Light),
            "dark" => Some(ThemePref::Dark),
            "system" | "auto" => Some(ThemePref::System),
            _ => None,
        }
    }

    /// The theme shown, given whether the system prefers dark.
    pub fn resolve(self, system_dark: bool) -> Theme {
        match self {
            ThemePref::Light => Theme::Light,
            ThemePref::Dark => Theme::Dark,
            ThemePref::System if system_dark => Theme::Dark,
            ThemePref::System => Theme::Light,
        }
    }
}

/// A theme as drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The user's display preferences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub theme: ThemePref,
    pub lang: Lang,
}

impl Slice for Prefs {
    const KEY: &'static str = keys::PREFS;
    const VERSION: u32 = 1;

    /// Schema 0 was the bare object `{"dark": bool, "lang": "zh"|"en"}`
    /// written before values carried a version.
    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        match from {
            0 => {
                let theme = match data.get("dark").and_then(Value::as_bool) {
                    Some(true) => "dark",
                    Some(false) => "light",
                    None => "system",
                };
                let lang = data
                    .get("lang")
                    .and_then(Value::as_str)
                    .and_then(Lang::parse)
                    .unwrap_or_default();
                if data.as_object().is_none() {
                    return Err("not an object".into());
                }
                Ok(serde_json::json!({ "theme": theme, "lang": lang }))
            }
            n => Err(format!("no migration from schema {n}")),
        }
    }
}
