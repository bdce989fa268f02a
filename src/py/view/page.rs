//! `#/py` and `#/py/<id>`: the index, a scenario, or a clear not-found.

use yew::prelude::*;

use super::{index::PyIndex, unknown::UnknownScenario, viewer::Viewer};
use crate::py::scenarios::ScenarioId;

#[derive(Properties, PartialEq)]
pub struct PyPageProps {
    /// The id in the URL; `None` for the index.
    #[prop_or_default]
    pub scenario: Option<String>,
}

#[component]
pub fn PyPage(props: &PyPageProps) -> Html {
    match props.scenario.as_deref() {
        None => html! { <PyIndex /> },
        Some(slug) => match ScenarioId::from_slug(slug) {
            Some(id) => html! { <Viewer {id} /> },
            None => html! { <UnknownScenario slug={slug.to_string()} /> },
        },
    }
}
