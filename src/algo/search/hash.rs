//! Hash search with open addressing and linear probing.
//!
//! Why probing and not chaining: the table stays one row of slots, so a
//! collision is visible as a value pushed to the next free slot, and the
//! search walks the same cluster the insertions built. (Chaining is what
//! Python's own dict does not use either: CPython probes too, with a
//! perturbed sequence.) The table has a prime number of slots, about 1.5
//! per value, so collisions happen but clusters stay short.

use crate::algo::step::{clip, ix, Op, Outcome, Place, Recorder, Trace, Value};

/// The Python shown beside the table. The table is built with
/// `build(a, m)`, then searched.
pub const CODE: &str = "\
def build(a, m):
    table = [None] * m
    for x in a:
        h = x % m
        while table[h] is not None:
            h = (h + 1) % m
        table[h] = x
    return table

def hash_search(table, key):
    m = len(table)
    h = key % m
    while table[h] is not None:
        if table[h] == key:
            return h
        h = (h + 1) % m
    return -1";

/// Lines of [`CODE`] that steps point at.
pub(crate) mod line {
    pub const NEW_TABLE: u8 = 2;
    pub const HOLD: u8 = 3;
    pub const HASH: u8 = 4;
    pub const COLLIDE: u8 = 6;
    pub const STORE: u8 = 7;
    pub const KEY: u8 = 10;
    pub const HASH_KEY: u8 = 12;
    pub const COMPARE: u8 = 14;
    pub const FOUND: u8 = 15;
    pub const NEXT: u8 = 16;
    pub const NOT_FOUND: u8 = 17;
}

/// The number of slots for `n` values: the smallest prime at least
/// `1.5 n` (and at least 7).
pub fn table_size(n: usize) -> usize {
    let want = (n + n / 2).max(7);
    (want..).find(|&m| is_prime(m)).unwrap_or(want)
}

fn is_prime(m: usize) -> bool {
    m >= 2
        && (2..)
            .take_while(|d| d * d <= m)
            .all(|d| !m.is_multiple_of(d))
}

/// Python's `x % m` for a positive `m`: never negative.
pub fn hash(x: Value, m: usize) -> usize {
    let m = i64::try_from(m.max(1)).unwrap_or(i64::MAX);
    // rem_euclid with a positive modulus is in 0..m, which fits a usize.
    i64::from(x).rem_euclid(m) as usize
}

/// Builds the table from `input` (every insertion traced, collisions as
/// extra `Probe`s), then searches it for `key`. A hit is `Found(Table(h))`.
pub fn hash_search(input: &[Value], key: Value) -> Trace {
    let a = clip(input);
    let m = table_size(a.len());
    let mut r = Recorder::with_capacity(4 * a.len() + 16);
    let mut table: Vec<Option<Value>> = vec![None; m];
    r.push(line::NEW_TABLE, Op::NewTable(ix(m)));
    for (i, &x) in a.iter().enumerate() {
        r.push(line::HOLD, Op::Hold(ix(i)));
        let mut h = hash(x, m);
        r.push(line::HASH, Op::Probe(ix(h)));
        // m > n, so a free slot always exists and this ends.
        while table[h].is_some() {
            h = (h + 1) % m;
            r.push(line::COLLIDE, Op::Probe(ix(h)));
        }
        table[h] = Some(x);
        r.push(
            line::STORE,
            Op::Write {
                to: Place::Table(ix(h)),
                value: x,
            },
        );
    }
    r.push(line::KEY, Op::Key(key));
    let mut h = hash(key, m);
    r.push(line::HASH_KEY, Op::Probe(ix(h)));
    while let Some(v) = table[h] {
        let at = Place::Table(ix(h));
        r.push(line::COMPARE, Op::CompareKey(at));
        if v == key {
            r.push(line::FOUND, Op::Found(at));
            return r.finish(Outcome::Found(at));
        }
        h = (h + 1) % m;
        r.push(line::NEXT, Op::Probe(ix(h)));
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

    fn w(line: u8, h: u16, value: Value) -> Step {
        s(
            line,
            Op::Write {
                to: Place::Table(h),
                value,
            },
        )
    }

    #[test]
    fn sizes_are_primes() {
        assert_eq!(table_size(0), 7);
        assert_eq!(table_size(5), 7);
        assert_eq!(table_size(10), 17);
        assert_eq!(table_size(200), 307);
    }

    #[test]
    fn hash_is_pythons_modulo() {
        assert_eq!(hash(-1, 7), 6);
        assert_eq!(hash(15, 7), 1);
        assert_eq!(hash(-14, 7), 0);
    }

    #[test]
    fn golden_collision_then_hit() {
        // m = 7. 8 → slot 1; 15 → 1 taken → 2; search 15: 1 (8 ≠ 15), 2 hit.
        let t = hash_search(&[8, 15], 15);
        assert_eq!(
            t.steps,
            vec![
                s(2, Op::NewTable(7)),
                s(3, Op::Hold(0)),
                s(4, Op::Probe(1)),
                w(7, 1, 8),
                s(3, Op::Hold(1)),
                s(4, Op::Probe(1)),
                s(6, Op::Probe(2)),
                w(7, 2, 15),
                s(10, Op::Key(15)),
                s(12, Op::Probe(1)),
                s(14, Op::CompareKey(Place::Table(1))),
                s(16, Op::Probe(2)),
                s(14, Op::CompareKey(Place::Table(2))),
                s(15, Op::Found(Place::Table(2))),
            ]
        );
    }

    #[test]
    fn golden_miss_on_an_empty_slot() {
        // m = 7, 6 → slot 6; key 13 → slot 6 (6 ≠ 13) → slot 0 empty: miss.
        let t = hash_search(&[6], 13);
        assert_eq!(
            t.steps[4..],
            [
                s(10, Op::Key(13)),
                s(12, Op::Probe(6)),
                s(14, Op::CompareKey(Place::Table(6))),
                s(16, Op::Probe(0)),
                s(17, Op::NotFound),
            ]
        );
        assert_eq!(t.outcome, Outcome::NotFound);
    }
}
