//! Every event as a row of text, worded by `tcp::caption`, in the
//! player's event table; each segment's row can drop or restore it.

use std::rc::Rc;

use yew::prelude::*;

use super::TraceRef;
use crate::i18n::tcp as t;
use crate::player::event_table::{EventTable as Table, Headings, Row, Rows, Toggle};
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
    let rows = use_memo(
        (props.trace.clone(), lang, props.mode),
        |(tr, lang, mode)| {
            let t = &tr.0;
            let rows = t
                .events
                .iter()
                .enumerate()
                .map(|(i, e)| Row {
                    time: e.at.to_string(),
                    text: caption(t, i)
                        .map(|c| t::caption(*lang, &c, t, *mode))
                        .unwrap_or_default(),
                    toggle: match e.event {
                        Event::SegmentSent { id, .. } => {
                            let lost = t.segment(id).is_some_and(|s| s.lost);
                            let label = t.label(id, *mode);
                            Some(Toggle {
                                id: id.0,
                                text: if lost { t::RESTORE } else { t::DROP }
                                    .get(*lang)
                                    .to_string(),
                                label: t::toggle_label(*lang, lost, &label),
                            })
                        }
                        _ => None,
                    },
                })
                .collect();
            Rows(Rc::new(rows))
        },
    );
    let headings = Headings {
        title: t::TABLE_HEADING.get(lang),
        step: t::COL_STEP.get(lang),
        time: t::COL_TIME.get(lang),
        event: t::COL_EVENT.get(lang),
        sandbox: t::COL_SANDBOX.get(lang),
    };
    let on_toggle = props.on_toggle.reform(SegId);
    html! {
        <Table prefix="tcp" id_attr="data-seg" rows={(*rows).clone()} {headings} pos={props.pos}
            {on_toggle} on_seek={props.on_seek.clone()} />
    }
}
