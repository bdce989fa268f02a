//! Every event as a row of text: the diagram's equivalent for screen
//! readers and for anyone who prefers reading. The current step is marked;
//! a row's step number jumps there; each segment's row has a button that
//! drops or restores it, the keyboard's way into the sandbox.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::TraceRef;
use crate::i18n::tcp as t;
use crate::shell::use_lang;
use crate::tcp::caption::caption;
use crate::tcp::model::SegId;
use crate::tcp::trace::{Event, SeqMode};

#[derive(Properties, PartialEq)]
pub struct EventTableProps {
    pub trace: TraceRef,
    pub pos: usize,
    pub mode: SeqMode,
    pub on_toggle: Callback<SegId>,
    pub on_seek: Callback<usize>,
}

#[component]
pub fn EventTable(props: &EventTableProps) -> Html {
    let lang = use_lang();
    let texts = use_memo(
        (props.trace.clone(), lang, props.mode),
        |(tr, lang, mode)| {
            let t = &tr.0;
            Rc::new(
                (0..t.len())
                    .map(|i| {
                        caption(t, i)
                            .map(|c| t::caption(*lang, &c, t, *mode))
                            .unwrap_or_default()
                    })
                    .collect::<Vec<String>>(),
            )
        },
    );
    let trace = &props.trace.0;
    let current = props.pos.checked_sub(1);

    // Keep the current row in sight inside the table's own scroll box.
    let scroller = use_node_ref();
    let row = use_node_ref();
    {
        let (scroller, row) = (scroller.clone(), row.clone());
        use_effect_with(props.pos, move |_| {
            if let (Some(b), Some(r)) = (scroller.cast::<HtmlElement>(), row.cast::<HtmlElement>())
            {
                let (top, h) = (b.scroll_top(), b.client_height());
                let (rt, rh) = (r.offset_top(), r.offset_height());
                if rt < top + 32 || rt + rh > top + h {
                    b.set_scroll_top((rt - h / 2).max(0));
                }
            }
        });
    }

    let rows = trace.events.iter().enumerate().map(|(i, e)| {
        let is_current = Some(i) == current;
        let seek = props.on_seek.reform(move |_: MouseEvent| i + 1);
        let toggle = match e.event {
            Event::SegmentSent { id, .. } => {
                let lost = trace.segment(id).is_some_and(|s| s.lost);
                let label = trace.label(id, props.mode);
                let onclick = props.on_toggle.reform(move |_: MouseEvent| id);
                html! {
                    <button type="button" class="button tcp-toggle" {onclick}
                        aria-label={t::toggle_label(lang, lost, &label)} data-seg={id.0.to_string()}>
                        { if lost { t::RESTORE.get(lang) } else { t::DROP.get(lang) } }
                    </button>
                }
            }
            _ => html! {},
        };
        // Keyed by step: a drop adds rows (retransmissions) further down,
        // and unkeyed rows would hand the focused toggle's element to another
        // segment, so a second Enter would drop that one instead of restoring.
        html! {
            <tr key={i} class={classes!(is_current.then_some("current"), (Some(i) > current).then_some("future"))}
                aria-current={is_current.then_some("step")}
                ref={if is_current { row.clone() } else { NodeRef::default() }}>
                <td class="tcp-col-step">
                    <button type="button" class="tcp-seek" onclick={seek}>{ i + 1 }</button>
                </td>
                <td class="tcp-col-time">{ e.at }</td>
                <td>{ texts.get(i).cloned().unwrap_or_default() }</td>
                <td class="tcp-col-sandbox">{ toggle }</td>
            </tr>
        }
    });
    html! {
        <section class="tcp-events">
            <h2 id="tcp-events-heading">{ t::TABLE_HEADING.get(lang) }</h2>
            <div class="tcp-table-box" ref={scroller} tabindex="0" role="region" aria-labelledby="tcp-events-heading">
                <table class="tcp-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t::COL_STEP.get(lang) }</th>
                            <th scope="col">{ t::COL_TIME.get(lang) }</th>
                            <th scope="col">{ t::COL_EVENT.get(lang) }</th>
                            <th scope="col">{ t::COL_SANDBOX.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
