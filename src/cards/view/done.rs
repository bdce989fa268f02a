//! What the review screen says when nothing is due: when the next card
//! comes, and ways to go on (more new cards, review ahead).

use crate::router::*;
use yew::prelude::*;

use crate::i18n::cards as t;
use crate::route::Route;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct NothingDueProps {
    pub next_due_ms: Option<i64>,
    pub now_ms: i64,
    pub utc_offset_min: i32,
    /// New cards beyond today's limit.
    pub new_available: u32,
    /// Cards that could be reviewed before they are due.
    pub ahead_available: u32,
    /// A topic filter is on.
    pub in_topic: bool,
    /// The notes have any card at all.
    pub has_cards: bool,
    pub on_more: Callback<()>,
    pub on_ahead: Callback<()>,
}

#[component]
pub fn NothingDue(props: &NothingDueProps) -> Html {
    let lang = use_lang();
    if !props.has_cards {
        return html! { <div class="card done"><p>{ t::NOTHING_EVER.get(lang) }</p></div> };
    }
    let title = if props.in_topic {
        t::NOTHING_IN_TOPIC
    } else {
        t::ALL_DONE
    };
    html! {
        <div class="card done" role="status">
            <p class="done-title">{ title.get(lang) }</p>
            if let Some(due) = props.next_due_ms {
                <p class="done-next">{ t::next_due(lang, props.now_ms, due, props.utc_offset_min) }</p>
            }
            <div class="done-actions">
                if props.new_available > 0 {
                    <button type="button" class="button primary" onclick={props.on_more.reform(|_: MouseEvent| ())}>
                        { t::STUDY_MORE_NEW.get(lang) }
                    </button>
                }
                if props.ahead_available > 0 {
                    <button type="button" class="button" onclick={props.on_ahead.reform(|_: MouseEvent| ())}>
                        { t::REVIEW_AHEAD.get(lang) }
                    </button>
                }
                <Link to={Route::Stats} classes="button">{ t::SEE_STATS.get(lang) }</Link>
                <Link to={Route::Home} classes="button">{ t::BACK_HOME.get(lang) }</Link>
            </div>
        </div>
    }
}
