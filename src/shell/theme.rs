//! Applies the theme and language to `<html>` and follows the system's colour
//! scheme while the user has not chosen one.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::context::{AppAction, AppContext};
use super::dom;
use crate::i18n::Lang;
use crate::route::HashQuery;
use crate::storage::prefs::Theme;

/// Writes `data-theme` and `lang` on `<html>` (CSS and screen readers read
/// them).
pub fn apply(theme: Theme, lang: Lang) {
    if let Some(root) = dom::root_element() {
        let _ = root.set_attribute("data-theme", theme.name());
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// What both frames (the app's and a widget's) do with the display
/// options: follow the system's colour scheme and the URL's options
/// (`?embed&theme=…&lang=…`, in the hash's query or the page's own, as in
/// `/?embed#/tcp/handshake`), and show the theme and language in force.
#[hook]
pub fn use_shown_options(app: AppContext) {
    use_system_theme(app.clone());
    let location = crate::router::use_location();
    let query = location
        .as_ref()
        .map(|l| HashQuery::parse(l.query_str()).or(&dom::page_query()))
        .unwrap_or_default();
    {
        let app = app.clone();
        use_effect_with(query, move |q| app.dispatch(AppAction::SetQuery(q.clone())));
    }
    let shown = (app.theme(), app.lang());
    use_effect_with(shown, |(theme, lang)| apply(*theme, *lang));
}

/// Keeps `AppState::system_dark` in step with the system setting.
#[hook]
pub fn use_system_theme(app: AppContext) {
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .map(|mql| {
                let target: web_sys::EventTarget = mql.clone().unchecked_into();
                EventListener::new(&target, "change", move |_| {
                    app.dispatch(AppAction::SystemDark(mql.matches()));
                })
            });
        move || drop(listener)
    });
}
