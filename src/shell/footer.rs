//! The footer, and the one-line bar that replaces header and footer in embeds.

use yew::prelude::*;

use super::context::use_app;
use crate::i18n::shell as t;

#[component]
pub fn Footer() -> Html {
    let lang = use_app().lang();
    html! {
        <footer class="site-footer">
            <p>{ t::FOOTER_OFFLINE.get(lang) }</p>
            <p class="muted">{ t::FOOTER_HELP.get(lang) }</p>
        </footer>
    }
}

/// In embed mode: a small link back to the full app, same route.
#[component]
pub fn EmbedBar() -> Html {
    let lang = use_app().lang();
    // The same page without `?embed`, opened in a new tab.
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| {
            let (base, hash) = h.split_once('#').unwrap_or((h.as_str(), ""));
            let path = hash.split('?').next().unwrap_or("");
            format!("{base}#{path}")
        })
        .unwrap_or_else(|| "./".into());
    html! {
        <header class="embed-bar">
            <a href={href} target="_blank" rel="noopener">{ t::EMBED_OPEN_FULL.get(lang) }</a>
        </header>
    }
}
