//! Links to the note questions a scenario explains (the shared list of
//! question links; a question the notes do not have is left out).

use yew::prelude::*;

use crate::i18n::py as t;
use crate::notes::view::question_links::QuestionLinks;
use crate::py::scenarios::ScenarioId;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct NoteLinksProps {
    pub id: ScenarioId,
}

#[component]
pub fn NoteLinks(props: &NoteLinksProps) -> Html {
    let lang = use_lang();
    html! {
        <QuestionLinks links={props.id.scenario().notes} prefix="py" heading={t::NOTES_HEADING.get(lang)} />
    }
}
