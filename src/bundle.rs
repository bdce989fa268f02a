//! Which wasm bundle serves which URL.
//!
//! A first visit downloads only what its page shows: a blog post with one TCP
//! diagram must not carry flashcards and 131 notes. So the site is several
//! entry binaries built from this one crate (`src/bin/*.rs`), each a shell plus
//! one family of routes; link-time optimisation drops whatever its routes do
//! not reach. A tiny loader (`tools/loader.js`) picks the bundle from the URL
//! before any wasm is fetched, with the same rule as [`Bundle::for_hash`]; a
//! test keeps the two in step.
//!
//! An embedded diagram (`?embed` in the hash's query or the page's own, on
//! a diagram's route) gets a lighter bundle still: the same pages in the
//! widget frame ([`crate::shell::widget`]), without the app around them.
//! [`Bundle::widget_name`] names it; `*_embed` in `src/bin/`. Each widget
//! is built once per language (`tcp_embed_zh`, `tcp_embed_en`: the features
//! `only-zh`/`only-en`, see [`crate::i18n::Lang::fixed`]); the loader adds
//! the page's language to the name this module gives.
//!
//! Moving between bundles (a link from home to `#/tcp`) reloads the page,
//! and the loader starts the other bundle: a few hundred milliseconds on the
//! first crossing, instant from the service worker's cache after that.

/// One entry binary of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// Home, statistics, settings, "not found": what links to the notes
    /// without showing their answers.
    App,
    /// The reader, search and the review: everything that shows answers
    /// (the notes' text is most of this bundle's bytes).
    Notes,
    /// The TCP diagrams (`#/tcp/…`).
    Tcp,
    /// The sorting and searching runs (`#/algo/…`).
    Algo,
    /// The protocol diagrams on top of TCP (`#/net/…`).
    Net,
    /// The Python object diagrams (`#/py/…`).
    Py,
}

impl Bundle {
    /// Every bundle, in the order the build makes them.
    pub const ALL: [Bundle; 6] = [
        Bundle::App,
        Bundle::Notes,
        Bundle::Tcp,
        Bundle::Algo,
        Bundle::Net,
        Bundle::Py,
    ];

    /// The name of the entry binary and of its files in `dist/`.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::App => "app",
            Bundle::Notes => "notes",
            Bundle::Tcp => "tcp",
            Bundle::Algo => "algo",
            Bundle::Net => "net",
            Bundle::Py => "py",
        }
    }

    /// The name of this bundle's widget build, served to `?embed` URLs, for
    /// the bundles whose pages are diagrams; the others show their pages in
    /// the full frame, embedded or not.
    pub fn widget_name(self) -> Option<&'static str> {
        match self {
            Bundle::Tcp => Some("tcp_embed"),
            Bundle::Algo => Some("algo_embed"),
            Bundle::Net => Some("net_embed"),
            Bundle::Py => Some("py_embed"),
            Bundle::App | Bundle::Notes => None,
        }
    }

    /// The name of the files a URL loads: its bundle's, or that bundle's
    /// widget build when the URL asks for an embed. `query` is the page's
    /// own (`?embed` of `/?embed#/tcp/handshake`).
    pub fn file_name_for(hash: &str, query: &str) -> &'static str {
        let bundle = Bundle::for_hash(hash);
        let hash_query = hash.split_once('?').map_or("", |(_, q)| q);
        let embed = crate::route::HashQuery::parse(hash_query)
            .or(&crate::route::HashQuery::parse(query))
            .embed;
        match bundle.widget_name() {
            Some(widget) if embed => widget,
            _ => bundle.name(),
        }
    }

    /// The bundle that serves a location's hash (`#/tcp/handshake?embed`):
    /// chosen by the first path segment alone, so the loader in JavaScript
    /// can apply the same rule without knowing the routes.
    pub fn for_hash(hash: &str) -> Bundle {
        let path = hash.trim_start_matches('#');
        let path = path.split(['?', '#']).next().unwrap_or("");
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        match first {
            "notes" | "search" | "review" => Bundle::Notes,
            "tcp" => Bundle::Tcp,
            "algo" => Bundle::Algo,
            "net" => Bundle::Net,
            "py" => Bundle::Py,
            _ => Bundle::App,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_family_of_routes_has_its_bundle() {
        for (hash, bundle) in [
            ("", Bundle::App),
            ("#", Bundle::App),
            ("#/", Bundle::App),
            ("#/notes", Bundle::Notes),
            ("#/notes/networking/tcp-handshake", Bundle::Notes),
            ("#/search?q=tcp", Bundle::Notes),
            ("#/review?embed", Bundle::Notes),
            ("#/stats", Bundle::App),
            ("#/settings", Bundle::App),
            ("#/tcp", Bundle::Tcp),
            ("#/tcp/handshake?embed&theme=dark", Bundle::Tcp),
            ("#/tcp?embed", Bundle::Tcp),
            ("#/algo/quick-sort", Bundle::Algo),
            ("#/algo?x=1", Bundle::Algo),
            ("#/net", Bundle::Net),
            ("#/net/tls13?embed", Bundle::Net),
            ("#/py/closures?code=x%3D1", Bundle::Py),
            // Near misses stay with the app, which shows "not found".
            ("#/tcpx", Bundle::App),
            ("#tcp", Bundle::Tcp),
            ("#/algorithms", Bundle::App),
        ] {
            assert_eq!(Bundle::for_hash(hash), bundle, "{hash}");
        }
    }

    #[test]
    fn embedded_diagrams_get_their_widget_build() {
        for (hash, query, name) in [
            ("#/tcp/handshake?embed", "", "tcp_embed"),
            ("#/tcp/handshake", "?embed", "tcp_embed"),
            ("#/tcp/handshake?embed=1&theme=dark", "", "tcp_embed"),
            ("#/tcp/handshake?embed=0", "", "tcp"),
            ("#/tcp/handshake?embed=false", "", "tcp"),
            ("#/tcp/handshake", "", "tcp"),
            ("#/tcp/handshake", "?lang=en", "tcp"),
            ("#/algo/quick-sort", "?embed", "algo_embed"),
            ("#/net/tls13?embed", "", "net_embed"),
            ("#/py/closures?code=x%3D1&embed", "", "py_embed"),
            // Pages that are not diagrams keep their frame when embedded.
            ("#/review?embed", "", "notes"),
            ("#/settings?embed", "", "app"),
            ("", "?embed", "app"),
        ] {
            assert_eq!(Bundle::file_name_for(hash, query), name, "{query}{hash}");
        }
    }

    /// The loader repeats the rule in JavaScript; if the two disagreed, a
    /// page would reload forever or show the wrong bundle.
    #[test]
    fn the_loader_names_the_same_bundles() {
        let loader = include_str!("../tools/loader.js");
        for b in Bundle::ALL {
            assert!(
                loader.contains(&format!("'{}'", b.name())),
                "tools/loader.js does not know the bundle {:?}",
                b.name()
            );
            if let Some(widget) = b.widget_name() {
                assert!(
                    loader.contains(&format!("'{widget}'")),
                    "tools/loader.js does not know the widget build {widget:?}"
                );
                let bin = format!("src/bin/{widget}.rs");
                assert!(
                    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join(&bin)
                        .exists(),
                    "no entry binary {bin}"
                );
            }
        }
    }
}
