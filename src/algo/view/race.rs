//! Race mode: two algorithms on the same input, side by side, one step each
//! per tick, their counters live. The one that finishes first says so.

use std::rc::Rc;

use yew::prelude::*;

use super::stage::{stage, StageProps};
use super::RunRef;
use crate::algo::State;
use crate::i18n::{algo as t, Lang};

pub struct RaceViewProps {
    pub a: RunRef,
    pub b: RunRef,
    pub state_a: Rc<State>,
    pub state_b: Rc<State>,
    pub playing: bool,
    /// The player's position (each lane stops at its own end).
    pub pos: usize,
}

pub fn race(lang: Lang, props: &RaceViewProps) -> Html {
    let lane = |run: &RunRef, state: &Rc<State>, side: &'static str| {
        let len = run.0.trace.len();
        let done = props.pos >= len;
        let status = if done {
            t::race_done(lang, len)
        } else {
            t::RACE_RUNNING.get(lang).to_string()
        };
        html! {
            <section class={classes!("race-lane", done.then_some("done"))} data-side={side}>
                <h2>
                    { t::title(run.0.algo).get(lang) }
                    <span class="race-status">{ status }</span>
                </h2>
                { stage(lang, &StageProps { run: run.clone(), state: state.clone(), playing: props.playing, compact: true }) }
            </section>
        }
    };
    html! {
        <div class="race">
            { lane(&props.a, &props.state_a, "a") }
            { lane(&props.b, &props.state_b, "b") }
        </div>
    }
}
