//! Top-down two-way merge sort with an explicit `tmp` list: the auxiliary
//! array the view draws under the bars.

use crate::algo::step::{clip, ix, Area, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the bars. The first call is
/// `merge_sort(a, 0, len(a))`.
pub const CODE: &str = "\
def merge_sort(a, lo, hi):
    if hi - lo <= 1:
        return
    mid = (lo + hi) // 2
    merge_sort(a, lo, mid)
    merge_sort(a, mid, hi)
    tmp = []
    i, j = lo, mid
    while i < mid and j < hi:
        if a[i] <= a[j]:
            tmp.append(a[i]); i += 1
        else:
            tmp.append(a[j]); j += 1
    tmp += a[i:mid] + a[j:hi]
    a[lo:hi] = tmp";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const CALL: u8 = 1;
    pub const SPLIT: u8 = 4;
    pub const NEW_TMP: u8 = 7;
    pub const MERGE: u8 = 8;
    pub const COMPARE: u8 = 10;
    pub const TAKE_LEFT: u8 = 11;
    pub const TAKE_RIGHT: u8 = 13;
    pub const REST: u8 = 14;
    pub const COPY_BACK: u8 = 15;
}

/// Merge sort. `tmp` is `Aux`, aligned with the slice being merged
/// (`tmp[k]` is drawn as `Aux(lo + k)`). `<=` keeps it stable.
pub fn merge_sort(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(4 * n * 8 + 16);
    sort(&mut a, 0, n, &mut r);
    if n > 0 {
        r.push(line::COPY_BACK, Op::MarkSorted(0, ix(n)));
    }
    r.finish(Outcome::Sorted(a))
}

fn sort(a: &mut [Value], lo: usize, hi: usize, r: &mut Recorder) {
    r.push(line::CALL, Op::Range(ix(lo), ix(hi)));
    if hi - lo <= 1 {
        return;
    }
    let mid = (lo + hi) / 2;
    r.push(
        line::SPLIT,
        Op::Split {
            lo: ix(lo),
            mid: ix(mid),
            hi: ix(hi),
        },
    );
    sort(a, lo, mid, r);
    sort(a, mid, hi, r);
    r.push(line::NEW_TMP, Op::Clear(Area::Aux));
    r.push(
        line::MERGE,
        Op::Merge {
            lo: ix(lo),
            mid: ix(mid),
            hi: ix(hi),
        },
    );
    let mut tmp = Vec::with_capacity(hi - lo);
    let (mut i, mut j) = (lo, mid);
    let append = |tmp: &mut Vec<Value>, line: u8, v: Value, r: &mut Recorder| {
        r.push(
            line,
            Op::Write {
                to: Place::Aux(ix(lo + tmp.len())),
                value: v,
            },
        );
        tmp.push(v);
    };
    while i < mid && j < hi {
        r.push(line::COMPARE, Op::Compare(ix(i), ix(j)));
        if a[i] <= a[j] {
            append(&mut tmp, line::TAKE_LEFT, a[i], r);
            i += 1;
        } else {
            append(&mut tmp, line::TAKE_RIGHT, a[j], r);
            j += 1;
        }
    }
    for k in (i..mid).chain(j..hi) {
        append(&mut tmp, line::REST, a[k], r);
    }
    for (k, &v) in tmp.iter().enumerate() {
        a[lo + k] = v;
        r.push(
            line::COPY_BACK,
            Op::Write {
                to: Place::Main(ix(lo + k)),
                value: v,
            },
        );
    }
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
        let t = merge_sort(&[3, 1, 2]);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Range(0, 3)),
                s(
                    4,
                    Op::Split {
                        lo: 0,
                        mid: 1,
                        hi: 3
                    }
                ),
                s(1, Op::Range(0, 1)),
                s(1, Op::Range(1, 3)),
                s(
                    4,
                    Op::Split {
                        lo: 1,
                        mid: 2,
                        hi: 3
                    }
                ),
                s(1, Op::Range(1, 2)),
                s(1, Op::Range(2, 3)),
                s(7, Op::Clear(Area::Aux)),
                s(
                    8,
                    Op::Merge {
                        lo: 1,
                        mid: 2,
                        hi: 3
                    }
                ),
                s(10, Op::Compare(1, 2)), // 1 <= 2
                w(11, Place::Aux(1), 1),
                w(14, Place::Aux(2), 2), // the rest of a[j:hi]
                w(15, Place::Main(1), 1),
                w(15, Place::Main(2), 2), // [3, 1, 2]
                s(7, Op::Clear(Area::Aux)),
                s(
                    8,
                    Op::Merge {
                        lo: 0,
                        mid: 1,
                        hi: 3
                    }
                ),
                s(10, Op::Compare(0, 1)), // 3 <= 1? no
                w(13, Place::Aux(0), 1),
                s(10, Op::Compare(0, 2)), // 3 <= 2? no
                w(13, Place::Aux(1), 2),
                w(14, Place::Aux(2), 3),
                w(15, Place::Main(0), 1),
                w(15, Place::Main(1), 2),
                w(15, Place::Main(2), 3),
                s(15, Op::MarkSorted(0, 3)),
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![1, 2, 3]));
    }
}
