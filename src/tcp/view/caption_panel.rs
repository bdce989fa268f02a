//! The caption of the current step, worded by `tcp::caption` and drawn by
//! the player's caption panel.

use yew::prelude::*;

use super::TraceRef;
use crate::i18n::tcp as t;
use crate::player::caption_panel::CaptionPanel as Panel;
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
    let (time, text) = match current {
        Some((i, e)) => {
            let text = caption(trace, i)
                .map(|c| t::caption(lang, &c, trace, props.mode))
                .unwrap_or_default();
            (Some(AttrValue::from(t::at_time(e.at))), text)
        }
        None => (None, t::START_HINT.get(lang).to_string()),
    };
    let at_end = props.pos >= trace.len() && !trace.is_empty();
    html! {
        <Panel prefix="tcp" heading={t::STEP_HEADING.get(lang)} {time} text={text}
            note={at_end.then_some(AttrValue::from(t::END_NOTE.get(lang)))} playing={props.playing} />
    }
}
