//! What the marks of the diagram mean; each mark has a shape or a glyph,
//! not only a colour.

use yew::prelude::*;

use crate::i18n::{py as t, Lang};

/// The legend, folded; reference counts are explained where they are shown.
pub fn legend(lang: Lang, show_refs: bool) -> Html {
    html! {
        <details class="py-legend">
            <summary>{ t::LEGEND_HEADING.get(lang) }</summary>
            <ul>
                <li>
                    <svg class="py-legend-mark" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
                        <line class="py-arrow name" x1="1" y1="6" x2="27" y2="6" />
                    </svg>
                    { t::LEGEND_NAME.get(lang) }
                </li>
                <li>
                    <svg class="py-legend-mark" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
                        <line class="py-arrow slot" x1="1" y1="6" x2="27" y2="6" />
                    </svg>
                    { t::LEGEND_SLOT.get(lang) }
                </li>
                <li>{ t::LEGEND_IMMUTABLE.get(lang) }</li>
                <li>{ t::LEGEND_CACHED.get(lang) }</li>
                <li>{ t::LEGEND_GARBAGE.get(lang) }</li>
                <li>{ t::LEGEND_ACTIVE.get(lang) }</li>
                <li>{ t::LEGEND_CHANGED.get(lang) }</li>
                if show_refs {
                    <li>{ t::LEGEND_REFS.get(lang) }</li>
                }
            </ul>
        </details>
    }
}
