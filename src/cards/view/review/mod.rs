//! The review screen: question, "Show answer", four grades; counts of what is
//! left today; a topic filter; undo. Keyboard: Space/Enter show the answer,
//! 1–4 grade, z undoes.
//!
//! `?topic=<slug>` reviews one topic; `?card=<id>` shows that card first
//! ("review now" from the reader).
//!
//! The page puts together `session::use_review` (the queue, the card on
//! screen, what can be done to it) and `keys::use_review_keys`; the markup
//! is plain functions, in `bar`, `card`, `grades` and `done`.

mod bar;
mod card;
mod done;
mod grades;
mod keys;
mod session;

use yew::prelude::*;

use crate::shell::{dom, use_lang};
use bar::review_bar;
use card::{flashcard, ANSWER_ID, SHOW_ID};
use done::nothing_due;
use keys::use_review_keys;
use session::use_review;

#[component]
pub fn ReviewPage() -> Html {
    let lang = use_lang();
    let review = use_review();
    use_review_keys(&review);

    // Focus follows the card, so Enter and screen readers start there.
    {
        let id = review.card.as_ref().map(|c| c.id.clone());
        use_effect_with((id, review.log_len), |_| dom::focus_by_id(SHOW_ID));
    }
    // Once shown, the answer takes the focus (a screen reader reads it; a
    // grade button with the focus would turn Enter into a grade).
    let revealed = review.card.as_ref().is_some_and(|c| c.revealed);
    use_effect_with(revealed, |shown| {
        if *shown {
            dom::focus_by_id(ANSWER_ID);
        }
    });

    let body = match &review.card {
        Some(card) => flashcard(lang, card, &review),
        None => nothing_due(lang, &review),
    };
    html! {
        <section class="page review">
            { review_bar(lang, &review) }
            { body }
        </section>
    }
}
