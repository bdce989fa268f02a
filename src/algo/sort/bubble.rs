//! Bubble sort with the `swapped` flag, so sorted input takes one pass.

use crate::algo::step::{clip, ix, Op, Outcome, Recorder, Trace, Value};

/// The Python shown beside the bars.
pub const CODE: &str = "\
def bubble_sort(a):
    n = len(a)
    for i in range(n - 1):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const PASS: u8 = 3;
    pub const COMPARE: u8 = 6;
    pub const SWAP: u8 = 7;
    pub const PASS_DONE: u8 = 9;
    pub const BREAK: u8 = 10;
    pub const RETURN: u8 = 11;
}

/// Bubble sort. Each pass works on the unsorted prefix (`Range`), and its
/// last slot is then final (`MarkSorted`); a pass without a swap ends the
/// sort.
pub fn bubble_sort(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(n * n + 2 * n);
    let mut broke = false;
    for i in 0..n.saturating_sub(1) {
        r.push(line::PASS, Op::Range(0, ix(n - i)));
        let mut swapped = false;
        for j in 0..n - 1 - i {
            r.push(line::COMPARE, Op::Compare(ix(j), ix(j + 1)));
            if a[j] > a[j + 1] {
                a.swap(j, j + 1);
                r.push(line::SWAP, Op::Swap(ix(j), ix(j + 1)));
                swapped = true;
            }
        }
        r.push(line::PASS_DONE, Op::MarkSorted(ix(n - 1 - i), ix(n - i)));
        if !swapped {
            r.push(line::BREAK, Op::MarkSorted(0, ix(n - 1 - i)));
            broke = true;
            break;
        }
    }
    if !broke && n > 0 {
        // Every pass ran: only a[0] is left, and it is the smallest.
        r.push(line::RETURN, Op::MarkSorted(0, 1));
    }
    r.finish(Outcome::Sorted(a))
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
        let t = bubble_sort(&[3, 1, 2]);
        assert_eq!(
            t.steps,
            vec![
                s(3, Op::Range(0, 3)),
                s(6, Op::Compare(0, 1)),
                s(7, Op::Swap(0, 1)), // [1, 3, 2]
                s(6, Op::Compare(1, 2)),
                s(7, Op::Swap(1, 2)), // [1, 2, 3]
                s(9, Op::MarkSorted(2, 3)),
                s(3, Op::Range(0, 2)),
                s(6, Op::Compare(0, 1)), // 1 > 2? no
                s(9, Op::MarkSorted(1, 2)),
                s(10, Op::MarkSorted(0, 1)), // no swap: done
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![1, 2, 3]));
    }

    #[test]
    fn sorted_input_takes_one_pass() {
        let t = bubble_sort(&[1, 2, 3, 4, 5]);
        let compares = t
            .steps
            .iter()
            .filter(|s| matches!(s.op, Op::Compare(..)))
            .count();
        assert_eq!(compares, 4);
    }

    #[test]
    fn reversed_input_swaps_every_pair() {
        let t = bubble_sort(&[5, 4, 3, 2, 1]);
        let swaps = t
            .steps
            .iter()
            .filter(|s| matches!(s.op, Op::Swap(..)))
            .count();
        assert_eq!(swaps, 10, "n(n-1)/2 inversions");
        assert_eq!(t.steps.last().map(|s| s.op), Some(Op::MarkSorted(0, 1)));
    }
}
