//! The home page: the way into each part of the app. Features add their
//! dashboard panels here (what is due today, the interview countdown).

use crate::router::*;
use yew::prelude::*;

use super::context::use_lang;
use crate::i18n::{shell as t, Text};
use crate::route::Route;

#[component]
pub fn Home() -> Html {
    let lang = use_lang();
    let rest = super::use_after_first_screen();
    let hero = html! {
        <div class="home-hero">
            <h1>{ t::HOME_TITLE.get(lang) }</h1>
            <p class="lead">{ t::TAGLINE.get(lang) }</p>
        </div>
    };
    let tile = |to: Route, icon: &'static str, title: Text, body: Text| {
        html! {
            <li>
                <Link to={to} classes="tile">
                    <span class="tile-icon" aria-hidden="true">{ icon }</span>
                    <span class="tile-title">{ title.get(lang) }</span>
                    <span class="tile-body">{ body.get(lang) }</span>
                </Link>
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
            // Drawn a task later: starting the page is two shorter tasks.
            if rest {
                <crate::cards::view::home_panel::DuePanel />
            }
        </section>
    }
}
