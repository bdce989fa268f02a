//! Insertion sort: hold `a[i]` aside, shift larger values right, drop it in.

use crate::algo::step::{clip, ix, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the bars.
pub const CODE: &str = "\
def insertion_sort(a):
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const PASS: u8 = 2;
    pub const HOLD: u8 = 3;
    pub const COMPARE: u8 = 5;
    pub const SHIFT: u8 = 6;
    pub const DROP: u8 = 8;
    pub const RETURN: u8 = 9;
}

/// Insertion sort. `Range(0, i + 1)` shows the prefix that is in order so far
/// (in order, not yet final: that is why nothing is marked sorted before the
/// end).
pub fn insertion_sort(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(n * n + 4 * n);
    for i in 1..n {
        r.push(line::PASS, Op::Range(0, ix(i + 1)));
        let key = a[i];
        r.push(line::HOLD, Op::Hold(ix(i)));
        let mut j = i;
        // `j` here is Python's `j + 1`, so it never goes below zero.
        while j > 0 {
            r.push(line::COMPARE, Op::CompareKey(Place::Main(ix(j - 1))));
            if a[j - 1] <= key {
                break;
            }
            a[j] = a[j - 1];
            r.push(
                line::SHIFT,
                Op::Write {
                    to: Place::Main(ix(j)),
                    value: a[j],
                },
            );
            j -= 1;
        }
        a[j] = key;
        r.push(
            line::DROP,
            Op::Write {
                to: Place::Main(ix(j)),
                value: key,
            },
        );
    }
    if n > 0 {
        r.push(line::RETURN, Op::MarkSorted(0, ix(n)));
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

    fn w(line: u8, i: u16, value: Value) -> Step {
        s(
            line,
            Op::Write {
                to: Place::Main(i),
                value,
            },
        )
    }

    #[test]
    fn golden_three_values() {
        let t = insertion_sort(&[3, 1, 2]);
        assert_eq!(
            t.steps,
            vec![
                s(2, Op::Range(0, 2)),
                s(3, Op::Hold(1)),                    // key = 1
                s(5, Op::CompareKey(Place::Main(0))), // 3 > 1
                w(6, 1, 3),                           // [3, 3, 2]
                w(8, 0, 1),                           // j = -1: [1, 3, 2]
                s(2, Op::Range(0, 3)),
                s(3, Op::Hold(2)),                    // key = 2
                s(5, Op::CompareKey(Place::Main(1))), // 3 > 2
                w(6, 2, 3),                           // [1, 3, 3]
                s(5, Op::CompareKey(Place::Main(0))), // 1 > 2? no
                w(8, 1, 2),                           // [1, 2, 3]
                s(9, Op::MarkSorted(0, 3)),
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![1, 2, 3]));
    }

    #[test]
    fn sorted_input_compares_once_per_value() {
        let t = insertion_sort(&[1, 2, 3, 4, 5, 6]);
        let compares = t
            .steps
            .iter()
            .filter(|s| matches!(s.op, Op::CompareKey(_)))
            .count();
        assert_eq!(compares, 5, "best case is n - 1 comparisons");
    }
}
