//! Every step as a row of text in the player's event table; a message the
//! sandbox may drop has its button there, the keyboard's way in.

use std::rc::Rc;

use yew::prelude::*;

use super::TraceRef;
use crate::i18n::net as t;
use crate::net::layout::arrow_text;
use crate::net::seq::{Event, MsgId};
use crate::player::event_table::{EventTable, Headings, Row, Rows, Toggle};
use crate::shell::use_lang;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub trace: TraceRef,
    pub pos: usize,
    pub on_toggle: Callback<MsgId>,
    pub on_seek: Callback<usize>,
}

#[component]
pub fn Table(props: &TableProps) -> Html {
    let lang = use_lang();
    let rows = use_memo((props.trace.clone(), lang), |(tr, lang)| {
        let tr = &tr.0;
        let rows = tr
            .steps
            .iter()
            .map(|s| Row {
                time: s.at.to_string(),
                text: s.caption.get(*lang).to_string(),
                toggle: match s.event {
                    Event::Sent { id } => tr.message(id).filter(|m| m.droppable).map(|m| {
                        let label = arrow_text(m);
                        Toggle {
                            id: id.0,
                            text: if m.lost { t::RESTORE } else { t::DROP }
                                .get(*lang)
                                .to_string(),
                            label: t::toggle_label(*lang, m.lost, &label),
                        }
                    }),
                    _ => None,
                },
            })
            .collect();
        Rows(Rc::new(rows))
    });
    let headings = Headings {
        title: t::TABLE_HEADING.get(lang),
        step: t::COL_STEP.get(lang),
        time: t::COL_TIME.get(lang),
        event: t::COL_EVENT.get(lang),
        sandbox: t::COL_SANDBOX.get(lang),
    };
    html! {
        <EventTable prefix="net" id_attr="data-msg" rows={(*rows).clone()} {headings} pos={props.pos}
            on_toggle={props.on_toggle.reform(MsgId)} on_seek={props.on_seek.clone()} />
    }
}
