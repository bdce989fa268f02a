//! Dismissible notices about stored data, at the top of every page. In an
//! embed they shrink to one short line, and an embed that keeps progress says
//! that its progress is its own (browsers partition an iframe's storage from
//! the full app's).

use crate::router::*;
use yew::prelude::*;

use super::context::{use_app, use_store, AppAction};
use crate::i18n::shell as t;
use crate::route::Section;

#[component]
pub fn Notices() -> Html {
    let app = use_app();
    let store = use_store();
    let lang = app.lang();
    let embed = app.embed();
    let route = use_route();
    let own_progress = embed
        && store.0.borrow().is_persistent()
        && route.is_some_and(|r| r.section() == Section::Review);
    if app.notices.is_empty() && !own_progress {
        return html! {};
    }
    html! {
        <div class="notices" role="status" aria-live="polite">
            if own_progress {
                <p class="embed-own-progress muted">{ t::EMBED_OWN_PROGRESS.get(lang) }</p>
            }
            { for app.notices.iter().enumerate().map(|(i, n)| {
                let dismiss = {
                    let app = app.clone();
                    Callback::from(move |_| app.dispatch(AppAction::DismissNotice(i)))
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
