//! What the program has printed up to the step shown.

use yew::prelude::*;

use super::RunRef;
use crate::i18n::{py as t, Lang};

/// The output of `run` up to the step before `pos`.
pub fn output_panel(lang: Lang, run: &RunRef, pos: usize) -> Html {
    let run = &run.0;
    let upto = pos
        .checked_sub(1)
        .and_then(|i| run.steps.get(i))
        .map_or(0, |s| s.out_len);
    let text = run.output.get(..upto).unwrap_or("");
    html! {
        <section class="card py-output" aria-labelledby="py-output-title">
            <h2 id="py-output-title">{ t::OUTPUT_TITLE.get(lang) }</h2>
            if text.is_empty() {
                <p class="muted">{ t::NO_OUTPUT.get(lang) }</p>
            } else {
                <pre class="py-output-text" tabindex="0" aria-labelledby="py-output-title">{ text }</pre>
            }
        </section>
    }
}
