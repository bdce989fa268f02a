//! Links to the questions in the notes that a scenario answers.

use yew::prelude::*;

use crate::i18n::{tcp as t, Lang};
use crate::notes::view::question_links::question_links;
use crate::tcp::ScenarioId;

/// The scenario's questions, if the notes have any.
pub fn note_links(lang: Lang, id: ScenarioId) -> Html {
    question_links(id.scenario().notes, "tcp", t::NOTES_HEADING.get(lang))
}
