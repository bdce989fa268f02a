//! A question page: the question, its answer, previous/next (also with ←
//! and →), and its place in the topic. The id decides the question; a link
//! naming the wrong topic is corrected in place.

use crate::router::*;
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{prose::Prose, topic::scroll_to_top, topic_nav::TopicNav, unknown::UnknownNote};
use crate::i18n::{notes as t, shell as ts};
use crate::notes::data::{self, Question};
use crate::route::Route;
use crate::shell::{dom, use_app};

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub slug: String,
    pub id: String,
}

fn route_of(q: &Question) -> Route {
    Route::Question {
        topic: q.topic_slug().to_string(),
        id: q.id.to_string(),
    }
}

#[component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let app = use_app();
    let lang = app.lang();
    let navigator = use_navigator();
    let question = data::question(&props.id);
    let (prev, next) = data::neighbours(&props.id);

    {
        let title = question.map_or(t::QUESTION_NOT_FOUND.get(lang), |q| q.title);
        use_effect_with(title, move |title| {
            dom::set_title(&format!("{title} · {}", ts::APP_NAME.get(lang)));
            scroll_to_top();
        });
    }
    // `#/notes/<old-topic>/<id>`: the question moved; show it under its topic.
    {
        let canonical = question
            .filter(|q| q.topic_slug() != props.slug)
            .map(route_of);
        let navigator = navigator.clone();
        use_effect_with(canonical, move |canonical| {
            if let (Some(route), Some(nav)) = (canonical, navigator) {
                nav.replace(route);
            }
        });
    }
    // ← and → page through the questions, unless the user is typing or the
    // help is open.
    {
        let targets = (prev.map(route_of), next.map(route_of), app.help_open);
        use_effect_with(targets, move |(prev, next, help_open)| {
            let (prev, next, help_open) = (prev.clone(), next.clone(), *help_open);
            let listener = web_sys::window().map(|w| {
                let opts = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&w, "keydown", opts, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if help_open || dom::is_typing(e) || e.shift_key() {
                        return;
                    }
                    let target = match e.key().as_str() {
                        "ArrowLeft" => prev.as_ref(),
                        "ArrowRight" => next.as_ref(),
                        _ => None,
                    };
                    if let (Some(route), Some(nav)) = (target, &navigator) {
                        e.prevent_default();
                        nav.push(route);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let Some(q) = question else {
        return html! { <UnknownNote question={true} topic={data::topic(&props.slug)} /> };
    };
    let topic = data::topics().get(q.topic);
    let position = topic.map(|topic| {
        let at = topic
            .questions()
            .iter()
            .position(|other| other.id == q.id)
            .unwrap_or(0)
            + 1;
        t::position(lang, at, topic.len)
    });
    let pager_link = |other: Option<&'static Question>,
                      label: &'static str,
                      class: &'static str,
                      rel: &'static str| {
        other.map(|other| {
            html! {
                <Link to={route_of(other)} classes={classes!("pager-link", class)}>
                    <span class="pager-dir" data-rel={rel}>{ label }</span>
                    <span class="pager-title">{ other.title }</span>
                </Link>
            }
        })
    };
    html! {
        <div class="page notes-question-layout">
        <article class="notes-question">
            <nav class="breadcrumb" aria-label={t::BREADCRUMB_LABEL.get(lang)}>
                <Link to={Route::Notes}>{ t::NOTES_TITLE.get(lang) }</Link>
                <span class="crumb-sep" aria-hidden="true">{ "›" }</span>
                <Link to={Route::Topic { topic: q.topic_slug().to_string() }}>{ q.topic_title() }</Link>
            </nav>
            if let Some(position) = position {
                <p class="q-position">{ position }</p>
            }
            <h1 class="q-title">{ q.title }</h1>
            if !q.aliases.is_empty() {
                <p class="q-aliases"><span class="q-aliases-label">{ t::ALIASES.get(lang) }</span>{ q.aliases.join(" · ") }</p>
            }
            if q.answered {
                <crate::cards::view::badge::CardBadge id={q.id} />
                <Prose html={q.html} class="answer" />
            } else {
                <p class="callout unanswered"><strong>{ t::UNANSWERED.get(lang) }</strong>{ "：" }{ t::UNANSWERED_BODY.get(lang) }</p>
            }
            <nav class="pager" aria-label={t::PAGER_LABEL.get(lang)}>
                { pager_link(prev, t::PREVIOUS.get(lang), "prev", "prev").unwrap_or_default() }
                { pager_link(next, t::NEXT.get(lang), "next", "next").unwrap_or_default() }
            </nav>
            <p class="keys-hint">{ t::KEYS_HINT.get(lang) }</p>
        </article>
        if let Some(topic) = topic {
            <TopicNav {topic} current={q.id} />
        }
        </div>
    }
}
