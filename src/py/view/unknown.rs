//! A scenario id nobody defined: say so, and offer the real ones.

use yew::prelude::*;

use super::index::scenario_list;
use crate::i18n::py as t;
use crate::shell::{use_lang, use_title};

#[derive(Properties, PartialEq)]
pub struct UnknownProps {
    pub slug: String,
}

#[component]
pub fn UnknownScenario(props: &UnknownProps) -> Html {
    let lang = use_lang();
    use_title(t::UNKNOWN_TITLE.get(lang));
    html! {
        <section class="page py-unknown">
            <h1>{ t::UNKNOWN_TITLE.get(lang) }</h1>
            <p role="alert">{ t::unknown_body(lang, &props.slug) }</p>
            { scenario_list(lang) }
        </section>
    }
}
