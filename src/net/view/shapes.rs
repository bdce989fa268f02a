//! The shapes of the networking diagram, as plain functions of numbers
//! (no hooks): lane names, local marks, timer bars, the lock drawn on
//! encrypted labels, arrowheads.

use yew::prelude::*;

use crate::i18n::net as t;
use crate::net::frame::{MarkView, TimerStatus, TimerView};
use crate::net::layout::{text_width, Labelled, Layout, LINE};
use crate::net::seq::{Event, TimerKind, Trace};
use crate::player::labels::LabelBox;

/// A lane's name on one line, or on two when it is long: broken at its
/// last space, or before a parenthesis (`客户端（存根解析器）`).
pub fn split_name(name: &str) -> (String, Option<String>) {
    if text_width(name) <= 96.0 {
        return (name.to_string(), None);
    }
    if let Some(i) = name.find('（').or_else(|| name.find('(')) {
        if i > 0 {
            return (
                name[..i].trim_end().to_string(),
                Some(name[i..].to_string()),
            );
        }
    }
    match name.rsplit_once(' ') {
        Some((a, b)) => (a.to_string(), Some(b.to_string())),
        None => (name.to_string(), None),
    }
}

/// Height of the strip of lane names.
pub const HEADS_H: f64 = 34.0;

/// SVG numbers with one decimal.
pub use crate::decimal::svg as num;

pub fn mark(
    mk: &MarkView,
    layout: &Layout,
    y: &impl Fn(f64) -> f64,
    b: Option<&LabelBox<Labelled>>,
    text: &str,
    trace: &Trace,
) -> Html {
    let x = layout.lane_x(mk.lane);
    let my = y(mk.at as f64);
    let kind = match trace.steps.get(mk.step).map(|s| s.event) {
        Some(Event::Local { kind, .. }) => format!("{kind:?}").to_lowercase(),
        _ => String::new(),
    };
    html! {
        <g class={classes!("net-mark", kind, mk.current.then_some("current"))}>
            <polygon points={format!("{},{} {},{} {},{} {},{}", num(x), num(my - 5.0), num(x + 5.0), num(my), num(x), num(my + 5.0), num(x - 5.0), num(my))} />
            if let Some(b) = b {
                <rect x={num(b.cx - b.w / 2.0)} y={num(b.cy - b.h / 2.0)} width={num(b.w)} height={num(b.h)} rx="3" />
                <text x={num(b.cx)} y={num(b.cy + LINE / 2.0 - 2.5)} text-anchor="middle">{ text.to_string() }</text>
            }
        </g>
    }
}

pub fn timer(tv: &TimerView, layout: &Layout, y: &impl Fn(f64) -> f64, bottom: f64) -> Html {
    let x = layout.lane_x(tv.lane) - 12.0;
    let y0 = y(tv.started as f64);
    // A timer that outlives the run (a TTL) stops at the drawing's end.
    let planned = y(tv.fires_at as f64).min(bottom);
    let filled_to = tv.started as f64 + tv.fill * (tv.fires_at - tv.started) as f64;
    let y_fill = y(filled_to);
    let (kind, name) = match tv.kind {
        TimerKind::Retransmit => ("rto", t::TIMER_RTO),
        TimerKind::QueryTimeout => ("query", t::TIMER_QUERY),
        TimerKind::Ttl => ("ttl", t::TIMER_TTL),
    };
    let status = match tv.status {
        TimerStatus::Running => "running",
        TimerStatus::Fired => "fired",
        TimerStatus::Stopped(_) => "stopped",
    };
    html! {
        <g class={classes!("net-timer", kind, status, tv.current.then_some("current"))}>
            if tv.status == TimerStatus::Running {
                <rect class="net-timer-plan" x={num(x)} y={num(y0)} width="5" height={num((planned - y0).max(0.0))} />
            }
            <rect class="net-timer-fill" x={num(x)} y={num(y0)} width="5" height={num((y_fill - y0).max(0.0))} />
            if tv.status == TimerStatus::Fired {
                <line class="net-timer-end" x1={num(x - 3.0)} y1={num(planned)} x2={num(x + 8.0)} y2={num(planned)} />
            }
            <text class="net-timer-name" x={num(x - 3.0)} y={num(y0 + 10.0)} text-anchor="end">{ name }</text>
        </g>
    }
}

/// A padlock 8 units wide, its left edge at `x`, centred on `cy`.
pub fn lock(x: f64, cy: f64) -> Html {
    html! {
        <g class="net-lock" aria-hidden="true">
            <path class="net-lock-shackle" d={format!("M{} {} v-2.5 a2.5 2.5 0 0 1 5 0 v2.5", num(x + 1.5), num(cy - 1.0))} />
            <rect class="net-lock-body" x={num(x)} y={num(cy - 1.0)} width="8" height="6" rx="1" />
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lane_names_break_before_a_parenthesis_or_at_a_space() {
        let two = |a: &str, b: &str| (a.to_string(), Some(b.to_string()));
        assert_eq!(
            split_name("客户端（存根解析器）"),
            two("客户端", "（存根解析器）")
        );
        assert_eq!(
            split_name("Client (stub resolver)"),
            two("Client", "(stub resolver)")
        );
        assert_eq!(
            split_name("example.com authoritative"),
            two("example.com", "authoritative")
        );
        assert_eq!(split_name("Server"), ("Server".to_string(), None));
    }
}
