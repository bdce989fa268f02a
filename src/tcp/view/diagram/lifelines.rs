//! What frames the drawing: the two lifelines with their names, the "≈"
//! marks where a quiet stretch is squeezed, and the line at "now".

use yew::prelude::*;

use super::{num, side_class, side_name, Scene};
use crate::i18n::{tcp as t, Lang};
use crate::tcp::layout::Layout;
use crate::tcp::model::Side;

/// Both lifelines, from under their names to the drawing's `height`.
pub(super) fn lifelines(lang: Lang, layout: &Layout, height: f64) -> Html {
    Side::BOTH
        .into_iter()
        .map(|s| {
            let x = layout.lifeline(s);
            html! {
                <g class={classes!("tcp-lifeline", side_class(s))}>
                    <text class="tcp-head-label" x={num(x)} y="14" text-anchor="middle">{ side_name(s).get(lang) }</text>
                    <line x1={num(x)} y1={num(layout.top - 4.0)} x2={num(x)} y2={num(height - 8.0)} />
                </g>
            }
        })
        .collect()
}

/// A "≈" across both lifelines at each squeezed stretch.
pub(super) fn breaks(scene: &Scene) -> Html {
    let layout = scene.layout;
    scene
        .axis
        .breaks()
        .iter()
        .map(|&b| {
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
        })
        .collect()
}

/// The line at "now" (`now` ms, drawn at `y`) across the drawing's width.
pub(super) fn now_line(width: f64, y: f64, now: f64) -> Html {
    html! {
        <g class="tcp-now">
            <line x1="0" y1={num(y)} x2={num(width)} y2={num(y)} />
            <text x="4" y={num(y - 4.0)}>{ t::at_time(now.round() as u32) }</text>
        </g>
    }
}
