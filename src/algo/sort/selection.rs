//! Selection sort: find the minimum of the unsorted part, swap it to the
//! front.

use crate::algo::step::{clip, ix, Op, Outcome, Recorder, Trace, Value};

/// The Python shown beside the bars.
pub const CODE: &str = "\
def selection_sort(a):
    n = len(a)
    for i in range(n - 1):
        m = i
        for j in range(i + 1, n):
            if a[j] < a[m]:
                m = j
        a[i], a[m] = a[m], a[i]
    return a";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const PASS: u8 = 3;
    pub const START_MIN: u8 = 4;
    pub const COMPARE: u8 = 6;
    pub const NEW_MIN: u8 = 7;
    pub const SWAP: u8 = 8;
    pub const RETURN: u8 = 9;
}

/// Selection sort. The swap runs even when `m == i`, as the Python does, so
/// the swap counter always ends at `n - 1`.
pub fn selection_sort(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(n * n / 2 + 5 * n);
    for i in 0..n.saturating_sub(1) {
        r.push(line::PASS, Op::Range(ix(i), ix(n)));
        let mut m = i;
        r.push(line::START_MIN, Op::SetMin(ix(m)));
        for j in i + 1..n {
            r.push(line::COMPARE, Op::Compare(ix(j), ix(m)));
            if a[j] < a[m] {
                m = j;
                r.push(line::NEW_MIN, Op::SetMin(ix(m)));
            }
        }
        a.swap(i, m);
        r.push(line::SWAP, Op::Swap(ix(i), ix(m)));
        r.push(line::SWAP, Op::MarkSorted(ix(i), ix(i + 1)));
    }
    if n > 0 {
        r.push(line::RETURN, Op::MarkSorted(ix(n - 1), ix(n)));
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
        let t = selection_sort(&[2, 3, 1]);
        assert_eq!(
            t.steps,
            vec![
                s(3, Op::Range(0, 3)),
                s(4, Op::SetMin(0)),
                s(6, Op::Compare(1, 0)), // 3 < 2? no
                s(6, Op::Compare(2, 0)), // 1 < 2? yes
                s(7, Op::SetMin(2)),
                s(8, Op::Swap(0, 2)), // [1, 3, 2]
                s(8, Op::MarkSorted(0, 1)),
                s(3, Op::Range(1, 3)),
                s(4, Op::SetMin(1)),
                s(6, Op::Compare(2, 1)), // 2 < 3? yes
                s(7, Op::SetMin(2)),
                s(8, Op::Swap(1, 2)), // [1, 2, 3]
                s(8, Op::MarkSorted(1, 2)),
                s(9, Op::MarkSorted(2, 3)),
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![1, 2, 3]));
    }

    #[test]
    fn is_not_stable() {
        // [2a, 2b, 1]: the first swap carries 2a past 2b. Values are equal,
        // so track them through the swaps the trace records.
        let t = selection_sort(&[2, 2, 1]);
        let mut who = ["2a", "2b", "1"];
        for s in &t.steps {
            if let Op::Swap(i, j) = s.op {
                who.swap(i as usize, j as usize);
            }
        }
        assert_eq!(who, ["1", "2b", "2a"]);
    }
}
