//! A plain "not built yet" page for parts of the app still in progress.

use crate::router::*;
use yew::prelude::*;

use super::context::use_lang;
use crate::i18n::{shell as t, Text};
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct PlaceholderProps {
    pub title: Text,
}

#[component]
pub fn Placeholder(props: &PlaceholderProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="page placeholder">
            <h1>{ props.title.get(lang) }</h1>
            <p class="callout"><strong>{ t::PLACEHOLDER_TITLE.get(lang) }</strong>{ " " }{ t::PLACEHOLDER_BODY.get(lang) }</p>
            <p><Link to={Route::Home}>{ t::NOT_FOUND_HOME.get(lang) }</Link></p>
        </section>
    }
}
