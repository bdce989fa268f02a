//! `#/net` and `#/net/<id>`: the index, a scenario, or a clear not-found.

use yew::prelude::*;

use super::{index::NetIndex, unknown::UnknownScenario, viewer::Viewer};
use crate::net::ScenarioId;

#[derive(Properties, PartialEq)]
pub struct NetPageProps {
    /// The id in the URL; `None` for the index.
    #[prop_or_default]
    pub scenario: Option<String>,
}

#[component]
pub fn NetPage(props: &NetPageProps) -> Html {
    match props.scenario.as_deref() {
        None => html! { <NetIndex /> },
        Some(slug) => match ScenarioId::from_slug(slug) {
            Some(id) => html! { <Viewer {id} /> },
            None => html! { <UnknownScenario slug={slug.to_string()} /> },
        },
    }
}
