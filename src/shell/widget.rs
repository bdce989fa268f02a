//! The frame of an embedded widget: what `?embed` URLs of the diagram
//! bundles start (`#/tcp/handshake?embed`, `/?embed#/algo/quick-sort`).
//!
//! A blog reader who scrolls to one diagram pays for that diagram alone, so
//! the widget is the page and nothing around it: the one-line bar linking
//! to the full app, no header, footer, help overlay, update banner or
//! notices, and no storage owner. Its pages are the full app's, with the
//! same [`AppContext`], so a diagram behaves the same in both.
//!
//! Decided here, and said in the README:
//! - the widget never reads or writes storage itself. The saved theme and
//!   language reach it through `<html>`: `static/early.js` read them before
//!   the first paint (`data-theme`, `data-boot-lang`), and the widget starts
//!   from those. A sandboxed iframe that refuses storage is then no case at
//!   all, and the storage owner's codecs stay out of the bundle;
//! - the shortcuts that belong to the whole app (`?` help, `g h` home, `/`
//!   search) are not there; a diagram's own keys (the player's) are.

use crate::router::*;
use yew::prelude::*;

use super::context::{AppContext, AppState};
use super::{dom, footer, theme};
use crate::i18n::Lang;
use crate::storage::prefs::{Prefs, ThemePref};
use crate::Pages;

/// One widget bundle's site, routed by the URL's hash.
#[component]
pub fn WidgetSite<P: Pages>() -> Html {
    html! {
        <HashRouter>
            <Widget<P> />
        </HashRouter>
    }
}

#[component]
fn Widget<P: Pages>() -> Html {
    let app = use_reducer(|| {
        let mut state = AppState::new(boot_prefs(), dom::system_prefers_dark(), Vec::new());
        state.query.embed = true;
        state
    });
    theme::use_shown_options(app.clone());
    use_effect_with((), |_| dom::remove_boot());

    let route = use_route().unwrap_or_default();
    html! {
        <ContextProvider<AppContext> context={app}>
            <div class="app embed">
                <footer::EmbedBar />
                <main id="main" class="main" tabindex="-1">
                    { P::page(route) }
                </main>
            </div>
        </ContextProvider<AppContext>>
    }
}

/// The saved preferences as `static/early.js` put them on `<html>` before
/// the first paint: a theme chosen (not "follow the system") as
/// `data-theme`, English as `data-boot-lang="en"`. The URL's own options
/// are applied on top, as in the full app.
fn boot_prefs() -> Prefs {
    let root = dom::root_element();
    let attr = |name: &str| root.as_ref().and_then(|r| r.get_attribute(name));
    let theme = attr("data-theme")
        .and_then(|t| ThemePref::parse(&t))
        .unwrap_or_default();
    let lang = match attr("data-boot-lang").as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    Prefs { theme, lang }
}

/// Mounts a widget bundle's site on `#app`, the error panel installed first.
pub fn start<P: Pages>() {
    super::panic::install_widget();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    yew::Renderer::<WidgetSite<P>>::with_root(root).render();
}

/// The widgets' allocator: Talc, declared by each widget binary
/// (`src/bin/*_embed.rs`). Against Rust's default dlmalloc it makes a widget
/// 2.6 KB gz smaller, and `make bench`'s algorithm traces and Python runs
/// measured as fast or faster (an A/B of both builds, three rounds). The
/// full app keeps dlmalloc: there the start-up with a 10,000-review log
/// measured slower with Talc in some rounds, and its bytes matter less.
#[cfg(target_arch = "wasm32")]
pub type Allocator = talc::wasm::WasmDynamicTalc;

/// A new [`Allocator`], for a `#[global_allocator]` static.
#[cfg(target_arch = "wasm32")]
pub const fn allocator() -> Allocator {
    talc::wasm::new_wasm_dynamic_allocator()
}
