//! A search's array as boxes, with their indices, `lo`/`mid`/`hi` under
//! them (binary search), or grouped by block under the index of block
//! maxima (block search).

use yew::prelude::*;

use super::roles;
use crate::algo::{Role, Value};
use crate::i18n::{algo as t, Lang};

pub struct BoxesProps {
    pub values: Vec<Value>,
    pub roles: Vec<Role>,
    /// Labels under boxes: (index, name).
    pub pointers: Vec<(u16, &'static str)>,
    /// Block search: block size, the index, the index entries' roles.
    pub blocks: Option<(u16, Vec<Value>, Vec<Role>)>,
}

pub fn boxes(lang: Lang, props: &BoxesProps) -> Html {
    let one = |i: usize| {
        let v = props.values[i];
        let role = props.roles.get(i).copied().unwrap_or(Role::Normal);
        let names: Vec<&str> = props
            .pointers
            .iter()
            .filter(|(k, _)| usize::from(*k) == i)
            .map(|(_, name)| *name)
            .collect();
        html! {
            <li class={classes!("box", roles::class(role))} data-i={i.to_string()}>
                <span class="box-glyph" aria-hidden="true">{ roles::glyph(role) }</span>
                <span class="box-val">{ v }</span>
                <span class="box-idx">{ i }</span>
                <span class="box-ptr">{ names.join(" ") }</span>
            </li>
        }
    };
    let n = props.values.len();
    let body = match &props.blocks {
        Some((size, index, index_roles)) => {
            let size = usize::from((*size).max(1));
            let groups = (0..n.div_ceil(size)).map(|b| {
                let role = index_roles.get(b).copied().unwrap_or(Role::Normal);
                let max = index.get(b).map(|v| v.to_string()).unwrap_or_default();
                html! {
                    <li class="block-group">
                        <div class={classes!("box", "index-box", roles::class(role))} data-b={b.to_string()}>
                            <span class="box-glyph" aria-hidden="true">{ roles::glyph(role) }</span>
                            <span class="box-val">{ max }</span>
                            <span class="box-idx">{ format!("index[{b}]") }</span>
                        </div>
                        <ul class="boxes">{ for (b * size..((b + 1) * size).min(n)).map(one) }</ul>
                    </li>
                }
            });
            html! {
                <>
                    <p class="row-label">{ t::INDEX.get(lang) }</p>
                    <ul class="blocks">{ for groups }</ul>
                </>
            }
        }
        None => html! { <ul class="boxes">{ for (0..n).map(one) }</ul> },
    };
    html! {
        <div class="boxes-wrap" role="group" aria-label={t::array_label(lang, &props.values)}>
            { body }
        </div>
    }
}
