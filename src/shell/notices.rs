//! Dismissible notices about stored data, at the top of every page.

use yew::prelude::*;

use super::context::{use_app, Action};
use crate::i18n::shell as t;

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    let lang = app.lang();
    let embed = app.embed();
    if app.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for app.notices.iter().enumerate().map(|(i, n)| {
                let dismiss = {
                    let app = app.clone();
                    Callback::from(move |_| app.dispatch(Action::DismissNotice(i)))
                };
                html! {
                    <div class="notice">
                        <span class="notice-icon" aria-hidden="true">{ "⚠" }</span>
                        <p class="notice-text">{
                            if embed { t::notice_short(lang, n) } else { t::notice(lang, n) }
                        }</p>
                        <button type="button" class="notice-dismiss" onclick={dismiss}>
                            { t::DISMISS.get(lang) }
                        </button>
                    </div>
                }
            }) }
        </div>
    }
}
