//! Each state a side was in, as a bar along its lifeline with the state's
//! name beside where it began.

use yew::prelude::*;

use super::{num, state_class, Scene};
use crate::tcp::frame::StateSpan;
use crate::tcp::model::Side;

/// Every span up to `now` (ms).
pub(super) fn spans(scene: &Scene, spans: &[StateSpan], now: f64) -> Html {
    // A state entered moments after another writes its name a line lower.
    let mut last_label = [f64::NEG_INFINITY; 2];
    spans
        .iter()
        .map(|sp| {
            let at = (scene.y(sp.since as f64) + 10.0).max(last_label[sp.side.index()] + 12.0);
            if sp.until != Some(sp.since) {
                last_label[sp.side.index()] = at;
            }
            state_span(scene, sp, now, at)
        })
        .collect()
}

/// One span; its name at `label_y`. A state left the moment it was
/// entered draws nothing.
fn state_span(scene: &Scene, sp: &StateSpan, now: f64, label_y: f64) -> Html {
    let x = scene.layout.lifeline(sp.side);
    let (y0, y1) = (
        scene.y(sp.since as f64),
        scene.y(sp.until.map_or(now, |u| u as f64)),
    );
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
