//! Links to the questions in the notes that a diagram explains (found while
//! compiling: see `notes::data::find`).

use crate::router::*;
use yew::prelude::*;

use crate::notes::data::QuestionLink;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct QuestionLinksProps {
    /// The questions, in the order to list them.
    pub links: &'static [QuestionLink],
    /// Class prefix of the feature (`tcp`, `net`).
    pub prefix: &'static str,
    pub heading: &'static str,
}

#[component]
pub fn QuestionLinks(props: &QuestionLinksProps) -> Html {
    let found = props.links;
    if found.is_empty() {
        return html! {};
    }
    html! {
        <nav class={classes!("card", format!("{}-notes", props.prefix))} aria-label={props.heading}>
            <h2>{ props.heading }</h2>
            <ul>
                { for found.iter().map(|q| html! {
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
