//! A menu to switch scenario. The sandbox's flips and the seed belong to
//! one scenario and are left behind; the shell's options come along.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::tcp as t;
use crate::route::Route;
use crate::shell::use_lang;
use crate::tcp::query::ViewQuery;
use crate::tcp::ScenarioId;

#[derive(Properties, PartialEq)]
pub struct PickerProps {
    pub current: ScenarioId,
    /// The current query string.
    pub query: String,
}

#[component]
pub fn Picker(props: &PickerProps) -> Html {
    let lang = use_lang();
    let navigator = use_navigator();
    let onchange = {
        // Keep the number display, drop what only made sense here.
        let old = ViewQuery::parse(&props.query);
        let keep = ViewQuery {
            mode: old.mode,
            ..ViewQuery::default()
        }
        .merged_into(&props.query);
        open_chosen(navigator, keep, |slug| {
            ScenarioId::from_slug(slug).map(|id| Route::Tcp {
                scenario: id.slug().to_string(),
            })
        })
    };
    html! {
        <div class="tcp-picker">
            <label>
                <span class="visually-hidden">{ t::PICKER_LABEL.get(lang) }</span>
                <select {onchange} aria-label={t::PICKER_LABEL.get(lang)}>
                    { for ScenarioId::ALL.into_iter().map(|id| html! {
                        <option value={id.slug()} selected={id == props.current}>{ t::title(id).get(lang) }</option>
                    }) }
                </select>
            </label>
            <Link to={Route::TcpIndex} classes="tcp-all">{ t::ALL_SCENARIOS.get(lang) }</Link>
        </div>
    }
}
