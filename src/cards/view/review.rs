//! The review screen: question, "Show answer", four grades; counts of what is
//! left today; a topic filter; undo. Keyboard: Space/Enter show the answer,
//! 1–4 grade, z undoes.
//!
//! `?topic=<slug>` reviews one topic; `?card=<id>` shows that card first
//! ("review now" from the reader).

use std::cell::RefCell;
use std::rc::Rc;

use crate::router::*;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval as Every;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::done::NothingDue;
use super::grades::GradeButtons;
use super::state::CardsAction;
use super::{catalogue, notes_href, use_cards};
use crate::cards::queue::{self, QueueOptions};
use crate::cards::{Grade, Phase};
use crate::i18n::cards as t;
use crate::i18n::Text;
use crate::notes::data;
use crate::route as query;
use crate::route::Route;
use crate::shell::{dom, use_app, use_lang, use_query_string};

/// The id of the "Show answer" button (focused on each new card).
const SHOW_ID: &str = "show-answer";
/// The id of the answer (focused when shown).
const ANSWER_ID: &str = "card-answer";

/// What the window's key handler needs from the latest render.
#[derive(Default)]
struct Keys {
    card: Option<String>,
    revealed: bool,
    blocked: bool,
}

#[component]
pub fn ReviewPage() -> Html {
    let lang = use_lang();
    let app = use_app();
    let cards = use_cards();
    let navigator = use_navigator();
    let query_str = use_query_string();
    let topic = query::param(&query_str, "topic").filter(|s| data::topic(s).is_some());
    let asked_card = query::param(&query_str, "card");
    let catalogue = use_memo((), |_| catalogue());
    let extra_new = use_state(|| 0u32);
    let ahead = use_state(|| false);
    // The card whose answer is shown.
    let revealed = use_state(|| None::<String>);
    // Re-render now and then so learning steps come due on their own.
    let tick = use_state(|| 0u32);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let every = Every::new(10_000, move || tick.set(tick.wrapping_add(1)));
            move || drop(every)
        });
    }

    let now = dom::now_ms();
    let options = QueueOptions {
        topic: topic.as_deref(),
        extra_new: *extra_new,
        ahead: *ahead,
    };
    let q = queue::build(
        &cards.deck,
        &catalogue,
        &cards.progress.settings,
        &cards.scheduler,
        now,
        options,
    );
    // The card whose answer is shown stays until it is graded, whatever
    // another tab's reviews do to the queue meanwhile (they are merged at
    // once, and show in the counts). Then a card asked for by the reader, or
    // brought back by undo, comes first.
    let is_card = |id: &str| catalogue.iter().any(|c| c.id == id);
    let pinned = (*revealed)
        .clone()
        .or(cards.undone.clone())
        .or(asked_card.clone())
        .filter(|id| is_card(id) && !cards.deck.get(id).suspended);
    let current: Option<(String, Phase, bool)> = match &pinned {
        Some(id) => Some((id.clone(), cards.deck.get(id).state.phase(), false)),
        None => q.next.map(|p| (p.id.to_owned(), p.phase, p.early)),
    };
    let is_revealed = current
        .as_ref()
        .is_some_and(|(id, ..)| revealed.as_deref() == Some(id.as_str()));

    // Leaving `?card=` once that card is graded.
    let clear_asked = {
        let (navigator, query_str) = (navigator.clone(), query_str.clone());
        move || {
            if let Some(nav) = &navigator {
                let q = query::with_param(&query_str, "card", "");
                nav.replace_with_query(&Route::Review, &q);
            }
        }
    };
    let on_grade = {
        let (cards, revealed, current) = (cards.clone(), revealed.clone(), current.clone());
        let asked = asked_card.clone();
        Callback::from(move |grade: Grade| {
            let Some((id, ..)) = &current else { return };
            revealed.set(None);
            cards.dispatch(CardsAction::Grade {
                card: id.clone(),
                grade,
                now_ms: dom::now_ms(),
            });
            if asked.as_deref() == Some(id.as_str()) {
                clear_asked();
            }
        })
    };
    let on_reveal = {
        let (revealed, current) = (revealed.clone(), current.clone());
        Callback::from(move |_| {
            if let Some((id, ..)) = &current {
                revealed.set(Some(id.clone()));
            }
        })
    };
    let on_undo = {
        let (cards, revealed) = (cards.clone(), revealed.clone());
        Callback::from(move |_| {
            revealed.set(None);
            cards.dispatch(CardsAction::Undo {
                now_ms: dom::now_ms(),
            });
        })
    };
    let mark = |kind: crate::cards::EventKind| {
        let (cards, current) = (cards.clone(), current.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((id, ..)) = &current {
                cards.dispatch(CardsAction::Mark {
                    card: id.clone(),
                    kind,
                    now_ms: dom::now_ms(),
                });
            }
        })
    };

    // Keyboard, through one window listener reading the latest render.
    let keys = use_mut_ref(Keys::default);
    {
        let mut k = keys.borrow_mut();
        k.card = current.as_ref().map(|(id, ..)| id.clone());
        k.revealed = is_revealed;
        k.blocked = app.help_open;
    }
    let handlers = use_mut_ref(|| None::<(Callback<Grade>, Callback<()>, Callback<()>)>);
    *handlers.borrow_mut() = Some((
        on_grade.clone(),
        on_reveal.reform(|_: ()| ()),
        on_undo.reform(|_: ()| ()),
    ));
    use_window_keys(keys, handlers);

    // Focus follows the card, so Enter and screen readers start there.
    {
        let id = current.as_ref().map(|(id, ..)| id.clone());
        use_effect_with((id, cards.progress.log.len()), |_| {
            dom::focus_by_id(SHOW_ID)
        });
    }
    // Once shown, the answer takes the focus (a screen reader reads it; a
    // grade button with the focus would turn Enter into a grade).
    use_effect_with(is_revealed, |shown| {
        if *shown {
            dom::focus_by_id(ANSWER_ID);
        }
    });

    let on_topic = {
        let (navigator, query_str) = (navigator.clone(), query_str.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(nav) = &navigator {
                let q = query::with_param(&query_str, "topic", &value);
                nav.replace_with_query(&Route::Review, &q);
            }
        })
    };
    let topics = data::topics().iter().filter(|t| t.answered_count() > 0);

    let counts = q.counts;
    let count = |class: &'static str, label: Text, n: u32, active: bool| {
        html! {
            <li class={classes!("count", class, active.then_some("active"))}>
                <span class="count-n">{ n }</span>
                <span class="count-label">{ label.get(lang) }</span>
            </li>
        }
    };
    let phase = current.as_ref().map(|(_, p, _)| *p);

    let body = match &current {
        Some((id, card_phase, early)) => {
            let question = data::question(id);
            let record = cards.deck.get(id);
            let due_in = cards.scheduler.preview(&record.state, now);
            let topic_title = question.map(|q| q.topic_title()).unwrap_or_default();
            html! {
                <article class="flashcard" aria-labelledby="card-question">
                    <p class="card-meta">
                        <span class="card-topic">{ topic_title }</span>
                        <span class={classes!("card-phase", format!("phase-{}", phase_class(*card_phase)))}>
                            { t::phase(lang, *card_phase) }
                        </span>
                        if *early {
                            <span class="card-early">{ t::EARLY.get(lang) }</span>
                        }
                        if record.flagged {
                            <span class="card-flagged">{ t::FLAGGED.get(lang) }</span>
                        }
                    </p>
                    <h2 id="card-question" class="card-question" tabindex="-1">
                        { question.map(|q| q.title).unwrap_or_default() }
                    </h2>
                    if question.is_none() {
                        <p class="callout">{ t::CARD_LOST.get(lang) }</p>
                    }
                    if is_revealed {
                        <div id={ANSWER_ID} class="card-answer" tabindex="-1">
                            if let Some(q) = question {
                                <div class="prose">
                                    { Html::from_html_unchecked(AttrValue::Static(q.html)) }
                                </div>
                            }
                            if let Some(href) = notes_href(id) {
                                <p class="card-link"><a {href}>{ t::OPEN_IN_NOTES.get(lang) }{ " →" }</a></p>
                            }
                        </div>
                        <GradeButtons {due_in} on_grade={on_grade.clone()} />
                    } else {
                        <button id={SHOW_ID} type="button" class="button primary show-answer"
                            onclick={on_reveal.reform(|_: MouseEvent| ())}
                            aria-keyshortcuts="Space Enter">
                            { t::SHOW_ANSWER.get(lang) }
                            <kbd aria-hidden="true">{ "Space" }</kbd>
                        </button>
                    }
                    <div class="card-tools">
                        if record.flagged {
                            <button type="button" class="button small" onclick={mark(crate::cards::EventKind::Unflag)}>
                                { t::UNFLAG.get(lang) }
                            </button>
                        } else {
                            <button type="button" class="button small" onclick={mark(crate::cards::EventKind::Flag)}>
                                { "⚑ " }{ t::FLAG.get(lang) }
                            </button>
                        }
                        <button type="button" class="button small" onclick={mark(crate::cards::EventKind::Suspend)}>
                            { t::SUSPEND.get(lang) }
                        </button>
                    </div>
                </article>
            }
        }
        None => {
            let on_more = {
                let extra_new = extra_new.clone();
                Callback::from(move |_| extra_new.set(*extra_new + 10))
            };
            let on_ahead = {
                let ahead = ahead.clone();
                Callback::from(move |_| ahead.set(true))
            };
            html! {
                <NothingDue next_due_ms={q.next_due_ms} now_ms={now}
                    utc_offset_min={cards.calendar.utc_offset_min()}
                    new_available={q.new_available} ahead_available={q.ahead_available}
                    in_topic={topic.is_some()} has_cards={!catalogue.is_empty()}
                    {on_more} {on_ahead} />
            }
        }
    };

    html! {
        <section class="page review">
            <header class="review-bar">
                <h1>{ t::REVIEW_TITLE.get(lang) }</h1>
                <ul class="counts" aria-label={t::COUNTS_LABEL.get(lang)}>
                    { count("new", t::COUNT_NEW, counts.new, phase == Some(Phase::New)) }
                    { count("learning", t::COUNT_LEARNING, counts.learning,
                        matches!(phase, Some(Phase::Learning | Phase::Relearning))) }
                    { count("due", t::COUNT_REVIEW, counts.review, phase == Some(Phase::Review)) }
                </ul>
                <div class="review-tools">
                    <label class="topic-filter">
                        <span class="visually-hidden">{ t::TOPIC_FILTER.get(lang) }</span>
                        <select onchange={on_topic} aria-label={t::TOPIC_FILTER.get(lang)}>
                            <option value="" selected={topic.is_none()}>{ t::ALL_TOPICS.get(lang) }</option>
                            { for topics.map(|tp| html! {
                                <option value={tp.slug} selected={topic.as_deref() == Some(tp.slug)}>
                                    { tp.title }
                                </option>
                            }) }
                        </select>
                    </label>
                    <Link to={Route::Stats} classes="button stats-link">{ t::STATS_SHORT.get(lang) }</Link>
                    <button type="button" class="button undo" onclick={on_undo.reform(|_: MouseEvent| ())}
                        disabled={cards.session.is_empty()} title={t::UNDO_HINT.get(lang)}
                        aria-keyshortcuts="z">
                        { "↶ " }{ t::UNDO.get(lang) }
                    </button>
                </div>
            </header>
            { body }
        </section>
    }
}

fn phase_class(phase: Phase) -> &'static str {
    match phase {
        Phase::New => "new",
        Phase::Learning => "learning",
        Phase::Review => "review",
        Phase::Relearning => "relearning",
    }
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

type Handlers = Rc<RefCell<Option<(Callback<Grade>, Callback<()>, Callback<()>)>>>;

/// Space/Enter, 1–4 and z on the window, ignored while typing or while the
/// help overlay is open.
#[hook]
fn use_window_keys(keys: Rc<RefCell<Keys>>, handlers: Handlers) {
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
                let Some((grade, reveal, undo)) = handlers.borrow().clone() else {
                    return;
                };
                let (has_card, revealed) = {
                    let k = keys.borrow();
                    if k.blocked {
                        return;
                    }
                    (k.card.is_some(), k.revealed)
                };
                // Until the next render, a second key must not act on the
                // card just graded (or reveal it twice).
                let settle = |revealed: bool, card_done: bool| {
                    let mut k = keys.borrow_mut();
                    k.revealed = revealed;
                    if card_done {
                        k.card = None;
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
