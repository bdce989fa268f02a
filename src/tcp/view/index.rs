//! `#/tcp`: every scenario, with what it shows.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::{tcp as t, Lang};
use crate::route::Route;
use crate::shell::{use_lang, use_title};
use crate::tcp::ScenarioId;

#[component]
pub fn TcpIndex() -> Html {
    let lang = use_lang();
    use_title(t::PAGE_TITLE.get(lang));
    html! {
        <section class="page tcp-index">
            <h1>{ t::PAGE_TITLE.get(lang) }</h1>
            <p class="lead">{ t::INTRO.get(lang) }</p>
            { scenario_list(lang) }
            <p class="tcp-more">
                <Link to={Route::NetIndex}>{ crate::i18n::net::MORE_PROTOCOLS.get(lang) }</Link>
            </p>
        </section>
    }
}

/// The scenarios as a list of links (also used by the not-found page).
pub fn scenario_list(lang: Lang) -> Html {
    html! {
        <ol class="tcp-scenarios">
            { for ScenarioId::ALL.into_iter().map(|id| html! {
                <li>
                    <Link to={Route::Tcp { scenario: id.slug().to_string() }} classes="tcp-scenario-link">
                        <span class="tcp-scenario-title">{ t::title(id).get(lang) }</span>
                        <span class="tcp-scenario-summary">{ t::summary(id).get(lang) }</span>
                    </Link>
                </li>
            }) }
        </ol>
    }
}
