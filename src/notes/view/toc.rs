//! The table of contents: every topic with its question count.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::notes as t;
use crate::notes::data;
use crate::route::Route;
use crate::shell::use_lang;

#[component]
pub fn Toc() -> Html {
    let lang = use_lang();
    let topics = data::topics();
    if topics.is_empty() {
        return html! { <p class="callout">{ t::EMPTY_NOTES.get(lang) }</p> };
    }
    html! {
        <section class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">{ t::TOPICS_HEADING.get(lang) }</h2>
            <ol class="toc-list">
                { for topics.iter().enumerate().map(|(i, topic)| {
                    let open = topic.len - topic.answered_count();
                    html! {
                        <li key={topic.slug}>
                            <Link to={Route::Topic { topic: topic.slug.to_string() }} classes="toc-topic">
                                <span class="toc-num" aria-hidden="true">{ format!("{:02}", i + 1) }</span>
                                <span class="toc-title">{ topic.title }</span>
                                <span class="toc-count">
                                    { t::question_count(lang, topic.len) }
                                    if open > 0 {
                                        { " · " }{ t::unanswered_count(lang, open) }
                                    }
                                </span>
                            </Link>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
