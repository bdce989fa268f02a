//! The questions of the current topic beside the answer, on wide screens:
//! where you are and what comes, one click away.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::notes as t;
use crate::notes::data;
use crate::route::Route;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct TopicNavProps {
    pub topic: &'static data::Topic,
    /// The id of the question shown.
    pub current: &'static str,
}

#[component]
pub fn TopicNav(props: &TopicNavProps) -> Html {
    let lang = use_lang();
    let topic = props.topic;
    html! {
        <aside class="topic-nav" aria-label={t::TOPIC_NAV_LABEL.get(lang)}>
            <p class="topic-nav-title">
                <Link to={Route::Topic { topic: topic.slug.to_string() }}>{ topic.title }</Link>
            </p>
            <ol>
                { for topic.questions().iter().map(|q| {
                    let current = q.id == props.current;
                    html! {
                        <li key={q.id} class={classes!(current.then_some("current"), (!q.answered).then_some("open"))}>
                            <Link to={Route::Question { topic: topic.slug.to_string(), id: q.id.to_string() }}>
                                <span aria-current={current.then_some("page")}>{ q.title }</span>
                            </Link>
                        </li>
                    }
                }) }
            </ol>
        </aside>
    }
}
