//! "New version — reload": shown when the service worker has a new build
//! waiting. The app never switches versions under the user's feet; the
//! service-worker glue (tools/boot.js) announces the waiting version with a
//! `mianjing:update-ready` event and applies it on `mianjing:apply-update`.

use gloo::events::EventListener;
use yew::prelude::*;

use super::context::use_lang;
use crate::i18n::shell as t;

fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__mianjingUpdate".into()).ok())
        .is_some_and(|v| !v.is_undefined() && !v.is_null())
}

#[component]
pub fn UpdateBanner() -> Html {
    let lang = use_lang();
    let ready = use_state(update_waiting);
    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "mianjing:update-ready", move |_| ready.set(true)));
            move || drop(listener)
        });
    }
    if !*ready {
        return html! {};
    }
    let apply = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new("mianjing:apply-update") {
                let _ = w.dispatch_event(&event);
            }
        }
    });
    let later = {
        let ready = ready.clone();
        Callback::from(move |_| ready.set(false))
    };
    html! {
        <div class="update-banner" role="status">
            <span>{ t::UPDATE_READY.get(lang) }</span>
            <button type="button" class="button primary" onclick={apply}>{ t::UPDATE_RELOAD.get(lang) }</button>
            <button type="button" class="button" onclick={later}>{ t::UPDATE_LATER.get(lang) }</button>
        </div>
    }
}
