//! The review's keyboard: Space/Enter show the answer, 1–4 grade, z undoes.
//! One window listener for the page's life, reading the latest render.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::session::Review;
use crate::cards::Grade;
use crate::shell::{dom, use_app};

/// What the window's key handler needs from the latest render.
struct Latest {
    has_card: bool,
    revealed: bool,
    /// The help overlay is open.
    blocked: bool,
    on_reveal: Callback<()>,
    on_grade: Callback<Grade>,
    on_undo: Callback<()>,
}

/// Space/Enter, 1–4 and z on the window, ignored while typing or while the
/// help overlay is open.
#[hook]
pub fn use_review_keys(review: &Review) {
    let app = use_app();
    let latest = use_mut_ref(|| None::<Latest>);
    *latest.borrow_mut() = Some(Latest {
        has_card: review.card.is_some(),
        revealed: review.card.as_ref().is_some_and(|c| c.revealed),
        blocked: app.help_open,
        on_reveal: review.on_reveal.clone(),
        on_grade: review.on_grade.clone(),
        on_undo: review.on_undo.clone(),
    });
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&w, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if dom::is_typing(e) || e.repeat() {
                    return;
                }
                let (has_card, revealed, reveal, grade, undo) = match &*latest.borrow() {
                    Some(l) if !l.blocked => (
                        l.has_card,
                        l.revealed,
                        l.on_reveal.clone(),
                        l.on_grade.clone(),
                        l.on_undo.clone(),
                    ),
                    _ => return,
                };
                // Until the next render, a second key must not act on the
                // card just graded (or reveal it twice).
                let settle = |revealed: bool, card_done: bool| {
                    if let Some(l) = latest.borrow_mut().as_mut() {
                        l.revealed = revealed;
                        l.has_card &= !card_done;
                    }
                };
                let key = e.key();
                match key.as_str() {
                    // Space/Enter on a focused control (flag, suspend, a
                    // link) is that control's own: leave it to the browser.
                    " " | "Enter" if has_card && !revealed && !on_control(e) => {
                        e.prevent_default();
                        settle(true, false);
                        reveal.emit(());
                    }
                    "1" | "2" | "3" | "4" if has_card && revealed => {
                        let n = key.as_bytes()[0] - b'0';
                        if let Some(g) = Grade::from_number(n) {
                            e.prevent_default();
                            settle(false, true);
                            grade.emit(g);
                        }
                    }
                    "z" | "Z" => {
                        e.prevent_default();
                        undo.emit(());
                    }
                    _ => {}
                }
            })
        });
        move || drop(listener)
    });
}

/// Whether the key went to a control that Space/Enter activate by itself.
fn on_control(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(
                el.tag_name().to_ascii_lowercase().as_str(),
                "button" | "a" | "summary"
            )
        })
}
