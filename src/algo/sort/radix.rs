//! LSD radix sort, base 10, with the ten buckets drawn.
//!
//! Negative numbers: handled, not refused. The passes bucket by the digits
//! of `abs(x)`, which leaves the negatives ordered by size, largest first
//! once reversed; a last pass splits off the negatives (`neg`), reverses
//! them and puts them before the rest (`pos`). This keeps the digit passes
//! the textbook ones (an offset by `min(a)` would show buckets of shifted
//! values nobody typed), and the sign pass is visible as two lists.

use crate::algo::step::{clip, ix, Area, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the bars.
pub const CODE: &str = "\
def radix_sort(a):
    m = max(abs(x) for x in a)
    exp = 1
    while m // exp > 0:
        buckets = [[] for _ in range(10)]
        for x in a:
            buckets[abs(x) // exp % 10].append(x)
        a = [x for b in buckets for x in b]
        exp *= 10
    neg = [x for x in a if x < 0]
    pos = [x for x in a if x >= 0]
    return neg[::-1] + pos";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const PASS: u8 = 4;
    pub const NEW_BUCKETS: u8 = 5;
    pub const TO_BUCKET: u8 = 7;
    pub const COLLECT: u8 = 8;
    pub const NEG: u8 = 10;
    pub const POS: u8 = 11;
    pub const JOIN: u8 = 12;
}

/// The digit of `x` worth `exp` (`abs(x) // exp % 10`).
pub fn digit(x: Value, exp: u32) -> u8 {
    // `% 10` leaves 0..=9, so the cast keeps every bit.
    ((u32::from(x.unsigned_abs()) / exp.max(1)) % 10) as u8
}

/// Radix sort. Each pass: `Pass(exp)`, the buckets cleared, one `Write` per
/// value into `Bucket(digit, k)`, then one `Write` per value back into `a`.
pub fn radix_sort(input: &[Value]) -> Trace {
    let mut a = clip(input).to_vec();
    let n = a.len();
    let mut r = Recorder::with_capacity(2 * n * 7 + 4 * n + 16);
    if n == 0 {
        return r.finish(Outcome::Sorted(a));
    }
    let m = a
        .iter()
        .map(|x| u32::from(x.unsigned_abs()))
        .max()
        .unwrap_or(0);
    let mut exp: u32 = 1;
    while m / exp > 0 {
        r.push(line::PASS, Op::Pass(ix(exp as usize)));
        r.push(line::NEW_BUCKETS, Op::Clear(Area::Buckets));
        let mut buckets: [Vec<Value>; 10] = Default::default();
        for &x in &a {
            let d = digit(x, exp);
            let b = &mut buckets[usize::from(d)];
            r.push(
                line::TO_BUCKET,
                Op::Write {
                    to: Place::Bucket(d, ix(b.len())),
                    value: x,
                },
            );
            b.push(x);
        }
        a = buckets.concat();
        for (i, &x) in a.iter().enumerate() {
            r.push(
                line::COLLECT,
                Op::Write {
                    to: Place::Main(ix(i)),
                    value: x,
                },
            );
        }
        exp *= 10;
    }
    let mut neg = Vec::new();
    for &x in a.iter().filter(|&&x| x < 0) {
        r.push(
            line::NEG,
            Op::Write {
                to: Place::Left(ix(neg.len())),
                value: x,
            },
        );
        neg.push(x);
    }
    let mut pos = Vec::new();
    for &x in a.iter().filter(|&&x| x >= 0) {
        r.push(
            line::POS,
            Op::Write {
                to: Place::Right(ix(pos.len())),
                value: x,
            },
        );
        pos.push(x);
    }
    a = neg.iter().rev().chain(pos.iter()).copied().collect();
    for (i, &x) in a.iter().enumerate() {
        r.push(
            line::JOIN,
            Op::Write {
                to: Place::Main(ix(i)),
                value: x,
            },
        );
    }
    r.push(line::JOIN, Op::MarkSorted(0, ix(n)));
    r.finish(Outcome::Sorted(a))
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
    fn digits() {
        assert_eq!(digit(407, 1), 7);
        assert_eq!(digit(407, 10), 0);
        assert_eq!(digit(-407, 100), 4);
        assert_eq!(digit(i16::MIN, 10_000), 3);
    }

    #[test]
    fn golden_with_a_negative() {
        // [12, -5, 3]: m = 12, passes exp = 1 and 10.
        let t = radix_sort(&[12, -5, 3]);
        assert_eq!(
            t.steps,
            vec![
                s(4, Op::Pass(1)),
                s(5, Op::Clear(Area::Buckets)),
                w(7, Place::Bucket(2, 0), 12),
                w(7, Place::Bucket(5, 0), -5),
                w(7, Place::Bucket(3, 0), 3),
                w(8, Place::Main(0), 12),
                w(8, Place::Main(1), 3),
                w(8, Place::Main(2), -5), // [12, 3, -5]
                s(4, Op::Pass(10)),
                s(5, Op::Clear(Area::Buckets)),
                w(7, Place::Bucket(1, 0), 12),
                w(7, Place::Bucket(0, 0), 3),
                w(7, Place::Bucket(0, 1), -5),
                w(8, Place::Main(0), 3),
                w(8, Place::Main(1), -5),
                w(8, Place::Main(2), 12), // [3, -5, 12]
                w(10, Place::Left(0), -5),
                w(11, Place::Right(0), 3),
                w(11, Place::Right(1), 12),
                w(12, Place::Main(0), -5),
                w(12, Place::Main(1), 3),
                w(12, Place::Main(2), 12),
                s(12, Op::MarkSorted(0, 3)),
            ]
        );
        assert_eq!(t.outcome, Outcome::Sorted(vec![-5, 3, 12]));
    }

    #[test]
    fn negatives_come_out_in_order() {
        let t = radix_sort(&[-1, -300, 5, -20, 0, -300, 999]);
        assert_eq!(
            t.outcome,
            Outcome::Sorted(vec![-300, -300, -20, -1, 0, 5, 999])
        );
    }

    #[test]
    fn all_zeros_need_no_digit_pass() {
        let t = radix_sort(&[0, 0, 0]);
        assert!(!t.steps.iter().any(|s| matches!(s.op, Op::Pass(_))));
        assert_eq!(t.outcome, Outcome::Sorted(vec![0, 0, 0]));
    }
}
