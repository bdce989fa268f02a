//! Inputs: a tiny seeded PRNG, the four generated kinds, and the parser for
//! a list the user types. All pure: the seed is an argument and is shown, so
//! a run can be reproduced and shared.

use crate::algo::step::{Value, MAX_LEN};

/// Fewest values a run takes (fewer shows nothing worth animating).
pub const MIN_LEN: usize = 5;
/// Smallest value accepted: bars must still draw at a readable height.
pub const MIN_VALUE: Value = -999;
/// Largest value accepted.
pub const MAX_VALUE: Value = 999;

pub use crate::rng::Rng;

/// A short seed (1..=999,999, easy to read out and type) made from any
/// entropy the view has at hand (the clock, the previous seed).
pub fn fresh_seed(entropy: u64) -> u64 {
    Rng::new(entropy).next_u64() % 999_999 + 1
}

/// The generated inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputKind {
    Random,
    /// Sorted, then about one value in ten swapped with a neighbour.
    NearlySorted,
    /// Distinct values, largest first: the worst case of the simple sorts.
    Reversed,
    /// Four distinct values, repeated.
    FewDistinct,
}

impl InputKind {
    pub const ALL: [InputKind; 4] = [
        InputKind::Random,
        InputKind::NearlySorted,
        InputKind::Reversed,
        InputKind::FewDistinct,
    ];

    /// The name in URLs (`kind=nearly-sorted`).
    pub fn slug(self) -> &'static str {
        match self {
            InputKind::Random => "random",
            InputKind::NearlySorted => "nearly-sorted",
            InputKind::Reversed => "reversed",
            InputKind::FewDistinct => "few-distinct",
        }
    }

    pub fn from_slug(s: &str) -> Option<InputKind> {
        InputKind::ALL.into_iter().find(|k| k.slug() == s)
    }
}

/// `n` values of the given kind from `seed`. `n` is clamped to
/// `MIN_LEN..=MAX_LEN`; values are positive (bars from the floor) and at
/// most 999, spread wider for longer arrays so they stay mostly distinct.
pub fn generate(kind: InputKind, n: usize, seed: u64) -> Vec<Value> {
    let n = n.clamp(MIN_LEN, MAX_LEN);
    let mut rng = Rng::new(seed);
    let top = (5 * n).clamp(99, MAX_VALUE as usize);
    match kind {
        InputKind::Random => (0..n).map(|_| value(1 + rng.below(top))).collect(),
        InputKind::NearlySorted => {
            let mut a = increasing(n, top, &mut rng);
            for _ in 0..(n / 10).max(1) {
                let i = rng.below(n - 1);
                a.swap(i, i + 1);
            }
            a
        }
        InputKind::Reversed => {
            let mut a = increasing(n, top, &mut rng);
            a.reverse();
            a
        }
        InputKind::FewDistinct => {
            let pool = increasing(4, top, &mut rng);
            (0..n).map(|_| pool[rng.below(pool.len())]).collect()
        }
    }
}

/// `n` strictly increasing values in `1..=top`: one per slice of width
/// `top / n`, at a random place in it.
fn increasing(n: usize, top: usize, rng: &mut Rng) -> Vec<Value> {
    let width = (top / n.max(1)).max(1);
    (0..n)
        .map(|i| value(1 + i * width + rng.below(width)))
        .collect()
}

/// Values made here are at most 999; saturate rather than wrap regardless.
fn value(x: usize) -> Value {
    Value::try_from(x).unwrap_or(MAX_VALUE)
}

/// A search key from a seed: most of the time a value of the array (a hit),
/// one time in four a value that is not in it (a miss), since both are worth
/// watching.
pub fn pick_key(values: &[Value], seed: u64) -> Value {
    let mut rng = Rng::new(seed ^ 0x006B_6579);
    if values.is_empty() {
        return 0;
    }
    if rng.below(4) > 0 {
        return values[rng.below(values.len())];
    }
    // A miss near the values (between or just beyond them) is the telling
    // one; try a few, then take any free number.
    let lo = values
        .iter()
        .copied()
        .min()
        .unwrap_or(0)
        .saturating_sub(1)
        .max(MIN_VALUE);
    let hi = values
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .saturating_add(1)
        .min(MAX_VALUE);
    let span = usize::try_from(i32::from(hi) - i32::from(lo) + 1).unwrap_or(1);
    for _ in 0..32 {
        let k = lo.saturating_add(value(rng.below(span)));
        if !values.contains(&k) {
            return k;
        }
    }
    (MIN_VALUE..=MAX_VALUE)
        .find(|k| !values.contains(k))
        .unwrap_or(0)
}

