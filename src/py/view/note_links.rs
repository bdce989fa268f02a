//! Links to the note questions a scenario explains. A question the notes
//! do not (yet) have is left out rather than linked to nowhere.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::i18n::py as t;
use crate::notes::data::question;
use crate::py::scenarios::ScenarioId;
use crate::route::Route;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct NoteLinksProps {
    pub id: ScenarioId,
}

#[component]
pub fn NoteLinks(props: &NoteLinksProps) -> Html {
    let lang = use_lang();
    let found: Vec<_> = props
        .id
        .scenario()
        .notes
        .iter()
        .filter_map(|id| question(id))
        .collect();
    if found.is_empty() {
        return html! {};
    }
    html! {
        <nav class="card py-notes" aria-label={t::NOTES_HEADING.get(lang)}>
            <h2>{ t::NOTES_HEADING.get(lang) }</h2>
            <ul>
                { for found.into_iter().map(|q| html! {
                    <li>
                        <Link<Route> to={Route::Question { topic: q.topic_slug().to_string(), id: q.id.to_string() }}>
                            { q.title }
                        </Link<Route>>
                    </li>
                }) }
            </ul>
        </nav>
    }
}
