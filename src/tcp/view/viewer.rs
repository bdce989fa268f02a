//! One scenario's page: the run from the URL, the player, and everything
//! drawn at the player's position. The URL is the only home of the run
//! (sandbox flips, seed, number display), so a link reproduces it.

use std::rc::Rc;

use crate::router::*;
use yew::prelude::*;

use super::caption_panel::{caption_panel, CaptionPanelProps};
use super::options::{options, OptionsProps};
use super::{
    diagram::Diagram, event_table::EventTable, legend::legend, note_links::note_links,
    picker::Picker, TraceRef, STEPS_PER_SEC,
};
use crate::i18n::tcp as t;
use crate::player::controls::Controls;
use crate::player::use_resumable_player;
use crate::route::Route;
use crate::shell::{dom, use_after_first_screen, use_lang, use_query_string, use_title};
use crate::tcp::query::ViewQuery;
use crate::tcp::trace::{Event, SeqMode};
use crate::tcp::{simulate_with_drops, ScenarioId, SegId};

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub id: ScenarioId,
}

#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let lang = use_lang();
    let id = props.id;
    let navigator = use_navigator();
    let query_str = use_query_string();
    use_title(t::title(id).get(lang));

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

    let view = use_memo(query_str.clone(), |q| ViewQuery::parse(q));
    let trace = use_memo((id, view.seed, view.drops.clone()), |(id, seed, drops)| {
        TraceRef(Rc::new(simulate_with_drops(id.scenario(), *seed, drops)))
    });
    // A new scenario or seed starts from the beginning; a sandbox flip
    // continues from the flipped segment.
    let (player, resume_at) =
        use_resumable_player((id, view.seed), trace.clone(), trace.0.len(), STEPS_PER_SEC);

    let navigate = {
        let (navigator, query_str) = (navigator.clone(), query_str.clone());
        Callback::from(move |next: ViewQuery| {
            if let Some(nav) = &navigator {
                let to = Route::Tcp {
                    scenario: id.slug().to_string(),
                };
                nav.replace_with_query(&to, &next.merged_into(&query_str));
            }
        })
    };
    let on_toggle = {
        let (navigate, view, trace, resume_at) = (
            navigate.clone(),
            view.clone(),
            trace.clone(),
            resume_at.clone(),
        );
        Callback::from(move |seg: SegId| {
            let sent_at = trace
                .0
                .events
                .iter()
                .position(|e| matches!(e.event, Event::SegmentSent { id, .. } if id == seg));
            *resume_at.borrow_mut() = sent_at.map(|i| i + 1);
            navigate.emit(view.toggled(seg));
        })
    };
    let on_mode = {
        let (navigate, view) = (navigate.clone(), view.clone());
        Callback::from(move |mode: SeqMode| {
            navigate.emit(ViewQuery {
                mode,
                ..(*view).clone()
            })
        })
    };
    let on_reset = {
        let (navigate, view) = (navigate.clone(), view.clone());
        Callback::from(move |_| {
            navigate.emit(ViewQuery {
                drops: Vec::new(),
                ..(*view).clone()
            })
        })
    };
    let on_reseed = {
        let (navigate, view) = (navigate.clone(), view.clone());
        Callback::from(move |_| {
            // Any new value will do; the clock gives one without a PRNG.
            let seed = (dom::perf_now() * 1000.0) as u64 ^ view.seed.rotate_left(17);
            navigate.emit(ViewQuery {
                seed,
                ..(*view).clone()
            })
        })
    };
    let on_seek = {
        let player = player.clone();
        Callback::from(move |pos: usize| player.seek(pos))
    };

    let below_the_fold = use_after_first_screen();
    let pos = player.pos();
    let playing = player.is_playing();
    let speed = player.cursor().speed();
    let mode = view.mode;
    html! {
        <section class="page tcp-page" data-scenario={id.slug()}>
            <header class="tcp-head">
                <h1>{ t::title(id).get(lang) }</h1>
                <Picker current={id} query={query_str.clone()} />
            </header>
            <p class="tcp-summary">{ t::summary(id).get(lang) }</p>
            <div class="tcp-main">
                <div class="tcp-stage">
                    <Diagram trace={(*trace).clone()} {id} {pos} {playing} {speed} {mode}
                        on_toggle={on_toggle.clone()} />
                    <Controls player={player.clone()} />
                    { legend(lang) }
                </div>
                <aside class="tcp-side">
                    { caption_panel(lang, &CaptionPanelProps { trace: &trace, pos, playing, mode }) }
                    { options(lang, &OptionsProps { mode, changed: view.drops.len(), on_mode, on_reset, on_reseed }) }
                    { note_links(lang, id) }
                </aside>
            </div>
            if below_the_fold {
                <EventTable trace={(*trace).clone()} {pos} {mode} {on_toggle} {on_seek} />
            }
        </section>
    }
}