/// Why a typed list was refused. Positions are 1-based, as a person counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Nothing but separators.
    Empty,
    /// The `position`-th item is not a whole number.
    NotANumber { position: usize, token: String },
    /// The `position`-th item is a number outside `MIN_VALUE..=MAX_VALUE`.
    OutOfRange { position: usize, token: String },
    /// Fewer than [`MIN_LEN`] values.
    TooFew { count: usize },
    /// More than [`MAX_LEN`] values.
    TooMany { count: usize },
}

/// Parses a list such as `5, 3 8 1`, `5，3，8` or `[5, 3, 8]`: items are
/// separated by commas (ASCII, full-width `，` or `、`), semicolons or
/// whitespace, in any mix; one pair of outer brackets is allowed, as when a
/// Python list is pasted. Full-width digits and minus signs are read as
/// ASCII ones.
pub fn parse_list(text: &str) -> Result<Vec<Value>, InputError> {
    let tokens = tokens(text);
    if tokens.is_empty() {
        return Err(InputError::Empty);
    }
    if tokens.len() > MAX_LEN {
        return Err(InputError::TooMany {
            count: tokens.len(),
        });
    }
    let values = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| parse_number(t, i + 1))
        .collect::<Result<Vec<Value>, InputError>>()?;
    if values.len() < MIN_LEN {
        return Err(InputError::TooFew {
            count: values.len(),
        });
    }
    Ok(values)
}

/// Parses one search key (same number rules as a list item).
pub fn parse_key(text: &str) -> Result<Value, InputError> {
    match tokens(text).as_slice() {
        [] => Err(InputError::Empty),
        [one] => parse_number(one, 1),
        [_, second, ..] => Err(InputError::NotANumber {
            position: 2,
            token: second.clone(),
        }),
    }
}

fn tokens(text: &str) -> Vec<String> {
    let t = text.trim();
    let t = strip_brackets(t);
    t.split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；'))
        .filter(|s| !s.is_empty())
        .map(|s| s.chars().map(ascii_digit).collect())
        .collect()
}

fn strip_brackets(t: &str) -> &str {
    for (open, close) in [('[', ']'), ('(', ')'), ('【', '】'), ('（', '）')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|s| s.strip_suffix(close)) {
            return inner;
        }
    }
    t
}

/// Full-width digits and minus signs (a Chinese keyboard's) to ASCII.
fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '－' | '−' => '-',
        '＋' => '+',
        _ => c,
    }
}

fn parse_number(token: &str, position: usize) -> Result<Value, InputError> {
    let digits = token.strip_prefix(['-', '+']).unwrap_or(token);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(InputError::NotANumber {
            position,
            token: token.to_string(),
        });
    }
    let out_of_range = || InputError::OutOfRange {
        position,
        token: token.to_string(),
    };
    // All digits: the only failure left is overflow, which is out of range.
    let v: i64 = token.parse().map_err(|_| out_of_range())?;
    if v < i64::from(MIN_VALUE) || v > i64::from(MAX_VALUE) {
        return Err(out_of_range());
    }
    Value::try_from(v).map_err(|_| out_of_range())
}

