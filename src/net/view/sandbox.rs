//! The sandbox: how to drop a message, and undoing the drops.

use yew::prelude::*;

use crate::i18n::{net as t, Lang};

pub struct SandboxProps {
    /// Messages the sandbox has flipped.
    pub changed: usize,
    pub on_reset: Callback<()>,
    /// Offered where the scenario draws values at random.
    pub on_reseed: Option<Callback<()>>,
}

/// The sandbox's card.
pub fn sandbox(lang: Lang, props: &SandboxProps) -> Html {
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <div class="card net-sandbox">
            <h2>{ t::SANDBOX_HEADING.get(lang) }</h2>
            <p class="net-help">{ t::SANDBOX_HELP.get(lang) }</p>
            if let Some(cb) = &props.on_reseed {
                <p class="net-help">{ t::RESEED_HELP.get(lang) }</p>
                <button type="button" class="button" onclick={cb.reform(|_: MouseEvent| ())}>
                    { t::RESEED.get(lang) }
                </button>
            }
            if props.changed > 0 {
                <p class="net-changed">
                    <span>{ t::changed_count(lang, props.changed) }</span>
                    <button type="button" class="button" onclick={reset}>{ t::RESET_DROPS.get(lang) }</button>
                </p>
            }
        </div>
    }
}
