//! Links to the note questions a scenario explains (the shared list of
//! question links; a question the notes do not have is left out).

use yew::prelude::*;

use crate::i18n::{py as t, Lang};
use crate::notes::view::question_links::question_links;
use crate::py::scenarios::ScenarioId;

/// The scenario's questions, if the notes have any.
pub fn note_links(lang: Lang, id: ScenarioId) -> Html {
    question_links(id.scenario().notes, "py", t::NOTES_HEADING.get(lang))
}
