//! Block search (分块查找): an index of block maxima, a scan of the index,
//! then a scan inside the one block that can hold the key.
//!
//! The array must be "ordered by blocks": every value of a block is at most
//! every value of the next, in any order inside a block.
//! [`crate::algo::search::prepare`] arranges the input that way. Blocks
//! hold `ceil(sqrt(n))` values, the size that minimises the average
//! search length. The index is scanned in order, as the textbook does;
//! a binary search over it would be `log` instead of `sqrt`.

use crate::algo::step::{clip, ix, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the boxes. The index is built once, then
/// searched.
pub const CODE: &str = "\
def build_index(a, size):
    return [max(a[i:i + size]) for i in range(0, len(a), size)]

def block_search(a, index, size, key):
    for b in range(len(index)):
        if key <= index[b]:
            start = b * size
            for i in range(start, min(start + size, len(a))):
                if a[i] == key:
                    return i
            return -1
    return -1";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const SIZE: u8 = 1;
    pub const INDEX: u8 = 2;
    pub const KEY: u8 = 4;
    pub const COMPARE_INDEX: u8 = 6;
    pub const BLOCK: u8 = 7;
    pub const COMPARE: u8 = 9;
    pub const FOUND: u8 = 10;
    pub const NOT_IN_BLOCK: u8 = 11;
    pub const ABOVE_ALL: u8 = 12;
}

/// Values per block for `n` values: `ceil(sqrt(n))`, at least 1.
pub fn block_size(n: usize) -> usize {
    let mut s = 1;
    while s * s < n {
        s += 1;
    }
    s
}

/// Block search for `key` in `blocked` (ordered by blocks; see the module
/// comment). Building the index is traced as writes to `Index(b)`.
pub fn block_search(blocked: &[Value], key: Value) -> Trace {
    let a = clip(blocked);
    let size = block_size(a.len());
    let mut r = Recorder::with_capacity(3 * size + a.len() / size.max(1) + 8);
    r.push(line::SIZE, Op::Blocks(ix(size)));
    let index: Vec<Value> = a
        .chunks(size)
        .map(|c| c.iter().copied().max().unwrap_or(Value::MIN))
        .collect();
    for (b, &mx) in index.iter().enumerate() {
        r.push(
            line::INDEX,
            Op::Write {
                to: Place::Index(ix(b)),
                value: mx,
            },
        );
    }
    r.push(line::KEY, Op::Key(key));
    for (b, &mx) in index.iter().enumerate() {
        r.push(line::COMPARE_INDEX, Op::CompareKey(Place::Index(ix(b))));
        if key <= mx {
            r.push(line::BLOCK, Op::Block(ix(b)));
            let start = b * size;
            let end = (start + size).min(a.len());
            for (i, &x) in a.iter().enumerate().take(end).skip(start) {
                let at = Place::Main(ix(i));
                r.push(line::COMPARE, Op::CompareKey(at));
                if x == key {
                    r.push(line::FOUND, Op::Found(at));
                    return r.finish(Outcome::Found(at));
                }
            }
            r.push(line::NOT_IN_BLOCK, Op::NotFound);
            return r.finish(Outcome::NotFound);
        }
    }
    r.push(line::ABOVE_ALL, Op::NotFound);
    r.finish(Outcome::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::step::Step;

    fn s(line: u8, op: Op) -> Step {
        Step { line, op }
    }

    fn w(b: u16, value: Value) -> Step {
        s(
            2,
            Op::Write {
                to: Place::Index(b),
                value,
            },
        )
    }

    #[test]
    fn sizes() {
        assert_eq!(block_size(0), 1);
        assert_eq!(block_size(5), 3);
        assert_eq!(block_size(9), 3);
        assert_eq!(block_size(200), 15);
    }

    #[test]
    fn golden_found_in_second_block() {
        // size 3: blocks [3 1 2] [6 4 5] [7]; index [3, 6, 7]; key 4.
        let t = block_search(&[3, 1, 2, 6, 4, 5, 7], 4);
        assert_eq!(
            t.steps,
            vec![
                s(1, Op::Blocks(3)),
                w(0, 3),
                w(1, 6),
                w(2, 7),
                s(4, Op::Key(4)),
                s(6, Op::CompareKey(Place::Index(0))), // 4 <= 3? no
                s(6, Op::CompareKey(Place::Index(1))), // 4 <= 6
                s(7, Op::Block(1)),
                s(9, Op::CompareKey(Place::Main(3))),
                s(9, Op::CompareKey(Place::Main(4))),
                s(10, Op::Found(Place::Main(4))),
            ]
        );
    }

    #[test]
    fn golden_above_every_block() {
        let t = block_search(&[3, 1, 2, 6, 4, 5, 7], 8);
        assert_eq!(t.steps.last(), Some(&s(12, Op::NotFound)));
        assert_eq!(t.outcome, Outcome::NotFound);
        let t = block_search(&[3, 1, 2, 6, 4, 5, 7], 0);
        assert_eq!(
            t.steps[5..],
            [
                s(6, Op::CompareKey(Place::Index(0))),
                s(7, Op::Block(0)),
                s(9, Op::CompareKey(Place::Main(0))),
                s(9, Op::CompareKey(Place::Main(1))),
                s(9, Op::CompareKey(Place::Main(2))),
                s(11, Op::NotFound),
            ]
        );
    }
}
