//! `#/py`: every scenario, with what it shows.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::{py as t, Lang};
use crate::py::scenarios::ScenarioId;
use crate::route::Route;
use crate::shell::{use_lang, use_title};

#[component]
pub fn PyIndex() -> Html {
    let lang = use_lang();
    use_title(t::PAGE_TITLE.get(lang));
    html! {
        <section class="page py-index">
            <h1>{ t::PAGE_TITLE.get(lang) }</h1>
            <p class="lead">{ t::INTRO.get(lang) }</p>
            { scenario_list(lang) }
        </section>
    }
}

/// The scenarios as links (also on the not-found page).
pub fn scenario_list(lang: Lang) -> Html {
    html! {
        <ol class="py-scenarios">
            { for ScenarioId::ALL.into_iter().map(|id| html! {
                <li>
                    <Link to={Route::Py { scenario: id.slug().to_string() }} classes="py-scenario-link">
                        <span class="py-scenario-title">{ t::title(id).get(lang) }</span>
                        <span class="py-scenario-summary">{ t::summary(id).get(lang) }</span>
                    </Link>
                </li>
            }) }
        </ol>
    }
}
