//! The page for an address that leads nowhere: never a blank page.

use crate::router::*;
use yew::prelude::*;

use super::context::use_lang;
use crate::i18n::{shell as t, Lang};
use crate::route::Route;

#[component]
pub fn NotFound() -> Html {
    not_found(use_lang())
}

/// The page itself, for a parent that knows the language (a plain function
/// adds no component to the bundle).
pub fn not_found(lang: Lang) -> Html {
    html! {
        <section class="page not-found">
            <h1>{ t::NOT_FOUND_TITLE.get(lang) }</h1>
            <p>{ t::NOT_FOUND_BODY.get(lang) }</p>
            <p><Link to={Route::Home} classes="button primary">{ t::NOT_FOUND_HOME.get(lang) }</Link></p>
        </section>
    }
}
