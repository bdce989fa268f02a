//! Small, checked helpers over the browser's DOM. Each returns a neutral value
//! when the browser lacks what it asks for, so a component never panics on a
//! missing API.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

/// Milliseconds since the Unix epoch, from the browser's clock. The edge of the
/// app reads the clock here and passes `now` down as an argument.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The user's timezone offset in minutes east of UTC (China is +480).
pub fn tz_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A high-resolution timestamp in milliseconds, for animation frames.
pub fn perf_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn matches_media(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// True when the user asked the system for less motion: animations then move
/// step by step, with no tweening.
pub fn prefers_reduced_motion() -> bool {
    matches_media("(prefers-reduced-motion: reduce)")
}

/// True when the system prefers a dark colour scheme.
pub fn system_prefers_dark() -> bool {
    matches_media("(prefers-color-scheme: dark)")
}

/// True when a key event happens while the user types in a field, so global
/// shortcuts stay out of the way.
pub fn is_typing(event: &KeyboardEvent) -> bool {
    if event.ctrl_key() || event.meta_key() || event.alt_key() {
        return true;
    }
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let tag = target.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || target.get_attribute("contenteditable").is_some()
}

/// The document's root element (`<html>`).
pub fn root_element() -> Option<Element> {
    web_sys::window()?.document()?.document_element()
}

/// Focuses the element with this id, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Sets the document's title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// The shell's options in the page's own query string (`/?embed#/…`), which
/// hold for the page's life as the hash's do.
pub fn page_query() -> crate::route::HashQuery {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| crate::route::HashQuery::parse(&s))
        .unwrap_or_default()
}

/// The location's hash (`#/tcp/handshake?embed`), empty when there is none.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Reloads the page (the loader then starts the bundle the URL needs).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Removes the static first screen (index.html's `#boot`) once the app has
/// drawn its own.
pub fn remove_boot() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
