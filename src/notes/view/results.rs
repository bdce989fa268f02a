//! Search results: title and topic, a snippet with the matches highlighted.
//! ↑/↓ move between results (and back up to the box), Enter opens one.

use crate::router::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::marked::Marked;
use super::search_box::INPUT_ID;
use crate::i18n::notes as t;
use crate::notes::search::{self, NoteHit};
use crate::route::Route;
use crate::shell::{dom, use_lang};

/// Results shown at most (one more is fetched to know there are more).
pub const LIMIT: usize = 50;

/// Topics offered when nothing is relevant, at most.
const CLOSEST: usize = 3;

/// The DOM id of the `i`-th result's link.
pub fn hit_id(i: usize) -> String {
    format!("search-hit-{i}")
}

/// The page of a question.
pub fn question_route(hit: &NoteHit) -> Route {
    Route::Question {
        topic: hit.question.topic_slug().to_string(),
        id: hit.question.id.to_string(),
    }
}

/// Where Enter in the box goes: the best result, if any.
pub fn first_hit_route(query: &str) -> Option<Route> {
    search::search(query, 1).first().map(question_route)
}

/// Moves focus from the focused result by `delta`, up into the box above
/// the first.
fn move_focus(delta: isize) {
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .unwrap_or_default();
    let Some(i) = active
        .strip_prefix("search-hit-")
        .and_then(|n| n.parse::<isize>().ok())
    else {
        return;
    };
    let to = i + delta;
    if to < 0 {
        dom::focus_by_id(INPUT_ID);
    } else {
        dom::focus_by_id(&hit_id(to as usize));
    }
}

#[derive(Properties, PartialEq)]
struct HitLinkProps {
    to: Route,
    id: String,
    children: Html,
}

/// A link with a DOM id (which `Link` cannot take), so ↑/↓ can focus it.
#[component]
fn HitLink(props: &HitLinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            // Let the browser handle ctrl/⌘-click (new tab) itself.
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            if let Some(nav) = &navigator {
                e.prevent_default();
                nav.push(&to);
            }
        })
    };
    html! {
        <a class="hit-title" id={props.id.clone()} href={format!("#{}", props.to.to_path())} {onclick}>
            { props.children.clone() }
        </a>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub query: String,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = use_lang();
    let found = use_memo(props.query.clone(), |q| {
        let hits = search::search(q, LIMIT + 1);
        // Ranking again costs a search: only when there is nothing to show.
        let closest = if hits.is_empty() {
            search::closest_topics(q, CLOSEST)
        } else {
            Vec::new()
        };
        (hits, closest)
    });
    let (hits, closest) = (&found.0, &found.1);
    let capped = hits.len() > LIMIT;
    let shown = &hits[..hits.len().min(LIMIT)];
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        let delta = match e.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        let on_hit = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.id().starts_with("search-hit-"));
        if on_hit {
            e.prevent_default();
            move_focus(delta);
        }
    });
    html! {
        <div class="search-results-wrap">
            <p class="result-count" role="status">
                { if shown.is_empty() { t::NO_RESULTS.get(lang).to_string() } else { t::result_count(lang, shown.len(), capped) } }
            </p>
            <ol id="search-results" class="search-results" aria-label={t::RESULTS_LABEL.get(lang)} {onkeydown}>
                { for shown.iter().enumerate().map(|(i, hit)| html! {
                    <li key={hit.question.id}>
                        <HitLink to={question_route(hit)} id={hit_id(i)}>
                            <Marked text={hit.question.title} marks={hit.title_marks.clone()} />
                        </HitLink>
                        <span class="hit-meta">
                            <span class="hit-topic">{ hit.question.topic_title() }</span>
                            if !hit.question.answered {
                                <span class="badge">{ t::UNANSWERED.get(lang) }</span>
                            }
                        </span>
                        if !hit.alias_marks.is_empty() {
                            <p class="hit-aliases">
                                { t::ALIASES.get(lang) }
                                { for hit.alias_marks.iter().enumerate().filter_map(|(k, (i, marks))| {
                                    let alias = hit.question.aliases.get(*i)?;
                                    Some(html! { <>
                                        if k > 0 { { " · " } }
                                        <Marked text={*alias} marks={marks.clone()} />
                                    </> })
                                }) }
                            </p>
                        }
                        if !hit.snippet.text.is_empty() {
                            <p class="hit-snippet"><Marked text={hit.snippet.text.clone()} marks={hit.snippet.marks.clone()} /></p>
                        }
                    </li>
                }) }
            </ol>
            if shown.is_empty() && !closest.is_empty() {
                <div class="closest-topics">
                    <p>{ t::CLOSEST_TOPICS.get(lang) }</p>
                    <ul>
                        { for closest.iter().map(|topic| html! {
                            <li key={topic.slug}>
                                <Link to={Route::Topic { topic: topic.slug.to_string() }}>{ topic.title }</Link>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
