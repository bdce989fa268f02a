//! The sequence diagram: a lifeline per lane, arrows slanted by transit
//! time (a broadcast fans out to every lane), encrypted messages as a
//! double line with a lock and RFC 8446's brackets, lost ones stopping
//! halfway with a cross, held ones with a pause mark, local happenings as
//! diamonds with their words, timers as bars that fill, a round-trip axis
//! and a line at "now". Numbers come from `net::frame` and `net::layout`;
//! clicking a droppable message flips its fate (the sandbox).

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;

use super::shapes::{lock, mark, num, split_name, timer, HEADS_H};
use super::{TraceRef, STEPS_PER_SEC};
use crate::i18n::{net as t, Lang};
use crate::net::frame::{frame, MsgStatus};
use crate::net::layout::{
    arrow_text, place_labels, text_width, Labelled, Layout, FONT, LINE, LOCK_W, MAX_GAP_MS,
};
use crate::net::seq::{Axis, LaneId, MsgId};
use crate::net::ScenarioId;
use crate::player::axis::TimeAxis;
use crate::player::hooks::{use_narrow, use_tween};
use crate::player::labels::LabelBox;
use crate::player::shapes::arrow_head;
use crate::shell::{dom, use_lang};

#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    pub trace: TraceRef,
    pub id: ScenarioId,
    pub pos: usize,
    pub playing: bool,
    pub speed: f64,
    pub on_toggle: Callback<MsgId>,
}

/// Every label's box for the whole trace (placed once per trace, language
/// and width).
#[derive(PartialEq)]
struct Labels(Vec<LabelBox<Labelled>>);

fn mark_text(trace: &crate::net::Trace, lang: Lang, step: usize) -> String {
    trace
        .steps
        .get(step)
        .and_then(|s| s.mark.as_ref())
        .map(|m| m.get(lang).to_string())
        .unwrap_or_default()
}

