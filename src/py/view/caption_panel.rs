//! The caption of the current step, beside the diagram: the scenario's
//! note for the line (for its own code) and what changed. A polite live
//! region while stepping, silent while playing (the step table has every
//! step).

use yew::prelude::*;

use super::RunRef;
use crate::i18n::{py as t, Lang};
use crate::py::caption::changes;
use crate::py::scenarios::ScenarioId;
use crate::py::trace::Event;

/// The words for step `i` of a run.
pub fn step_text(
    lang: Lang,
    id: ScenarioId,
    edited: bool,
    run: &crate::py::Run,
    i: usize,
) -> String {
    let note = run
        .steps
        .get(i)
        .filter(|s| !edited && matches!(s.event, Event::Line | Event::Caught(_)))
        .and_then(|s| t::line_note(id, s.line));
    t::caption(lang, note, &changes(run, i))
}

pub struct CaptionPanelProps<'a> {
    pub run: &'a RunRef,
    pub id: ScenarioId,
    pub edited: bool,
    pub pos: usize,
    pub playing: bool,
}

/// The caption of the step before `pos` (or how to start).
pub fn caption_panel(lang: Lang, props: &CaptionPanelProps) -> Html {
    let run = &props.run.0;
    let current = props
        .pos
        .checked_sub(1)
        .and_then(|i| Some((i, run.steps.get(i)?)));
    let (line, text) = match current {
        Some((i, s)) => (
            Some(s.line),
            step_text(lang, props.id, props.edited, run, i),
        ),
        None => (None, t::START_HINT.get(lang).to_string()),
    };
    let at_end = props.pos >= run.steps.len() && !run.steps.is_empty();
    let is_error = current.is_some_and(|(_, s)| matches!(s.event, Event::Error(_)));
    html! {
        <div class={classes!("card", "py-caption", is_error.then_some("error"))}>
            <h2 class="py-caption-head">
                { t::STEP_HEADING.get(lang) }
                if let Some(l) = line {
                    <span class="py-caption-line">{ format!("{} {l}", t::COL_LINE.get(lang)) }</span>
                }
            </h2>
            <p class="py-caption-text" aria-live={if props.playing { "off" } else { "polite" }}>
                { text }
                if at_end {
                    <span class="muted">{ " " }{ t::END_NOTE.get(lang) }</span>
                }
            </p>
        </div>
    }
}
