//! The drawing of one step: frames with their names on the left, objects
//! to the right, arrows from names and slots to objects. It only draws a
//! [`Layout`]; the text view and the step table say the same in words.

use crate::decimal::svg as fmt;
use yew::prelude::*;

use crate::i18n::{py as t, Lang};
use crate::py::layout::{Arrow, Layout, ObjBox, HEAD_H, ROW_H};

pub struct DiagramProps<'a> {
    pub layout: &'a Layout,
    pub show_refs: bool,
    /// Names (frame index, name) bound at this step: their arrows are drawn
    /// thicker.
    pub bound: &'a [(usize, String)],
    /// Objects changed in place at this step: drawn with a thicker border.
    pub mutated: &'a [u32],
}

/// The drawing of one step's layout.
pub fn diagram(lang: Lang, props: &DiagramProps) -> Html {
    let l = props.layout;
    let (w, h) = (l.width.max(240.0), l.height.max(80.0));
    let names: usize = l.frames.iter().map(|f| f.rows.len()).sum();
    let label = t::diagram_label(lang, names, l.objects.len());
    html! {
        <div class="py-diagram-box" tabindex="0" role="region" aria-label={t::DIAGRAM_TITLE.get(lang)}>
            <svg class="py-diagram" width={fmt(w)} height={fmt(h)} viewBox={format!("0 0 {} {}", fmt(w), fmt(h))}
                role="img" aria-label={label}>
                <defs>
                    <marker id="py-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="py-arrowhead" d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                { for l.frames.iter().map(|f| html! {
                    <g class={classes!("py-frame", f.active.then_some("active"))}>
                        <rect x={fmt(f.x)} y={fmt(f.y)} width={fmt(f.w)} height={fmt(f.h)} rx="6" />
                        <text class="py-frame-name" x={fmt(f.x + 8.0)} y={fmt(f.y + 16.0)}>{ &f.name }</text>
                        { for f.rows.iter().map(|r| html! {
                            <g>
                                <text class="py-var" x={fmt(f.x + 10.0)} y={fmt(r.y + 4.0)}>{ &r.label }</text>
                                <circle class="py-dot" cx={fmt(f.x + f.w - 10.0)} cy={fmt(r.y)} r="3.5" />
                            </g>
                        }) }
                    </g>
                }) }
                { for l.objects.iter().map(|o| object(lang, o, props.show_refs, props.mutated.contains(&o.id))) }
                { for l.arrows.iter().map(|a| arrow(a, a.name.as_ref().is_some_and(|n| props.bound.contains(n)))) }
            </svg>
        </div>
    }
}

fn object(lang: Lang, o: &ObjBox, show_refs: bool, changed: bool) -> Html {
    let class = classes!(
        "py-obj",
        changed.then_some("changed"),
        o.immutable.then_some("immutable"),
        o.cached.then_some("cached"),
        o.garbage.then_some("garbage"),
    );
    let mut badges = Vec::new();
    if o.garbage {
        badges.push("♻".to_string());
    }
    if show_refs {
        badges.push(t::refs(lang, o.refs));
    }
    html! {
        <g class={class} data-id={o.id.to_string()}>
            <rect x={fmt(o.x)} y={fmt(o.y)} width={fmt(o.w)} height={fmt(o.h)} rx="4" />
            <line class="py-obj-rule" x1={fmt(o.x)} y1={fmt(o.y + HEAD_H)} x2={fmt(o.x + o.w)} y2={fmt(o.y + HEAD_H)} />
            if o.immutable {
                // A padlock: immutable, in a shape as well as a dashed border.
                <g class="py-lock" aria-hidden="true">
                    <path d={format!("M{} {} v-3 a3 3 0 0 1 6 0 v3", fmt(o.x + 7.0), fmt(o.y + 11.0))} />
                    <rect x={fmt(o.x + 5.5)} y={fmt(o.y + 11.0)} width="9" height="7" rx="1" />
                </g>
            }
            <text class="py-obj-title" x={fmt(o.x + if o.immutable { 19.0 } else { 6.0 })} y={fmt(o.y + 16.0)}>
                { format!("{} ", o.title) }<tspan class="py-obj-id">{ format!("#{}", o.id) }</tspan>
            </text>
            <text class="py-obj-badges" x={fmt(o.x + o.w - 6.0)} y={fmt(o.y + 16.0)} text-anchor="end">{ badges.join(" ") }</text>
            if let Some(v) = &o.value {
                <text class="py-obj-value" x={fmt(o.x + 8.0)} y={fmt(o.y + HEAD_H + ROW_H / 2.0 + 5.0)}>{ v }</text>
                if o.cached {
                    <text class="py-obj-shared" x={fmt(o.x + o.w - 6.0)} y={fmt(o.y + HEAD_H + ROW_H / 2.0 + 4.0)} text-anchor="end">
                        { t::SHARED.get(lang) }
                    </text>
                }
            }
            { for o.rows.iter().map(|r| html! {
                <g>
                    <text class="py-slot" x={fmt(o.x + 8.0)} y={fmt(r.y + 4.0)}>{ &r.label }</text>
                    if r.target.is_some() {
                        <circle class="py-dot" cx={fmt(o.x + o.w - 10.0)} cy={fmt(r.y)} r="3.5" />
                    }
                </g>
            }) }
        </g>
    }
}

fn arrow(a: &Arrow, changed: bool) -> Html {
    let ((x1, y1), (x2, y2)) = (a.from, a.to);
    // Forward: out to the right, into the target's left side. Backward
    // (the target is in this column or further left): out to the right
    // and round into the target's right side.
    let (c1, c2, end) = if a.backward {
        let out = x1.max(x2) + 26.0;
        ((out, y1), (out, y2), x2 + 1.0)
    } else {
        let dx = ((x2 - x1) / 2.0).max(24.0);
        ((x1 + dx, y1), (x2 - dx, y2), x2 - 1.0)
    };
    let d = format!(
        "M{} {} C{} {}, {} {}, {} {}",
        fmt(x1),
        fmt(y1),
        fmt(c1.0),
        fmt(c1.1),
        fmt(c2.0),
        fmt(c2.1),
        fmt(end),
        fmt(y2)
    );
    html! {
        <path class={classes!("py-arrow", if a.from_name { "name" } else { "slot" }, changed.then_some("changed"))}
            d={d} marker-end="url(#py-head)" />
    }
}
