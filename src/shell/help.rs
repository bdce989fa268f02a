//! The keyboard help overlay (`?`): every shortcut of every feature.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::context::{use_app, AppAction};
use super::dom;
use super::shortcuts::GROUPS;
use crate::i18n::shell as t;

#[component]
pub fn HelpOverlay() -> Html {
    let app = use_app();
    let lang = app.lang();
    let open = app.help_open;
    // Focus the dialog when it opens, so Esc and Tab work at once; on close,
    // give the focus back to where it was (else it falls to <body> and Tab
    // starts over from the top of the page).
    let opener = use_mut_ref(|| None::<web_sys::HtmlElement>);
    use_effect_with(open, move |open| {
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if *open {
            *opener.borrow_mut() = active;
            dom::focus_by_id("help-close");
        } else if let Some(el) = opener.borrow_mut().take() {
            let lost = active.is_none_or(|a| a.id() == "help-close" || a.tag_name() == "BODY");
            if lost && el.is_connected() {
                let _ = el.focus();
            }
        }
    });
    // Esc closes, whatever has focus. Tab stays in the dialog (it is modal;
    // its one control is ✕, and the arrow keys scroll it from there).
    {
        let app = app.clone();
        use_effect_with(open, move |open| {
            let listener = open.then(|| {
                web_sys::window().map(|w| {
                    let opts = EventListenerOptions::enable_prevent_default();
                    EventListener::new_with_options(&w, "keydown", opts, move |e| {
                        if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                            match e.key().as_str() {
                                "Escape" => app.dispatch(AppAction::SetHelp(false)),
                                "Tab" => {
                                    e.prevent_default();
                                    dom::focus_by_id("help-close");
                                }
                                _ => {}
                            }
                        }
                    })
                })
            });
            move || drop(listener)
        });
    }
    if !open {
        return html! {};
    }
    let close = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(AppAction::SetHelp(false)))
    };
    let backdrop_close = {
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            let on_backdrop = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    el.get_attribute("class")
                        .is_some_and(|c| c.split_whitespace().any(|c| c == "overlay"))
                });
            if on_backdrop {
                app.dispatch(AppAction::SetHelp(false));
            }
        })
    };
    html! {
        <div class="overlay" onclick={backdrop_close}>
            <div class="dialog help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <div class="dialog-head">
                    <h2 id="help-title">{ t::HELP_TITLE.get(lang) }</h2>
                    <button id="help-close" type="button" class="icon-button" onclick={close}
                        aria-label={t::CLOSE.get(lang)}>{ "✕" }</button>
                </div>
                { for GROUPS.iter().map(|g| html! {
                    <section class="help-group">
                        <h3>{ g.title.get(lang) }</h3>
                        <dl>
                            { for g.shortcuts.iter().map(|s| html! {
                                <div class="help-row">
                                    <dt>{ for s.keys.iter().map(|k| html! { <kbd>{ *k }</kbd> }) }</dt>
                                    <dd>{ s.action.get(lang) }</dd>
                                </div>
                            }) }
                        </dl>
                    </section>
                }) }
            </div>
        </div>
    }
}
