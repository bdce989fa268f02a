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
    // The same page without `embed`, opened in a new tab.
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| full_app_href(&h))
        .unwrap_or_else(|| "./".into());
    html! {
        <header class="embed-bar">
            <a href={href} target="_blank" rel="noopener">{ t::EMBED_OPEN_FULL.get(lang) }</a>
        </header>
    }
}

/// The address of the page `href` shows, in the full app: the hash's query
/// dropped (`embed`, and the options an embed was given), and `embed` taken
/// out of the page's own query (`/?embed#/tcp/handshake`), which would
/// otherwise open the widget again.
fn full_app_href(href: &str) -> String {
    let (base, hash) = href.split_once('#').unwrap_or((href, ""));
    let path = hash.split('?').next().unwrap_or("");
    let (page, query) = base.split_once('?').unwrap_or((base, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or("");
            !p.is_empty()
                && crate::route::pairs(key)
                    .first()
                    .is_none_or(|(k, _)| k != "embed")
        })
        .collect();
    if kept.is_empty() {
        format!("{page}#{path}")
    } else {
        format!("{page}?{}#{path}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::full_app_href;

    #[test]
    fn the_full_app_link_drops_embed_wherever_it_was() {
        let cases = [
            (
                "https://x.dev/m/#/tcp/handshake?embed&theme=dark",
                "https://x.dev/m/#/tcp/handshake",
            ),
            (
                "https://x.dev/m/?embed#/tcp/handshake",
                "https://x.dev/m/#/tcp/handshake",
            ),
            (
                "https://x.dev/?embed=1&utm=a#/algo/quick-sort",
                "https://x.dev/?utm=a#/algo/quick-sort",
            ),
            (
                "https://x.dev/?utm=a&%65mbed#/py/closures",
                "https://x.dev/?utm=a#/py/closures",
            ),
            (
                "https://x.dev/?embedded=1#/net/tls13?embed",
                "https://x.dev/?embedded=1#/net/tls13",
            ),
            ("https://x.dev/", "https://x.dev/#"),
        ];
        for (href, want) in cases {
            assert_eq!(full_app_href(href), want, "{href}");
        }
    }
}
