//! What the marks of the diagram mean. Each is drawn with its shape, not
//! only its colour.

use yew::prelude::*;

use crate::i18n::{tcp as t, Lang};

/// The legend, folded.
pub fn legend(lang: Lang) -> Html {
    let item = |class: &'static str, text: crate::i18n::Text| {
        html! {
            <li>
                <svg class={classes!("tcp-legend-mark", class)} viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
                    <line x1="1" y1="6" x2="27" y2="6" />
                </svg>
                { text.get(lang) }
            </li>
        }
    };
    html! {
        <details class="tcp-legend">
            <summary>{ t::LEGEND_HEADING.get(lang) }</summary>
            <ul>
                { item("client", t::LEGEND_CLIENT) }
                { item("server", t::LEGEND_SERVER) }
                { item("old", t::LEGEND_OLD) }
                { item("rto", t::LEGEND_RTO) }
                { item("tw", t::LEGEND_TW) }
                { item("delack", t::LEGEND_DELACK) }
                <li>{ t::LEGEND_LOST.get(lang) }</li>
                <li>{ t::LEGEND_RTX.get(lang) }</li>
                <li>{ t::LEGEND_SQUEEZE.get(lang) }</li>
            </ul>
        </details>
    }
}
