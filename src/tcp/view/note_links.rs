//! Links to the questions in the notes that a scenario answers.

use yew::prelude::*;

use crate::i18n::tcp as t;
use crate::notes::view::question_links::QuestionLinks;
use crate::shell::use_lang;
use crate::tcp::ScenarioId;

#[derive(Properties, PartialEq)]
pub struct NoteLinksProps {
    pub id: ScenarioId,
}

#[component]
pub fn NoteLinks(props: &NoteLinksProps) -> Html {
    let lang = use_lang();
    html! {
        <QuestionLinks links={props.id.scenario().notes} prefix="tcp" heading={t::NOTES_HEADING.get(lang)} />
    }
}
