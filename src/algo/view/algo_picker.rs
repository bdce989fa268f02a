//! A menu to switch algorithm, keeping the input (and the shell's options).

use crate::router::*;
use yew::prelude::*;

use crate::algo::AlgoId;
use crate::i18n::{algo as t, Lang};
use crate::route::Route;

pub struct AlgoPickerProps {
    pub current: AlgoId,
    /// The current query string, carried over to the new algorithm.
    pub query: String,
}

/// The menu; `navigator` is the page's (the router's handle).
pub fn algo_picker(lang: Lang, navigator: Option<Navigator>, props: &AlgoPickerProps) -> Html {
    let onchange = {
        let query = props.query.trim_start_matches('?').to_string();
        open_chosen(navigator, query, |slug| {
            AlgoId::from_slug(slug).map(|algo| Route::Algo {
                algorithm: algo.slug().to_string(),
            })
        })
    };
    let group = |label: crate::i18n::Text, searches: bool| {
        html! {
            <optgroup label={label.get(lang)}>
                { for AlgoId::ALL.into_iter().filter(|a| a.is_search() == searches).map(|a| html! {
                    <option value={a.slug()} selected={a == props.current}>{ t::title(a).get(lang) }</option>
                }) }
            </optgroup>
        }
    };
    html! {
        <label class="algo-picker">
            <span class="visually-hidden">{ t::ALGO_PICKER.get(lang) }</span>
            <select {onchange} aria-label={t::ALGO_PICKER.get(lang)}>
                { group(t::SORTS, false) }
                { group(t::SEARCHES, true) }
            </select>
            <Link to={Route::AlgoIndex} classes="algo-all">{ t::ALL_ALGOS.get(lang) }</Link>
        </label>
    }
}
