//! The Python beside the animation, the current line marked with a colour
//! and an arrow.

use yew::prelude::*;

use crate::algo::AlgoId;
use crate::i18n::{algo as t, Lang};

pub struct CodePanelProps {
    pub algo: AlgoId,
    /// 1-based line of the step shown; `None` before the first step.
    pub line: Option<u8>,
}

pub fn code_panel(lang: Lang, props: &CodePanelProps) -> Html {
    let lines = props.algo.code().lines().enumerate().map(|(k, text)| {
        let no = k + 1;
        let current = props.line.map(usize::from) == Some(no);
        html! {
            <span class={classes!("code-line", current.then_some("current"))}
                aria-current={current.then_some("step")} data-line={no.to_string()}>
                <span class="code-arrow" aria-hidden="true">{ if current { "▶" } else { "" } }</span>
                <span class="code-no" aria-hidden="true">{ no }</span>
                <span class="code-text">{ text }</span>
            </span>
        }
    });
    html! {
        <section class="card code-panel" aria-labelledby="algo-code-title">
            <h2 id="algo-code-title">{ t::CODE_TITLE.get(lang) }</h2>
            // Long lines scroll sideways on a phone: the box takes focus so a
            // keyboard can scroll it too.
            <pre class="code" tabindex="0" aria-labelledby="algo-code-title"><code>{ for lines }</code></pre>
        </section>
    }
}
