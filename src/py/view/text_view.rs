//! The diagram of the current step as lists: each frame's names and the
//! object each refers to, then each object with its slots. What a screen
//! reader reads instead of the drawing.

use yew::prelude::*;

use crate::i18n::{py as t, Lang};
use crate::py::layout::Layout;

/// The lists for layout `l`, folded.
pub fn text_view(lang: Lang, l: &Layout) -> Html {
    let name_of = |id: u32| {
        l.object(id)
            .map_or(format!("#{id}"), |o| format!("{} #{}", o.title, o.id))
    };
    html! {
        <details class="py-text-view">
            <summary>{ t::TEXT_VIEW.get(lang) }</summary>
            <h3>{ t::FRAMES.get(lang) }</h3>
            <ul>
                { for l.frames.iter().map(|f| html! {
                    <li>
                        { &f.name }
                        <ul>
                            { for f.rows.iter().map(|r| html! {
                                <li>{ format!("{} → {}", r.label, r.target.map(name_of).unwrap_or_default()) }</li>
                            }) }
                        </ul>
                    </li>
                }) }
            </ul>
            <h3>{ t::OBJECTS.get(lang) }</h3>
            <ul>
                { for l.objects.iter().map(|o| {
                    let mut tags = Vec::new();
                    if let Some(v) = &o.value { tags.push(v.clone()); }
                    if o.immutable { tags.push(t::IMMUTABLE.get(lang).to_string()); }
                    if o.cached { tags.push(t::SHARED.get(lang).to_string()); }
                    if o.garbage { tags.push(t::CYCLE.get(lang).to_string()); }
                    html! {
                        <li>
                            { format!("{} #{}", o.title, o.id) }
                            if !tags.is_empty() { { format!(" ({})", tags.join(", ")) } }
                            if !o.rows.is_empty() {
                                <ul>
                                    { for o.rows.iter().map(|r| html! {
                                        <li>{ match r.target {
                                            Some(tg) => format!("{} → {}", r.label, name_of(tg)),
                                            None => r.label.clone(),
                                        } }</li>
                                    }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
