//! An array as bars, from a zero line (negative values hang below it). Each
//! bar carries its role as a class (colour and pattern) and, when the bars
//! are wide enough, a glyph and its value.

use yew::prelude::*;

use super::roles;
use crate::algo::{Role, Value};
use crate::i18n::{algo as t, Lang};

/// Above this many bars, values and glyphs no longer fit under each bar
/// (on a phone the limit is 16: see `.n-gt-16` in style/algo.css).
const LABELS_UP_TO: usize = 24;

/// One row of bars, drawn by [`bars`].
pub struct BarsProps {
    /// `None` is an empty slot (merge sort's `tmp` before it fills).
    pub values: Vec<Option<Value>>,
    pub roles: Vec<Role>,
    /// The scale: the lowest and highest values of the whole run, so bars
    /// keep their height as they move.
    pub lo: Value,
    pub hi: Value,
    /// Merge sort: a line before this index marks `mid`.
    pub divider: Option<u16>,
    /// The auxiliary row (shorter, labelled `tmp`).
    pub aux: bool,
    pub compact: bool,
}

pub fn bars(lang: Lang, props: &BarsProps) -> Html {
    let n = props.values.len();
    let lo = i32::from(props.lo.min(0));
    let hi = i32::from(props.hi.max(0));
    let span = (hi - lo).max(1);
    let zero = percent(-lo, span);
    let labels = n <= LABELS_UP_TO && !props.compact;
    let bars = props.values.iter().enumerate().map(|(i, v)| {
        let role = props.roles.get(i).copied().unwrap_or(Role::Normal);
        let split = props.divider == Some(i as u16) && i > 0;
        let bar = v.map(|v| {
            let v = i32::from(v);
            let bottom = percent(v.min(0) - lo, span);
            let height = percent(v.abs(), span);
            html! {
                <div class="bar" style={format!("bottom:{bottom}%;height:{height}%")}></div>
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
                style={format!("--n:{n};--zero:{zero}%")}>
                { for bars }
            </div>
        </div>
    }
}

/// `part / whole` as a percentage with two decimals (`"37.50"`), for the
/// bars' CSS: the very text `format!("{:.2}", part / whole * 100.0)` gives.
fn percent(part: i32, whole: i32) -> String {
    crate::decimal::fixed(f64::from(part.max(0)) / f64::from(whole.max(1)) * 100.0, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::input::{MAX_VALUE, MIN_VALUE};

    /// Every bar the inputs allow gets the very style float formatting gave.
    #[test]
    fn percent_matches_float_formatting_for_every_possible_bar() {
        let widest = i32::from(MAX_VALUE) - i32::from(MIN_VALUE);
        for span in 1..=widest {
            for part in 0..=span {
                let float = f64::from(part) / f64::from(span) * 100.0;
                assert_eq!(percent(part, span), format!("{float:.2}"), "{part}/{span}");
            }
        }
    }
}
