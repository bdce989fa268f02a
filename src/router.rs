//! Hash routing: the page's route lives in `location.hash` (`#/tcp/handshake?embed`),
//! so any static host serves every URL without rewrite rules.
//!
//! Written here rather than taken from `yew-router`: a hash router is a
//! context holding the current hash, refreshed on `hashchange` and
//! `popstate`, and a navigator that writes history entries; `yew-router`
//! brought a general history library with it (browser, memory and hash
//! histories, state serialisation through serde), ≈ 7 KB gzip in every
//! bundle, a widget's included. Links are plain `<a href="#/…">`: the
//! browser navigates them itself, opens them in a new tab on a middle
//! click, and the router hears the `hashchange`.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route::Route;

/// Where the page is: the hash's path and its query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    path: String,
    query: String,
}

impl Location {
    /// Reads a location's hash (`#/tcp/handshake?embed`, `#`, or empty).
    pub fn from_hash(hash: &str) -> Location {
        let rest = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = match rest.find('?') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        Location {
            path: if path.is_empty() { "/" } else { path }.to_string(),
            query: query.to_string(),
        }
    }

    /// The page's location now.
    pub fn current() -> Location {
        Location::from_hash(&crate::shell::dom::location_hash())
    }

    /// The path, `/tcp/handshake`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The query with its `?` (`?embed&theme=dark`), empty when there is none.
    pub fn query_str(&self) -> &str {
        &self.query
    }

    /// The route the path names (`NotFound` for any other path).
    pub fn route(&self) -> Route {
        Route::recognize(&self.path)
    }
}

/// The URL of a route, relative to the page: `#/tcp/handshake`. A
/// fragment-only URL keeps the page's path and query (`/blog/?embed`).
pub fn href(route: &Route) -> String {
    format!("#{}", route.to_path())
}

/// Moves the page to another route, as a new history entry or in place of
/// the current one.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    refresh: Callback<()>,
}

impl Navigator {
    pub fn push(&self, route: &Route) {
        self.go(route, "", false);
    }

    pub fn replace(&self, route: &Route) {
        self.go(route, "", true);
    }

    /// `query` without its `?` (`drop=3&seed=7`); empty for none.
    pub fn push_with_query(&self, route: &Route, query: &str) {
        self.go(route, query, false);
    }

    /// `query` without its `?`; empty for none.
    pub fn replace_with_query(&self, route: &Route, query: &str) {
        self.go(route, query, true);
    }

    fn go(&self, route: &Route, query: &str, replace: bool) {
        let mut url = href(route);
        if !query.is_empty() {
            url.push('?');
            url.push_str(query);
        }
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
        // The history API fires no event for the page's own changes.
        self.refresh.emit(());
    }
}

#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Location,
    navigator: Navigator,
}

#[derive(Properties, PartialEq)]
pub struct HashRouterProps {
    #[prop_or_default]
    pub children: Html,
}

/// Gives its children the location and a navigator, and redraws them when
/// the hash changes (a link, the back button, the address bar, a script).
#[component]
pub fn HashRouter(props: &HashRouterProps) -> Html {
    let location = use_state_eq(Location::current);
    let refresh = {
        let location = location.setter();
        use_memo((), move |_| {
            Callback::from(move |_: ()| location.set(Location::current()))
        })
    };
    {
        let refresh = (*refresh).clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|w| {
                let on = |name: &'static str| {
                    let refresh = refresh.clone();
                    EventListener::new(&w, name, move |_| refresh.emit(()))
                };
                [on("hashchange"), on("popstate")]
            });
            move || drop(listeners)
        });
    }
    let context = RouterContext {
        location: (*location).clone(),
        navigator: Navigator {
            refresh: (*refresh).clone(),
        },
    };
    html! {
        <ContextProvider<RouterContext> {context}>
            { props.children.clone() }
        </ContextProvider<RouterContext>>
    }
}

/// The current location; `None` outside a [`HashRouter`].
/// The change handler of a menu of pages (`<select>` whose values are
/// slugs): opens the route `to` makes of the chosen value, with `query`
/// (without its `?`; empty for none). A value `to` does not know does
/// nothing.
pub fn open_chosen(
    navigator: Option<Navigator>,
    query: String,
    to: impl Fn(&str) -> Option<Route> + 'static,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let chosen = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .and_then(|select| to(&select.value()));
        if let (Some(route), Some(nav)) = (chosen, &navigator) {
            nav.push_with_query(&route, &query);
        }
    })
}

#[hook]
pub fn use_location() -> Option<Location> {
    use_context::<RouterContext>().map(|c| c.location)
}

/// The current route; `None` outside a [`HashRouter`].
#[hook]
pub fn use_route() -> Option<Route> {
    use_location().map(|l| l.route())
}

/// A navigator; `None` outside a [`HashRouter`].
#[hook]
pub fn use_navigator() -> Option<Navigator> {
    use_context::<RouterContext>().map(|c| c.navigator)
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a route: a plain anchor, which the browser follows itself.
#[component]
pub fn Link(props: &LinkProps) -> Html {
    html! {
        <a href={href(&props.to)} class={props.classes.clone()}>{ props.children.clone() }</a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_splits_into_path_and_query() {
        for (hash, path, query) in [
            ("", "/", ""),
            ("#", "/", ""),
            ("#/", "/", ""),
            ("#/tcp/handshake", "/tcp/handshake", ""),
            (
                "#/tcp/handshake?embed&theme=dark",
                "/tcp/handshake",
                "?embed&theme=dark",
            ),
            ("#?embed", "/", "?embed"),
            ("#/search?q=a?b", "/search", "?q=a?b"),
            ("/notes", "/notes", ""),
        ] {
            let l = Location::from_hash(hash);
            assert_eq!((l.path(), l.query_str()), (path, query), "{hash}");
        }
    }

    #[test]
    fn a_location_names_its_route_and_a_route_its_href() {
        let l = Location::from_hash("#/tcp/handshake?embed");
        assert_eq!(
            l.route(),
            Route::Tcp {
                scenario: "handshake".into()
            }
        );
        assert_eq!(href(&l.route()), "#/tcp/handshake");
        assert_eq!(Location::from_hash("#/nowhere").route(), Route::NotFound);
        assert_eq!(Location::from_hash("").route(), Route::Home);
    }
}
