//! The sequence diagram: two lifelines with their states, arrows slanted by
//! transit time and labelled Wireshark style, lost arrows stopping halfway
//! with a cross, timers as brackets that fill, and a line at "now". Every
//! number comes from `tcp::frame` and `tcp::layout`; this file only writes
//! them into SVG. Clicking an arrow flips its fate (the sandbox).

use std::rc::Rc;

use crate::decimal::svg as num;
use web_sys::Element;
use yew::prelude::*;

use super::hooks::{use_narrow, use_tween};
use super::{TraceRef, STEPS_PER_SEC};
use crate::i18n::tcp as t;
use crate::shell::{dom, use_lang};
use crate::tcp::frame::{frame, SegmentStatus, StateSpan, TimeAxis, TimerStatus, TimerView};
use crate::tcp::layout::{place_labels, LabelBox, Layout, FONT, LINE};
use crate::tcp::model::{SegId, Side, State};
use crate::tcp::trace::{SendKind, SeqMode, TimerKind};
use crate::tcp::ScenarioId;

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

/// The label of every segment, in lines, and where each goes.
#[derive(PartialEq)]
struct Labels {
    lines: Vec<Vec<String>>,
    boxes: Vec<LabelBox>,
}

#[component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let lang = use_lang();
    let narrow = use_narrow(640);
    let motion = !*use_memo((), |_| dom::prefers_reduced_motion());
    let step_ms = 1000.0 / (STEPS_PER_SEC * props.speed.max(0.01));
    let tween = use_tween(props.pos, props.playing && motion, step_ms);
    let layout = if narrow { Layout::NARROW } else { Layout::WIDE };
    let trace = props.trace.0.clone();

    let axis = use_memo(props.trace.clone(), |t| TimeAxis::new(&*t.0, MAX_GAP_MS));
    let labels = use_memo(
        (props.trace.clone(), props.mode, narrow),
        |(tr, mode, narrow)| {
            let layout = if *narrow {
                Layout::NARROW
            } else {
                Layout::WIDE
            };
            let lines: Vec<Vec<String>> = (0..tr.0.segments.len())
                .map(|i| {
                    let id = SegId(i as u16);
                    let mut lines = tr.0.label_lines(id, *mode);
                    if let (Some(first), Some(s)) = (lines.first_mut(), tr.0.segment(id)) {
                        if matches!(s.kind, SendKind::Retransmit { .. }) {
                            first.insert_str(0, "↻ ");
                        }
                    }
                    lines
                })
                .collect();
            let boxes = place_labels(&layout, &TimeAxis::new(&*tr.0, MAX_GAP_MS), &tr.0, |id| {
                let l = &lines[id.0 as usize];
                (
                    l.iter().map(|s| s.chars().count()).max().unwrap_or(0),
                    l.len(),
                )
            });
            Rc::new(Labels { lines, boxes })
        },
    );

    let f = frame(&trace, props.pos, tween);
    let y = |t: f64| layout.y(&axis, t);
    let height = layout.height(&axis);
    let now_y = y(f.now);

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
    let side_name = |s: Side| {
        if s == Side::Client {
            t::CLIENT
        } else {
            t::SERVER
        }
    };

    let badges = html! {
        <div class="tcp-states" role="group" aria-label={t::NOW_STATES.get(lang)}>
            { for Side::BOTH.into_iter().map(|s| {
                let state = f.states[s.index()];
                html! {
                    <div class={classes!("tcp-badge", side_class(s), state_class(state))}>
                        <span class="tcp-badge-who">{ side_name(s).get(lang) }</span>
                        <span class="tcp-badge-state" data-side={side_class(s)} data-state={state.name()}>
                            { state.name() }
                        </span>
                    </div>
                }
            }) }
        </div>
    };

    let lifelines = Side::BOTH.into_iter().map(|s| {
        let x = layout.lifeline(s);
        html! {
            <g class={classes!("tcp-lifeline", side_class(s))}>
                <text class="tcp-head-label" x={num(x)} y="14" text-anchor="middle">{ side_name(s).get(lang) }</text>
                <line x1={num(x)} y1={num(layout.top - 4.0)} x2={num(x)} y2={num(height - 8.0)} />
            </g>
        }
    });

    let breaks = axis.breaks().iter().map(|&b| {
        let by = layout.top + b * layout.scale;
        html! {
            <g class="tcp-break">
                { for Side::BOTH.into_iter().map(|s| html! {
                    <>
                        <rect x={num(layout.lifeline(s) - 7.0)} y={num(by - 7.0)} width="14" height="14" />
                        <text x={num(layout.lifeline(s))} y={num(by + 4.5)} text-anchor="middle">{ "≈" }</text>
                    </>
                }) }
            </g>
        }
    });

    // A state entered moments after another writes its name a line lower.
    let mut last_label = [f64::NEG_INFINITY; 2];
    let spans: Vec<Html> = f
        .spans
        .iter()
        .map(|sp| {
            let at = (y(sp.since as f64) + 10.0).max(last_label[sp.side.index()] + 12.0);
            if sp.until != Some(sp.since) {
                last_label[sp.side.index()] = at;
            }
            state_span(sp, &layout, &y, f.now, at)
        })
        .collect();
    let timers = f.timers.iter().map(|tv| timer(tv, &layout, &y));

    let arrows = f.segments.iter().filter_map(|sv| {
        let s = trace.segment(sv.id)?;
        let (x0, y0) = layout.along(&axis, s, 0.0);
        let (xt, yt) = layout.along(&axis, s, sv.progress);
        let end = if s.lost { 0.5 } else { 1.0 };
        let (xe, ye) = layout.along(&axis, s, end);
        let lost = sv.status == SegmentStatus::Lost;
        let class = classes!(
            "tcp-seg",
            side_class(s.from),
            lost.then_some("lost"),
            (s.kind == SendKind::OldDuplicate).then_some("old"),
            matches!(s.kind, SendKind::Retransmit { .. }).then_some("rtx"),
            sv.current.then_some("current"),
        );
        let label_text = labels.lines.get(sv.id.0 as usize).map(|l| l.join(" ")).unwrap_or_default();
        let tip = t::toggle_label(lang, s.lost, &label_text);
        let onclick = {
            let (cb, id) = (props.on_toggle.clone(), sv.id);
            Callback::from(move |_: MouseEvent| cb.emit(id))
        };
        let head = (sv.progress > 0.0 && !lost).then(|| arrow_head(x0, y0, xt, yt));
        let cross = lost.then(|| {
            html! {
                <g class="tcp-cross">
                    <line x1={num(xt - 6.0)} y1={num(yt - 6.0)} x2={num(xt + 6.0)} y2={num(yt + 6.0)} />
                    <line x1={num(xt - 6.0)} y1={num(yt + 6.0)} x2={num(xt + 6.0)} y2={num(yt - 6.0)} />
                </g>
            }
        });
        Some(html! {
            <g {class} data-seg={sv.id.0.to_string()} {onclick}>
                <title>{ tip }</title>
                <line class="tcp-hit" x1={num(x0)} y1={num(y0)} x2={num(xe)} y2={num(ye)} />
                <line class="tcp-line" x1={num(x0)} y1={num(y0)} x2={num(xt)} y2={num(yt)} />
                { head.unwrap_or_default() }
                { cross.unwrap_or_default() }
            </g>
        })
    });

    let label_boxes = f.segments.iter().filter_map(|sv| {
        let b = labels.boxes.get(sv.id.0 as usize)?;
        let lines = labels.lines.get(sv.id.0 as usize)?;
        let s = trace.segment(sv.id)?;
        let onclick = {
            let (cb, id) = (props.on_toggle.clone(), sv.id);
            Callback::from(move |_: MouseEvent| cb.emit(id))
        };
        let top = b.cy - b.h / 2.0;
        let class = classes!(
            "tcp-label",
            side_class(s.from),
            sv.current.then_some("current"),
            (sv.status == SegmentStatus::Lost).then_some("lost"),
        );
        Some(html! {
            <g {class} data-seg={sv.id.0.to_string()} {onclick}>
                <rect x={num(b.cx - b.w / 2.0)} y={num(top)} width={num(b.w)} height={num(b.h)} rx="4" />
                { for lines.iter().enumerate().map(|(i, l)| html! {
                    <text x={num(b.cx)} y={num(top + 2.0 + LINE * (i as f64 + 1.0) - 2.5)}
                        text-anchor="middle" class={if i == 0 { "tcp-flags" } else { "tcp-nums" }}>
                        { l.clone() }
                    </text>
                }) }
            </g>
        })
    });

    html! {
        <div class={classes!("tcp-diagram", narrow.then_some("narrow"))}>
            { badges }
            // Focusable, so a keyboard can scroll a diagram taller than its box.
            <div class="tcp-scroll" ref={scroller} tabindex="0" role="region" aria-label={t::DIAGRAM_REGION.get(lang)}>
                <svg class="tcp-svg" viewBox={format!("0 0 {} {}", num(w), num(height))}
                    width="100%" role="img" aria-label={aria} style={format!("--font:{}px", crate::decimal::fixed(FONT, 0))}>
                    { for breaks }
                    { for lifelines }
                    { for spans }
                    { for timers }
                    { for arrows }
                    { for label_boxes }
                    <g class="tcp-now">
                        <line x1="0" y1={num(now_y)} x2={num(w)} y2={num(now_y)} />
                        <text x="4" y={num(now_y - 4.0)}>{ t::at_time(f.now.round() as u32) }</text>
                    </g>
                </svg>
            </div>
        </div>
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

fn state_span(
    sp: &StateSpan,
    layout: &Layout,
    y: &impl Fn(f64) -> f64,
    now: f64,
    label_y: f64,
) -> Html {
    let x = layout.lifeline(sp.side);
    let (y0, y1) = (y(sp.since as f64), y(sp.until.map_or(now, |u| u as f64)));
    if sp.until == Some(sp.since) {
        return html! {};
    }
    let outer = if sp.side == Side::Client { -1.0 } else { 1.0 };
    let anchor = if sp.side == Side::Client {
        "end"
    } else {
        "start"
    };
    html! {
        <g class={classes!("tcp-span", state_class(sp.state), sp.current.then_some("current"))}>
            <rect x={num(x - 3.0)} y={num(y0)} width="6" height={num((y1 - y0).max(0.0))} />
            <text x={num(x + outer * 9.0)} y={num(label_y)} text-anchor={anchor}>{ sp.state.name() }</text>
        </g>
    }
}

fn timer(tv: &TimerView, layout: &Layout, y: &impl Fn(f64) -> f64) -> Html {
    let inner = if tv.side == Side::Client { 1.0 } else { -1.0 };
    let offset = match tv.kind {
        TimerKind::Retransmit | TimerKind::DelayedAck => 9.0,
        TimerKind::TimeWait => 17.0,
    };
    let x = layout.lifeline(tv.side) + inner * offset - 2.5;
    let y0 = y(tv.started as f64);
    let planned = y(tv.fires_at as f64);
    let filled_to = tv.started as f64 + tv.fill * (tv.fires_at - tv.started) as f64;
    let y_fill = y(filled_to);
    let (kind, name) = match tv.kind {
        TimerKind::Retransmit => ("rto", t::TIMER_RTO),
        TimerKind::TimeWait => ("tw", t::TIMER_2MSL),
        TimerKind::DelayedAck => ("delack", t::TIMER_DELACK),
    };
    let status = match tv.status {
        TimerStatus::Running => "running",
        TimerStatus::Fired => "fired",
        TimerStatus::Stopped(_) => "stopped",
    };
    let label_x = x + 2.5 + inner * 9.0;
    html! {
        <g class={classes!("tcp-timer", kind, status, tv.current.then_some("current"))}>
            if tv.status == TimerStatus::Running {
                <rect class="tcp-timer-plan" x={num(x)} y={num(y0)} width="5" height={num((planned - y0).max(0.0))} />
            }
            <rect class="tcp-timer-fill" x={num(x)} y={num(y0)} width="5" height={num((y_fill - y0).max(0.0))} />
            if tv.status == TimerStatus::Fired {
                <line class="tcp-timer-end" x1={num(x - 3.0)} y1={num(planned)} x2={num(x + 8.0)} y2={num(planned)} />
            }
            <text class="tcp-timer-name" x={num(label_x)} y={num(y0 + 2.0)}
                transform={format!("rotate(90 {} {})", num(label_x), num(y0 + 2.0))}>{ name }</text>
        </g>
    }
}

/// A small triangle at (x1, y1) pointing along the arrow from (x0, y0).
fn arrow_head(x0: f64, y0: f64, x1: f64, y1: f64) -> Html {
    let (dx, dy) = (x1 - x0, y1 - y0);
    let len = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (x1 - 9.0 * ux, y1 - 9.0 * uy);
    let points = format!(
        "{},{} {},{} {},{}",
        num(x1),
        num(y1),
        num(bx - 4.0 * uy),
        num(by + 4.0 * ux),
        num(bx + 4.0 * uy),
        num(by - 4.0 * ux)
    );
    html! { <polygon class="tcp-head" {points} /> }
}
