//! `#/py` and `#/py/<id>`: the index, a scenario, or a clear not-found.

use yew::prelude::*;

use super::{index::PyIndex, unknown::UnknownScenario, viewer::Viewer};
use crate::py::scenarios::ScenarioId;

/// The page for `scenario`, the id in the URL (`None` for the index).
pub fn py_page(scenario: Option<&str>) -> Html {
    match scenario {
        None => html! { <PyIndex /> },
        Some(slug) => match ScenarioId::from_slug(slug) {
            Some(id) => html! { <Viewer {id} /> },
            None => html! { <UnknownScenario slug={slug.to_string()} /> },
        },
    }
}
