//! The input: a generated kind (seeded, re-rollable, any size from 5 to
//! 200), or a typed list; the search key for searches. A bad list or key
//! gets its message next to the field and changes nothing: the run shown
//! stays the previous one.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::algo::input::{
    format_list, fresh_seed, parse_key, parse_list, InputError, InputKind, MIN_LEN,
};
use crate::algo::query::{RunSpec, Source};
use crate::algo::step::MAX_LEN;
use crate::algo::{AlgoId, Value};
use crate::i18n::algo as t;
use crate::shell::{dom, use_lang};

#[derive(Properties, PartialEq)]
pub struct InputFormProps {
    pub algo: AlgoId,
    pub spec: RunSpec,
    /// The values of the run shown (before a search arranges them).
    pub values: Rc<Vec<Value>>,
    pub search_key: Value,
    pub on_apply: Callback<RunSpec>,
}

fn input_text(e: &Event) -> String {
    e.target_dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

#[component]
pub fn InputForm(props: &InputFormProps) -> Html {
    let lang = use_lang();
    let list_text = use_state(|| format_list(&props.values));
    let list_error = use_state(|| None::<InputError>);
    let key_text = use_state(|| props.search_key.to_string());
    let key_error = use_state(|| None::<InputError>);
    {
        // A new run (from a button or the URL) refills the fields.
        let (list_text, list_error) = (list_text.clone(), list_error.clone());
        let (key_text, key_error) = (key_text.clone(), key_error.clone());
        use_effect_with(
            (props.values.clone(), props.search_key),
            move |(values, key)| {
                list_text.set(format_list(values));
                list_error.set(None);
                key_text.set(key.to_string());
                key_error.set(None);
            },
        );
    }

    let (kind, n, seed) = match props.spec.source {
        Source::Generated { kind, n, seed } => (Some(kind), n, seed),
        Source::Custom(ref v) => (None, v.len().clamp(MIN_LEN, MAX_LEN), 1),
    };
    let apply = {
        let (on_apply, spec) = (props.on_apply.clone(), props.spec.clone());
        move |source: Source| {
            on_apply.emit(RunSpec {
                source,
                ..spec.clone()
            })
        }
    };
    let kind_buttons = InputKind::ALL.into_iter().map(|k| {
        let apply = apply.clone();
        let onclick = Callback::from(move |_| apply(Source::Generated { kind: k, n, seed }));
        let pressed = kind == Some(k);
        html! {
            <button type="button" class={classes!("button", "seg", pressed.then_some("pressed"))}
                aria-pressed={pressed.to_string()} data-kind={k.slug()} {onclick}>
                { t::input_kind(k).get(lang) }
            </button>
        }
    });
    let on_size = {
        let apply = apply.clone();
        let kind = kind.unwrap_or(InputKind::Random);
        Callback::from(move |e: Event| {
            if let Ok(n) = input_text(&e).trim().parse::<usize>() {
                apply(Source::Generated {
                    kind,
                    n: n.clamp(MIN_LEN, MAX_LEN),
                    seed,
                });
            }
        })
    };
    let on_reroll = {
        let apply = apply.clone();
        let kind = kind.unwrap_or(InputKind::Random);
        Callback::from(move |_| {
            let entropy = (dom::now_ms() as u64) ^ seed.rotate_left(17);
            apply(Source::Generated {
                kind,
                n,
                seed: fresh_seed(entropy),
            });
        })
    };
    let on_list_input = {
        let list_text = list_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                list_text.set(i.value());
            }
        })
    };
    let on_list_submit = {
        let (apply, list_text, list_error) = (apply.clone(), list_text.clone(), list_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_list(&list_text) {
                Ok(values) => {
                    list_error.set(None);
                    apply(Source::Custom(values));
                }
                Err(err) => list_error.set(Some(err)),
            }
        })
    };
    let on_key_input = {
        let key_text = key_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<HtmlInputElement>() {
                key_text.set(i.value());
            }
        })
    };
    let on_key_submit = {
        let (on_apply, spec) = (props.on_apply.clone(), props.spec.clone());
        let (key_text, key_error) = (key_text.clone(), key_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_key(&key_text) {
                Ok(k) => {
                    key_error.set(None);
                    on_apply.emit(RunSpec {
                        key: Some(k),
                        ..spec.clone()
                    });
                }
                Err(err) => key_error.set(Some(err)),
            }
        })
    };

    let list_msg = list_error.as_ref().map(|e| t::input_error(lang, e));
    let key_msg = key_error.as_ref().map(|e| t::key_error(lang, e));
    html! {
        <section class="card input-form" aria-labelledby="algo-input-title">
            <h2 id="algo-input-title">{ t::INPUT_TITLE.get(lang) }</h2>
            <div class="seg-group" role="group" aria-label={t::INPUT_KIND.get(lang)}>
                { for kind_buttons }
            </div>
            <div class="input-row">
                <label class="algo-field">
                    <span>{ t::SIZE.get(lang) }</span>
                    <input type="number" min={MIN_LEN.to_string()} max={MAX_LEN.to_string()}
                        value={n.to_string()} onchange={on_size} name="n" inputmode="numeric" />
                </label>
                <span class="algo-field seed">
                    <span>{ t::SEED.get(lang) }</span>
                    <code class="seed-value" data-seed={seed.to_string()}>
                        { if kind.is_some() { seed.to_string() } else { "—".to_string() } }
                    </code>
                </span>
                <button type="button" class="button reroll" onclick={on_reroll}
                    title={t::REROLL_LABEL.get(lang)}>
                    <span aria-hidden="true">{ "↻ " }</span>{ t::REROLL.get(lang) }
                </button>
            </div>
            <form class="list-form" onsubmit={on_list_submit} novalidate=true>
                <label for="algo-list">{ t::LIST_LABEL.get(lang) }
                    { " " }<span class="muted hint">{ t::LIST_HINT.get(lang) }</span></label>
                <div class="input-row">
                    <input id="algo-list" type="text" name="list" value={(*list_text).clone()}
                        oninput={on_list_input} autocomplete="off" spellcheck="false"
                        aria-invalid={list_msg.is_some().to_string()}
                        aria-describedby={list_msg.is_some().then_some("algo-list-error")} />
                    <button type="submit" class={classes!("button", kind.is_none().then_some("pressed"))}>
                        { t::APPLY_LIST.get(lang) }
                    </button>
                </div>
                if let Some(msg) = list_msg {
                    <p id="algo-list-error" class="error-text" role="alert">{ msg }</p>
                }
            </form>
            if props.algo.is_search() {
                <form class="key-form" onsubmit={on_key_submit} novalidate=true>
                    <label for="algo-key">{ t::KEY_LABEL.get(lang) }</label>
                    <div class="input-row">
                        <input id="algo-key" type="text" name="key" value={(*key_text).clone()}
                            oninput={on_key_input} autocomplete="off" inputmode="numeric"
                            aria-invalid={key_msg.is_some().to_string()}
                            aria-describedby={key_msg.is_some().then_some("algo-key-error")} />
                        <button type="submit" class="button">{ t::APPLY_KEY.get(lang) }</button>
                    </div>
                    if let Some(msg) = key_msg {
                        <p id="algo-key-error" class="error-text" role="alert">{ msg }</p>
                    }
                </form>
            }
        </section>
    }
}
