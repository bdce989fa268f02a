//! The fields of the message the current step is about: what it carries,
//! over what, and under which keys.

use yew::prelude::*;

use super::TraceRef;
use crate::i18n::{net as t, Lang};
use crate::net::seq::{Event, Protection};

/// The fields of the message the step before `pos` sends, delivers, loses
/// or holds; nothing for any other step.
pub fn details(lang: Lang, trace: &TraceRef, pos: usize) -> Html {
    let tr = &trace.0;
    let Some(step) = pos.checked_sub(1).and_then(|i| tr.steps.get(i)) else {
        return html! {};
    };
    let id = match step.event {
        Event::Sent { id } | Event::Delivered { id } | Event::Lost { id } | Event::Held { id } => {
            id
        }
        _ => return html! {},
    };
    let Some(m) = tr.message(id) else {
        return html! {};
    };
    let keys = match m.protection {
        Protection::Clear => None,
        Protection::Early => Some(t::KEYS_EARLY.get(lang)),
        Protection::Handshake => Some(t::KEYS_HANDSHAKE.get(lang)),
        Protection::Application => Some(t::KEYS_APPLICATION.get(lang)),
    };
    html! {
        <div class="net-details">
            <p class="net-details-name">
                <code>{ m.label() }</code>
                { " · " }{ m.carrier.name() }
                if let Some(k) = keys {
                    { " · " }{ k }
                }
            </p>
            if !m.fields.is_empty() {
                <dl class="net-fields" aria-label={t::FIELDS.get(lang)}>
                    { for m.fields.iter().map(|f| html! {
                        <>
                            <dt><code>{ f.name }</code></dt>
                            <dd><code>{ f.value.clone() }</code></dd>
                        </>
                    }) }
                </dl>
            }
        </div>
    }
}
