//! The reader and the search UI: Yew components, one per file, over
//! [`crate::notes::data`] and [`crate::notes::search`].
//!
//! Routes: `#/notes` (contents + search box), `#/search?q=…` (the same page
//! with results), `#/notes/<topic>` and `#/notes/<topic>/<id>`.

mod bench;
mod library;
mod marked;
mod missing;
mod prose;
mod question;
mod results;
mod search_box;
mod toc;
mod topic;
mod topic_nav;
pub mod url;

use yew::prelude::*;

use crate::route::Route;

pub use library::Library;
pub use question::QuestionPage;
pub use search_box::INPUT_ID as SEARCH_INPUT_ID;
pub use topic::TopicPage;

#[derive(Properties, PartialEq)]
pub struct NotesPageProps {
    pub route: Route,
}

/// Every notes route, for the app's router.
#[component]
pub fn NotesPage(props: &NotesPageProps) -> Html {
    match &props.route {
        Route::Topic { topic } => html! { <TopicPage slug={topic.clone()} /> },
        Route::Question { topic, id } => {
            html! { <QuestionPage slug={topic.clone()} id={id.clone()} /> }
        }
        Route::Search => html! { <Library searching={true} /> },
        _ => html! { <Library searching={false} /> },
    }
}
