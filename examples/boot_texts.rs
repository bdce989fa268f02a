//! Prints, as JSON, the heading and summary each TCP scenario page shows, in
//! both languages. `tools/build.mjs` writes them as one JSON file per page,
//! which the loader draws into the static first screen before the wasm
//! arrives; the app then draws the same text at the same size (see
//! `tools/loader.js`).
use mianjing::i18n::tcp::{summary, title};
use mianjing::tcp::ScenarioId;

fn main() {
    let mut pages = serde_json::Map::new();
    for id in ScenarioId::ALL {
        let text = |lang: fn(&mianjing::i18n::Text) -> &'static str| serde_json::json!({ "title": lang(&title(id)), "summary": lang(&summary(id)) });
        pages.insert(
            format!("tcp/{}", id.slug()),
            serde_json::json!({ "zh": text(|t| t.zh), "en": text(|t| t.en) }),
        );
    }
    println!("{}", serde_json::Value::Object(pages));
}
