//! The home page: the way into each part of the app. Features add their
//! dashboard panels here (what is due today, the interview countdown).

use yew::prelude::*;
use yew_router::prelude::*;

use super::context::use_lang;
use super::dom;
use crate::i18n::{shell as t, Lang, Text};
use crate::route::Route;

#[component]
pub fn Home() -> Html {
    let lang = use_lang();
    // The heading and lead that index.html painted before the app started
    // are moved into the page rather than drawn again: the largest thing on
    // the first screen is then painted once, by the HTML, not by the wasm
    // (what Lighthouse and a phone on a slow network see). Only while the
    // page is in the language of that copy; a change of language draws the
    // app's own.
    let kept = use_state(|| lang == Lang::Zh && dom::boot_hero().is_some());
    let slot = use_node_ref();
    {
        let slot = slot.clone();
        use_effect_with((), move |_| {
            if let (Some(hero), Some(slot)) = (dom::boot_hero(), slot.cast::<web_sys::Element>()) {
                for _ in 0..hero.child_element_count() {
                    if let Some(child) = hero.first_element_child() {
                        let _ = slot.append_child(&child);
                    }
                }
            }
        });
    }
    {
        let kept = kept.clone();
        use_effect_with(lang, move |lang| {
            if *lang != Lang::Zh {
                kept.set(false);
            }
        });
    }
    let hero = if *kept && lang == Lang::Zh {
        html! { <div class="home-hero" ref={slot} /> }
    } else {
        html! {
            <div class="home-hero">
                <h1>{ t::HOME_TITLE.get(lang) }</h1>
                <p class="lead">{ t::TAGLINE.get(lang) }</p>
            </div>
        }
    };
    let tile = |to: Route, icon: &'static str, title: Text, body: Text| {
        html! {
            <li>
                <Link<Route> to={to} classes="tile">
                    <span class="tile-icon" aria-hidden="true">{ icon }</span>
                    <span class="tile-title">{ title.get(lang) }</span>
                    <span class="tile-body">{ body.get(lang) }</span>
                </Link<Route>>
            </li>
        }
    };
    html! {
        <section class="page home">
            { hero }
            <ul class="tiles">
                { tile(Route::Notes, "文", t::NAV_NOTES, t::HOME_NOTES) }
                { tile(Route::Review, "卡", t::NAV_REVIEW, t::HOME_REVIEW) }
                { tile(Route::TcpIndex, "⇄", t::NAV_TCP, t::HOME_TCP) }
                { tile(Route::NetIndex, "⇌", crate::i18n::net::NAV_NET, crate::i18n::net::HOME_NET) }
                { tile(Route::AlgoIndex, "⇅", t::NAV_ALGO, t::HOME_ALGO) }
                { tile(Route::PyIndex, "◎", crate::i18n::py::NAV_PY, crate::i18n::py::HOME_PY) }
            </ul>
            // Below the tiles that the static first screen already shows,
            // so nothing painted before the app started moves.
            <crate::cards::view::home_panel::DuePanel />
        </section>
    }
}
