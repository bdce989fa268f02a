//! Every string the UI shows, in Chinese (the default) and English.
//!
//! One module owns them all so that a translator reads one place. Each feature
//! keeps its strings in its own submodule here (`i18n::tcp`, `i18n::algo`, …)
//! as [`Text`] constants, or as small functions of [`Lang`] where a string
//! takes arguments.

use serde::{Deserialize, Serialize};

pub mod algo;
pub mod cards;
pub mod net;
pub mod notes;
pub mod player;
pub mod py;
pub mod shell;
pub mod tcp;

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses `zh`/`en` (as used in `?lang=` and in storage).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

// One language per build, for the widgets: a blog reader sees one language,
// and the other one's strings are a third of a widget's data. Built with
// `--features only-zh` (or `only-en`), every choice by language below is
// fixed at compile time, so the other language's strings and the code that
// formats them drop out of the wasm; the loader picks the build by the page's
// language (tools/build.mjs, tools/loader.js). The full app carries both.
#[cfg(all(feature = "only-zh", feature = "only-en"))]
compile_error!("the features only-zh and only-en exclude each other");

impl Lang {
    /// `self`, or the one language this build carries: what every choice
    /// by language matches on, so that a one-language build drops the other.
    #[inline(always)]
    pub const fn fixed(self) -> Lang {
        if cfg!(feature = "only-zh") {
            Lang::Zh
        } else if cfg!(feature = "only-en") {
            Lang::En
        } else {
            self
        }
    }
}

/// A UI string in both languages (in the one of a one-language build).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    #[cfg(not(feature = "only-en"))]
    pub zh: &'static str,
    #[cfg(not(feature = "only-zh"))]
    pub en: &'static str,
}

impl Text {
    #[cfg(not(any(feature = "only-zh", feature = "only-en")))]
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Text { zh, en }
    }

    #[cfg(feature = "only-zh")]
    pub const fn new(zh: &'static str, _en: &'static str) -> Self {
        Text { zh }
    }

    #[cfg(feature = "only-en")]
    pub const fn new(_zh: &'static str, en: &'static str) -> Self {
        Text { en }
    }

    #[cfg(not(any(feature = "only-zh", feature = "only-en")))]
    pub const fn get(&self, lang: Lang) -> &'static str {
        match lang.fixed() {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    #[cfg(feature = "only-zh")]
    pub const fn get(&self, _lang: Lang) -> &'static str {
        self.zh
    }

    #[cfg(feature = "only-en")]
    pub const fn get(&self, _lang: Lang) -> &'static str {
        self.en
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_codes() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
    }
}
