//! Applies the theme and language to `<html>` and follows the system's colour
//! scheme while the user has not chosen one.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::context::{AppAction, AppContext};
use super::dom;
use crate::i18n::Lang;
use crate::storage::prefs::Theme;

/// Writes `data-theme` and `lang` on `<html>` (CSS and screen readers read
/// them).
pub fn apply(theme: Theme, lang: Lang) {
    if let Some(root) = dom::root_element() {
        let _ = root.set_attribute("data-theme", theme.name());
        let _ = root.set_attribute("lang", lang.tag());
    }
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
