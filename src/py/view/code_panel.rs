//! The code beside the diagram, the line just run marked with a colour and
//! an arrow; or, while editing, a text box to change it. Code that cannot
//! run keeps the editor open with the error, which names the line.

use wasm_bindgen::JsValue;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::i18n::py as t;
use crate::py::PyError;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct CodePanelProps {
    pub code: String,
    /// The line of the step shown.
    pub line: Option<u32>,
    /// The run's error, if any.
    pub error: Option<PyError>,
    /// The code does not parse (no steps): the diagram is the previous one.
    pub parse_failed: bool,
    pub edited: bool,
    pub on_run: Callback<String>,
    pub on_reset: Callback<()>,
}

#[component]
pub fn CodePanel(props: &CodePanelProps) -> Html {
    let lang = use_lang();
    let editing = use_state(|| false);
    let draft = use_state(|| props.code.clone());
    {
        let (editing, draft) = (editing.clone(), draft.clone());
        use_effect_with(
            (props.code.clone(), props.parse_failed),
            move |(code, failed)| {
                if *failed {
                    draft.set(code.clone());
                    editing.set(true);
                }
            },
        );
    }
    let open = {
        let (editing, draft, code) = (editing.clone(), draft.clone(), props.code.clone());
        Callback::from(move |_: MouseEvent| {
            draft.set(code.clone());
            editing.set(true);
        })
    };
    let run = {
        let (editing, draft, on_run) = (editing.clone(), draft.clone(), props.on_run.clone());
        Callback::from(move |_: ()| {
            editing.set(false);
            on_run.emit((*draft).clone());
        })
    };
    let on_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            // A <textarea>'s value, read without another web-sys feature.
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
                .and_then(|v| v.as_string());
            if let Some(v) = value {
                draft.set(v);
            }
        })
    };
    let on_key = {
        let run = run.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                run.emit(());
            }
        })
    };
    let cancel = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(false))
    };
    let reset = {
        let (editing, on_reset) = (editing.clone(), props.on_reset.clone());
        Callback::from(move |_: MouseEvent| {
            editing.set(false);
            on_reset.emit(());
        })
    };
    let error_line = props.error.as_ref().map(|e| e.line);
    let error_box = props.error.as_ref().map(|e| {
        html! {
            <div class="py-error" role="alert" id="py-code-error">
                <p>{ t::error(lang, e) }</p>
                if props.parse_failed {
                    <p class="muted">{ t::KEPT_PREVIOUS.get(lang) }</p>
                }
            </div>
        }
    });
    let body = if *editing {
        let rows = draft.lines().count().max(4) + 1;
        html! {
            <div class="py-editor">
                <label for="py-code-input">{ t::EDITOR_LABEL.get(lang) }</label>
                <textarea id="py-code-input" class="py-code-input" spellcheck="false" autocapitalize="off"
                    autocomplete="off" rows={rows.to_string()} value={(*draft).clone()}
                    oninput={on_input} onkeydown={on_key}
                    aria-describedby={if props.error.is_some() { "py-code-help py-code-error" } else { "py-code-help" }} />
                <p class="py-code-help muted" id="py-code-help">{ t::EDITOR_HELP.get(lang) }</p>
                <div class="py-editor-buttons">
                    <button type="button" class="button primary" onclick={run.reform(|_: MouseEvent| ())}>
                        { t::RUN.get(lang) }{ " (Ctrl+Enter)" }
                    </button>
                    if !props.parse_failed {
                        <button type="button" class="button" onclick={cancel}>{ t::CANCEL.get(lang) }</button>
                    }
                    if props.edited {
                        <button type="button" class="button" onclick={reset.clone()}>{ t::RESET.get(lang) }</button>
                    }
                </div>
            </div>
        }
    } else {
        let lines = props.code.lines().enumerate().map(|(k, text)| {
            let no = k as u32 + 1;
            let current = props.line == Some(no);
            let bad = error_line == Some(no) && current;
            html! {
                <span class={classes!("code-line", current.then_some("current"), bad.then_some("error"))}
                    aria-current={current.then_some("step")} data-line={no.to_string()}>
                    <span class="code-arrow" aria-hidden="true">{ if bad { "✗" } else if current { "▶" } else { "" } }</span>
                    <span class="code-no" aria-hidden="true">{ no }</span>
                    <span class="code-text">{ text }</span>
                </span>
            }
        });
        html! {
            <>
                <pre class="code py-code" tabindex="0" aria-labelledby="py-code-title"><code>{ for lines }</code></pre>
                <div class="py-editor-buttons">
                    <button type="button" class="button" onclick={open}>{ t::EDIT.get(lang) }</button>
                    if props.edited {
                        <button type="button" class="button" onclick={reset}>{ t::RESET.get(lang) }</button>
                    }
                </div>
            </>
        }
    };
    html! {
        <section class="card py-code-panel" aria-labelledby="py-code-title">
            <h2 id="py-code-title">
                { t::CODE_TITLE.get(lang) }
                if props.edited { <span class="muted">{ t::EDITED.get(lang) }</span> }
            </h2>
            { body }
            { for error_box }
        </section>
    }
}
