//! One scenario's page: the run from the URL, the player, and everything
//! drawn at the player's position. The URL is the only home of the run
//! (sandbox flips, seed), so a link reproduces it.

use std::rc::Rc;

use crate::router::*;
use yew::prelude::*;

use super::sandbox::{sandbox, SandboxProps};
use super::{
    details::details, diagram::Diagram, legend::legend, picker::Picker, table::Table, TraceRef,
    STEPS_PER_SEC,
};
use crate::i18n::net as t;
use crate::net::seq::{Event, MsgId};
use crate::net::{build, query, ScenarioId};
use crate::notes::view::question_links::question_links;
use crate::player::caption_panel::{caption_panel, CaptionPanelProps};
use crate::player::controls::Controls;
use crate::player::use_resumable_player;
use crate::route::Route;
use crate::shell::{dom, use_lang, use_query_string, use_title};

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

    let opts = use_memo(query_str.clone(), |q| query::parse(q));
    let trace = use_memo((id, (*opts).clone()), |(id, o)| {
        TraceRef(Rc::new(build(*id, o)))
    });
    let can_drop = use_memo(id, |id| id.can_drop());
    // A new scenario starts from the beginning; a sandbox flip continues
    // from the flipped message.
    let (player, resume_at) = use_resumable_player(id, trace.clone(), trace.0.len(), STEPS_PER_SEC);

    let navigate = {
        let (navigator, query_str) = (navigator.clone(), query_str.clone());
        Callback::from(move |next: crate::net::Options| {
            if let Some(nav) = &navigator {
                let to = Route::Net {
                    scenario: id.slug().to_string(),
                };
                nav.replace_with_query(&to, &query::merged_into(&next, &query_str));
            }
        })
    };
    let on_toggle = {
        let (navigate, opts, trace, resume_at) = (
            navigate.clone(),
            opts.clone(),
            trace.clone(),
            resume_at.clone(),
        );
        Callback::from(move |msg: MsgId| {
            if !trace.0.message(msg).is_some_and(|m| m.droppable) {
                return;
            }
            let sent_at = trace
                .0
                .steps
                .iter()
                .position(|s| s.event == Event::Sent { id: msg });
            *resume_at.borrow_mut() = sent_at.map(|i| i + 1);
            navigate.emit(query::toggled(&opts, msg));
        })
    };
    let on_reset = {
        let (navigate, opts) = (navigate.clone(), opts.clone());
        Callback::from(move |_| {
            navigate.emit(crate::net::Options {
                drops: Vec::new(),
                ..(*opts).clone()
            })
        })
    };
    let on_reseed = id.uses_seed().then(|| {
        let (navigate, opts) = (navigate.clone(), opts.clone());
        Callback::from(move |_| {
            // Any new value will do; the clock gives one without a PRNG.
            let seed = (dom::perf_now() * 1000.0) as u64 ^ opts.seed.rotate_left(17) | 1;
            navigate.emit(crate::net::Options {
                seed,
                ..(*opts).clone()
            })
        })
    });
    let on_seek = {
        let player = player.clone();
        Callback::from(move |pos: usize| player.seek(pos))
    };

    let pos = player.pos();
    let playing = player.is_playing();
    let speed = player.cursor().speed();
    let tr = &trace.0;
    let current = pos.checked_sub(1).and_then(|i| tr.steps.get(i));
    let (time, text) = match current {
        Some(s) => (
            Some(t::at_time(tr.axis, s.at)),
            s.caption.get(lang).to_string(),
        ),
        None => (None, t::START_HINT.get(lang).to_string()),
    };
    let at_end = pos >= tr.len() && !tr.is_empty();
    html! {
        <section class="page net-page" data-scenario={id.slug()}>
            <header class="net-head">
                <h1>{ t::title(id).get(lang) }</h1>
                <Picker current={id} query={query_str.clone()} />
            </header>
            <p class="net-summary">{ t::summary(id).get(lang) }</p>
            <div class="net-main">
                <div class="net-stage">
                    <Diagram trace={(*trace).clone()} {id} {pos} {playing} {speed}
                        on_toggle={on_toggle.clone()} />
                    <Controls player={player.clone()} />
                    { legend(lang) }
                </div>
                <aside class="net-side">
                    { caption_panel(CaptionPanelProps {
                        prefix: "net",
                        heading: t::STEP_HEADING.get(lang),
                        time,
                        text,
                        note: at_end.then(|| t::END_NOTE.get(lang)),
                        playing,
                        children: details(lang, &trace, pos),
                    }) }
                    if *can_drop {
                        { sandbox(lang, &SandboxProps { changed: opts.drops.len(), on_reset, on_reseed }) }
                    }
                    { question_links(id.notes(), "net", t::NOTES_HEADING.get(lang)) }
                </aside>
            </div>
            <Table trace={(*trace).clone()} {pos} {on_toggle} {on_seek} />
        </section>
    }
}
