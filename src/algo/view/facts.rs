//! Best / average / worst time, extra space, stability, and the questions in
//! the notes that ask about the algorithm.

use crate::router::*;
use yew::prelude::*;

use crate::algo::AlgoId;
use crate::i18n::{algo as t, Lang};
use crate::route::Route;

/// The facts about `algo`.
pub fn facts_card(lang: Lang, algo: AlgoId) -> Html {
    let f = algo.facts();
    let stable = match f.stable {
        Some(true) => Some(t::YES),
        Some(false) => Some(t::NO),
        None => None,
    };
    let questions = algo
        .questions()
        .iter()
        .map(|q| {
            let to = Route::Question {
                topic: q.topic_slug.to_string(),
                id: q.id.to_string(),
            };
            html! { <li><Link {to}>{ q.title }</Link></li> }
        })
        .collect::<Vec<_>>();
    let title_id = format!("algo-facts-{}", algo.slug());
    html! {
        <section class="card facts" aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ t::FACTS_TITLE.get(lang) }{ " · " }{ t::title(algo).get(lang) }</h2>
            <table class="facts-table">
                <tbody>
                    <tr><th scope="row">{ t::BEST.get(lang) }</th><td><code>{ f.best }</code></td></tr>
                    <tr><th scope="row">{ t::AVERAGE.get(lang) }</th><td><code>{ f.average }</code></td></tr>
                    <tr><th scope="row">{ t::WORST.get(lang) }</th><td><code>{ f.worst }</code></td></tr>
                    <tr><th scope="row">{ t::SPACE.get(lang) }</th><td><code>{ f.space }</code></td></tr>
                    if let Some(s) = stable {
                        <tr><th scope="row">{ t::STABLE.get(lang) }</th><td>{ s.get(lang) }</td></tr>
                    }
                </tbody>
            </table>
            if let Some(note) = t::facts_note(algo) {
                <p class="facts-note">{ note.get(lang) }</p>
            }
            if !questions.is_empty() {
                <h3>{ t::RELATED_QUESTIONS.get(lang) }</h3>
                <ul class="facts-questions">{ for questions }</ul>
            }
        </section>
    }
}
