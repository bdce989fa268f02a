//! What the review screen says when nothing is due: when the next card
//! comes, and ways to go on (more new cards, review ahead).

use yew::prelude::*;

use super::session::Review;
use crate::i18n::cards as t;
use crate::i18n::Lang;
use crate::route::Route;
use crate::router::*;

/// The session `review` has no card to show now.
pub fn nothing_due(lang: Lang, review: &Review) -> Html {
    if !review.has_cards {
        return html! { <div class="card done"><p>{ t::NOTHING_EVER.get(lang) }</p></div> };
    }
    let q = &review.queue;
    let title = if review.topic.is_some() {
        t::NOTHING_IN_TOPIC
    } else {
        t::ALL_DONE
    };
    html! {
        <div class="card done" role="status">
            <p class="done-title">{ title.get(lang) }</p>
            if let Some(due) = q.next_due_ms {
                <p class="done-next">{ t::next_due(lang, review.now_ms, due, review.utc_offset_min) }</p>
            }
            <div class="done-actions">
                if q.new_available > 0 {
                    <button type="button" class="button primary" onclick={review.on_more.reform(|_: MouseEvent| ())}>
                        { t::STUDY_MORE_NEW.get(lang) }
                    </button>
                }
                if q.ahead_available > 0 {
                    <button type="button" class="button" onclick={review.on_ahead.reform(|_: MouseEvent| ())}>
                        { t::REVIEW_AHEAD.get(lang) }
                    </button>
                }
                <Link to={Route::Stats} classes="button">{ t::SEE_STATS.get(lang) }</Link>
                <Link to={Route::Home} classes="button">{ t::BACK_HOME.get(lang) }</Link>
            </div>
        </div>
    }
}
