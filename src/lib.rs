//! mianjing (面经): interview notes, spaced-repetition flashcards and animated
//! diagrams, running entirely in the browser.
//!
//! `App` is the whole app; `main.rs` only mounts it, so the browser tests can
//! mount it too. Features live in a folder each (`notes`, `cards`, `tcp`,
//! `algo`), with their pure cores beside their views; `storage` owns every
//! byte the app keeps; `shell` is the frame around the features.

pub mod algo;
pub mod bundle;
pub mod cards;
pub mod decimal;
pub mod entry;
pub mod i18n;
pub mod net;
pub mod notes;
pub mod player;
pub mod py;
pub mod rng;
pub mod route;
pub mod router;
pub mod shell;
pub mod small_sort;
pub mod storage;
pub mod tcp;

use crate::router::*;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use route::Route;
use shell::context::{AppAction, AppState, StoreHandle};
use shell::{dom, footer, header, help, notices, theme, update};
use storage::prefs::Prefs;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The storage owner to use; the page's localStorage when `None`.
    #[prop_or_default]
    pub store: Option<StoreHandle>,
}

/// The pages one bundle serves (see [`bundle`]): every bundle has the same
/// shell, and `page` decides what each route shows in it.
pub trait Pages: 'static {
    /// Which bundle this is, so a route of another bundle reloads into it.
    const BUNDLE: bundle::Bundle;
    /// The page for a route; routes of other bundles render
    /// [`shell::elsewhere::Elsewhere`].
    fn page(route: Route) -> Html;
}

/// The home page, notes, flashcards and settings: what `#/` loads.
pub type App = Site<entry::AppPages>;

/// One bundle's site, routed by the URL's hash.
#[component]
pub fn Site<P: Pages>(props: &AppProps) -> Html {
    let store = {
        let given = props.store.clone();
        use_memo((), move |_| {
            given.unwrap_or_else(|| StoreHandle::new(storage::open_default()))
        })
    };
    html! {
        <HashRouter>
            <ContextProvider<StoreHandle> context={(*store).clone()}>
                <Shell<P> />
            </ContextProvider<StoreHandle>>
        </HashRouter>
    }
}

#[component]
fn Shell<P: Pages>() -> Html {
    let store = shell::use_store();
    let app = {
        let store = store.clone();
        use_reducer(move || {
            let mut s = store.0.borrow_mut();
            let prefs = s.load::<Prefs>(dom::now_ms());
            AppState::new(prefs, dom::system_prefers_dark(), s.take_notices())
        })
    };
    theme::use_shown_options(app.clone());

    // Save the preferences when they change (not at start-up: an unchanged
    // value is not rewritten).
    {
        let first = use_mut_ref(|| true);
        let (app2, store) = (app.clone(), store.clone());
        use_effect_with(app.prefs.clone(), move |prefs| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            store.with(&app2, |s| s.save(prefs));
        });
    }

    use_global_keys(app.clone());
    // The static first screen goes once the app has drawn its own, after
    // the pages' effects (children run theirs first) took what they keep.
    use_effect_with((), |_| dom::remove_boot());

    let route = use_route().unwrap_or(Route::NotFound);
    let section = route.section();
    let embed = app.embed();
    html! {
        <ContextProvider<shell::AppContext> context={app}>
            <div class={classes!("app", embed.then_some("embed"))}>
                if embed {
                    <footer::EmbedBar />
                } else {
                    <header::Header {section} />
                }
                <update::UpdateBanner />
                <notices::Notices />
                <main id="main" class="main" tabindex="-1">
                    { P::page(route) }
                </main>
                if !embed {
                    <footer::Footer />
                }
                <help::HelpOverlay />
            </div>
        </ContextProvider<shell::AppContext>>
    }
}

/// Keys that work on every page: `?` for help, `/` for search, `g` then `h`
/// (within a second) for home.
#[hook]
fn use_global_keys(app: shell::AppContext) {
    let navigator = use_navigator();
    // Re-registered when the help opens or closes: a listener made once at
    // mount would read `help_open` as it was then.
    let help_open = app.help_open;
    use_effect_with(help_open, move |&help_open| {
        let last_g = std::cell::Cell::new(f64::NEG_INFINITY);
        let listener = web_sys::window().map(|w| {
            // Not passive: `/` must not also type itself into the box it focuses.
            let opts = gloo::events::EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", opts, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                // While the modal help is open, only `?` (to close it) acts.
                if dom::is_typing(e) || (help_open && e.key() != "?") {
                    return;
                }
                match e.key().as_str() {
                    "?" => {
                        e.prevent_default();
                        app.dispatch(AppAction::ToggleHelp);
                    }
                    "g" => last_g.set(dom::perf_now()),
                    "h" if dom::perf_now() - last_g.get() < 1000.0 => {
                        last_g.set(f64::NEG_INFINITY);
                        if let Some(nav) = &navigator {
                            nav.push(&Route::Home);
                        }
                    }
                    "/" => {
                        e.prevent_default();
                        let has_box = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id("search-input"))
                            .is_some();
                        if has_box {
                            dom::focus_by_id("search-input");
                        } else if let Some(nav) = &navigator {
                            nav.push(&Route::Search);
                        }
                    }
                    _ => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// Mounts one bundle's site on `#app` with the error panel installed first.
pub fn start<P: Pages>() {
    shell::panic::install();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    yew::Renderer::<Site<P>>::with_root(root).render();
}
