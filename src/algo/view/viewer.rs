//! One algorithm's page: the run from the URL, the player, and everything
//! drawn at the player's position. The URL is the only home of the run
//! (input, key, race partner), so a link reproduces it and Back works.

use std::cell::RefCell;
use std::rc::Rc;

use crate::router::*;
use yew::prelude::*;

use super::algo_picker::{algo_picker, AlgoPickerProps};
use super::code::{code_panel, CodePanelProps};
use super::facts::facts_card;
use super::input_form::InputForm;
use super::legend::{legend, LegendProps};
use super::race::{race, RaceViewProps};
use super::race_picker::{race_picker, RacePickerProps};
use super::stage::{stage, StageProps};
use super::{RunRef, STEPS_PER_SEC};
use crate::algo::query::{merged, RunSpec};
use crate::algo::{AlgoId, Replayer, State};
use crate::i18n::algo as t;
use crate::player::controls::Controls;
use crate::player::use_player;
use crate::route::Route;
use crate::shell::{use_lang, use_query_string, use_title};

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub algo: AlgoId,
}

/// The state of `run` at `pos`, replayed incrementally across renders.
#[hook]
fn use_frame(run: Option<RunRef>, pos: usize) -> Option<Rc<State>> {
    let cache: Rc<RefCell<Option<(RunRef, Replayer)>>> = use_mut_ref(|| None);
    let run = run?;
    let mut slot = cache.borrow_mut();
    if slot.as_ref().is_none_or(|(r, _)| *r != run) {
        *slot = Some((run.clone(), Replayer::new(&run.0.start)));
    }
    slot.as_mut()
        .map(|(r, replayer)| Rc::new(replayer.seek(&r.0.trace, pos).clone()))
}

#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let lang = use_lang();
    let algo = props.algo;
    let navigator = use_navigator();
    let query_str = use_query_string();

    use_title(t::title(algo).get(lang));

    // `make bench` measures through hooks on `?bench`, built in only with the
    // `bench` feature (tools/build.mjs --features bench): releases leave them out.
    #[cfg(feature = "bench")]
    {
        let bench_on = crate::route::has(&query_str, "bench");
        use_effect_with(bench_on, |on| {
            if *on {
                super::bench::install();
            }
        });
    }

    let parsed = use_memo(query_str.clone(), |q| RunSpec::from_query(q));
    let (spec, link_error) = match &*parsed {
        Ok(spec) => (spec.clone(), None),
        Err(e) => (RunSpec::default(), Some(e.clone())),
    };
    let vs = spec.vs.filter(|b| algo.can_race(*b));

    let runs = use_memo((algo, spec.clone(), vs), |(algo, spec, vs)| {
        let values = spec.values();
        let key = spec.key_for(&values);
        let run = |a: AlgoId| RunRef(Rc::new(a.run(&values, key)));
        (Rc::new(values.clone()), key, run(*algo), vs.map(run))
    });
    let (values, key, run_a, run_b) = (*runs).clone();
    let len_a = run_a.0.trace.len();
    let len_b = run_b.as_ref().map_or(0, |r| r.0.trace.len());
    let player = use_player(len_a.max(len_b), STEPS_PER_SEC);
    {
        let player = player.clone();
        let len = len_a.max(len_b);
        use_effect_with((algo, spec.clone(), vs), move |_| {
            player.reset(len, STEPS_PER_SEC)
        });
    }
    let pos = player.pos();
    let state_a = use_frame(Some(run_a.clone()), pos.min(len_a));
    let state_b = use_frame(run_b.clone(), pos.min(len_b));

    let on_apply = {
        let (navigator, query_str) = (navigator.clone(), query_str.clone());
        Callback::from(move |spec: RunSpec| {
            if let Some(nav) = &navigator {
                let to = Route::Algo {
                    algorithm: algo.slug().to_string(),
                };
                nav.replace_with_query(&to, &merged(&query_str, &spec));
            }
        })
    };
    let on_race = {
        let (on_apply, spec) = (on_apply.clone(), spec.clone());
        Callback::from(move |vs: Option<AlgoId>| on_apply.emit(RunSpec { vs, ..spec.clone() }))
    };

    let playing = player.is_playing();
    let main = match (state_a, &run_b, state_b) {
        (Some(sa), Some(rb), Some(sb)) => html! {
            <>
                { race(lang, &RaceViewProps { a: run_a.clone(), b: rb.clone(), state_a: sa, state_b: sb, playing, pos }) }
                <Controls player={player.clone()} />
            </>
        },
        (Some(sa), _, _) => {
            let line = sa.last.map(|s| s.line);
            html! {
                <div class="algo-main">
                    <div class="algo-stage-col">
                        { stage(lang, &StageProps { run: run_a.clone(), state: sa, playing, compact: false }) }
                        <Controls player={player.clone()} />
                    </div>
                    <aside class="algo-side">
                        { code_panel(lang, &CodePanelProps { algo, line }) }
                    </aside>
                </div>
            }
        }
        _ => html! {},
    };
    let arranged = match algo {
        AlgoId::BinarySearch => Some(t::SEARCH_ARRANGED_SORTED),
        AlgoId::BlockSearch => Some(t::SEARCH_ARRANGED_BLOCKS),
        _ => None,
    };
    html! {
        <section class="page algo algo-page" data-algo={algo.slug()}>
            <header class="algo-head">
                <h1>{ t::title(algo).get(lang) }</h1>
                { algo_picker(lang, navigator.clone(), &AlgoPickerProps { current: algo, query: query_str.clone() }) }
            </header>
            <p class="algo-summary">{ t::summary(algo).get(lang) }</p>
            if let Some(e) = &link_error {
                <p class="callout algo-link-error" role="alert">{ t::query_error(lang, e) }</p>
            }
            if let Some(note) = arranged {
                <p class="muted algo-arranged">{ note.get(lang) }</p>
            }
            { main }
            <div class="algo-lower">
                <InputForm {algo} spec={spec.clone()} {values} search_key={key} on_apply={on_apply.clone()} />
                <div class="algo-lower-side">
                    { race_picker(lang, &RacePickerProps { algo, vs, on_change: on_race }) }
                    { facts_card(lang, algo) }
                    if let Some(b) = vs {
                        { facts_card(lang, b) }
                    }
                    { legend(lang, &LegendProps { algos: std::iter::once(algo).chain(vs).collect::<Vec<_>>() }) }
                </div>
            </div>
        </section>
    }
}
