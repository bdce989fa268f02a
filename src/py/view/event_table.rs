//! Every step as a row of text: the diagram's equivalent for screen
//! readers and for anyone who prefers reading. The current step is marked;
//! a row's step number jumps there.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::caption_panel::step_text;
use super::RunRef;
use crate::i18n::py as t;
use crate::py::scenarios::ScenarioId;
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct EventTableProps {
    pub run: RunRef,
    pub id: ScenarioId,
    pub edited: bool,
    pub pos: usize,
    pub on_seek: Callback<usize>,
}

#[component]
pub fn EventTable(props: &EventTableProps) -> Html {
    let lang = use_lang();
    let texts = use_memo(
        (props.run.clone(), lang, props.id, props.edited),
        |(run, lang, id, edited)| {
            Rc::new(
                (0..run.0.steps.len())
                    .map(|i| step_text(*lang, *id, *edited, &run.0, i))
                    .collect::<Vec<_>>(),
            )
        },
    );
    let current = props.pos.checked_sub(1);
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
    let rows = props.run.0.steps.iter().enumerate().map(|(i, s)| {
        let is_current = Some(i) == current;
        let seek = props.on_seek.reform(move |_: MouseEvent| i + 1);
        html! {
            <tr key={i} class={classes!(is_current.then_some("current"), (Some(i) > current).then_some("future"))}
                aria-current={is_current.then_some("step")}
                ref={if is_current { row.clone() } else { NodeRef::default() }}>
                <td class="py-col-step"><button type="button" class="py-seek" onclick={seek}>{ i + 1 }</button></td>
                <td class="py-col-line">{ s.line }</td>
                <td>{ texts.get(i).cloned().unwrap_or_default() }</td>
            </tr>
        }
    });
    html! {
        <section class="py-events">
            <h2 id="py-events-heading">{ t::TABLE_HEADING.get(lang) }</h2>
            <div class="py-table-box" ref={scroller} tabindex="0" role="region" aria-labelledby="py-events-heading">
                <table class="py-table">
                    <thead>
                        <tr>
                            <th scope="col">{ t::COL_STEP.get(lang) }</th>
                            <th scope="col">{ t::COL_LINE.get(lang) }</th>
                            <th scope="col">{ t::COL_WHAT.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
