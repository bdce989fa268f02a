//! No blank page, ever: a panic puts a visible error panel on the page.
//!
//! With `panic = "abort"` the wasm instance is dead after the hook returns, so
//! the panel is plain DOM that needs no script: "Reload" is a form that
//! navigates, "Download a backup" is a `data:` link holding every value the
//! app stored.

use crate::i18n::{shell as t, Lang};
use crate::storage::keys;

/// Installs the hook. Call once, before mounting the app.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show_panel(&message);
    }));
}

/// The hook of an embedded widget (see [`super::widget`]): the same panel
/// without the backup link. A widget keeps no progress, and leaving the
/// backup out keeps the JSON writer out of its bundle.
pub fn install_widget() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show_panel_with(&message, None);
    }));
}

fn page_lang() -> Lang {
    super::dom::root_element()
        .and_then(|r| r.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
        .unwrap_or_default()
}

/// Every stored value of the app, as one JSON object, or `None` when storage
/// cannot be read.
fn stored_values() -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    let mut map = serde_json::Map::new();
    let n = storage.length().ok()?;
    for i in 0..n {
        let Ok(Some(key)) = storage.key(i) else {
            continue;
        };
        if !key.starts_with("mianjing.") || key == keys::PROBE {
            continue;
        }
        if let Ok(Some(value)) = storage.get_item(&key) {
            map.insert(key, serde_json::Value::String(value));
        }
    }
    Some(serde_json::Value::Object(map).to_string())
}

/// Puts the error panel on the page. Public so the browser tests can check it
/// without killing the test runner with a real panic.
pub fn show_panel(message: &str) {
    show_panel_with(message, stored_values().filter(|json| json.len() > 2));
}

/// The panel, with a link to download `backup` (every stored value, as
/// JSON) when there is one.
fn show_panel_with(message: &str, backup: Option<String>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let lang = page_lang();
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_id("fatal");
    let _ = panel.set_attribute("role", "alert");
    let here = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let backup = backup
        .map(|json| {
            format!(
                r#"<a class="button" download="mianjing-backup.json" href="data:application/json;charset=utf-8,{}">{}</a>"#,
                crate::route::percent_encode(&json),
                t::ERROR_SAVE.get(lang)
            )
        })
        .unwrap_or_default();
    panel.set_inner_html(&format!(
        r#"<div class="fatal-box"><h1>{title}</h1><p>{body}</p><pre>{msg}</pre><div class="fatal-actions"><form method="get" action="./{here}"><button class="button primary" type="submit">{reload}</button></form>{backup}</div></div>"#,
        title = t::ERROR_TITLE.get(lang),
        body = t::ERROR_BODY.get(lang),
        msg = escape(message),
        here = escape(&here),
        reload = t::ERROR_RELOAD.get(lang),
    ));
    let _ = body.append_child(&panel);
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
