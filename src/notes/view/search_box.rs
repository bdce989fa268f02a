//! The search box. The query lives in the URL (`#/search?q=…`) so a search
//! can be linked; typing rewrites the URL in place (no history entry per
//! keystroke), and the results follow the URL.
//!
//! Chinese is typed through an input method: while a composition is open the
//! box holds pinyin, not the query, so nothing is searched until it ends.

use crate::router::*;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::results::first_hit_route;
use crate::i18n::notes as t;
use crate::notes::search;
use crate::route as url;
use crate::route::Route;
use crate::shell::{dom, use_lang};

/// The id the shell's `/` shortcut focuses.
pub const INPUT_ID: &str = "search-input";

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The query shown (from the URL).
    pub query: String,
    /// The whole current query string, whose other keys are kept.
    pub query_str: String,
    /// Focus the box when it appears (on the search page, not the notes
    /// index, where a phone keyboard popping up would hide the contents).
    #[prop_or_default]
    pub autofocus: bool,
}

fn is_composing(e: &Event) -> bool {
    js_sys::Reflect::get(e, &"isComposing".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn input_value(e: &Event) -> Option<String> {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let lang = use_lang();
    let navigator = use_navigator();

    let go = {
        let (navigator, query_str) = (navigator.clone(), props.query_str.clone());
        Callback::from(move |value: String| {
            let Some(nav) = &navigator else { return };
            let query = url::with_param(&query_str, "q", &value);
            if query.is_empty() {
                nav.replace(&Route::Search);
            } else {
                nav.replace_with_query(&Route::Search, &query);
            }
        })
    };
    let oninput = {
        let go = go.clone();
        Callback::from(move |e: InputEvent| {
            if !is_composing(&e) {
                if let Some(v) = input_value(&e) {
                    go.emit(v);
                }
            }
        })
    };
    let onsubmit = {
        let (navigator, query) = (navigator.clone(), props.query.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let (Some(nav), Some(route)) = (&navigator, first_hit_route(&query)) {
                nav.push(&route);
            }
        })
    };
    let onkeydown = {
        let (go, has_query) = (go.clone(), !props.query.is_empty());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                dom::focus_by_id(&super::results::hit_id(0));
            }
            "Escape" if has_query => {
                e.prevent_default();
                go.emit(String::new());
            }
            _ => {}
        })
    };
    // Build the index while the user reaches for the keyboard, not on the
    // first keystroke.
    let onfocus = Callback::from(|_: FocusEvent| {
        search::notes_index();
    });
    // Yew has no `oncompositionend`: listen on the element itself.
    let input_ref = use_node_ref();
    {
        let (input_ref, go) = (input_ref.clone(), go.clone());
        use_effect_with(props.query_str.clone(), move |_| {
            let listener = input_ref.cast::<HtmlInputElement>().map(|input| {
                EventListener::new(&input, "compositionend", move |e| {
                    if let Some(v) = input_value(e) {
                        go.emit(v);
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let autofocus = props.autofocus;
        use_effect_with((), move |_| {
            if autofocus {
                dom::focus_by_id(INPUT_ID);
            }
        });
    }
    html! {
        <form class="search-box" role="search" {onsubmit}>
            <label for={INPUT_ID} class="visually-hidden">{ t::SEARCH_LABEL.get(lang) }</label>
            <span class="search-icon" aria-hidden="true">{ "⌕" }</span>
            <input id={INPUT_ID} type="search" value={props.query.clone()}
                placeholder={t::SEARCH_PLACEHOLDER.get(lang)}
                autocomplete="off" spellcheck="false" enterkeyhint="search"
                aria-describedby="search-hint"
                ref={input_ref} {oninput} {onkeydown} {onfocus} />
            <p id="search-hint" class="search-hint">{ t::SEARCH_HINT.get(lang) }</p>
        </form>
    }
}
