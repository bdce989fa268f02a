//! An id that is not an algorithm: say so, and list the ones that are.

use crate::router::*;
use yew::prelude::*;

use crate::algo::AlgoId;
use crate::i18n::{algo as t, Lang};
use crate::route::Route;

/// The page for `slug`, which names no algorithm.
pub fn unknown_algo(lang: Lang, slug: &str) -> Html {
    html! {
        <section class="page algo algo-unknown">
            <h1>{ t::UNKNOWN_TITLE.get(lang) }</h1>
            <p class="callout">{ t::unknown_body(lang, slug) }</p>
            <ul class="algo-links">
                { for AlgoId::ALL.into_iter().map(|a| html! {
                    <li>
                        <Link to={Route::Algo { algorithm: a.slug().to_string() }}>
                            { t::title(a).get(lang) }
                        </Link>
                        { " " }<code class="muted">{ a.slug() }</code>
                    </li>
                }) }
            </ul>
        </section>
    }
}
