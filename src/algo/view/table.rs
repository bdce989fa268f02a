//! Hash search's table: numbered slots, empty or holding a value; the slot
//! being probed and the one just filled are marked.

use yew::prelude::*;

use super::roles;
use crate::algo::{Role, Value};
use crate::i18n::{algo as t, Lang};

pub struct HashTableProps {
    pub slots: Vec<Option<Value>>,
    pub roles: Vec<Role>,
}

pub fn hash_table(lang: Lang, props: &HashTableProps) -> Html {
    let slots = props.slots.iter().enumerate().map(|(h, v)| {
        let role = props.roles.get(h).copied().unwrap_or(Role::Normal);
        let empty = v.is_none();
        html! {
            <li class={classes!("box", "slot", roles::class(role), empty.then_some("empty"))} data-h={h.to_string()}>
                <span class="box-glyph" aria-hidden="true">{ roles::glyph(role) }</span>
                <span class="box-val">
                    { v.map(|v| v.to_string()).unwrap_or_else(|| "·".to_string()) }
                </span>
                <span class="box-idx">{ h }</span>
                if empty {
                    <span class="visually-hidden">{ t::EMPTY_SLOT.get(lang) }</span>
                }
            </li>
        }
    });
    html! {
        <div class="table-wrap">
            <p class="row-label">{ t::TABLE.get(lang) }{ format!(" table (m = {})", props.slots.len()) }</p>
            <ul class="boxes hash-slots">{ for slots }</ul>
        </div>
    }
}
