//! Hooks for `make bench` (tests/bench/measures/algo.mjs), installed only
//! when the URL has `?bench`: `window.__mianjingAlgo` with
//!
//! - `generate(reps)` → JSON: for every algorithm, the worst time (ms, over
//!   the four input kinds; for each, the median of seven batches of `reps`
//!   runs, because the browser's clock is coarse) to make a trace of 200
//!   values, its steps and its bytes;
//! - `stepBytes()` → the size of one step.

use std::cell::Cell;

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::algo::input::{generate, InputKind};
use crate::algo::step::{Step, MAX_LEN};
use crate::algo::AlgoId;
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

    let gen = Closure::<dyn Fn(u32) -> String>::new(|reps: u32| {
        let reps = reps.max(1);
        let rows: Vec<String> = AlgoId::ALL
            .into_iter()
            .map(|algo| {
                let (mut worst_ms, mut steps, mut bytes) = (0.0_f64, 0, 0);
                for kind in InputKind::ALL {
                    let values = generate(kind, MAX_LEN, 1);
                    let start = algo.arrange(&values);
                    let key = values[values.len() / 2];
                    // The median of seven batches: one batch slowed by
                    // another process (or the first, before the engine's
                    // optimizing tier) does not decide the figure.
                    let ms = median_of_seven(|| {
                        let t0 = perf_now();
                        for _ in 0..reps {
                            std::hint::black_box(algo.trace(&start, key));
                        }
                        (perf_now() - t0) / f64::from(reps)
                    });
                    let trace = algo.trace(&start, key);
                    worst_ms = worst_ms.max(ms);
                    steps = steps.max(trace.len());
                    bytes = bytes.max(trace.step_bytes());
                }
                format!(
                    "{{\"id\":\"{}\",\"ms\":{},\"steps\":{steps},\"bytes\":{bytes}}}",
                    algo.slug(),
                    four_decimals(worst_ms)
                )
            })
            .collect();
        format!("[{}]", rows.join(","))
    });
    set(&hooks, "generate", gen.as_ref());
    gen.forget();

    let step_bytes = Closure::<dyn Fn() -> u32>::new(|| std::mem::size_of::<Step>() as u32);
    set(&hooks, "stepBytes", step_bytes.as_ref());
    step_bytes.forget();

    let _ = Reflect::set(&window, &JsValue::from_str("__mianjingAlgo"), &hooks);
}

/// The median of seven runs of `batch`. Sorted by insertion, which takes
/// a few bytes where the standard sort would add its own copy to the bundle.
fn median_of_seven(mut batch: impl FnMut() -> f64) -> f64 {
    let mut times = [0.0_f64; 7];
    for i in 0..times.len() {
        let t = batch();
        let mut j = i;
        while j > 0 && times[j - 1].total_cmp(&t).is_gt() {
            times[j] = times[j - 1];
            j -= 1;
        }
        times[j] = t;
    }
    times[3]
}

/// A non-negative time with four decimals (`0.0123`), in integers: the
/// bundle then needs no float formatting.
fn four_decimals(ms: f64) -> String {
    let t = (ms.max(0.0) * 10_000.0).round() as u64;
    format!("{}.{:04}", t / 10_000, t % 10_000)
}

#[cfg(test)]
mod tests {
    use super::{four_decimals, median_of_seven};

    #[test]
    fn the_median_is_the_middle_of_seven() {
        let mut times = [5.0, 1.0, 7.0, 3.0, 2.0, 6.0, 4.0].into_iter();
        assert_eq!(median_of_seven(|| times.next().unwrap_or(0.0)), 4.0);
        let mut same = [2.0, 2.0, 9.0, 2.0, 0.5, 2.0, 9.0].into_iter();
        assert_eq!(median_of_seven(|| same.next().unwrap_or(0.0)), 2.0);
    }

    #[test]
    fn times_keep_four_decimals() {
        assert_eq!(four_decimals(0.012_34), "0.0123");
        assert_eq!(four_decimals(0.012_36), "0.0124");
        assert_eq!(four_decimals(12.5), "12.5000");
        assert_eq!(four_decimals(0.0), "0.0000");
    }
}
