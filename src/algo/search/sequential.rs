//! Sequential (linear) search: look at every value in turn.

use crate::algo::step::{clip, ix, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the boxes.
pub const CODE: &str = "\
def sequential_search(a, key):
    for i in range(len(a)):
        if a[i] == key:
            return i
    return -1";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const KEY: u8 = 1;
    pub const COMPARE: u8 = 3;
    pub const FOUND: u8 = 4;
    pub const NOT_FOUND: u8 = 5;
}

/// Sequential search for `key`; finds its first occurrence.
pub fn sequential_search(input: &[Value], key: Value) -> Trace {
    let a = clip(input);
    let mut r = Recorder::with_capacity(a.len() + 3);
    r.push(line::KEY, Op::Key(key));
    for (i, &x) in a.iter().enumerate() {
        let at = Place::Main(ix(i));
        r.push(line::COMPARE, Op::CompareKey(at));
        if x == key {
            r.push(line::FOUND, Op::Found(at));
            return r.finish(Outcome::Found(at));
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
    fn golden_found_and_not_found() {
        let t = sequential_search(&[4, 9, 9], 9);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Key(9)),
                s(3, Op::CompareKey(Place::Main(0))),
                s(3, Op::CompareKey(Place::Main(1))),
                s(4, Op::Found(Place::Main(1))),
            ]
        );
        let t = sequential_search(&[4, 9], 5);
        assert_eq!(t.steps.len(), 4);
        assert_eq!(t.steps[3], s(5, Op::NotFound));
        assert_eq!(t.outcome, Outcome::NotFound);
    }
}