/// The list as the input field shows it and URLs carry it: `5,3,8`.
pub fn format_list(values: &[Value]) -> String {
    let parts: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_splitmix64() {
        // Reference values of SplitMix64 seeded with 0 (from the published
        // C implementation).
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn below_stays_below() {
        let mut r = Rng::new(7);
        let mut seen = [false; 6];
        for _ in 0..1000 {
            let x = r.below(6);
            assert!(x < 6);
            seen[x] = true;
        }
        assert!(seen.iter().all(|&s| s), "every value turns up");
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn fresh_seeds_are_short_and_vary() {
        let a = fresh_seed(1);
        let b = fresh_seed(2);
        assert!((1..=999_999).contains(&a) && (1..=999_999).contains(&b));
        assert_ne!(a, b);
    }

    #[test]
    fn generated_inputs_have_their_shape() {
        for seed in 0..50 {
            for n in [5, 6, 17, 64, 200] {
                let r = generate(InputKind::Random, n, seed);
                assert_eq!(r.len(), n);
                assert!(r.iter().all(|&v| (1..=MAX_VALUE).contains(&v)));

                let rev = generate(InputKind::Reversed, n, seed);
                assert!(rev.windows(2).all(|w| w[0] > w[1]), "strictly decreasing");

                let near = generate(InputKind::NearlySorted, n, seed);
                let descents = near.windows(2).filter(|w| w[0] > w[1]).count();
                assert!(descents >= 1 && descents <= (n / 10).max(1), "{near:?}");

                let few = generate(InputKind::FewDistinct, n, seed);
                let mut d = few.clone();
                d.sort();
                d.dedup();
                assert!(d.len() <= 4);
            }
        }
        assert_eq!(
            generate(InputKind::Random, 3, 1).len(),
            MIN_LEN,
            "n is clamped"
        );
        assert_eq!(generate(InputKind::Random, 999, 1).len(), MAX_LEN);
        assert_eq!(
            generate(InputKind::Random, 30, 42),
            generate(InputKind::Random, 30, 42)
        );
        assert_ne!(
            generate(InputKind::Random, 30, 42),
            generate(InputKind::Random, 30, 43)
        );
    }

    #[test]
    fn keys_hit_mostly_and_miss_sometimes() {
        let values = generate(InputKind::Random, 30, 5);
        let hits = (0..400)
            .filter(|&s| values.contains(&pick_key(&values, s)))
            .count();
        assert!((200..400).contains(&hits), "{hits} hits of 400");
        for s in 0..400 {
            assert!((MIN_VALUE..=MAX_VALUE).contains(&pick_key(&values, s)));
        }
    }

    #[test]
    fn parses_mixed_separators() {
        assert_eq!(parse_list("5, 3 8 1,2"), Ok(vec![5, 3, 8, 1, 2]));
        assert_eq!(parse_list("5，3，8，1，-2"), Ok(vec![5, 3, 8, 1, -2]));
        assert_eq!(parse_list(" [5, 3, 8, 1, 2] "), Ok(vec![5, 3, 8, 1, 2]));
        assert_eq!(parse_list("5、3;8\n1\t+2"), Ok(vec![5, 3, 8, 1, 2]));
        assert_eq!(parse_list("５ ３ ８ １ －２"), Ok(vec![5, 3, 8, 1, -2]));
        assert_eq!(
            parse_list("5,,3,8,1,2"),
            Ok(vec![5, 3, 8, 1, 2]),
            "empty items are skipped"
        );
    }

    #[test]
    fn rejects_bad_lists_with_a_reason() {
        assert_eq!(parse_list("  ，, "), Err(InputError::Empty));
        assert_eq!(
            parse_list("5, 3, x, 1, 2"),
            Err(InputError::NotANumber {
                position: 3,
                token: "x".into()
            })
        );
        assert_eq!(
            parse_list("5 3 2.5 1 2"),
            Err(InputError::NotANumber {
                position: 3,
                token: "2.5".into()
            })
        );
        assert_eq!(
            parse_list("5 3 - 1 2"),
            Err(InputError::NotANumber {
                position: 3,
                token: "-".into()
            })
        );
        assert_eq!(
            parse_list("1 2 3 4 1000"),
            Err(InputError::OutOfRange {
                position: 5,
                token: "1000".into()
            })
        );
        assert_eq!(
            parse_list("1 2 3 4 -99999999999999999999999"),
            Err(InputError::OutOfRange {
                position: 5,
                token: "-99999999999999999999999".into()
            })
        );
        assert_eq!(parse_list("1 2 3 4"), Err(InputError::TooFew { count: 4 }));
        let many = vec!["1"; 201].join(",");
        assert_eq!(parse_list(&many), Err(InputError::TooMany { count: 201 }));
        assert_eq!(
            parse_list(&vec!["1"; 200].join(",")).map(|v| v.len()),
            Ok(200)
        );
        assert_eq!(parse_list("-999 999 0 0 0"), Ok(vec![-999, 999, 0, 0, 0]));
    }

    #[test]
    fn keys() {
        assert_eq!(parse_key(" 42 "), Ok(42));
        assert_eq!(parse_key("-7"), Ok(-7));
        assert_eq!(parse_key(""), Err(InputError::Empty));
        assert!(matches!(
            parse_key("4 5"),
            Err(InputError::NotANumber { position: 2, .. })
        ));
        assert!(matches!(
            parse_key("1234"),
            Err(InputError::OutOfRange { .. })
        ));
    }

    #[test]
    fn formats_for_the_field_and_the_url() {
        assert_eq!(format_list(&[5, -3, 8]), "5,-3,8");
        assert_eq!(
            parse_list(&format_list(&[5, -3, 8, 0, 1])),
            Ok(vec![5, -3, 8, 0, 1])
        );
    }
}
