//! Links to the questions in the notes that a diagram explains (found while
//! compiling: see `notes::data::find`).

use crate::router::*;
use yew::prelude::*;

use crate::notes::data::QuestionLink;
use crate::route::Route;

/// The card listing `links` in order, under `heading`; nothing when there
/// are none. `prefix` is the feature's class prefix (`tcp`, `net`, `py`).
/// A plain function: it holds no state, so it needs no component's
/// machinery in the bundle.
pub fn question_links(
    links: &'static [QuestionLink],
    prefix: &'static str,
    heading: &'static str,
) -> Html {
    if links.is_empty() {
        return html! {};
    }
    html! {
        <nav class={classes!("card", format!("{prefix}-notes"))} aria-label={heading}>
            <h2>{ heading }</h2>
            <ul>
                { for links.iter().map(|q| html! {
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
