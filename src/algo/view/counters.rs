//! Comparisons, swaps, writes (and probes for hash search), read off the
//! trace up to the current step.

use yew::prelude::*;

use crate::algo::{AlgoId, Counters};
use crate::i18n::{algo as t, Lang};

pub struct CountersViewProps {
    pub algo: AlgoId,
    pub counters: Counters,
}

pub fn counters(lang: Lang, props: &CountersViewProps) -> Html {
    let c = props.counters;
    let mut rows = vec![("comparisons", t::COMPARISONS, c.comparisons)];
    if !props.algo.is_search() {
        rows.push(("swaps", t::SWAPS, c.swaps));
    }
    if !matches!(props.algo, AlgoId::SequentialSearch | AlgoId::BinarySearch) {
        rows.push(("writes", t::WRITES, c.writes));
    }
    if props.algo == AlgoId::HashSearch {
        rows.push(("probes", t::PROBES, c.probes));
    }
    html! {
        <dl class="counters" aria-label={t::COUNTERS_TITLE.get(lang)}>
            { for rows.into_iter().map(|(key, label, n)| html! {
                <div class="counter" data-counter={key}>
                    <dt>{ label.get(lang) }</dt>
                    <dd>{ n }</dd>
                </div>
            }) }
        </dl>
    }
}
