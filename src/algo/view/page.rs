//! `#/algo` and `#/algo/<id>`: the index, an algorithm, or a clear
//! not-found for an unknown id.

use yew::prelude::*;

use super::{index::AlgoIndex, unknown::unknown_algo, viewer::Viewer};
use crate::algo::AlgoId;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct AlgoPageProps {
    /// The id in the URL; `None` for the index.
    #[prop_or_default]
    pub algorithm: Option<String>,
}

#[component]
pub fn AlgoPage(props: &AlgoPageProps) -> Html {
    let lang = use_lang();
    match props.algorithm.as_deref() {
        None => html! { <AlgoIndex /> },
        Some(slug) => match AlgoId::from_slug(slug) {
            Some(algo) => html! { <Viewer {algo} /> },
            None => unknown_algo(lang, slug),
        },
    }
}
