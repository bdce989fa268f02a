//! The reader and the search UI: Yew components, one per file, over
//! [`crate::notes::data`] and [`crate::notes::search`].
//!
//! Routes: `#/notes` (contents + search box), `#/search?q=…` (the same page
//! with results), `#/notes/<topic>` and `#/notes/<topic>/<id>`.

#[cfg(feature = "bench")]
mod bench;
mod index;
mod marked;
mod prose;
mod question;
pub mod question_links;
mod results;
mod search_box;
mod toc;
mod topic;
mod topic_nav;
mod unknown;

use yew::prelude::*;

use crate::route::Route;

pub use index::NotesIndex;
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
    // Opening a search result or paging with ← → replaces the element that
    // had the focus, which then falls to <body>: a keyboard user would Tab
    // through the header again and a screen reader would say nothing. Give
    // it to the new page's heading instead. Not on the first page shown (a
    // fresh load starts at the top, skip link first), nor on the search page
    // (its box takes the focus).
    let first = use_mut_ref(|| true);
    use_effect_with(props.route.clone(), move |route| {
        if std::mem::replace(&mut *first.borrow_mut(), false) || *route == Route::Search {
            return;
        }
        focus_heading_if_lost();
    });
    match &props.route {
        Route::Topic { topic } => html! { <TopicPage slug={topic.clone()} /> },
        Route::Question { topic, id } => {
            html! { <QuestionPage slug={topic.clone()} id={id.clone()} /> }
        }
        Route::Search => html! { <NotesIndex searching={true} /> },
        _ => html! { <NotesIndex searching={false} /> },
    }
}

fn focus_heading_if_lost() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = doc
        .active_element()
        .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
    let heading = doc
        .query_selector("#main h1")
        .ok()
        .flatten()
        .and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok());
    if let (true, Some(h)) = (lost, heading) {
        // Focusable by script only, not a Tab stop.
        let _ = h.set_attribute("tabindex", "-1");
        let _ = h.focus();
    }
}
