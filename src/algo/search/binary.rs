//! Binary search on a sorted array, with `lo`, `mid` and `hi` drawn.

use crate::algo::step::{clip, ix, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the boxes.
pub const CODE: &str = "\
def binary_search(a, key):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == key:
            return mid
        elif a[mid] < key:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const KEY: u8 = 1;
    pub const WINDOW: u8 = 2;
    pub const MID: u8 = 4;
    pub const EQUAL: u8 = 5;
    pub const FOUND: u8 = 6;
    pub const LESS: u8 = 7;
    pub const GO_RIGHT: u8 = 8;
    pub const GO_LEFT: u8 = 10;
    pub const NOT_FOUND: u8 = 11;
}

/// Binary search for `key` in `sorted` (which must be in ascending order;
/// [`crate::algo::search::prepare`] sorts it). Each `if` is one comparison,
/// so a step that goes left or right costs two.
pub fn binary_search(sorted: &[Value], key: Value) -> Trace {
    let a = clip(sorted);
    let mut r = Recorder::with_capacity(64);
    r.push(line::KEY, Op::Key(key));
    // `end` is Python's `hi + 1`, so it never goes below zero.
    let (mut lo, mut end) = (0, a.len());
    r.push(
        line::WINDOW,
        Op::Window {
            lo: ix(lo),
            end: ix(end),
        },
    );
    while lo < end {
        let mid = (lo + end - 1) / 2;
        r.push(line::MID, Op::Mid(ix(mid)));
        let at = Place::Main(ix(mid));
        r.push(line::EQUAL, Op::CompareKey(at));
        if a[mid] == key {
            r.push(line::FOUND, Op::Found(at));
            return r.finish(Outcome::Found(at));
        }
        r.push(line::LESS, Op::CompareKey(at));
        if a[mid] < key {
            lo = mid + 1;
            r.push(
                line::GO_RIGHT,
                Op::Window {
                    lo: ix(lo),
                    end: ix(end),
                },
            );
        } else {
            end = mid;
            r.push(
                line::GO_LEFT,
                Op::Window {
                    lo: ix(lo),
                    end: ix(end),
                },
            );
        }
    }
    r.push(line::NOT_FOUND, Op::NotFound);
    r.finish(Outcome::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::step::Step;

    fn s(line: u8, op: Op) -> Step {
        Step { line, op }
    }

    #[test]
    fn golden_found() {
        // [1, 3, 5, 7, 9], key 7: mid 2 (5 < 7) → lo 3; mid 3 → found.
        let t = binary_search(&[1, 3, 5, 7, 9], 7);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Key(7)),
                s(2, Op::Window { lo: 0, end: 5 }),
                s(4, Op::Mid(2)),
                s(5, Op::CompareKey(Place::Main(2))),
                s(7, Op::CompareKey(Place::Main(2))),
                s(8, Op::Window { lo: 3, end: 5 }),
                s(4, Op::Mid(3)),
                s(5, Op::CompareKey(Place::Main(3))),
                s(6, Op::Found(Place::Main(3))),
            ]
        );
    }

    #[test]
    fn golden_not_found_below_everything() {
        // key 0: mid 2 → hi 1; mid 0 → hi -1 (end 0); stop.
        let t = binary_search(&[1, 3, 5, 7, 9], 0);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Key(0)),
                s(2, Op::Window { lo: 0, end: 5 }),
                s(4, Op::Mid(2)),
                s(5, Op::CompareKey(Place::Main(2))),
                s(7, Op::CompareKey(Place::Main(2))),
                s(10, Op::Window { lo: 0, end: 2 }),
                s(4, Op::Mid(0)),
                s(5, Op::CompareKey(Place::Main(0))),
                s(7, Op::CompareKey(Place::Main(0))),
                s(10, Op::Window { lo: 0, end: 0 }),
                s(11, Op::NotFound),
            ]
        );
        assert_eq!(t.outcome, Outcome::NotFound);
    }

    #[test]
    fn empty_array() {
        let t = binary_search(&[], 3);
        assert_eq!(t.outcome, Outcome::NotFound);
        assert_eq!(t.steps.len(), 3);
    }
}
