//! Quick sort as people write it in Python: two list comprehensions and a
//! concatenation. Easy to say, not in place, and it scans the list twice.
//!
//! The view has one array, so each call's result is drawn where it ends up:
//! the call's slice `a[lo:hi]` is rewritten as `left + [pivot] + right`
//! before the recursive calls sort `left` and `right` in their places. Only
//! the current call's `left` and `right` lists are drawn.

use crate::algo::step::{clip, ix, Area, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the bars.
pub const CODE: &str = "\
def quick_sort(a):
    if len(a) <= 1:
        return a
    pivot = a[0]
    left = [x for x in a[1:] if x < pivot]
    right = [x for x in a[1:] if x >= pivot]
    return quick_sort(left) + [pivot] + quick_sort(right)";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const CALL: u8 = 1;
    pub const BASE: u8 = 3;
    pub const PIVOT: u8 = 4;
    pub const LEFT: u8 = 5;
    pub const RIGHT: u8 = 6;
    pub const CONCAT: u8 = 7;
}

/// Simple quick sort with the first value as pivot. Each call is a `Range`;
/// every value is compared with the pivot twice (once per comprehension),
/// as the Python does.
pub fn quick_sort(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(8 * n + 64);
    sort(&mut a, 0, n, &mut r);
    r.finish(Outcome::Sorted(a))
}

fn sort(a: &mut [Value], lo: usize, hi: usize, r: &mut Recorder) {
    r.push(line::CALL, Op::Range(ix(lo), ix(hi)));
    if hi - lo <= 1 {
        if hi - lo == 1 {
            r.push(line::BASE, Op::MarkSorted(ix(lo), ix(hi)));
        }
        return;
    }
    let pivot = a[lo];
    r.push(line::PIVOT, Op::SetPivot(ix(lo)));
    r.push(line::LEFT, Op::Clear(Area::Lists));
    let mut left = Vec::new();
    let rest = || a.iter().copied().enumerate().take(hi).skip(lo + 1);
    for (k, x) in rest() {
        r.push(line::LEFT, Op::Compare(ix(k), ix(lo)));
        if x < pivot {
            r.push(
                line::LEFT,
                Op::Write {
                    to: Place::Left(ix(left.len())),
                    value: x,
                },
            );
            left.push(x);
        }
    }
    let mut right = Vec::new();
    for (k, x) in rest() {
        r.push(line::RIGHT, Op::Compare(ix(k), ix(lo)));
        if x >= pivot {
            r.push(
                line::RIGHT,
                Op::Write {
                    to: Place::Right(ix(right.len())),
                    value: x,
                },
            );
            right.push(x);
        }
    }
    let p = lo + left.len();
    let laid_out = left
        .iter()
        .chain(std::iter::once(&pivot))
        .chain(right.iter());
    for (k, &v) in laid_out.enumerate() {
        a[lo + k] = v;
        r.push(
            line::CONCAT,
            Op::Write {
                to: Place::Main(ix(lo + k)),
                value: v,
            },
        );
    }
    r.push(line::CONCAT, Op::SetPivot(ix(p)));
    r.push(line::CONCAT, Op::MarkSorted(ix(p), ix(p + 1)));
    sort(a, lo, p, r);
    sort(a, p + 1, hi, r);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::step::Step;

    fn s(line: u8, op: Op) -> Step {
        Step { line, op }
    }

    fn w(line: u8, to: Place, value: Value) -> Step {
        s(line, Op::Write { to, value })
    }

    #[test]
    fn golden_three_values() {
        let t = quick_sort(&[2, 3, 1]);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Range(0, 3)),
                s(4, Op::SetPivot(0)), // pivot = 2
                s(5, Op::Clear(Area::Lists)),
                s(5, Op::Compare(1, 0)), // 3 < 2? no
                s(5, Op::Compare(2, 0)), // 1 < 2
                w(5, Place::Left(0), 1),
                s(6, Op::Compare(1, 0)), // 3 >= 2
                w(6, Place::Right(0), 3),
                s(6, Op::Compare(2, 0)), // 1 >= 2? no
                w(7, Place::Main(0), 1),
                w(7, Place::Main(1), 2),
                w(7, Place::Main(2), 3),
                s(7, Op::SetPivot(1)),
                s(7, Op::MarkSorted(1, 2)),
                s(1, Op::Range(0, 1)),
                s(3, Op::MarkSorted(0, 1)),
                s(1, Op::Range(2, 3)),
                s(3, Op::MarkSorted(2, 3)),
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![1, 2, 3]));
    }

    #[test]
    fn compares_each_value_twice_per_call() {
        // Sorted input: every call has an empty `left`, so the calls see
        // 5, 4, 3, 2 values besides the pivot: 2 * (4 + 3 + 2 + 1) compares.
        let t = quick_sort(&[1, 2, 3, 4, 5]);
        let compares = t
            .steps
            .iter()
            .filter(|s| matches!(s.op, Op::Compare(..)))
            .count();
        assert_eq!(compares, 20);
    }
}
