//! `#/stats`: cards by state, the 30-day forecast, the year's heatmap, true
//! retention, progress per topic, flagged and suspended cards.

use yew::prelude::*;

use super::forecast::Forecast;
use super::heatmap::HeatmapChart;
use super::state::CardsAction;
use super::{catalogue, notes_href, use_cards};
use crate::cards::stats::{self, StateCounts};
use crate::cards::{CardRef, EventKind};
use crate::i18n::cards as t;
use crate::i18n::Lang;
use crate::notes::data;
use crate::shell::{dom, use_lang};

#[component]
pub fn StatsPage() -> Html {
    let lang = use_lang();
    let cards = use_cards();
    let catalogue = use_memo((), |_| catalogue());
    let today = cards.scheduler.today();
    let cal = cards.calendar;
    let states = stats::state_counts(&cards.deck, &catalogue);
    let due = stats::due_forecast(&cards.deck, &catalogue, cal, today, 30);
    let heatmap = stats::review_heatmap(&cards.deck, cal, today, 365);
    let retention = stats::true_retention(&cards.deck, cal, today, 30);
    let topics = stats::topic_progress(&cards.deck, &catalogue);
    let flagged = stats::flagged(&cards.deck, &catalogue);
    let suspended = stats::suspended(&cards.deck, &catalogue);

    let mark = |id: &'static str, kind: EventKind| {
        let cards = cards.clone();
        Callback::from(move |_: MouseEvent| {
            cards.dispatch(CardsAction::Mark {
                card: id.to_owned(),
                kind,
                now_ms: dom::now_ms(),
            })
        })
    };
    let card_list = |list: &[CardRef<'static>], kind: EventKind, button: &'static str| {
        html! {
            <ul class="card-list">
                { for list.iter().map(|c| {
                    let title = data::link(c.id).map(|q| q.title).unwrap_or(c.id);
                    html! {
                        <li>
                            if let Some(href) = notes_href(c.id) {
                                <a {href}>{ title }</a>
                            } else {
                                <span>{ title }</span>
                            }
                            <button type="button" class="button small" onclick={mark(c.id, kind)}>{ button }</button>
                        </li>
                    }
                }) }
            </ul>
        }
    };

    html! {
        <section class="page stats">
            <h1>{ t::STATS_TITLE.get(lang) }</h1>
            <section class="card" aria-labelledby="states-title">
                <h2 id="states-title">{ t::STATES_TITLE.get(lang) }</h2>
                { state_bar(lang, &states) }
            </section>
            <section class="card" aria-labelledby="forecast-title">
                <h2 id="forecast-title">{ t::FORECAST_TITLE.get(lang) }</h2>
                <Forecast {due} {today} />
            </section>
            <section class="card" aria-labelledby="heatmap-title">
                <h2 id="heatmap-title">{ t::HEATMAP_TITLE.get(lang) }</h2>
                <HeatmapChart {heatmap} />
            </section>
            <section class="card" aria-labelledby="retention-title">
                <h2 id="retention-title">{ t::RETENTION_TITLE.get(lang) }</h2>
                if let Some(rate) = retention.rate() {
                    <p class="big-number">{ t::retention(lang, rate, retention.passed, retention.failed) }</p>
                } else {
                    <p class="muted">{ t::RETENTION_NONE.get(lang) }</p>
                }
            </section>
            <section class="card" aria-labelledby="topics-title">
                <h2 id="topics-title">{ t::TOPICS_TITLE.get(lang) }</h2>
                <ul class="topic-progress">
                    { for topics.iter().map(|tp| {
                        let title = data::topic(tp.topic).map(|t| t.title).unwrap_or(tp.topic);
                        let share = tp.learned_share();
                        let c = tp.counts;
                        let learned = c.total() - c.suspended - c.new;
                        html! {
                            <li>
                                <span class="topic-name">{ title }</span>
                                <span class="topic-count">{ format!("{learned}/{}", c.total() - c.suspended) }</span>
                                <span class="meter" role="progressbar" aria-label={title}
                                    aria-valuemin="0" aria-valuemax="100"
                                    aria-valuenow={format!("{:.0}", share * 100.0)}>
                                    <span class="meter-fill" style={format!("width:{:.1}%", share * 100.0)}></span>
                                </span>
                            </li>
                        }
                    }) }
                </ul>
            </section>
            <section class="card" aria-labelledby="flagged-title">
                <h2 id="flagged-title">{ t::FLAGGED_TITLE.get(lang) }</h2>
                if flagged.is_empty() {
                    <p class="muted">{ t::FLAGGED_NONE.get(lang) }</p>
                } else {
                    { card_list(&flagged, EventKind::Unflag, t::UNFLAG.get(lang)) }
                }
            </section>
            <section class="card" aria-labelledby="suspended-title">
                <h2 id="suspended-title">{ t::SUSPENDED_TITLE.get(lang) }</h2>
                if suspended.is_empty() {
                    <p class="muted">{ t::SUSPENDED_NONE.get(lang) }</p>
                } else {
                    { card_list(&suspended, EventKind::Unsuspend, t::UNSUSPEND.get(lang)) }
                }
            </section>
        </section>
    }
}

/// Cards by state: a stacked bar with a legend that carries the numbers.
fn state_bar(lang: Lang, s: &StateCounts) -> Html {
    let total = s.total().max(1) as f32;
    let parts = [
        ("new", t::COUNT_NEW.get(lang), s.new),
        ("learning", t::COUNT_LEARNING.get(lang), s.learning),
        ("review", t::REVIEWING.get(lang), s.review),
        ("relearning", t::RELEARNING.get(lang), s.relearning),
        ("suspended", t::SUSPENDED.get(lang), s.suspended),
    ];
    html! {
        <>
            <div class="state-bar" aria-hidden="true">
                { for parts.iter().filter(|p| p.2 > 0).map(|(class, _, n)| html! {
                    <span class={format!("seg {class}")} style={format!("width:{:.2}%", *n as f32 / total * 100.0)}></span>
                }) }
            </div>
            <ul class="state-legend">
                { for parts.iter().map(|(class, label, n)| html! {
                    <li><span class={format!("swatch {class}")} aria-hidden="true"></span>
                        <span class="legend-label">{ *label }</span>
                        <span class="legend-n">{ *n }</span></li>
                }) }
            </ul>
        </>
    }
}
