//! Shell sort with Shell's own gaps: n/2, n/4, …, 1 — the sequence people
//! write in an interview. (Knuth's or Ciura's gaps are faster; the facts card
//! says so, the code stays the familiar one.)

use crate::algo::step::{clip, ix, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the bars.
pub const CODE: &str = "\
def shell_sort(a):
    gap = len(a) // 2
    while gap > 0:
        for i in range(gap, len(a)):
            tmp = a[i]
            j = i
            while j >= gap and a[j - gap] > tmp:
                a[j] = a[j - gap]
                j -= gap
            a[j] = tmp
        gap //= 2
    return a";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const FIRST_GAP: u8 = 2;
    pub const HOLD: u8 = 5;
    pub const COMPARE: u8 = 7;
    pub const SHIFT: u8 = 8;
    pub const DROP: u8 = 10;
    pub const NEXT_GAP: u8 = 11;
    pub const RETURN: u8 = 12;
}

/// The gaps shell sort uses on `n` values (`n/2, n/4, …, 1`), for the view.
pub fn gaps(n: usize) -> Vec<usize> {
    std::iter::successors(Some(n / 2), |g| Some(g / 2))
        .take_while(|&g| g > 0)
        .collect()
}

/// Shell sort: gapped insertion sorts with shrinking gaps (`Gap` steps).
pub fn shell_sort(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(32 * n + 8);
    for (k, gap) in gaps(n).into_iter().enumerate() {
        let l = if k == 0 {
            line::FIRST_GAP
        } else {
            line::NEXT_GAP
        };
        r.push(l, Op::Gap(ix(gap)));
        for i in gap..n {
            let tmp = a[i];
            r.push(line::HOLD, Op::Hold(ix(i)));
            let mut j = i;
            while j >= gap {
                r.push(line::COMPARE, Op::CompareKey(Place::Main(ix(j - gap))));
                if a[j - gap] <= tmp {
                    break;
                }
                a[j] = a[j - gap];
                r.push(
                    line::SHIFT,
                    Op::Write {
                        to: Place::Main(ix(j)),
                        value: a[j],
                    },
                );
                j -= gap;
            }
            a[j] = tmp;
            r.push(
                line::DROP,
                Op::Write {
                    to: Place::Main(ix(j)),
                    value: tmp,
                },
            );
        }
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
    fn gap_sequence_halves() {
        assert_eq!(gaps(200), vec![100, 50, 25, 12, 6, 3, 1]);
        assert_eq!(gaps(5), vec![2, 1]);
        assert!(gaps(1).is_empty());
    }

    #[test]
    fn golden_four_values() {
        // gap 2 sorts [4, _, 2, _] and [_, 3, _, 1]; gap 1 finishes.
        let t = shell_sort(&[4, 3, 2, 1]);
        assert_eq!(
            t.steps,
            vec![
                s(2, Op::Gap(2)),
                s(5, Op::Hold(2)),                    // tmp = 2
                s(7, Op::CompareKey(Place::Main(0))), // 4 > 2
                w(8, 2, 4),
                w(10, 0, 2),                          // [2, 3, 4, 1]
                s(5, Op::Hold(3)),                    // tmp = 1
                s(7, Op::CompareKey(Place::Main(1))), // 3 > 1
                w(8, 3, 3),
                w(10, 1, 1), // [2, 1, 4, 3]
                s(11, Op::Gap(1)),
                s(5, Op::Hold(1)),                    // tmp = 1
                s(7, Op::CompareKey(Place::Main(0))), // 2 > 1
                w(8, 1, 2),
                w(10, 0, 1),                          // [1, 2, 4, 3]
                s(5, Op::Hold(2)),                    // tmp = 4
                s(7, Op::CompareKey(Place::Main(1))), // 2 > 4? no
                w(10, 2, 4),
                s(5, Op::Hold(3)),                    // tmp = 3
                s(7, Op::CompareKey(Place::Main(2))), // 4 > 3
                w(8, 3, 4),
                s(7, Op::CompareKey(Place::Main(1))), // 2 > 3? no
                w(10, 2, 3),                          // [1, 2, 3, 4]
                s(12, Op::MarkSorted(0, 4)),
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![1, 2, 3, 4]));
    }
}
