//! The sandbox and the number display: relative or absolute sequence
//! numbers, new initial sequence numbers, and undoing the drops.

use yew::prelude::*;

use crate::i18n::{tcp as t, Lang};
use crate::tcp::trace::SeqMode;

pub struct OptionsProps {
    pub mode: SeqMode,
    /// Segments the sandbox has flipped.
    pub changed: usize,
    pub on_mode: Callback<SeqMode>,
    pub on_reset: Callback<()>,
    pub on_reseed: Callback<()>,
}

/// The sandbox's card.
pub fn options(lang: Lang, props: &OptionsProps) -> Html {
    let radio = |mode: SeqMode, label: crate::i18n::Text| {
        let cb = props.on_mode.clone();
        html! {
            <label class="tcp-radio">
                <input type="radio" name="tcp-seq" checked={props.mode == mode}
                    onchange={Callback::from(move |_: Event| cb.emit(mode))} />
                { label.get(lang) }
            </label>
        }
    };
    let reset = props.on_reset.reform(|_: MouseEvent| ());
    let reseed = props.on_reseed.reform(|_: MouseEvent| ());
    html! {
        <div class="card tcp-options">
            <h2>{ t::SANDBOX_HEADING.get(lang) }</h2>
            <p class="tcp-help">{ t::SANDBOX_HELP.get(lang) }</p>
            if props.changed > 0 {
                <p class="tcp-changed">
                    <span>{ t::changed_count(lang, props.changed) }</span>
                    <button type="button" class="button" onclick={reset}>{ t::RESET_DROPS.get(lang) }</button>
                </p>
            }
            <fieldset class="tcp-seq">
                <legend>{ t::SEQ_LABEL.get(lang) }</legend>
                { radio(SeqMode::Relative, t::SEQ_RELATIVE) }
                { radio(SeqMode::Absolute, t::SEQ_ABSOLUTE) }
                <p class="tcp-help">{ t::SEQ_HELP.get(lang) }</p>
            </fieldset>
            <button type="button" class="button" onclick={reseed}>{ t::NEW_ISN.get(lang) }</button>
        </div>
    }
}
