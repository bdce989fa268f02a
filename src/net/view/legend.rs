//! What the marks of the diagram mean. Each is drawn with its shape or a
//! glyph, not only its colour.

use yew::prelude::*;

use crate::i18n::{net as t, Lang};

/// The legend, folded.
pub fn legend(lang: Lang) -> Html {
    let line = |class: &'static str, text: crate::i18n::Text| {
        html! {
            <li>
                <svg class={classes!("net-legend-mark", class)} viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
                    <line class="net-line" x1="1" y1="6" x2="27" y2="6" />
                    if class == "enc" {
                        <line class="net-line-inner" x1="1" y1="6" x2="27" y2="6" />
                    }
                </svg>
                { text.get(lang) }
            </li>
        }
    };
    html! {
        <details class="net-legend">
            <summary>{ t::LEGEND_HEADING.get(lang) }</summary>
            <ul>
                { line("plain", t::LEGEND_PLAIN) }
                { line("enc", t::LEGEND_ENCRYPTED) }
                <li>{ t::LEGEND_HELD.get(lang) }</li>
                <li>{ t::LEGEND_LOST.get(lang) }</li>
                <li>{ t::LEGEND_RETRY.get(lang) }</li>
                <li>{ t::LEGEND_MARK.get(lang) }</li>
                <li>{ t::LEGEND_TIMER.get(lang) }</li>
                <li>{ t::LEGEND_SQUEEZE.get(lang) }</li>
            </ul>
        </details>
    }
}
