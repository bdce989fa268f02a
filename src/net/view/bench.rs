//! Hook for `make bench`, installed only when the URL has `?bench`:
//! `window.__mianjingNet.build(reps)` → JSON, for every scenario the time
//! (ms) to build its trace (median of seven batches, with the TCP hook's
//! timer) and its number of steps; plus the same with the sandbox
//! dropping its first droppable message (a retry branch). The budget is
//! under 1 ms a scenario.

use std::cell::Cell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::net::{build, MsgId, Options, ScenarioId};
use crate::tcp::view::bench::time;

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
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
        let mut rows = Vec::new();
        for id in ScenarioId::ALL {
            let plain = Options::default();
            let first = build(id, &plain)
                .messages
                .iter()
                .position(|m| m.droppable)
                .map(|i| MsgId(i as u16));
            let dropped = Options {
                drops: first.into_iter().collect(),
                seed: 0,
            };
            for (name, opts) in [("", &plain), ("+drop", &dropped)] {
                let ms = time(reps, || build(id, opts).len());
                let steps = build(id, opts).len();
                rows.push(format!(
                    "{{\"id\":\"{}{name}\",\"ms\":{ms:.4},\"steps\":{steps}}}",
                    id.slug()
                ));
            }
        }
        format!("[{}]", rows.join(","))
    });
    let _ = Reflect::set(&hooks, &JsValue::from_str("build"), run.as_ref());
    run.forget();
    let _ = Reflect::set(&window, &JsValue::from_str("__mianjingNet"), &hooks);
}
