//! A hook for measuring, installed only when the URL has `?bench`:
//! `window.__mianjingPy.run(reps)` → JSON, for every scenario the time
//! (ms) to run it and record every step, the median of seven batches of
//! `reps` runs, and its number of steps.

use std::cell::Cell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::py::scenarios::ScenarioId;
use crate::shell::dom::perf_now;

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

fn time(reps: u32, f: impl Fn() -> usize) -> f64 {
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
    let run = Closure::<dyn Fn(u32) -> String>::new(|reps: u32| {
        let reps = reps.max(1);
        let rows: Vec<String> = ScenarioId::ALL
            .iter()
            .map(|id| {
                let code = id.scenario().code;
                let ms = time(reps, || crate::py::run(code).steps.len());
                let steps = crate::py::run(code).steps.len();
                format!(
                    "{{\"id\":\"{}\",\"ms\":{ms:.4},\"steps\":{steps}}}",
                    id.slug()
                )
            })
            .collect();
        format!("[{}]", rows.join(","))
    });
    let _ = Reflect::set(&hooks, &JsValue::from_str("run"), run.as_ref());
    run.forget();
    let _ = Reflect::set(&window, &JsValue::from_str("__mianjingPy"), &hooks);
}
