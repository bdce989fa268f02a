//! The segments' labels, Wireshark style (`SYN`, `Seq=0 Len=0`), in boxes
//! placed beside their arrows so that none overlap.

use yew::prelude::*;

use super::{num, side_class, toggle, MAX_GAP_MS};
use crate::tcp::frame::{SegmentStatus, SegmentView, TimeAxis};
use crate::tcp::layout::{place_labels, LabelBox, Layout, LINE};
use crate::tcp::model::SegId;
use crate::tcp::trace::{SendKind, SeqMode, Trace};

/// The label of every segment, in lines, and where each goes.
pub(super) struct Labels {
    lines: Vec<Vec<String>>,
    boxes: Vec<LabelBox>,
}

impl Labels {
    /// Every segment's label in `mode`, placed for `layout`; a retransmission
    /// starts with "↻".
    pub(super) fn new(trace: &Trace, mode: SeqMode, layout: &Layout) -> Labels {
        let lines: Vec<Vec<String>> = (0..trace.segments.len())
            .map(|i| {
                let id = SegId(i as u16);
                let mut lines = trace.label_lines(id, mode);
                if let (Some(first), Some(s)) = (lines.first_mut(), trace.segment(id)) {
                    if matches!(s.kind, SendKind::Retransmit { .. }) {
                        first.insert_str(0, "↻ ");
                    }
                }
                lines
            })
            .collect();
        let boxes = place_labels(layout, &TimeAxis::new(trace, MAX_GAP_MS), trace, |id| {
            let l = &lines[id.0 as usize];
            (
                l.iter().map(|s| s.chars().count()).max().unwrap_or(0),
                l.len(),
            )
        });
        Labels { lines, boxes }
    }

    /// A segment's label on one line (its arrow's tooltip).
    pub(super) fn text(&self, id: SegId) -> String {
        self.lines
            .get(id.0 as usize)
            .map(|l| l.join(" "))
            .unwrap_or_default()
    }
}

/// The label of every segment sent so far; a click on one calls
/// `on_toggle`, as on its arrow.
pub(super) fn label_boxes(
    trace: &Trace,
    segments: &[SegmentView],
    labels: &Labels,
    on_toggle: &Callback<SegId>,
) -> Html {
    segments
        .iter()
        .filter_map(|sv| {
            let b = labels.boxes.get(sv.id.0 as usize)?;
            let lines = labels.lines.get(sv.id.0 as usize)?;
            let s = trace.segment(sv.id)?;
            let onclick = toggle(on_toggle, sv.id);
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
        })
        .collect()
}
