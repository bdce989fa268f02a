//! The card under review: its topic and phase, the question, then either
//! "Show answer" or the answer with the four grades; flag and suspend.

use yew::prelude::*;

use super::grades::grade_buttons;
use super::session::{Review, Shown};
use crate::cards::view::notes_href;
use crate::cards::{EventKind, Phase};
use crate::i18n::cards as t;
use crate::i18n::Lang;
use crate::notes::data;

/// The id of the "Show answer" button (focused on each new card).
pub const SHOW_ID: &str = "show-answer";
/// The id of the answer (focused when shown).
pub const ANSWER_ID: &str = "card-answer";

/// The card `card` of the session `review`.
pub fn flashcard(lang: Lang, card: &Shown, review: &Review) -> Html {
    let id = card.id.as_str();
    let question = data::question(id);
    let topic_title = question.map(|q| q.topic_title()).unwrap_or_default();
    html! {
        <article class="flashcard" aria-labelledby="card-question">
            <p class="card-meta">
                <span class="card-topic">{ topic_title }</span>
                <span class={classes!("card-phase", format!("phase-{}", phase_class(card.phase)))}>
                    { t::phase(lang, card.phase) }
                </span>
                if card.early {
                    <span class="card-early">{ t::EARLY.get(lang) }</span>
                }
                if card.flagged {
                    <span class="card-flagged">{ t::FLAGGED.get(lang) }</span>
                }
            </p>
            <h2 id="card-question" class="card-question" tabindex="-1">
                { question.map(|q| q.title).unwrap_or_default() }
            </h2>
            if question.is_none() {
                <p class="callout">{ t::CARD_LOST.get(lang) }</p>
            }
            if card.revealed {
                <div id={ANSWER_ID} class="card-answer" tabindex="-1">
                    if let Some(q) = question {
                        <div class="prose">
                            { Html::from_html_unchecked(AttrValue::Static(q.html)) }
                        </div>
                    }
                    if let Some(href) = notes_href(id) {
                        <p class="card-link"><a {href}>{ t::OPEN_IN_NOTES.get(lang) }{ " →" }</a></p>
                    }
                </div>
                { grade_buttons(lang, card.due_in, &review.on_grade) }
            } else {
                <button id={SHOW_ID} type="button" class="button primary show-answer"
                    onclick={review.on_reveal.reform(|_: MouseEvent| ())}
                    aria-keyshortcuts="Space Enter">
                    { t::SHOW_ANSWER.get(lang) }
                    <kbd aria-hidden="true">{ "Space" }</kbd>
                </button>
            }
            { card_tools(lang, card.flagged, &review.on_mark) }
        </article>
    }
}

/// Flag (or unflag) and suspend.
fn card_tools(lang: Lang, flagged: bool, on_mark: &Callback<EventKind>) -> Html {
    let mark = |kind: EventKind| on_mark.reform(move |_: MouseEvent| kind);
    html! {
        <div class="card-tools">
            if flagged {
                <button type="button" class="button small" onclick={mark(EventKind::Unflag)}>
                    { t::UNFLAG.get(lang) }
                </button>
            } else {
                <button type="button" class="button small" onclick={mark(EventKind::Flag)}>
                    { "⚑ " }{ t::FLAG.get(lang) }
                </button>
            }
            <button type="button" class="button small" onclick={mark(EventKind::Suspend)}>
                { t::SUSPEND.get(lang) }
            </button>
        </div>
    }
}

fn phase_class(phase: Phase) -> &'static str {
    match phase {
        Phase::New => "new",
        Phase::Learning => "learning",
        Phase::Review => "review",
        Phase::Relearning => "relearning",
    }
}
