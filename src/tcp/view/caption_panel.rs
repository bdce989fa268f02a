//! The caption of the current step, worded by `tcp::caption` and drawn by
//! the player's caption panel.

use yew::prelude::*;

use super::TraceRef;
use crate::i18n::{tcp as t, Lang};
use crate::player::caption_panel::{caption_panel as panel, CaptionPanelProps as Panel};
use crate::tcp::caption::caption;
use crate::tcp::trace::SeqMode;

pub struct CaptionPanelProps<'a> {
    pub trace: &'a TraceRef,
    pub pos: usize,
    pub playing: bool,
    pub mode: SeqMode,
}

/// The caption of the step before `pos` (or how to start).
pub fn caption_panel(lang: Lang, props: &CaptionPanelProps) -> Html {
    let trace = &props.trace.0;
    let current = props
        .pos
        .checked_sub(1)
        .and_then(|i| Some((i, trace.events.get(i)?)));
    let (time, text) = match current {
        Some((i, e)) => {
            let text = caption(trace, i)
                .map(|c| t::caption(lang, &c, trace, props.mode))
                .unwrap_or_default();
            (Some(t::at_time(e.at)), text)
        }
        None => (None, t::START_HINT.get(lang).to_string()),
    };
    let at_end = props.pos >= trace.len() && !trace.is_empty();
    panel(Panel {
        prefix: "tcp",
        heading: t::STEP_HEADING.get(lang),
        time,
        text,
        note: at_end.then(|| t::END_NOTE.get(lang)),
        playing: props.playing,
        children: Html::default(),
    })
}
