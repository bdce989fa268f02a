//! One scenario's page: the code (from the URL when edited), the run, the
//! player, and everything drawn at the player's position.

use std::rc::Rc;

use crate::router::*;
use yew::prelude::*;

use super::caption_panel::{caption_panel, CaptionPanelProps};
use super::diagram::{diagram, DiagramProps};
use super::{
    code_panel::CodePanel, event_table::EventTable, legend::legend, note_links::note_links,
    output_panel::output_panel, text_view::text_view, RunRef, STEPS_PER_SEC,
};
use crate::i18n::py as t;
use crate::player::controls::Controls;
use crate::player::use_player;
use crate::py::caption::{changes, Change};
use crate::py::layout::{layout, Layout};
use crate::py::scenarios::ScenarioId;
use crate::py::trace::{Event, FrameView, Step};
use crate::route::{self, Route};
use crate::shell::{use_lang, use_query_string, use_title};

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub id: ScenarioId,
}

/// The picture before the first line runs: an empty module frame.
fn start_step() -> Step {
    Step {
        line: 0,
        event: Event::Line,
        frames: vec![FrameView {
            name: "<module>".into(),
            vars: Vec::new(),
            line: 0,
        }],
        objects: Vec::new(),
        out_len: 0,
        checkpoint: false,
        freed: Vec::new(),
    }
}

#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let lang = use_lang();
    let id = props.id;
    let navigator = use_navigator();
    let query_str = use_query_string();
    // `make bench` measures through hooks on `?bench`, built in only with the
    // `bench` feature (tools/build.mjs --features bench): releases leave them out.
    #[cfg(feature = "bench")]
    {
        let bench_on = route::has(&query_str, "bench");
        use_effect_with(bench_on, |on| {
            if *on {
                super::bench::install();
            }
        });
    }
    use_title(t::title(id).get(lang));

    let scenario = id.scenario();
    let default_code = scenario.code;
    let code = route::param(&query_str, "code").unwrap_or_else(|| default_code.to_string());
    let edited = code != default_code;
    let fresh = use_memo(code.clone(), |c| RunRef(Rc::new(crate::py::run(c))));
    let original = use_memo(id, |id| RunRef(Rc::new(crate::py::run(id.scenario().code))));
    // Code that does not parse keeps the last diagram that did.
    let last_good = use_mut_ref(|| None::<(ScenarioId, RunRef)>);
    let parse_failed = fresh.0.steps.is_empty();
    let run = if parse_failed {
        last_good
            .borrow()
            .as_ref()
            .filter(|(i, _)| *i == id)
            .map(|x| x.1.clone())
            .unwrap_or_else(|| (*original).clone())
    } else {
        *last_good.borrow_mut() = Some((id, (*fresh).clone()));
        (*fresh).clone()
    };
    let len = run.0.steps.len();
    let player = use_player(len, STEPS_PER_SEC);
    {
        let player = player.clone();
        use_effect_with(run.clone(), move |_| player.reset(len, STEPS_PER_SEC));
    }
    let pos = player.pos().min(len);
    let shown = use_memo((run.clone(), pos), |(run, pos)| {
        let step = pos
            .checked_sub(1)
            .and_then(|i| run.0.steps.get(i))
            .cloned()
            .unwrap_or_else(start_step);
        Rc::<Layout>::new(layout(&step))
    });
    let line = pos
        .checked_sub(1)
        .and_then(|i| run.0.steps.get(i))
        .map(|s| s.line);
    // What this step changed, drawn heavier.
    let (bound, mutated) = {
        let step = pos.checked_sub(1).and_then(|i| run.0.steps.get(i));
        let mut bound = Vec::new();
        let mut mutated = Vec::new();
        for c in pos
            .checked_sub(1)
            .map(|i| changes(&run.0, i))
            .unwrap_or_default()
        {
            match c {
                Change::Bound { frame, name, .. } => {
                    let depth = step.and_then(|s| s.frames.iter().rposition(|f| f.name == frame));
                    if let Some(d) = depth {
                        bound.push((d, name));
                    }
                }
                Change::Mutated { obj, .. } => mutated.push(obj),
                _ => {}
            }
        }
        (bound, mutated)
    };

    let navigate = {
        let (navigator, query_str) = (navigator.clone(), query_str.clone());
        Callback::from(move |new_code: String| {
            if let Some(nav) = &navigator {
                let to = Route::Py {
                    scenario: id.slug().to_string(),
                };
                let value = if new_code == default_code {
                    ""
                } else {
                    new_code.as_str()
                };
                nav.push_with_query(&to, &route::with_param(&query_str, "code", value));
            }
        })
    };
    let on_reset = navigate.reform(move |_: ()| default_code.to_string());
    let on_seek = {
        let player = player.clone();
        Callback::from(move |p: usize| player.seek(p))
    };
    let error = if parse_failed {
        fresh.0.error.clone()
    } else {
        run.0.error.clone()
    };
    html! {
        <section class="page py-page" data-scenario={id.slug()}>
            <header class="py-head">
                <h1>{ t::title(id).get(lang) }</h1>
                <Link to={Route::PyIndex} classes="py-all">{ t::ALL_SCENARIOS.get(lang) }</Link>
            </header>
            <p class="py-summary">{ t::summary(id).get(lang) }</p>
            <div class="py-main">
                <div class="py-left">
                    <CodePanel code={code.clone()} {line} error={error} {parse_failed} {edited}
                        on_run={navigate} {on_reset} />
                    { output_panel(lang, &run, pos) }
                </div>
                <div class="py-stage">
                    { caption_panel(lang, &CaptionPanelProps { run: &run, id, edited, pos, playing: player.is_playing() }) }
                    { diagram(lang, &DiagramProps { layout: &shown, show_refs: scenario.show_refs, bound: &bound, mutated: &mutated }) }
                    <Controls player={player.clone()} />
                    { legend(lang, scenario.show_refs) }
                    { text_view(lang, &shown) }
                    { note_links(lang, id) }
                </div>
            </div>
            <EventTable run={run.clone()} {id} {edited} {pos} {on_seek} />
        </section>
    }
}
