//! The notes' front page (`#/notes`) and the search page (`#/search?q=…`):
//! one component for both, so typing the first character — which moves the
//! URL from the one to the other — keeps the search box and its focus.

use yew::prelude::*;

use super::{results::Results, search_box::SearchBox, toc::Toc};
use crate::i18n::{notes as t, shell as ts};
use crate::route as url;
use crate::shell::{dom, use_lang, use_query_string};

#[derive(Properties, PartialEq)]
pub struct NotesIndexProps {
    /// True on `#/search`.
    pub searching: bool,
}

#[component]
pub fn NotesIndex(props: &NotesIndexProps) -> Html {
    let lang = use_lang();
    let query_str = use_query_string();
    let query = url::param(&query_str, "q").unwrap_or_default();
    let title = if props.searching {
        t::SEARCH_TITLE
    } else {
        t::NOTES_TITLE
    };
    {
        // `make bench` measures through hooks on `?bench`, built in only with the
        // `bench` feature (tools/build.mjs --features bench): releases leave them out.
        #[cfg(feature = "bench")]
        {
            let bench_on = url::has(&query_str, "bench");
            use_effect_with(bench_on, |on| {
                if *on {
                    super::bench::install();
                }
            });
        }
    }
    {
        let heading = title.get(lang);
        use_effect_with(heading, move |h| {
            dom::set_title(&format!("{h} · {}", ts::APP_NAME.get(lang)))
        });
    }
    html! {
        <section class="page notes-library">
            <h1>{ title.get(lang) }</h1>
            <p class="lead">{ t::NOTES_LEAD.get(lang) }</p>
            <SearchBox query={query.clone()} query_str={query_str} autofocus={props.searching} />
            if query.trim().is_empty() {
                <Toc />
            } else {
                <Results {query} />
            }
        </section>
    }
}
