//! What the program has printed up to the step shown.

use yew::prelude::*;

use super::RunRef;
use crate::i18n::py as t;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct OutputProps {
    pub run: RunRef,
    pub pos: usize,
}

#[component]
pub fn OutputPanel(props: &OutputProps) -> Html {
    let lang = use_lang();
    let run = &props.run.0;
    let upto = props
        .pos
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
