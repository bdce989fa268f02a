//! The caption of the current step, large, beside the diagram. It is a
//! polite live region while stepping, silent while playing (a screen reader
//! cannot keep up with playback, and the event table holds every step).

use yew::prelude::*;

use super::TraceRef;
use crate::i18n::tcp as t;
use crate::shell::use_lang;
use crate::tcp::caption::caption;
use crate::tcp::trace::SeqMode;

#[derive(Properties, PartialEq)]
pub struct CaptionPanelProps {
    pub trace: TraceRef,
    pub pos: usize,
    pub playing: bool,
    pub mode: SeqMode,
}

#[component]
pub fn CaptionPanel(props: &CaptionPanelProps) -> Html {
    let lang = use_lang();
    let trace = &props.trace.0;
    let current = props
        .pos
        .checked_sub(1)
        .and_then(|i| Some((i, trace.events.get(i)?)));
    let (when, text) = match current {
        Some((i, e)) => {
            let text = caption(trace, i)
                .map(|c| t::caption(lang, &c, trace, props.mode))
                .unwrap_or_default();
            (Some(e.at), text)
        }
        None => (None, t::START_HINT.get(lang).to_string()),
    };
    let at_end = props.pos >= trace.len() && !trace.is_empty();
    html! {
        <div class="card tcp-caption">
            <h2 class="tcp-caption-head">
                { t::STEP_HEADING.get(lang) }
                if let Some(ms) = when {
                    <span class="tcp-caption-time">{ t::at_time(ms) }</span>
                }
            </h2>
            <p class="tcp-caption-text" aria-live={if props.playing { "off" } else { "polite" }}>
                { text }
                if at_end {
                    <span class="muted">{ " " }{ t::END_NOTE.get(lang) }</span>
                }
            </p>
        </div>
    }
}
