//! Hooks for `make bench` (tests/bench/measures/notes.mjs), installed only
//! when the URL has `?bench`: `window.__mianjingNotes` with
//!
//! - `time(queries, reps)` → ms per query (each query run `reps` times and
//!   averaged, because the browser's clock is coarsened to 0.1 ms),
//! - `top(query, n)` → the titles of the best `n` results,
//! - `titles()` → every question title (to generate queries from),
//! - `content()` → all the text and HTML the notes compile into the wasm
//!   (the bench gzips it to report what the content costs a first visit),
//! - `indexMs(reps)` → time to build the search index from scratch.

use std::cell::Cell;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use super::results::LIMIT;
use crate::notes::{data, search};
use crate::shell::dom::perf_now;

thread_local! {
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

fn set(obj: &Object, name: &str, f: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(name), f);
}

/// Puts the hooks on `window` (once).
pub fn install() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let hooks = Object::new();

    let time = Closure::<dyn Fn(Array, u32) -> Array>::new(|queries: Array, reps: u32| {
        let reps = reps.max(1);
        let out = Array::new();
        for q in queries.iter().filter_map(|q| q.as_string()) {
            let start = perf_now();
            for _ in 0..reps {
                std::hint::black_box(search::search(&q, LIMIT + 1));
            }
            out.push(&JsValue::from_f64((perf_now() - start) / f64::from(reps)));
        }
        out
    });
    set(&hooks, "time", time.as_ref());
    time.forget();

    let top = Closure::<dyn Fn(String, u32) -> Array>::new(|q: String, n: u32| {
        search::search(&q, n as usize)
            .iter()
            .map(|h| JsValue::from_str(h.question.title))
            .collect()
    });
    set(&hooks, "top", top.as_ref());
    top.forget();

    let titles = Closure::<dyn Fn() -> Array>::new(|| {
        data::questions()
            .iter()
            .map(|q| JsValue::from_str(q.title))
            .collect()
    });
    set(&hooks, "titles", titles.as_ref());
    titles.forget();

    let content = Closure::<dyn Fn() -> String>::new(|| {
        let mut all = String::new();
        for topic in data::topics() {
            all.push_str(topic.slug);
            all.push_str(topic.title);
            all.push_str(topic.intro);
        }
        for q in data::questions() {
            for part in [q.id, q.title, q.html, q.text()] {
                all.push_str(part);
            }
            for alias in q.aliases {
                all.push_str(alias);
            }
        }
        all
    });
    set(&hooks, "content", content.as_ref());
    content.forget();

    let index_ms = Closure::<dyn Fn(u32) -> f64>::new(|reps: u32| {
        let reps = reps.max(1);
        let start = perf_now();
        for _ in 0..reps {
            std::hint::black_box(search::Index::with_aliases(
                data::questions().iter().map(search::entry),
            ));
        }
        (perf_now() - start) / f64::from(reps)
    });
    set(&hooks, "indexMs", index_ms.as_ref());
    index_ms.forget();

    let _ = Reflect::set(&window, &JsValue::from_str("__mianjingNotes"), &hooks);
}
