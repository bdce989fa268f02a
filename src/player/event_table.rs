//! Every step of a trace as a row of text: a diagram's equivalent for
//! screen readers and for anyone who prefers reading. The current step is
//! marked; a row's step number jumps there; a row that sends something the
//! sandbox may drop has a button that drops or restores it, the keyboard's
//! way into the sandbox. Each diagram builds the rows in its own words.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

/// One step, as text.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub time: String,
    pub text: String,
    pub toggle: Option<Toggle>,
}

/// A drop/restore button for the message a step sends.
#[derive(Clone, Debug, PartialEq)]
pub struct Toggle {
    /// The message's id in its trace.
    pub id: u16,
    /// "Drop" or "Restore".
    pub text: String,
    /// Its accessible name: what it drops or restores.
    pub label: String,
}

/// The rows, shared; equal when they are the same rows, so props compare
/// in O(1).
#[derive(Clone, Debug)]
pub struct Rows(pub Rc<Vec<Row>>);

impl PartialEq for Rows {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The column headings and the table's title.
#[derive(Clone, Debug, PartialEq)]
pub struct Headings {
    pub title: &'static str,
    pub step: &'static str,
    pub time: &'static str,
    pub event: &'static str,
    pub sandbox: &'static str,
}

#[derive(Properties, PartialEq)]
pub struct EventTableProps {
    /// Class prefix of the feature (`tcp`, `net`).
    pub prefix: &'static str,
    /// The data attribute naming a toggle's message (`data-seg`).
    pub id_attr: &'static str,
    pub rows: Rows,
    pub headings: Headings,
    pub pos: usize,
    pub on_toggle: Callback<u16>,
    pub on_seek: Callback<usize>,
}

#[component]
pub fn EventTable(props: &EventTableProps) -> Html {
    let p = props.prefix;
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

    let rows = props.rows.0.iter().enumerate().map(|(i, r)| {
        let is_current = Some(i) == current;
        let seek = props.on_seek.reform(move |_: MouseEvent| i + 1);
        let toggle = r.toggle.as_ref().map(|tg| {
            let id = tg.id;
            let onclick = props.on_toggle.reform(move |_: MouseEvent| id);
            let mut button = html! {
                <button type="button" class={classes!("button", format!("{p}-toggle"))} {onclick}
                    aria-label={tg.label.clone()}>
                    { tg.text.clone() }
                </button>
            };
            if let Html::VTag(tag) = &mut button {
                std::rc::Rc::make_mut(tag).add_attribute(props.id_attr, id.to_string());
            }
            button
        });
        // Keyed by step: a drop adds rows (retries) further down, and
        // unkeyed rows would hand the focused toggle's element to another
        // message, so a second Enter would drop that one instead.
        html! {
            <tr key={i} class={classes!(is_current.then_some("current"), (Some(i) > current).then_some("future"))}
                aria-current={is_current.then_some("step")}
                ref={if is_current { row.clone() } else { NodeRef::default() }}>
                <td class={format!("{p}-col-step")}>
                    <button type="button" class={format!("{p}-seek")} onclick={seek}>{ i + 1 }</button>
                </td>
                <td class={format!("{p}-col-time")}>{ r.time.clone() }</td>
                <td>{ r.text.clone() }</td>
                <td class={format!("{p}-col-sandbox")}>{ toggle.unwrap_or_default() }</td>
            </tr>
        }
    });
    let h = &props.headings;
    let heading_id = format!("{p}-events-heading");
    html! {
        <section class={format!("{p}-events")}>
            <h2 id={heading_id.clone()}>{ h.title }</h2>
            <div class={format!("{p}-table-box")} ref={scroller} tabindex="0" role="region" aria-labelledby={heading_id}>
                <table class={format!("{p}-table")}>
                    <thead>
                        <tr>
                            <th scope="col">{ h.step }</th>
                            <th scope="col">{ h.time }</th>
                            <th scope="col">{ h.event }</th>
                            <th scope="col">{ h.sandbox }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
