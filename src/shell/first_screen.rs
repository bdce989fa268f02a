//! Drawing a page in two tasks: what the first screen shows, then the rest;
//! and the page's title.

use yew::prelude::*;

/// False while a page draws its first screen, true from the next task on:
/// what lies below the fold (a diagram's table of every event) is drawn
/// then, so starting a page is two shorter tasks rather than one long one
/// (the start-up budget in `make bench` is 150 ms on a 4× slower CPU).
#[hook]
pub fn use_after_first_screen() -> bool {
    let ready = use_state_eq(|| false);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let timeout = gloo::timers::callback::Timeout::new(0, move || ready.set(true));
            move || drop(timeout)
        });
    }
    *ready
}

/// Sets the document's title to `title` (a page's heading, in the language
/// shown) and again whenever it changes.
#[hook]
pub fn use_title(title: &'static str) {
    use_effect_with(title, |title| super::dom::set_title(title));
}
