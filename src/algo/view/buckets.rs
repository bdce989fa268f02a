//! Radix sort's ten buckets, each a column of the values dropped in it.

use yew::prelude::*;

use crate::algo::{Place, Value};
use crate::i18n::{algo as t, Lang};

pub struct BucketsProps {
    /// Buckets 0..=9.
    pub buckets: Vec<Vec<Value>>,
    /// The place just written, highlighted.
    pub written: Option<Place>,
}

pub fn buckets(lang: Lang, props: &BucketsProps) -> Html {
    let columns = props.buckets.iter().enumerate().map(|(d, values)| {
        let chips = values.iter().enumerate().map(|(k, v)| {
            let hit = props.written == Some(Place::Bucket(d as u8, k as u16));
            html! { <li class={classes!("chip", hit.then_some("role-written"))}>{ v }</li> }
        });
        let hit = matches!(props.written, Some(Place::Bucket(w, _)) if usize::from(w) == d);
        html! {
            <li class={classes!("bucket", hit.then_some("active"))} data-d={d.to_string()}>
                <span class="bucket-digit">{ d }</span>
                <ul class="chips">{ for chips }</ul>
            </li>
        }
    });
    html! {
        <div class="buckets-wrap">
            <p class="row-label">{ t::BUCKETS.get(lang) }{ " buckets[0..9]" }</p>
            <ol class="buckets">{ for columns }</ol>
        </div>
    }
}
