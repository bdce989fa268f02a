//! `#/net`: every scenario, grouped by layer from the link up. The
//! transport layer is TCP's own pages.

use crate::router::*;
use yew::prelude::*;

use crate::i18n::{net as t, tcp as tcp_t, Lang};
use crate::net::{Layer, ScenarioId};
use crate::route::Route;
use crate::shell::{use_lang, use_title};

#[component]
pub fn NetIndex() -> Html {
    let lang = use_lang();
    use_title(t::PAGE_TITLE.get(lang));
    html! {
        <section class="page net-index">
            <h1>{ t::PAGE_TITLE.get(lang) }</h1>
            <p class="lead">{ t::INTRO.get(lang) }</p>
            { scenario_groups(lang) }
        </section>
    }
}

/// The scenarios as lists of links under a heading per layer (also used
/// by the not-found page).
pub fn scenario_groups(lang: Lang) -> Html {
    let item = |to: Route, title: &'static str, summary: &'static str| {
        html! {
            <li>
                <Link {to} classes="net-scenario-link">
                    <span class="net-scenario-title">{ title }</span>
                    <span class="net-scenario-summary">{ summary }</span>
                </Link>
            </li>
        }
    };
    let group = |layer: Layer| {
        let items: Html = if layer == Layer::Transport {
            crate::tcp::ScenarioId::ALL
                .into_iter()
                .map(|id| {
                    item(
                        Route::Tcp {
                            scenario: id.slug().to_string(),
                        },
                        tcp_t::title(id).get(lang),
                        tcp_t::summary(id).get(lang),
                    )
                })
                .collect()
        } else {
            ScenarioId::ALL
                .into_iter()
                .filter(|id| id.layer() == layer)
                .map(|id| {
                    item(
                        Route::Net {
                            scenario: id.slug().to_string(),
                        },
                        t::title(id).get(lang),
                        t::summary(id).get(lang),
                    )
                })
                .collect()
        };
        let heading_id = format!("net-layer-{layer:?}").to_lowercase();
        html! {
            <section class="net-layer" aria-labelledby={heading_id.clone()}>
                <h2 id={heading_id}>{ t::layer(layer).get(lang) }</h2>
                <ul class="net-scenarios">{ items }</ul>
            </section>
        }
    };
    html! {
        <div class="net-groups">
            { for Layer::ALL.into_iter().map(group) }
        </div>
    }
}
