//! Timers as brackets beside a lifeline: the planned length, the part
//! elapsed filled, a stroke where it fired.

use yew::prelude::*;

use super::{num, Scene};
use crate::i18n::tcp as t;
use crate::tcp::frame::{TimerStatus, TimerView};
use crate::tcp::model::Side;
use crate::tcp::trace::TimerKind;

/// Every timer started so far.
pub(super) fn timers(scene: &Scene, timers: &[TimerView]) -> Html {
    timers.iter().map(|tv| timer(scene, tv)).collect()
}

fn timer(scene: &Scene, tv: &TimerView) -> Html {
    let inner = if tv.side == Side::Client { 1.0 } else { -1.0 };
    let offset = match tv.kind {
        TimerKind::Retransmit | TimerKind::DelayedAck => 9.0,
        TimerKind::TimeWait => 17.0,
    };
    let x = scene.layout.lifeline(tv.side) + inner * offset - 2.5;
    let y0 = scene.y(tv.started as f64);
    let planned = scene.y(tv.fires_at as f64);
    let filled_to = tv.started as f64 + tv.fill * (tv.fires_at - tv.started) as f64;
    let y_fill = scene.y(filled_to);
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
