//! `#/algo`: every algorithm, sorts then searches, each with its one-line
//! explanation and average cost.

use crate::router::*;
use yew::prelude::*;

use crate::algo::AlgoId;
use crate::i18n::algo as t;
use crate::route::Route;
use crate::shell::{use_lang, use_title};

#[component]
pub fn AlgoIndex() -> Html {
    let lang = use_lang();
    use_title(t::INDEX_TITLE.get(lang));
    let section =
        |title: crate::i18n::Text, searches: bool| {
            let items = AlgoId::ALL.into_iter().filter(|a| a.is_search() == searches).map(|a| {
            let to = Route::Algo {
                algorithm: a.slug().to_string(),
            };
            html! {
                <li class="card algo-tile">
                    <Link {to} classes="algo-tile-link">{ t::title(a).get(lang) }</Link>
                    <span class="algo-tile-cost">
                        { t::AVERAGE_SHORT.get(lang) }{ " " }<code>{ a.facts().average }</code>
                    </span>
                    <p class="muted">{ t::summary(a).get(lang) }</p>
                </li>
            }
        });
            html! {
                <section>
                    <h2>{ title.get(lang) }</h2>
                    <ul class="algo-tiles">{ for items }</ul>
                </section>
            }
        };
    html! {
        <section class="page algo algo-index">
            <h1>{ t::INDEX_TITLE.get(lang) }</h1>
            <p>{ t::INDEX_INTRO.get(lang) }</p>
            { section(t::SORTS, false) }
            { section(t::SEARCHES, true) }
        </section>
    }
}
