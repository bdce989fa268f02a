//! A menu to switch scenario, grouped by layer. The sandbox's flips and
//! the seed belong to one scenario and are left behind; the shell's
//! options (`lang`, `theme`, `embed`) come along.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::net as t;
use crate::net::{query, Layer, Options, ScenarioId};
use crate::route::Route;
use crate::shell::use_lang;

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
        let keep = query::merged_into(&Options::default(), &props.query);
        open_chosen(navigator, keep, |slug| {
            ScenarioId::from_slug(slug).map(|id| Route::Net {
                scenario: id.slug().to_string(),
            })
        })
    };
    let group = |layer: Layer| {
        let ids: Vec<ScenarioId> = ScenarioId::ALL
            .into_iter()
            .filter(|id| id.layer() == layer)
            .collect();
        if ids.is_empty() {
            return html! {};
        }
        html! {
            <optgroup label={t::layer(layer).get(lang)}>
                { for ids.into_iter().map(|id| html! {
                    <option value={id.slug()} selected={id == props.current}>{ t::title(id).get(lang) }</option>
                }) }
            </optgroup>
        }
    };
    html! {
        <div class="net-picker">
            <label>
                <span class="visually-hidden">{ t::PICKER_LABEL.get(lang) }</span>
                <select {onchange} aria-label={t::PICKER_LABEL.get(lang)}>
                    { for Layer::ALL.into_iter().map(group) }
                </select>
            </label>
            <Link to={Route::NetIndex} classes="net-all">{ t::ALL_SCENARIOS.get(lang) }</Link>
        </div>
    }
}
