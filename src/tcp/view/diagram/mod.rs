//! The sequence diagram: two lifelines with their states, arrows slanted by
//! transit time and labelled Wireshark style, lost arrows stopping halfway
//! with a cross, timers as brackets that fill, and a line at "now". Every
//! number comes from `tcp::frame` and `tcp::layout`; this module only
//! writes them into SVG. Clicking an arrow flips its fate (the sandbox).
//!
//! The one component here owns the hooks (the width, the tween between
//! steps, the memos, keeping "now" in sight) and puts the drawing
//! together. Each part of the drawing is a plain function in its own file,
//! not a component: a component would bring its own copy of Yew's
//! lifecycle code into the bundle, and these parts hold no state.
//! `badges` (the states now), `lifelines` (the lifelines, the breaks in
//! quiet stretches, the line at "now"), `spans` (each state along its
//! lifeline), `timers`, `arrows` (the segments) and `labels` (their text).

use web_sys::Element;
use yew::prelude::*;

use super::hooks::{use_narrow, use_tween};
use super::{TraceRef, STEPS_PER_SEC};
use crate::decimal::svg as num;
use crate::i18n::{tcp as t, Text};
use crate::shell::{dom, use_lang};
use crate::tcp::frame::{frame, TimeAxis};
use crate::tcp::layout::{Layout, FONT};
use crate::tcp::model::{SegId, Side, State};
use crate::tcp::trace::SeqMode;
use crate::tcp::ScenarioId;

mod arrows;
mod badges;
mod labels;
mod lifelines;
mod spans;
mod timers;

/// Quiet stretches longer than this (ms) are drawn this long.
const MAX_GAP_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub trace: TraceRef,
    pub id: ScenarioId,
    pub pos: usize,
    pub playing: bool,
    pub speed: f64,
    pub mode: SeqMode,
    pub on_toggle: Callback<SegId>,
}

#[component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let lang = use_lang();
    let narrow = use_narrow(640);
    let motion = !*use_memo((), |_| dom::prefers_reduced_motion());
    let step_ms = 1000.0 / (STEPS_PER_SEC * props.speed.max(0.01));
    let tween = use_tween(props.pos, props.playing && motion, step_ms);
    let layout = layout_for(narrow);
    let trace = props.trace.0.clone();

    let axis = use_memo(props.trace.clone(), |t| TimeAxis::new(&*t.0, MAX_GAP_MS));
    let labels = use_memo(
        (props.trace.clone(), props.mode, narrow),
        |(tr, mode, narrow)| labels::Labels::new(&tr.0, *mode, &layout_for(*narrow)),
    );

    let f = frame(&trace, props.pos, tween);
    let scene = Scene {
        layout: &layout,
        axis: &axis,
    };
    let height = layout.height(&axis);
    let now_y = scene.y(f.now);

    // Keep "now" in sight inside the scroll box.
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        let width = layout.width;
        use_effect(move || {
            if let Some(el) = scroller.cast::<Element>() {
                let scale = el.client_width() as f64 / width;
                let (top, h) = (el.scroll_top() as f64, el.client_height() as f64);
                let target = now_y * scale;
                if target < top + 24.0 || target > top + h - 48.0 {
                    el.set_scroll_top((target - h / 2.0).max(0.0) as i32);
                }
            }
        });
    }

    let title = t::title(props.id).get(lang);
    let aria = t::diagram_label(lang, title, f.states[0], f.states[1]);
    let w = layout.width;
    let on_toggle = &props.on_toggle;
    html! {
        <div class={classes!("tcp-diagram", narrow.then_some("narrow"))}>
            { badges::badges(lang, f.states) }
            // Focusable, so a keyboard can scroll a diagram taller than its box.
            <div class="tcp-scroll" ref={scroller} tabindex="0" role="region" aria-label={t::DIAGRAM_REGION.get(lang)}>
                <svg class="tcp-svg" viewBox={format!("0 0 {} {}", num(w), num(height))}
                    width="100%" role="img" aria-label={aria} style={format!("--font:{}px", crate::decimal::fixed(FONT, 0))}>
                    { lifelines::breaks(&scene) }
                    { lifelines::lifelines(lang, &layout, height) }
                    { spans::spans(&scene, &f.spans, f.now) }
                    { timers::timers(&scene, &f.timers) }
                    { arrows::arrows(lang, &scene, &trace, &f.segments, &labels, on_toggle) }
                    { labels::label_boxes(&trace, &f.segments, &labels, on_toggle) }
                    { lifelines::now_line(w, now_y, f.now) }
                </svg>
            </div>
        </div>
    }
}

/// Where the drawing puts things: the layout for the width, and the run's
/// time axis (quiet stretches squeezed).
struct Scene<'a> {
    layout: &'a Layout,
    axis: &'a TimeAxis,
}

impl Scene<'_> {
    /// The height in the drawing of time `t` (ms).
    fn y(&self, t: f64) -> f64 {
        self.layout.y(self.axis, t)
    }
}

fn layout_for(narrow: bool) -> Layout {
    if narrow {
        Layout::NARROW
    } else {
        Layout::WIDE
    }
}

/// A click on a segment's arrow or label flips its fate.
fn toggle(on_toggle: &Callback<SegId>, id: SegId) -> Callback<MouseEvent> {
    let cb = on_toggle.clone();
    Callback::from(move |_: MouseEvent| cb.emit(id))
}

fn side_name(s: Side) -> Text {
    if s == Side::Client {
        t::CLIENT
    } else {
        t::SERVER
    }
}

fn side_class(s: Side) -> &'static str {
    match s {
        Side::Client => "client",
        Side::Server => "server",
    }
}

/// A colour group per state (the name is always written too).
fn state_class(s: State) -> &'static str {
    match s {
        State::Closed => "st-closed",
        State::Listen | State::SynSent | State::SynReceived => "st-opening",
        State::Established => "st-established",
        State::FinWait1 | State::FinWait2 | State::CloseWait | State::Closing | State::LastAck => {
            "st-closing"
        }
        State::TimeWait => "st-timewait",
    }
}