#[component]
pub fn Diagram(props: &DiagramProps) -> Html {
    let lang = use_lang();
    let narrow = use_narrow(640);
    let motion = !*use_memo((), |_| dom::prefers_reduced_motion());
    let step_ms = 1000.0 / (STEPS_PER_SEC * props.speed.max(0.01));
    let tween = use_tween(props.pos, props.playing && motion, step_ms);
    let trace = props.trace.0.clone();
    let layout = Layout::new(trace.lanes.len(), narrow);
    let axis = use_memo(props.trace.clone(), |t| TimeAxis::new(&*t.0, MAX_GAP_MS));
    let labels = use_memo((props.trace.clone(), lang, narrow), |(tr, lang, narrow)| {
        let t = &tr.0;
        let layout = Layout::new(t.lanes.len(), *narrow);
        let axis = TimeAxis::new(&**t, MAX_GAP_MS);
        Rc::new(Labels(place_labels(&layout, &axis, t, |i| {
            mark_text(t, *lang, i)
        })))
    });

    let f = frame(&trace, props.pos, tween);
    let y = |ms: f64| layout.y(&axis, ms);
    let height = layout.height(&axis);
    let now_y = y(f.now);
    let w = layout.width;

    // Keep "now" in sight inside the scroll box.
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect(move || {
            if let Some(el) = scroller.cast::<Element>() {
                let scale = (el.scroll_width() as f64 / w).max(0.01);
                let (top, h) = (el.scroll_top() as f64, el.client_height() as f64);
                // The names' strip sits above the drawing and covers its top.
                let strip = HEADS_H * scale;
                let target = strip + now_y * scale;
                if target < top + strip + 24.0 || target > top + h - 48.0 {
                    el.set_scroll_top((target - h / 2.0).max(0.0) as i32);
                }
            }
        });
    }

    // The lanes' names stay in sight: a strip of their own, sticky at the
    // top of the scroll box and as wide as the drawing.
    let names = trace.lanes.iter().enumerate().map(|(i, lane)| {
        let x = layout.lane_x(LaneId(i as u8));
        let name = lane.name.get(lang);
        let (a, b) = split_name(name);
        // Kept inside the drawing: a long name at an edge lane moves in.
        let half = text_width(a.as_str().max(b.as_deref().unwrap_or(""))) * 1.1 / 2.0;
        // max/min, not f64::clamp (see `layout::place_labels`).
        let x = x.min(w - half - 2.0).max(half + 2.0);
        html! {
            <>
                <text class="net-head-label" x={num(x)} y={if b.is_some() { "14" } else { "21" }} text-anchor="middle">{ a }</text>
                if let Some(b) = b {
                    <text class="net-head-label" x={num(x)} y="28" text-anchor="middle">{ b }</text>
                }
            </>
        }
    });
    let lifelines = layout.x.iter().enumerate().map(|(i, &x)| {
        html! {
            <line class="net-lifeline" data-lane={i.to_string()}
                x1={num(x)} y1={num(layout.top - 8.0)} x2={num(x)} y2={num(height - 8.0)} />
        }
    });

    let ticks = match trace.axis {
        Axis::RoundTrips(rtt) if rtt > 0 => (1..=trace.end_time() / rtt)
            .map(|n| {
                let ty = y((n * rtt) as f64);
                html! {
                    <g class="net-tick">
                        <line x1="0" y1={num(ty)} x2={num(w)} y2={num(ty)} />
                        <text x="2" y={num(ty - 3.0)}>{ t::tick(trace.axis, n * rtt) }</text>
                    </g>
                }
            })
            .collect::<Html>(),
        _ => Html::default(),
    };

    let breaks = axis.breaks().iter().map(|&b| {
        let by = layout.top + b * layout.scale;
        html! {
            <g class="net-break">
                { for layout.x.iter().map(|&x| html! {
                    <>
                        <rect x={num(x - 7.0)} y={num(by - 7.0)} width="14" height="14" />
                        <text x={num(x)} y={num(by + 4.5)} text-anchor="middle">{ "≈" }</text>
                    </>
                }) }
            </g>
        }
    });

    let timers = f
        .timers
        .iter()
        .map(|tv| timer(tv, &layout, &y, height - layout.bottom));

    let arrows = f.messages.iter().filter_map(|mv| {
        let m = trace.message(mv.id)?;
        let lanes = trace.lanes.len();
        let lost = mv.status == MsgStatus::Lost;
        let class = classes!(
            "net-msg",
            if m.from == LaneId(0) { "from-client" } else { "from-peer" },
            m.protection.is_encrypted().then_some("enc"),
            lost.then_some("lost"),
            (mv.status == MsgStatus::Held).then_some("held"),
            m.retry_of.is_some().then_some("retry"),
            m.droppable.then_some("droppable"),
            mv.current.then_some("current"),
        );
        let tip = if m.droppable {
            t::toggle_label(lang, m.lost, &arrow_text(m))
        } else {
            arrow_text(m)
        };
        let onclick = m.droppable.then(|| {
            let (cb, id) = (props.on_toggle.clone(), mv.id);
            Callback::from(move |_: MouseEvent| cb.emit(id))
        });
        let lines = m.targets(lanes).into_iter().map(|to| {
            let (x0, y0) = layout.along(&axis, m, to, 0.0);
            let (xt, yt) = layout.along(&axis, m, to, mv.progress);
            let end = if m.lost { 0.5 } else { 1.0 };
            let (xe, ye) = layout.along(&axis, m, to, end);
            let head = (mv.progress > 0.0 && !lost).then(|| arrow_head("net-head", x0, y0, xt, yt));
            let cross = lost.then(|| html! {
                <g class="net-cross">
                    <line x1={num(xt - 6.0)} y1={num(yt - 6.0)} x2={num(xt + 6.0)} y2={num(yt + 6.0)} />
                    <line x1={num(xt - 6.0)} y1={num(yt + 6.0)} x2={num(xt + 6.0)} y2={num(yt - 6.0)} />
                </g>
            });
            // A pause sign: two bars beside the arrow's head.
            let held = (mv.status == MsgStatus::Held).then(|| {
                let hx = xt + if xt > x0 { -18.0 } else { 12.0 };
                html! {
                    <g class="net-held-mark">
                        <rect x={num(hx)} y={num(yt - 16.0)} width="2.5" height="9" />
                        <rect x={num(hx + 4.5)} y={num(yt - 16.0)} width="2.5" height="9" />
                    </g>
                }
            });
            html! {
                <>
                    <line class="net-hit" x1={num(x0)} y1={num(y0)} x2={num(xe)} y2={num(ye)} />
                    <line class="net-line" x1={num(x0)} y1={num(y0)} x2={num(xt)} y2={num(yt)} />
                    if m.protection.is_encrypted() {
                        <line class="net-line-inner" x1={num(x0)} y1={num(y0)} x2={num(xt)} y2={num(yt)} />
                    }
                    { head.unwrap_or_default() }
                    { cross.unwrap_or_default() }
                    { held.unwrap_or_default() }
                </>
            }
        });
        Some(html! {
            <g {class} data-msg={mv.id.0.to_string()} {onclick}>
                <title>{ tip }</title>
                { for lines }
            </g>
        })
    });

    let boxes = &labels.0;
    let label_of = |want: Labelled| boxes.iter().find(|b| b.id == want);
    let msg_labels = f.messages.iter().filter_map(|mv| {
        let m = trace.message(mv.id)?;
        let b = label_of(Labelled::Message(mv.id))?;
        let onclick = m.droppable.then(|| {
            let (cb, id) = (props.on_toggle.clone(), mv.id);
            Callback::from(move |_: MouseEvent| cb.emit(id))
        });
        let class = classes!(
            "net-label",
            m.protection.is_encrypted().then_some("enc"),
            mv.current.then_some("current"),
            (mv.status == MsgStatus::Lost).then_some("lost"),
            m.droppable.then_some("droppable"),
        );
        let enc = m.protection.is_encrypted();
        let lock_x = b.cx - b.w / 2.0 + 4.0;
        let text_cx = if enc { b.cx + LOCK_W / 2.0 } else { b.cx };
        Some(html! {
            <g {class} data-msg={mv.id.0.to_string()} {onclick}>
                <rect x={num(b.cx - b.w / 2.0)} y={num(b.cy - b.h / 2.0)} width={num(b.w)} height={num(b.h)} rx="4" />
                if enc {
                    { lock(lock_x, b.cy) }
                }
                <text x={num(text_cx)} y={num(b.cy + LINE / 2.0 - 2.5)} text-anchor="middle">{ arrow_text(m) }</text>
            </g>
        })
    });
    let marks = f.marks.iter().map(|mk| {
        mark(
            mk,
            &layout,
            &y,
            label_of(Labelled::Mark(mk.step)),
            &mark_text(&trace, lang, mk.step),
            &trace,
        )
    });

    let title = t::title(props.id).get(lang);
    let aria = t::diagram_label(lang, title, f.round_trips);
    let counted = matches!(trace.axis, Axis::RoundTrips(_));
    html! {
        <div class={classes!("net-diagram", narrow.then_some("narrow"))}>
            if counted {
                <p class="net-rtt" aria-live="off">
                    { t::ROUND_TRIPS.get(lang) }{ ": " }<strong>{ f.round_trips }</strong>
                </p>
            }
            // Focusable, so a keyboard can scroll a diagram larger than its box.
            <div class="net-scroll" ref={scroller} tabindex="0" role="region" aria-label={t::DIAGRAM_REGION.get(lang)}>
                <svg class="net-names" viewBox={format!("0 0 {} {}", num(w), num(HEADS_H))} width="100%"
                    aria-hidden="true" style={format!("--min-w:{}px", num(w))}>
                    { for names }
                </svg>
                <svg class="net-svg" viewBox={format!("0 0 {} {}", num(w), num(height))}
                    width="100%" role="img" aria-label={aria}
                    style={format!("--font:{}px;--min-w:{}px", crate::decimal::fixed(FONT, 0), num(w))}>
                    { ticks }
                    { for breaks }
                    { for lifelines }
                    { for timers }
                    { for arrows }
                    { for marks }
                    { for msg_labels }
                    <g class="net-now">
                        <line x1="0" y1={num(now_y)} x2={num(w)} y2={num(now_y)} />
                        <text x={num(w - 4.0)} y={num(now_y + 11.0)} text-anchor="end">{ t::at_time(trace.axis, f.now.round() as u32) }</text>
                    </g>
                </svg>
            </div>
        </div>
    }
}
