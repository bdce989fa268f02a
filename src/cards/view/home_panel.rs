//! The home page's flashcards panel: what is due today with one button to
//! start, the interview countdown, and a nudge to export when the browser
//! may not keep the progress.

use crate::router::*;
use yew::prelude::*;

use super::{catalogue, use_cards};
use crate::cards::interview::outlook;
use crate::cards::queue::{self, QueueOptions};
use crate::i18n::cards as t;
use crate::route::Route;
use crate::shell::{dom, use_lang};
use crate::storage::Mode;

/// An export older than this is "old" (Safari clears script storage after
/// 7 days without a visit).
const EXPORT_STALE_MS: i64 = 7 * 86_400_000;

#[component]
pub fn DuePanel() -> Html {
    let lang = use_lang();
    let cards = use_cards();
    let store = crate::shell::use_store();
    let catalogue = use_memo((), |_| catalogue());
    let now = dom::now_ms();
    let settings = &cards.progress.settings;
    let q = queue::build(
        &cards.deck,
        &catalogue,
        settings,
        &cards.scheduler,
        now,
        QueueOptions::default(),
    );
    let look = outlook(&cards.deck, &catalogue, settings, &cards.scheduler);
    let c = q.counts;
    let memory_only = store.0.borrow().mode() != Mode::Persistent;
    // Progress older than the last export by a week or more (or never
    // exported, a day after the first review) is worth saving elsewhere.
    let first_event = cards.progress.log.iter().map(|(_, e)| e.at_ms).min();
    let stale_export = match (cards.progress.exported_ms, first_event) {
        (_, None) => false,
        (Some(exported), Some(_)) => now - exported > EXPORT_STALE_MS,
        (None, Some(first)) => now - first > EXPORT_STALE_MS / 7,
    };
    let nudge =
        first_event.is_some() && (memory_only || (cards.persisted != Some(true) && stale_export));
    html! {
        <section class="card due-panel" aria-labelledby="due-title">
            <h2 id="due-title">{ t::HOME_PANEL_TITLE.get(lang) }</h2>
            if c.total() > 0 {
                <ul class="counts">
                    <li class="count new"><span class="count-n">{ c.new }</span>
                        <span class="count-label">{ t::COUNT_NEW.get(lang) }</span></li>
                    <li class="count learning"><span class="count-n">{ c.learning }</span>
                        <span class="count-label">{ t::COUNT_LEARNING.get(lang) }</span></li>
                    <li class="count due"><span class="count-n">{ c.review }</span>
                        <span class="count-label">{ t::COUNT_REVIEW.get(lang) }</span></li>
                </ul>
                <Link to={Route::Review} classes="button primary start-review">
                    { t::START_REVIEW.get(lang) }
                </Link>
            } else {
                <p>{ t::HOME_NOTHING_DUE.get(lang) }</p>
                if let Some(due) = q.next_due_ms {
                    <p class="muted">{ t::next_due(lang, now, due, cards.calendar.utc_offset_min()) }</p>
                }
            }
            if let Some(o) = look {
                <div class="interview" aria-labelledby="interview-title">
                    <h3 id="interview-title">{ t::INTERVIEW_TITLE.get(lang) }</h3>
                    if o.days_left == 0 {
                        <p class="interview-days">{ t::INTERVIEW_TODAY.get(lang) }</p>
                    } else {
                        <p class="interview-days">{ t::days_left(lang, o.days_left, o.interview.date()) }</p>
                    }
                    <dl class="interview-facts">
                        <div><dt>{ t::NOT_LEARNED.get(lang) }</dt><dd>{ t::cards_count(lang, o.not_learned) }</dd></div>
                        <div><dt>{ t::PREDICTED_RECALL.get(lang) }</dt><dd>{ t::percent(o.predicted_recall) }</dd></div>
                        if o.extra_reviews > 0 {
                            <div><dt>{ t::EXTRA_REVIEWS.get(lang) }</dt><dd>{ t::cards_count(lang, o.extra_reviews) }</dd></div>
                        }
                    </dl>
                    if o.quota.raised {
                        <p class="callout">{ t::quota_raised(lang, o.quota.per_day, settings.new_per_day) }</p>
                    }
                </div>
            }
            <p class="panel-links">
                <Link to={Route::Stats}>{ t::STATS_TITLE.get(lang) }</Link>
                <Link to={Route::Settings}>{ t::SETTINGS_LINK.get(lang) }</Link>
            </p>
            if nudge {
                <p class="callout export-nudge">
                    { t::EXPORT_NUDGE.get(lang) }{ " " }
                    <Link to={Route::Settings}>{ t::EXPORT_NOW.get(lang) }</Link>
                </p>
            }
        </section>
    }
}
