//! An array as bars, from a zero line (negative values hang below it). Each
//! bar carries its role as a class (colour and pattern) and, when the bars
//! are wide enough, a glyph and its value.

use yew::prelude::*;

use super::roles;
use crate::algo::{Role, Value};
use crate::i18n::algo as t;
use crate::shell::use_lang;

/// Above this many bars, values and glyphs no longer fit under each bar
/// (on a phone the limit is 16: see `.n-gt-16` in style/algo.css).
const LABELS_UP_TO: usize = 24;

#[derive(Properties, PartialEq)]
pub struct BarsProps {
    /// `None` is an empty slot (merge sort's `tmp` before it fills).
    pub values: Vec<Option<Value>>,
    pub roles: Vec<Role>,
    /// The scale: the lowest and highest values of the whole run, so bars
    /// keep their height as they move.
    pub lo: Value,
    pub hi: Value,
    /// Merge sort: a line before this index marks `mid`.
    #[prop_or_default]
    pub divider: Option<u16>,
    /// The auxiliary row (shorter, labelled `tmp`).
    #[prop_or_default]
    pub aux: bool,
    #[prop_or_default]
    pub compact: bool,
}

#[component]
pub fn Bars(props: &BarsProps) -> Html {
    let lang = use_lang();
    let n = props.values.len();
    let lo = i32::from(props.lo.min(0));
    let hi = i32::from(props.hi.max(0));
    let span = (hi - lo).max(1) as f64;
    let zero = f64::from(-lo) / span * 100.0;
    let labels = n <= LABELS_UP_TO && !props.compact;
    let bars = props.values.iter().enumerate().map(|(i, v)| {
        let role = props.roles.get(i).copied().unwrap_or(Role::Normal);
        let split = props.divider == Some(i as u16) && i > 0;
        let bar = v.map(|v| {
            let v = i32::from(v);
            let bottom = f64::from(v.min(0) - lo) / span * 100.0;
            let height = f64::from(v.abs()) / span * 100.0;
            html! {
                <div class="bar" style={format!("bottom:{bottom:.2}%;height:{height:.2}%")}></div>
            }
        });
        html! {
            <div class={classes!("bar-col", roles::class(role), split.then_some("split"))}
                data-i={i.to_string()}>
                <div class="bar-area">
                    { for bar }
                    if labels {
                        <span class="bar-glyph" aria-hidden="true">{ roles::glyph(role) }</span>
                    }
                </div>
                if labels {
                    <span class="bar-val">{ v.map(|v| v.to_string()).unwrap_or_default() }</span>
                }
            </div>
        }
    });
    let label = if props.aux {
        t::AUX_TMP.get(lang).to_string()
    } else {
        let known: Vec<Value> = props.values.iter().flatten().copied().collect();
        t::array_label(lang, &known)
    };
    html! {
        <div class={classes!("bars-wrap", props.aux.then_some("aux"))}>
            if props.aux {
                <span class="row-label" aria-hidden="true">{ "tmp" }</span>
            }
            <div class={classes!("bars", labels.then_some("labelled"), (n > 16).then_some("n-gt-16"), (n > 80).then_some("dense"))} role="img" aria-label={label}
                style={format!("--n:{n};--zero:{zero:.2}%")}>
                { for bars }
            </div>
        </div>
    }
}
