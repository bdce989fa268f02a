//! A topic page: its intro and its questions, with the neighbouring topics.

use crate::router::*;
use yew::prelude::*;

use super::{prose::Prose, unknown::UnknownNote};
use crate::i18n::{notes as t, shell as ts};
use crate::notes::data;
use crate::route::Route;
use crate::shell::{dom, use_lang};

#[derive(Properties, PartialEq)]
pub struct TopicPageProps {
    pub slug: String,
}

#[component]
pub fn TopicPage(props: &TopicPageProps) -> Html {
    let lang = use_lang();
    let topic = data::topic(&props.slug);
    {
        let title = topic.map_or(t::TOPIC_NOT_FOUND.get(lang), |t| t.title);
        use_effect_with(title, move |title| {
            dom::set_title(&format!("{title} · {}", ts::APP_NAME.get(lang)));
            scroll_to_top();
        });
    }
    let Some(topic) = topic else {
        return html! { <UnknownNote question={false} /> };
    };
    let topics = data::topics();
    let index = topics
        .iter()
        .position(|t| t.slug == topic.slug)
        .unwrap_or(0);
    let neighbour = |i: Option<usize>, label: &'static str, class: &'static str| {
        i.and_then(|i| topics.get(i)).map(|other| html! {
            <Link to={Route::Topic { topic: other.slug.to_string() }} classes={classes!("pager-link", class)}>
                <span class="pager-dir">{ label }</span>
                <span class="pager-title">{ other.title }</span>
            </Link>
        })
    };
    let open = topic.len - topic.answered_count();
    html! {
        <article class="page notes-topic">
            <nav class="breadcrumb" aria-label={t::BREADCRUMB_LABEL.get(lang)}>
                <Link to={Route::Notes}>{ t::NOTES_TITLE.get(lang) }</Link>
            </nav>
            <h1>{ topic.title }</h1>
            if !topic.intro.is_empty() {
                <Prose html={topic.intro} class="topic-intro" />
            }
            <p class="muted">
                { t::question_count(lang, topic.len) }
                if open > 0 { { " · " }{ t::unanswered_count(lang, open) } }
            </p>
            <ol class="question-list">
                { for topic.questions().iter().map(|q| html! {
                    <li key={q.id}>
                        <Link to={Route::Question { topic: topic.slug.to_string(), id: q.id.to_string() }}>{ q.title }</Link>
                        if !q.answered {
                            { " " }<span class="badge">{ t::UNANSWERED.get(lang) }</span>
                        }
                    </li>
                }) }
            </ol>
            <nav class="pager" aria-label={t::TOPIC_PAGER_LABEL.get(lang)}>
                { neighbour(index.checked_sub(1), t::PREVIOUS_TOPIC.get(lang), "prev").unwrap_or_default() }
                { neighbour(Some(index + 1), t::NEXT_TOPIC.get(lang), "next").unwrap_or_default() }
            </nav>
        </article>
    }
}

/// New page, new reading position.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
