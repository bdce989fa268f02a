//! The pages of each bundle (see [`crate::bundle`]): each entry binary in
//! `src/bin/` starts the shell with one of these. A route another bundle
//! serves shows [`Elsewhere`], which reloads into it; only the pages named
//! here end up in a bundle's wasm.

use yew::prelude::*;

use crate::bundle::Bundle;
use crate::route::Route;
use crate::shell::elsewhere::Elsewhere;
use crate::shell::{home, not_found};
use crate::{algo, cards, net, notes, py, tcp, Pages};

/// Home, statistics, settings, "not found".
pub struct AppPages;

impl Pages for AppPages {
    const BUNDLE: Bundle = Bundle::App;

    fn page(route: Route) -> Html {
        let page = match route {
            Route::Home => html! { <home::Home /> },
            Route::Stats => html! { <cards::view::stats_page::StatsPage /> },
            Route::Settings => html! { <cards::view::settings_page::SettingsPage /> },
            Route::NotFound => html! { <not_found::NotFound /> },
            _ => html! { <Elsewhere current={Self::BUNDLE} /> },
        };
        // The same provider at the same place for every page, so it stays
        // mounted (and keeps the review log) while the user moves around.
        html! { <cards::view::CardsProvider>{ page }</cards::view::CardsProvider> }
    }
}

/// The reader, search and the review: the pages that show answers.
pub struct NotesPages;

impl Pages for NotesPages {
    const BUNDLE: Bundle = Bundle::Notes;

    fn page(route: Route) -> Html {
        let page = match route {
            Route::Notes | Route::Topic { .. } | Route::Question { .. } | Route::Search => {
                html! { <notes::view::NotesPage route={route} /> }
            }
            Route::Review => html! { <cards::view::review::ReviewPage /> },
            _ => html! { <Elsewhere current={Self::BUNDLE} /> },
        };
        html! { <cards::view::CardsProvider>{ page }</cards::view::CardsProvider> }
    }
}

/// The TCP diagrams.
pub struct TcpPages;

impl Pages for TcpPages {
    const BUNDLE: Bundle = Bundle::Tcp;

    fn page(route: Route) -> Html {
        match route {
            Route::TcpIndex => tcp::view::tcp_page(None),
            Route::Tcp { scenario } => tcp::view::tcp_page(Some(&scenario)),
            _ => html! { <Elsewhere current={Self::BUNDLE} /> },
        }
    }
}

/// The sorting and searching runs.
pub struct AlgoPages;

impl Pages for AlgoPages {
    const BUNDLE: Bundle = Bundle::Algo;

    fn page(route: Route) -> Html {
        match route {
            Route::AlgoIndex => html! { <algo::view::AlgoPage /> },
            Route::Algo { algorithm } => html! { <algo::view::AlgoPage algorithm={algorithm} /> },
            _ => html! { <Elsewhere current={Self::BUNDLE} /> },
        }
    }
}

/// The protocol diagrams: TLS, DNS, HTTP, WebSocket, ARP, the URL journey.
pub struct NetPages;

impl Pages for NetPages {
    const BUNDLE: Bundle = Bundle::Net;

    fn page(route: Route) -> Html {
        match route {
            Route::NetIndex => net::view::net_page(None),
            Route::Net { scenario } => net::view::net_page(Some(&scenario)),
            _ => html! { <Elsewhere current={Self::BUNDLE} /> },
        }
    }
}

/// The Python object diagrams.
pub struct PyPages;

impl Pages for PyPages {
    const BUNDLE: Bundle = Bundle::Py;

    fn page(route: Route) -> Html {
        match route {
            Route::PyIndex => py::view::py_page(None),
            Route::Py { scenario } => py::view::py_page(Some(&scenario)),
            _ => html! { <Elsewhere current={Self::BUNDLE} /> },
        }
    }
}
