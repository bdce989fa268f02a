//! Properties over many seeded inputs, for every algorithm at once: replay
//! gives what `slice::sort` gives, counters are the trace's operations,
//! searches find what is there and only that, and traces stay in budget.

use crate::algo::catalog::AlgoId;
use crate::algo::input::{generate, InputKind, Rng, MAX_VALUE, MIN_VALUE};
use crate::algo::replay::{replay, totals, Role, SearchEnd, State};
use crate::algo::step::{Op, Outcome, Place, Trace, Value, MAX_LEN};

/// Inputs of every shape: the four generated kinds, and raw random lists
/// with negatives, duplicates and the lengths 0 to 4 the UI never sends.
fn inputs() -> Vec<Vec<Value>> {
    let mut out = Vec::new();
    let mut rng = Rng::new(2024);
    for seed in 0..40 {
        for kind in InputKind::ALL {
            let n = 5 + rng.below(60);
            out.push(generate(kind, n, seed));
        }
        let n = rng.below(40);
        let span = 1 + rng.below(2 * MAX_VALUE as usize);
        out.push(
            (0..n)
                .map(|_| MIN_VALUE + Value::try_from(rng.below(span)).unwrap_or(0))
                .collect(),
        );
    }
    for kind in InputKind::ALL {
        out.push(generate(kind, MAX_LEN, 1));
    }
    out.push(vec![MIN_VALUE, MAX_VALUE, 0, -1, 1, MIN_VALUE, MAX_VALUE]);
    out.push(vec![]);
    out.push(vec![7]);
    out
}

fn sorted(v: &[Value]) -> Vec<Value> {
    let mut s = v.to_vec();
    s.sort();
    s
}

/// Counts what the trace holds, independently of `Counters`.
fn count(t: &Trace, pred: impl Fn(&Op) -> bool) -> u32 {
    t.steps.iter().filter(|s| pred(&s.op)).count() as u32
}

fn inversions(v: &[Value]) -> u32 {
    let mut c = 0;
    for i in 0..v.len() {
        for j in i + 1..v.len() {
            if v[i] > v[j] {
                c += 1;
            }
        }
    }
    c
}

/// Every index a step names lies inside the structure it names.
fn in_bounds(t: &Trace, n: usize) -> bool {
    let main = |i: u16| usize::from(i) < n;
    let place = |p: Place| match p {
        Place::Main(i) | Place::Aux(i) => main(i),
        Place::Left(k) | Place::Right(k) => usize::from(k) < n,
        Place::Bucket(d, k) => d < 10 && usize::from(k) < n,
        Place::Table(_) | Place::Index(_) => true,
    };
    t.steps.iter().all(|s| match s.op {
        Op::Compare(i, j) | Op::Swap(i, j) => main(i) && main(j),
        Op::CompareKey(p) | Op::Found(p) => place(p),
        Op::Write { to, .. } => place(to),
        Op::Hold(i) | Op::SetPivot(i) | Op::SetMin(i) | Op::Mid(i) => main(i),
        Op::MarkSorted(lo, hi) | Op::Range(lo, hi) => lo <= hi && usize::from(hi) <= n,
        _ => true,
    })
}

#[test]
fn sorts_replay_to_the_sorted_input() {
    let sorts = AlgoId::ALL.into_iter().filter(|a| !a.is_search());
    let inputs = inputs();
    for algo in sorts {
        for input in &inputs {
            let run = algo.run(input, 0);
            let want = sorted(input);
            let name = algo.slug();
            assert_eq!(replay(&run.start, &run.trace), want, "{name} on {input:?}");
            assert_eq!(run.trace.outcome, Outcome::Sorted(want.clone()), "{name}");
            assert!(in_bounds(&run.trace, input.len()), "{name} on {input:?}");
            let end = State::at(&run.start, &run.trace, run.trace.len());
            assert!(
                end.sorted.iter().all(|&s| s),
                "{name} marks every slot sorted: {input:?}"
            );
            for i in 0..input.len() {
                let role = end.role(Place::Main(i as u16));
                assert_eq!(
                    role,
                    Role::Sorted,
                    "{name} ends with a[{i}] {role:?}: {input:?}"
                );
            }
        }
    }
}

#[test]
fn counters_are_the_operations_in_the_trace() {
    for algo in AlgoId::ALL {
        for (k, input) in inputs().iter().enumerate() {
            let run = algo.run(input, input.first().copied().unwrap_or(1));
            let t = &run.trace;
            let c = State::at(&run.start, t, t.len()).counters;
            assert_eq!(c, totals(t));
            assert_eq!(
                c.comparisons,
                count(t, |o| matches!(o, Op::Compare(..) | Op::CompareKey(_)))
            );
            assert_eq!(c.swaps, count(t, |o| matches!(o, Op::Swap(..))));
            assert_eq!(c.writes, count(t, |o| matches!(o, Op::Write { .. })));
            assert_eq!(c.probes, count(t, |o| matches!(o, Op::Probe(_))));
            // Counters grow one step at a time, so a paused frame is right.
            let mid = t.len() / 2;
            let half = State::at(&run.start, t, mid).counters;
            let mut s = State::start(&run.start);
            t.steps[..mid].iter().for_each(|st| s.apply(st));
            assert_eq!(s.counters, half, "{} input {k}", algo.slug());
        }
    }
}

