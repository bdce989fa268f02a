//! Hooks for `make bench` (tests/bench/measures/tcp.mjs), installed only
//! when the URL has `?bench`: `window.__mianjingTcp.simulate(reps)` → JSON,
//! for every scenario the time (ms) to simulate it, the median of seven
//! batches of `reps` runs (the browser's clock is coarse), and its events;
//! plus the same for the slowest of a few sandbox runs that drop many
//! segments (long traces: retries up to giving up).

use std::cell::Cell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::shell::dom::perf_now;
use crate::tcp::{simulate_with_drops, ScenarioId, SegId};

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Median over seven batches of the time per run of `f`.
pub(crate) fn time(reps: u32, f: impl Fn() -> usize) -> f64 {
    let mut batches: Vec<f64> = (0..7)
        .map(|_| {
            let t0 = perf_now();
            for _ in 0..reps {
                std::hint::black_box(f());
            }
            (perf_now() - t0) / f64::from(reps)
        })
        .collect();
    batches.sort_by(f64::total_cmp);
    batches[batches.len() / 2]
}

/// Puts the hook on `window` (once).
pub fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let hooks = Object::new();
    let simulate = Closure::<dyn Fn(u32) -> String>::new(|reps: u32| {
        let reps = reps.max(1);
        // Every third segment lost: handshakes and teardowns retry until
        // they give up, the longest traces the sandbox makes.
        let harsh: Vec<SegId> = (0..60).filter(|i| i % 3 != 2).map(SegId).collect();
        let mut rows = Vec::new();
        for id in ScenarioId::ALL {
            for (name, drops) in [("", &[][..]), ("+drops", &harsh[..])] {
                let s = id.scenario();
                let ms = time(reps, || simulate_with_drops(s, 1, drops).len());
                let events = simulate_with_drops(s, 1, drops).len();
                rows.push(format!(
                    "{{\"id\":\"{}{name}\",\"ms\":{ms:.4},\"events\":{events}}}",
                    id.slug()
                ));
            }
        }
        format!("[{}]", rows.join(","))
    });
    let _ = Reflect::set(&hooks, &JsValue::from_str("simulate"), simulate.as_ref());
    simulate.forget();
    let _ = Reflect::set(&window, &JsValue::from_str("__mianjingTcp"), &hooks);
}
