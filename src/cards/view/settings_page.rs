//! `#/settings`: scheduling settings (retention, limits, the interview date
//! and its target) and the backup of progress (export, import, restore).

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::CardsAction;
use super::transfer_panel::TransferPanel;
use super::use_cards;
use crate::cards::{Date, Settings};
use crate::i18n::cards as t;
use crate::i18n::Text;
use crate::shell::{dom, use_lang};

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Which field holds a value out of range.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Retention,
    NewLimit,
    ReviewLimit,
    Interview,
    Target,
}

#[component]
pub fn SettingsPage() -> Html {
    let lang = use_lang();
    let cards = use_cards();
    let invalid = use_state(|| None::<Field>);
    let s = cards.progress.settings;

    let commit = {
        let (cards, invalid) = (cards.clone(), invalid.clone());
        move |field: Field, apply: fn(&mut Settings, &str) -> bool| {
            let (cards, invalid) = (cards.clone(), invalid.clone());
            Callback::from(move |e: Event| {
                let mut next = cards.progress.settings;
                if apply(&mut next, input_value(&e).trim()) {
                    invalid.set(None);
                    cards.dispatch(CardsAction::SetSettings {
                        settings: next,
                        now_ms: dom::now_ms(),
                    });
                } else {
                    invalid.set(Some(field));
                }
            })
        }
    };
    let on_retention = commit(Field::Retention, |s, v| {
        match v
            .parse::<f32>()
            .ok()
            .filter(|x| Settings::RETENTION.contains(x))
        {
            Some(x) => {
                s.desired_retention = x;
                true
            }
            None => false,
        }
    });
    let on_target = commit(Field::Target, |s, v| {
        match v
            .parse::<f32>()
            .ok()
            .filter(|x| Settings::INTERVIEW_TARGET.contains(x))
        {
            Some(x) => {
                s.interview_target = x;
                true
            }
            None => false,
        }
    });
    let on_new = commit(Field::NewLimit, |s, v| {
        match v
            .parse::<u32>()
            .ok()
            .filter(|n| Settings::LIMIT.contains(n))
        {
            Some(n) => {
                s.new_per_day = n;
                true
            }
            None => false,
        }
    });
    let on_reviews = commit(Field::ReviewLimit, |s, v| {
        match v
            .parse::<u32>()
            .ok()
            .filter(|n| Settings::LIMIT.contains(n))
        {
            Some(n) => {
                s.reviews_per_day = n;
                true
            }
            None => false,
        }
    });
    let on_date = commit(Field::Interview, |s, v| {
        if v.is_empty() {
            s.interview = None;
            return true;
        }
        match Date::parse(v) {
            Some(d) => {
                s.interview = Some(d);
                true
            }
            None => false,
        }
    });
    let on_clear = {
        let cards = cards.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = cards.progress.settings;
            next.interview = None;
            cards.dispatch(CardsAction::SetSettings {
                settings: next,
                now_ms: dom::now_ms(),
            });
        })
    };

    let error = |field: Field| {
        (*invalid == Some(field)).then(|| {
            html! {
                <p class="field-error" role="alert">{ t::INVALID_NUMBER.get(lang) }</p>
            }
        })
    };
    let number = |id: &'static str,
                  label: Text,
                  value: String,
                  min: &'static str,
                  max: &'static str,
                  step: &'static str,
                  onchange: Callback<Event>,
                  field: Field,
                  help: Option<Text>| {
        let described = help.map(|_| format!("{id}-help"));
        html! {
            <div class="field">
                <label for={id}>{ label.get(lang) }</label>
                <input {id} type="number" inputmode="decimal" {min} {max} {step} {value} {onchange}
                    aria-describedby={described.clone()} aria-invalid={(*invalid == Some(field)).to_string()} />
                if let (Some(help), Some(hid)) = (help, described) {
                    <p id={hid} class="field-help">{ help.get(lang) }</p>
                }
                { error(field) }
            </div>
        }
    };

    html! {
        <section class="page settings">
            <h1>{ t::SETTINGS_TITLE.get(lang) }</h1>
            <section class="card" aria-labelledby="scheduling-title">
                <h2 id="scheduling-title">{ t::SCHEDULING_TITLE.get(lang) }</h2>
                <div class="fields">
                    { number("set-retention", t::RETENTION_SETTING, format!("{:.2}", s.desired_retention),
                        "0.70", "0.97", "0.01", on_retention, Field::Retention, Some(t::RETENTION_HELP)) }
                    { number("set-new", t::NEW_LIMIT, s.new_per_day.to_string(), "0", "9999", "1",
                        on_new, Field::NewLimit, None) }
                    { number("set-reviews", t::REVIEW_LIMIT, s.reviews_per_day.to_string(), "0", "9999", "1",
                        on_reviews, Field::ReviewLimit, None) }
                </div>
                <div class="fields">
                    <div class="field">
                        <label for="set-interview">{ t::INTERVIEW_SETTING.get(lang) }</label>
                        <div class="field-row">
                            <input id="set-interview" type="date"
                                value={s.interview.map(|d| d.to_string()).unwrap_or_default()}
                                onchange={on_date} aria-describedby="set-interview-help" />
                            if s.interview.is_some() {
                                <button type="button" class="button small" onclick={on_clear}>{ t::CLEAR_DATE.get(lang) }</button>
                            }
                        </div>
                        <p id="set-interview-help" class="field-help">{ t::INTERVIEW_HELP.get(lang) }</p>
                        { error(Field::Interview) }
                    </div>
                    { number("set-target", t::TARGET_SETTING, format!("{:.2}", s.interview_target),
                        "0.80", "0.99", "0.01", on_target, Field::Target, None) }
                </div>
            </section>
            <TransferPanel />
        </section>
    }
}
