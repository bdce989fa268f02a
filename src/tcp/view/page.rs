//! `#/tcp` and `#/tcp/<id>`: the index, a scenario, or a clear not-found.

use yew::prelude::*;

use super::{index::TcpIndex, unknown::UnknownScenario, viewer::Viewer};
use crate::tcp::ScenarioId;

#[derive(Properties, PartialEq)]
pub struct TcpPageProps {
    /// The id in the URL; `None` for the index.
    #[prop_or_default]
    pub scenario: Option<String>,
}

#[component]
pub fn TcpPage(props: &TcpPageProps) -> Html {
    match props.scenario.as_deref() {
        None => html! { <TcpIndex /> },
        Some(slug) => match ScenarioId::from_slug(slug) {
            Some(id) => html! { <Viewer {id} /> },
            None => html! { <UnknownScenario slug={slug.to_string()} /> },
        },
    }
}
