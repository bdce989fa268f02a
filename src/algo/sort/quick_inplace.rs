//! Quick sort in place, with Lomuto's partition.
//!
//! Why Lomuto and not Hoare: it is the version people can write correctly
//! under pressure (one loop, one boundary `i`, no do-while), the pivot lands
//! in its final slot, which the view marks, and the recursion bounds are
//! the obvious `p - 1` / `p + 1`. Its known weakness — many equal values
//! make it quadratic, where Hoare's stays `n log n` — is worth seeing: try
//! the "few distinct values" input. The facts card says so.

use crate::algo::step::{clip, ix, Op, Outcome, Recorder, Trace, Value};

/// The Python shown beside the bars. The first call is
/// `quick_sort(a, 0, len(a) - 1)`.
pub const CODE: &str = "\
def quick_sort(a, lo, hi):
    if lo >= hi:
        return
    p = partition(a, lo, hi)
    quick_sort(a, lo, p - 1)
    quick_sort(a, p + 1, hi)

def partition(a, lo, hi):
    pivot = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] < pivot:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    return i";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const CALL: u8 = 1;
    pub const BASE: u8 = 3;
    pub const PIVOT: u8 = 9;
    pub const COMPARE: u8 = 12;
    pub const SWAP: u8 = 13;
    pub const PLACE_PIVOT: u8 = 15;
    pub const RETURN_P: u8 = 16;
}

/// In-place quick sort, last value as pivot. Swaps with `i == j` are
/// recorded: the Python performs them.
pub fn quick_sort_lomuto(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(4 * n + 64);
    if n > 0 {
        sort(&mut a, 0, n - 1, &mut r);
    }
    r.finish(Outcome::Sorted(a))
}

/// Sorts `a[lo..=hi]`; `hi` is inclusive as in the Python. Callers pass
/// `p - 1` only when `p > lo`, so no index goes below zero.
fn sort(a: &mut [Value], lo: usize, hi: usize, r: &mut Recorder) {
    r.push(line::CALL, Op::Range(ix(lo), ix(hi + 1)));
    if lo == hi {
        r.push(line::BASE, Op::MarkSorted(ix(lo), ix(hi + 1)));
        return;
    }
    let p = partition(a, lo, hi, r);
    if p > lo {
        sort(a, lo, p - 1, r);
    } else {
        // quick_sort(a, lo, lo - 1): an empty call.
        r.push(line::CALL, Op::Range(ix(lo), ix(lo)));
    }
    if p < hi {
        sort(a, p + 1, hi, r);
    } else {
        r.push(line::CALL, Op::Range(ix(hi + 1), ix(hi + 1)));
    }
}

fn partition(a: &mut [Value], lo: usize, hi: usize, r: &mut Recorder) -> usize {
    let pivot = a[hi];
    r.push(line::PIVOT, Op::SetPivot(ix(hi)));
    let mut i = lo;
    for j in lo..hi {
        r.push(line::COMPARE, Op::Compare(ix(j), ix(hi)));
        if a[j] < pivot {
            a.swap(i, j);
            r.push(line::SWAP, Op::Swap(ix(i), ix(j)));
            i += 1;
        }
    }
    a.swap(i, hi);
    r.push(line::PLACE_PIVOT, Op::Swap(ix(i), ix(hi)));
    r.push(line::RETURN_P, Op::MarkSorted(ix(i), ix(i + 1)));
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::step::Step;

    fn s(line: u8, op: Op) -> Step {
        Step { line, op }
    }

    #[test]
    fn golden_three_values() {
        let t = quick_sort_lomuto(&[3, 1, 2]);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Range(0, 3)),
                s(9, Op::SetPivot(2)),    // pivot = 2
                s(12, Op::Compare(0, 2)), // 3 < 2? no
                s(12, Op::Compare(1, 2)), // 1 < 2
                s(13, Op::Swap(0, 1)),    // [1, 3, 2], i = 1
                s(15, Op::Swap(1, 2)),    // [1, 2, 3]
                s(16, Op::MarkSorted(1, 2)),
                s(1, Op::Range(0, 1)),
                s(3, Op::MarkSorted(0, 1)),
                s(1, Op::Range(2, 3)),
                s(3, Op::MarkSorted(2, 3)),
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![1, 2, 3]));
    }

    #[test]
    fn pivot_at_an_end_makes_an_empty_call() {
        let t = quick_sort_lomuto(&[1, 2]);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Range(0, 2)),
                s(9, Op::SetPivot(1)),
                s(12, Op::Compare(0, 1)),
                s(13, Op::Swap(0, 0)), // i == j: the Python swaps anyway
                s(15, Op::Swap(1, 1)),
                s(16, Op::MarkSorted(1, 2)),
                s(1, Op::Range(0, 1)),
                s(3, Op::MarkSorted(0, 1)),
                s(1, Op::Range(2, 2)), // quick_sort(a, 2, 1)
            ]
        );
    }

    #[test]
    fn equal_values_are_quadratic() {
        // Lomuto's weakness: all-equal input never splits.
        let t = quick_sort_lomuto(&[7; 40]);
        let compares = t
            .steps
            .iter()
            .filter(|s| matches!(s.op, Op::Compare(..)))
            .count();
        assert_eq!(compares, 40 * 39 / 2);
    }
}
