//! The review page's header: its title, what is left today (the count of
//! the card on screen highlighted), the topic filter, statistics and undo.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::session::Review;
use crate::cards::Phase;
use crate::i18n::cards as t;
use crate::i18n::{Lang, Text};
use crate::notes::data;
use crate::route::Route;
use crate::router::*;

/// The header of the session `review`.
pub fn review_bar(lang: Lang, review: &Review) -> Html {
    let counts = review.queue.counts;
    let phase = review.card.as_ref().map(|c| c.phase);
    let count = |class: &'static str, label: Text, n: u32, active: bool| {
        html! {
            <li class={classes!("count", class, active.then_some("active"))}>
                <span class="count-n">{ n }</span>
                <span class="count-label">{ label.get(lang) }</span>
            </li>
        }
    };
    html! {
        <header class="review-bar">
            <h1>{ t::REVIEW_TITLE.get(lang) }</h1>
            <ul class="counts" aria-label={t::COUNTS_LABEL.get(lang)}>
                { count("new", t::COUNT_NEW, counts.new, phase == Some(Phase::New)) }
                { count("learning", t::COUNT_LEARNING, counts.learning,
                    matches!(phase, Some(Phase::Learning | Phase::Relearning))) }
                { count("due", t::COUNT_REVIEW, counts.review, phase == Some(Phase::Review)) }
            </ul>
            <div class="review-tools">
                { topic_filter(lang, review.topic.as_deref(), &review.on_topic) }
                <Link to={Route::Stats} classes="button stats-link">{ t::STATS_SHORT.get(lang) }</Link>
                <button type="button" class="button undo" onclick={review.on_undo.reform(|_: MouseEvent| ())}
                    disabled={!review.can_undo} title={t::UNDO_HINT.get(lang)}
                    aria-keyshortcuts="z">
                    { "↶ " }{ t::UNDO.get(lang) }
                </button>
            </div>
        </header>
    }
}

/// Every topic with a card, or all of them (`topic` `None`).
fn topic_filter(lang: Lang, topic: Option<&str>, on_topic: &Callback<String>) -> Html {
    let onchange = on_topic.reform(|e: Event| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default()
    });
    let topics = data::topics().iter().filter(|t| t.answered_count() > 0);
    html! {
        <label class="topic-filter">
            <span class="visually-hidden">{ t::TOPIC_FILTER.get(lang) }</span>
            <select {onchange} aria-label={t::TOPIC_FILTER.get(lang)}>
                <option value="" selected={topic.is_none()}>{ t::ALL_TOPICS.get(lang) }</option>
                { for topics.map(|tp| html! {
                    <option value={tp.slug} selected={topic == Some(tp.slug)}>
                        { tp.title }
                    </option>
                }) }
            </select>
        </label>
    }
}
