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
                    // One row drawn four times: each `html!` row is code in
                    // the wasm.
                    { for [(t::BEST, f.best), (t::AVERAGE, f.average), (t::WORST, f.worst), (t::SPACE, f.space)]
                        .into_iter()
                        .map(|(label, value)| html! {
                            <tr><th scope="row">{ label.get(lang) }</th><td><code>{ value }</code></td></tr>
                        }) }
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
