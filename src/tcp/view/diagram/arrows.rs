//! The segments as arrows slanted by their transit time: drawn as far as
//! they have travelled, a lost one stopping halfway with a cross. Each has
//! a wider invisible line to click.

use yew::prelude::*;

use super::labels::Labels;
use super::{num, side_class, toggle, Scene};
use crate::i18n::{tcp as t, Lang};
use crate::player::shapes::arrow_head;
use crate::tcp::frame::{SegmentStatus, SegmentView};
use crate::tcp::model::SegId;
use crate::tcp::trace::{SendKind, Trace};

/// Every segment sent so far; a click on one calls `on_toggle`.
pub(super) fn arrows(
    lang: Lang,
    scene: &Scene,
    trace: &Trace,
    segments: &[SegmentView],
    labels: &Labels,
    on_toggle: &Callback<SegId>,
) -> Html {
    segments
        .iter()
        .filter_map(|sv| {
            let s = trace.segment(sv.id)?;
            let (layout, axis) = (scene.layout, scene.axis);
            let (x0, y0) = layout.along(axis, s, 0.0);
            let (xt, yt) = layout.along(axis, s, sv.progress);
            let end = if s.lost { 0.5 } else { 1.0 };
            let (xe, ye) = layout.along(axis, s, end);
            let lost = sv.status == SegmentStatus::Lost;
            let class = classes!(
                "tcp-seg",
                side_class(s.from),
                lost.then_some("lost"),
                (s.kind == SendKind::OldDuplicate).then_some("old"),
                matches!(s.kind, SendKind::Retransmit { .. }).then_some("rtx"),
                sv.current.then_some("current"),
            );
            let label_text = labels.text(sv.id);
            let tip = t::toggle_label(lang, s.lost, &label_text);
            let onclick = toggle(on_toggle, sv.id);
            let head = (sv.progress > 0.0 && !lost).then(|| arrow_head("tcp-head", x0, y0, xt, yt));
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
        })
        .collect()
}
