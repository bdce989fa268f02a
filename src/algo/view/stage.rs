//! One run drawn at one position: the array (bars for sorts, boxes for
//! searches), the structures the code built, the variables, the caption and
//! the counters. Used alone and twice in race mode.

use std::rc::Rc;

use yew::prelude::*;

use super::bars::{bars, BarsProps};
use super::boxes::{boxes, BoxesProps};
use super::lists::{lists, ListsProps};
use super::{buckets, counters, table, RunRef};
use crate::algo::search::block;
use crate::algo::{AlgoId, Place, State, Value};
use crate::i18n::{algo as t, Lang};

pub struct StageProps {
    pub run: RunRef,
    pub state: Rc<State>,
    /// While playing, the caption is not announced (it would flood a screen
    /// reader); paused, each step is read out.
    pub playing: bool,
    /// Race mode: smaller bars.
    pub compact: bool,
}

pub fn stage(lang: Lang, props: &StageProps) -> Html {
    let run = &props.run.0;
    let s = &*props.state;
    let algo = run.algo;
    let n = s.main.len();
    let caption = t::caption(lang, algo, s);
    let picture = if algo.is_search() {
        search_picture(lang, algo, s)
    } else {
        sort_picture(lang, algo, s, &run.start, props.compact)
    };
    let live = if props.playing { "off" } else { "polite" };
    html! {
        <div class={classes!("algo-stage", props.compact.then_some("compact"))} data-n={n.to_string()}>
            { picture }
            <p class="algo-vars"><code>{ vars(algo, s) }</code></p>
            <p class="algo-caption" aria-live={live} aria-label={t::CAPTION_LABEL.get(lang)}>{ caption }</p>
            { counters::counters(lang, &counters::CountersViewProps { algo, counters: s.counters }) }
        </div>
    }
}

fn sort_picture(lang: Lang, algo: AlgoId, s: &State, start: &[Value], compact: bool) -> Html {
    let lo = start.iter().copied().min().unwrap_or(0).min(0);
    let hi = start.iter().copied().max().unwrap_or(1).max(1);
    let main: Vec<Option<Value>> = s.main.iter().copied().map(Some).collect();
    let roles = (0..s.main.len())
        .map(|i| s.role(Place::Main(i as u16)))
        .collect::<Vec<_>>();
    let divider = s.split_at;
    let aux = (algo == AlgoId::MergeSort).then(|| {
        let roles = (0..s.aux.len())
            .map(|i| s.role(Place::Aux(i as u16)))
            .collect::<Vec<_>>();
        bars(
            lang,
            &BarsProps {
                values: s.aux.clone(),
                roles,
                lo,
                hi,
                divider: None,
                aux: true,
                compact,
            },
        )
    });
    let lists = matches!(algo, AlgoId::QuickSort | AlgoId::RadixSort).then(|| {
        lists(&ListsProps {
            algo,
            left: s.left.clone(),
            right: s.right.clone(),
            written: written(s),
        })
    });
    let buckets = (algo == AlgoId::RadixSort).then(|| {
        buckets::buckets(
            lang,
            &buckets::BucketsProps {
                buckets: s.buckets.to_vec(),
                written: written(s),
            },
        )
    });
    html! {
        <>
            { bars(lang, &BarsProps { values: main, roles, lo, hi, divider, aux: false, compact }) }
            { for aux }
            { for buckets }
            { for lists }
        </>
    }
}

fn search_picture(lang: Lang, algo: AlgoId, s: &State) -> Html {
    let roles = (0..s.main.len())
        .map(|i| s.role(Place::Main(i as u16)))
        .collect::<Vec<_>>();
    let mut pointers: Vec<(u16, &'static str)> = Vec::new();
    if let Some((lo, end)) = s.window {
        pointers.push((lo, "lo"));
        if end > 0 {
            pointers.push((end - 1, "hi"));
        }
    }
    if let (Some(m), None) = (s.mid, s.end) {
        pointers.push((m, "mid"));
    }
    // Block search draws its blocks from the start (the index fills in as
    // the code builds it), so the layout does not jump at the first step.
    let block_size = match algo {
        AlgoId::BlockSearch => s
            .block_size
            .or_else(|| u16::try_from(block::block_size(s.main.len())).ok()),
        _ => None,
    };
    let blocks = block_size.map(|size| {
        let index_roles = (0..s.index.len())
            .map(|b| s.role(Place::Index(b as u16)))
            .collect::<Vec<_>>();
        (size, s.index.clone(), index_roles)
    });
    let table = (algo == AlgoId::HashSearch && !s.table.is_empty()).then(|| {
        let roles = (0..s.table.len())
            .map(|h| s.role(Place::Table(h as u16)))
            .collect::<Vec<_>>();
        table::hash_table(
            lang,
            &table::HashTableProps {
                slots: s.table.clone(),
                roles,
            },
        )
    });
    html! {
        <>
            { boxes(lang, &BoxesProps { values: s.main.clone(), roles, pointers, blocks }) }
            { for table }
        </>
    }
}

/// The place the last step wrote, for the lists and buckets to highlight.
fn written(s: &State) -> Option<Place> {
    match s.last?.op {
        crate::algo::Op::Write { to, .. } => Some(to),
        _ => None,
    }
}

/// The code's variables worth seeing, as `name = value` pairs.
fn vars(algo: AlgoId, s: &State) -> String {
    let mut out: Vec<String> = Vec::new();
    let value = |i: u16| s.main.get(usize::from(i)).copied();
    if let Some(k) = s.key {
        let name = match algo {
            AlgoId::ShellSort => "tmp",
            AlgoId::HashSearch if s.held.is_some() => "x",
            _ => "key",
        };
        out.push(format!("{name} = {k}"));
    }
    if let Some(g) = s.gap {
        out.push(format!("gap = {g}"));
    }
    if let Some(e) = s.exp {
        out.push(format!("exp = {e}"));
    }
    if let Some(p) = s.pivot.and_then(value) {
        out.push(format!("pivot = {p}"));
    }
    if let Some(m) = s.min {
        out.push(format!("m = {m}"));
    }
    if let Some((lo, hi)) = s.range {
        if !algo.is_search() {
            out.push(format!("a[{lo}:{hi}]"));
        }
    }
    if let Some((lo, end)) = s.window {
        out.push(format!("lo = {lo}, hi = {}", i32::from(end) - 1));
    }
    if let Some(m) = s.mid {
        out.push(format!("mid = {m}"));
    }
    if !s.table.is_empty() {
        out.push(format!("m = {}", s.table.len()));
    }
    if let Some(h) = s.probe {
        out.push(format!("h = {h}"));
    }
    if let Some(size) = s.block_size {
        out.push(format!("size = {size}"));
    }
    if let Some(b) = s.block {
        out.push(format!("b = {b}"));
    }
    if out.is_empty() {
        // Keep the line's height so the layout does not jump.
        "\u{a0}".to_string()
    } else {
        out.join("   ")
    }
}
