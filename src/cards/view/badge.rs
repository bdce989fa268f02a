//! A question's card state for the reader ("new", "due in 3 days") with a
//! link to review it now. The reader places `<CardBadge id={q.id} />`.

use yew::prelude::*;

use super::use_cards;
use crate::cards::{CardState, Phase};
use crate::i18n::cards as t;
use crate::route::percent_encode;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct CardBadgeProps {
    /// The question id.
    pub id: AttrValue,
}

#[component]
pub fn CardBadge(props: &CardBadgeProps) -> Html {
    let lang = use_lang();
    let cards = use_cards();
    let record = cards.deck.get(&props.id);
    let today = cards.scheduler.today();
    let due_in = match record.state {
        CardState::New => None,
        CardState::Review { due, .. } => Some(due.since(today)),
        CardState::Learning { due_ms, .. } | CardState::Relearning { due_ms, .. } => {
            Some(cards.calendar.day_of(due_ms).since(today))
        }
    };
    let phase = record.state.phase();
    let label = if record.suspended {
        t::SUSPENDED.get(lang).to_owned()
    } else {
        t::badge(lang, phase, due_in)
    };
    let href = format!("#/review?card={}", percent_encode(&props.id));
    let class = classes!(
        "card-badge",
        (phase == Phase::New).then_some("is-new"),
        due_in.is_some_and(|d| d <= 0).then_some("is-due")
    );
    html! {
        <p {class}>
            <span class="card-badge-state">{ label }</span>
            if !record.suspended {
                <a class="card-badge-link" {href}>{ t::REVIEW_NOW.get(lang) }</a>
            }
        </p>
    }
}
