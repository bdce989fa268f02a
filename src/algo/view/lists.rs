//! The two side lists: simple quick sort's `left` and `right`, radix
//! sort's `neg` and `pos`.

use yew::prelude::*;

use crate::algo::{AlgoId, Place, Value};

pub struct ListsProps {
    pub algo: AlgoId,
    pub left: Vec<Value>,
    pub right: Vec<Value>,
    /// The place just written, highlighted.
    pub written: Option<Place>,
}

pub fn lists(props: &ListsProps) -> Html {
    let (l, r) = if props.algo == AlgoId::RadixSort {
        ("neg", "pos")
    } else {
        ("left", "right")
    };
    let list = |name: &'static str, values: &[Value], is_left: bool| {
        let chips = values.iter().enumerate().map(|(k, v)| {
            let hit = match props.written {
                Some(Place::Left(w)) => is_left && usize::from(w) == k,
                Some(Place::Right(w)) => !is_left && usize::from(w) == k,
                _ => false,
            };
            html! { <li class={classes!("chip", hit.then_some("role-written"))}>{ v }</li> }
        });
        html! {
            <div class="side-list" data-list={name}>
                <code class="row-label">{ format!("{name} =") }</code>
                <ul class="chips">
                    <li class="bracket" aria-hidden="true">{ "[" }</li>
                    { for chips }
                    <li class="bracket" aria-hidden="true">{ "]" }</li>
                </ul>
            </div>
        }
    };
    html! {
        <div class="side-lists">
            { list(l, &props.left, true) }
            { list(r, &props.right, false) }
        </div>
    }
}
