//! "Not found" inside the notes: an unknown topic or question id (an old
//! link, a typo) shows what exists instead of a blank page.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::notes as t;
use crate::notes::data;
use crate::route::Route;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct UnknownProps {
    /// The topic of the link, when it exists (its questions are listed).
    #[prop_or_default]
    pub topic: Option<&'static data::Topic>,
    /// True for a question id, false for a topic slug.
    pub question: bool,
}

#[component]
pub fn UnknownNote(props: &UnknownProps) -> Html {
    let lang = use_lang();
    let title = if props.question {
        t::QUESTION_NOT_FOUND
    } else {
        t::TOPIC_NOT_FOUND
    };
    let topic_list = |topic: &'static data::Topic| {
        html! {
            <ol class="question-list">
                { for topic.questions().iter().map(|q| html! {
                    <li key={q.id}>
                        <Link to={Route::Question { topic: topic.slug.to_string(), id: q.id.to_string() }}>{ q.title }</Link>
                    </li>
                }) }
            </ol>
        }
    };
    html! {
        <section class="page notes-missing">
            <h1>{ title.get(lang) }</h1>
            <p>{ t::NOT_FOUND_BODY.get(lang) }</p>
            if let Some(topic) = props.topic {
                <h2>
                    <Link to={Route::Topic { topic: topic.slug.to_string() }}>{ topic.title }</Link>
                </h2>
                { topic_list(topic) }
            } else {
                <ul class="missing-topics">
                    { for data::topics().iter().map(|topic| html! {
                        <li key={topic.slug}>
                            <Link to={Route::Topic { topic: topic.slug.to_string() }}>{ topic.title }</Link>
                            <span class="muted">{ " · " }{ t::question_count(lang, topic.len) }</span>
                        </li>
                    }) }
                </ul>
            }
            <p><Link to={Route::Notes} classes="button">{ t::NOTES_TITLE.get(lang) }</Link></p>
        </section>
    }
}