/// Textbook counts that do not come from our own counting: bubble sort
/// swaps once per inversion, insertion sort shifts once per inversion,
/// selection sort swaps n - 1 times, merge sort compares at most
/// n ⌈log2 n⌉ times.
#[test]
fn counts_match_the_textbook() {
    for input in inputs() {
        let n = input.len() as u32;
        let inv = inversions(&input);
        let bubble = totals(&AlgoId::BubbleSort.run(&input, 0).trace);
        assert_eq!(bubble.swaps, inv, "{input:?}");
        let insertion = totals(&AlgoId::InsertionSort.run(&input, 0).trace);
        assert_eq!(
            insertion.writes,
            inv + n.saturating_sub(1),
            "shifts + drops: {input:?}"
        );
        let selection = totals(&AlgoId::SelectionSort.run(&input, 0).trace);
        assert_eq!(selection.swaps, n.saturating_sub(1));
        assert_eq!(selection.comparisons, n * n.saturating_sub(1) / 2);
        let merge = totals(&AlgoId::MergeSort.run(&input, 0).trace);
        let log = if n > 1 {
            32 - (n - 1).leading_zeros()
        } else {
            0
        };
        assert!(merge.comparisons <= n * log, "{input:?}");
    }
    let rev = generate(InputKind::Reversed, 200, 3);
    let bubble = totals(&AlgoId::BubbleSort.run(&rev, 0).trace);
    assert_eq!((bubble.comparisons, bubble.swaps), (19_900, 19_900));
}

#[test]
fn searches_find_what_is_there_and_only_that() {
    let mut rng = Rng::new(99);
    for input in inputs() {
        for _ in 0..6 {
            // Half the keys from the array, half anywhere in range.
            let key = if !input.is_empty() && rng.below(2) == 0 {
                input[rng.below(input.len())]
            } else {
                MIN_VALUE + Value::try_from(rng.below(1999)).unwrap_or(0)
            };
            let present = input.contains(&key);
            for algo in AlgoId::ALL.into_iter().filter(|a| a.is_search()) {
                let run = algo.run(&input, key);
                let name = algo.slug();
                let end = State::at(&run.start, &run.trace, run.trace.len());
                assert_eq!(end.main, run.start, "{name} leaves the array alone");
                assert!(in_bounds(&run.trace, input.len()), "{name}");
                match run.trace.outcome {
                    Outcome::Found(at) => {
                        assert!(present, "{name} found {key} that is not in {input:?}");
                        assert_eq!(end.value(at), Some(key), "{name}");
                        assert_eq!(end.end, Some(SearchEnd::Found(at)));
                        if algo == AlgoId::SequentialSearch {
                            let first = input.iter().position(|&x| x == key);
                            assert_eq!(Some(at), first.map(|i| Place::Main(i as u16)));
                        }
                        if algo == AlgoId::HashSearch {
                            assert!(matches!(at, Place::Table(_)));
                        } else {
                            assert!(matches!(at, Place::Main(_)));
                        }
                    }
                    Outcome::NotFound => {
                        assert!(!present, "{name} missed {key} in {input:?}");
                        assert_eq!(end.end, Some(SearchEnd::NotFound));
                    }
                    Outcome::Sorted(_) => panic!("{name} is a search"),
                }
            }
        }
    }
}

#[test]
fn hash_table_holds_every_value_once() {
    for input in inputs() {
        let run = AlgoId::HashSearch.run(&input, 0);
        let end = State::at(&run.start, &run.trace, run.trace.len());
        let mut stored: Vec<Value> = end.table.iter().flatten().copied().collect();
        stored.sort();
        assert_eq!(stored, sorted(&input));
    }
}

#[test]
fn binary_search_takes_logarithmic_steps() {
    let a: Vec<Value> = (0..200).collect();
    for key in -1..=200 {
        let t = AlgoId::BinarySearch.run(&a, key).trace;
        let mids = count(&t, |o| matches!(o, Op::Mid(_)));
        assert!(mids <= 8, "key {key}: {mids} probes");
    }
}

/// The memory budget: bubble sort on 200 reversed values, under 1 MB.
/// (Generation time is measured in the browser by `make bench`.)
#[test]
fn traces_fit_the_memory_budget() {
    let rev = generate(InputKind::Reversed, MAX_LEN, 1);
    let t = AlgoId::BubbleSort.run(&rev, 0).trace;
    assert!(t.len() > 39_000, "{} steps", t.len());
    assert!(t.step_bytes() < 1_000_000, "{} bytes", t.step_bytes());
    // And no algorithm's worst input makes a trace much longer than that.
    for algo in AlgoId::ALL {
        for kind in InputKind::ALL {
            let input = generate(kind, MAX_LEN, 7);
            let t = algo.run(&input, input[0]).trace;
            assert!(
                t.step_bytes() < 1_000_000,
                "{} on {kind:?}: {} bytes",
                algo.slug(),
                t.step_bytes()
            );
        }
    }
}

#[test]
fn over_long_inputs_are_cut() {
    let long: Vec<Value> = (0..300).rev().collect();
    let run = AlgoId::MergeSort.run(&long, 0);
    assert_eq!(run.start.len(), MAX_LEN);
    assert_eq!(replay(&run.start, &run.trace), sorted(&long[..MAX_LEN]));
}
