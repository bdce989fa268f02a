//! Links to the questions in the notes that a diagram explains. A question
//! the notes do not (yet) have is left out rather than linked to nowhere.

use crate::router::*;
use yew::prelude::*;

use crate::notes::data::link_or_pending;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct QuestionLinksProps {
    /// Question ids, in the order to list them.
    pub ids: &'static [&'static str],
    /// Class prefix of the feature (`tcp`, `net`).
    pub prefix: &'static str,
    pub heading: &'static str,
    /// Ids whose heading does not carry them yet, with that heading's
    /// text: such a question is found by its heading until it does.
    #[prop_or_default]
    pub pending: &'static [(&'static str, &'static str)],
}

#[component]
pub fn QuestionLinks(props: &QuestionLinksProps) -> Html {
    let found: Vec<_> = props
        .ids
        .iter()
        .filter_map(|id| link_or_pending(id, props.pending))
        .collect();
    if found.is_empty() {
        return html! {};
    }
    html! {
        <nav class={classes!("card", format!("{}-notes", props.prefix))} aria-label={props.heading}>
            <h2>{ props.heading }</h2>
            <ul>
                { for found.into_iter().map(|q| html! {
                    <li>
                        <Link to={Route::Question { topic: q.topic_slug.to_string(), id: q.id.to_string() }}>
                            { q.title }
                        </Link>
                    </li>
                }) }
            </ul>
        </nav>
    }
}
