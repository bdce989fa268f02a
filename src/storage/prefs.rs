//! Theme and language, the storage owner's first users.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{keys, Decoded, Slice};
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
                // By hand, not `json!` (its `unwrap` carries Debug code).
                let mut prefs = serde_json::Map::new();
                prefs.insert("theme".into(), theme.into());
                prefs.insert("lang".into(), lang.code().into());
                Ok(Value::Object(prefs))
            }
            n => Err(format!("no migration from schema {n}")),
        }
    }

    /// Read by hand, by the very rules of the derived `Deserialize` (both
    /// fields, as an object or a pair; each a variant's name, or an object
    /// of one name mapped to `null`). Going through serde would bring its
    /// error messages, and with them float formatting, into every bundle.
    fn decode(data: Value) -> Result<Decoded<Self>, String> {
        let (theme, lang) = match &data {
            Value::Object(map) => (map.get("theme"), map.get("lang")),
            Value::Array(items) if items.len() == 2 => (items.first(), items.get(1)),
            _ => (None, None),
        };
        let theme = match theme.and_then(variant) {
            Some("system") => ThemePref::System,
            Some("light") => ThemePref::Light,
            Some("dark") => ThemePref::Dark,
            _ => return Err("no theme".into()),
        };
        let lang = match lang.and_then(variant) {
            Some("zh") => Lang::Zh,
            Some("en") => Lang::En,
            _ => return Err("no language".into()),
        };
        Ok(Decoded {
            value: Prefs { theme, lang },
            dropped: 0,
        })
    }
}

/// The name of a unit enum variant as serde_json reads one from a value:
/// `"dark"`, or `{"dark": null}`.
fn variant(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(map) if map.len() == 1 => match map.iter().next() {
            Some((name, Value::Null)) => Some(name),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// `decode` accepts exactly what serde would, with the same result.
    #[test]
    fn decode_reads_what_the_derived_deserialize_reads() {
        for data in [
            json!({ "theme": "dark", "lang": "en" }),
            json!({ "theme": "system", "lang": "zh", "extra": 1 }),
            json!({ "theme": "light" }),
            json!({ "lang": "en" }),
            json!({ "theme": "Dark", "lang": "en" }),
            json!({ "theme": "dark", "lang": "zh-CN" }),
            json!({ "theme": null, "lang": "en" }),
            json!({ "theme": 1.5, "lang": "en" }),
            json!({ "theme": { "light": null }, "lang": { "en": null } }),
            json!({ "theme": { "light": 1 }, "lang": "en" }),
            json!({ "theme": { "light": null, "dark": null }, "lang": "en" }),
            json!({ "theme": {}, "lang": "en" }),
            json!(["dark", "en"]),
            json!(["dark"]),
            json!(["dark", "en", "x"]),
            json!([]),
            json!("dark"),
            json!(null),
            json!(2),
            json!({}),
        ] {
            let ours = Prefs::decode(data.clone()).ok().map(|d| d.value);
            let serde = serde_json::from_value::<Prefs>(data.clone()).ok();
            assert_eq!(ours, serde, "{data}");
        }
    }
}
