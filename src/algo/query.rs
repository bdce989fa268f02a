//! A run in the URL: `#/algo/quick-sort?input=5,3,8,1,2` or
//! `#/algo/quick-sort?kind=random&n=30&seed=42`, plus `key=` for searches
//! and `vs=<algorithm>` for race mode. Parsing and formatting are pure so
//! that a shared link is tested to show the same run.

use crate::algo::catalog::AlgoId;
use crate::algo::input::{self, InputError, InputKind, MIN_LEN};
use crate::algo::step::{Value, MAX_LEN};

/// Where the values come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Generated {
        kind: InputKind,
        n: usize,
        seed: u64,
    },
    /// A list the user typed (already validated).
    Custom(Vec<Value>),
}

/// Everything that decides a run, besides the algorithm in the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunSpec {
    pub source: Source,
    /// The search key; `None` picks one from the seed.
    pub key: Option<Value>,
    /// Race mode: the second algorithm.
    pub vs: Option<AlgoId>,
}

/// Size of the first run a visitor sees: enough bars to see a pattern, few
/// enough to follow each step.
pub const DEFAULT_N: usize = 16;
/// Seed of the first run, so the page is the same for everyone.
pub const DEFAULT_SEED: u64 = 42;

impl Default for RunSpec {
    fn default() -> Self {
        RunSpec {
            source: Source::Generated {
                kind: InputKind::Random,
                n: DEFAULT_N,
                seed: DEFAULT_SEED,
            },
            key: None,
            vs: None,
        }
    }
}

/// Why a query was refused (the view keeps the run it had and says this).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryError {
    /// `input=` is not a valid list.
    Input(InputError),
    /// `key=` is not a valid number.
    Key(InputError),
    /// `n=` is not a number in `MIN_LEN..=MAX_LEN`.
    Size(String),
    /// `seed=` is not a whole number.
    Seed(String),
    /// `kind=` is not one of the input kinds.
    Kind(String),
    /// `vs=` is not an algorithm id.
    Versus(String),
}

impl RunSpec {
    /// The values of the run (before a search arranges them).
    pub fn values(&self) -> Vec<Value> {
        match &self.source {
            Source::Generated { kind, n, seed } => input::generate(*kind, *n, *seed),
            Source::Custom(v) => v.clone(),
        }
    }

    /// The search key: the one given, or one picked from the seed (a typed
    /// list picks with seed 0).
    pub fn key_for(&self, values: &[Value]) -> Value {
        self.key.unwrap_or_else(|| {
            let seed = match self.source {
                Source::Generated { seed, .. } => seed,
                Source::Custom(_) => 0,
            };
            input::pick_key(values, seed)
        })
    }

    /// The query string, without the `?`. Keys are in a fixed order so that
    /// the same run always gives the same link.
    pub fn to_query(&self) -> String {
        let mut parts = match &self.source {
            Source::Generated { kind, n, seed } => {
                vec![
                    format!("kind={}", kind.slug()),
                    format!("n={n}"),
                    format!("seed={seed}"),
                ]
            }
            Source::Custom(v) => vec![format!("input={}", input::format_list(v))],
        };
        if let Some(k) = self.key {
            parts.push(format!("key={k}"));
        }
        if let Some(vs) = self.vs {
            parts.push(format!("vs={}", vs.slug()));
        }
        parts.join("&")
    }

    /// Reads a query string (with or without the leading `?`). Missing
    /// parameters take their defaults; unknown ones are ignored (an old or
    /// hand-edited link still opens); a present but bad one is an error.
    /// `input=` wins over the generator parameters.
    pub fn from_query(query: &str) -> Result<RunSpec, QueryError> {
        let mut spec = RunSpec::default();
        let (mut kind, mut n, mut seed) = (InputKind::Random, DEFAULT_N, DEFAULT_SEED);
        let mut custom = None;
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (name, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let value = crate::route::percent_decode(raw);
            match name {
                "input" => custom = Some(input::parse_list(&value).map_err(QueryError::Input)?),
                "key" => spec.key = Some(input::parse_key(&value).map_err(QueryError::Key)?),
                "kind" => {
                    kind = InputKind::from_slug(&value).ok_or(QueryError::Kind(value.clone()))?
                }
                "n" => {
                    n = value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (MIN_LEN..=MAX_LEN).contains(n))
                        .ok_or(QueryError::Size(value.clone()))?
                }
                "seed" => {
                    seed = value
                        .parse::<u64>()
                        .map_err(|_| QueryError::Seed(value.clone()))?
                }
                "vs" => {
                    spec.vs =
                        Some(AlgoId::from_slug(&value).ok_or(QueryError::Versus(value.clone()))?)
                }
                _ => {}
            }
        }
        spec.source = match custom {
            Some(v) => Source::Custom(v),
            None => Source::Generated { kind, n, seed },
        };
        Ok(spec)
    }
}

/// The query keys a run owns; every other key (`embed`, `theme`, `lang`,
/// `bench`, …) belongs to someone else and is kept when a run is rewritten.
pub const RUN_KEYS: [&str; 6] = ["input", "key", "kind", "n", "seed", "vs"];

/// `current` with the run's keys replaced by `spec`'s, the other keys kept
/// in order (as written); no leading `?`.
pub fn merged(current: &str, spec: &RunSpec) -> String {
    let mut parts: Vec<String> = current
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let name = p.split_once('=').map_or(*p, |(k, _)| k);
            !RUN_KEYS.contains(&crate::route::percent_decode(name).as_str())
        })
        .map(str::to_string)
        .collect();
    let own = spec.to_query();
    if !own.is_empty() {
        parts.push(own);
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_runs_round_trip() {
        let spec = RunSpec {
            source: Source::Generated {
                kind: InputKind::NearlySorted,
                n: 30,
                seed: 7,
            },
            key: Some(-3),
            vs: Some(AlgoId::QuickSort),
        };
        let q = spec.to_query();
        assert_eq!(q, "kind=nearly-sorted&n=30&seed=7&key=-3&vs=quick-sort");
        assert_eq!(RunSpec::from_query(&q), Ok(spec.clone()));
        assert_eq!(RunSpec::from_query(&format!("?{q}")), Ok(spec));
    }

    #[test]
    fn custom_runs_round_trip() {
        let spec = RunSpec {
            source: Source::Custom(vec![5, 3, 8, -1, 0]),
            key: None,
            vs: None,
        };
        assert_eq!(spec.to_query(), "input=5,3,8,-1,0");
        assert_eq!(RunSpec::from_query("input=5,3,8,-1,0"), Ok(spec));
    }

    #[test]
    fn reads_links_people_paste() {
        // Encoded commas, a Chinese comma, spaces as %20 and as +.
        let want = Source::Custom(vec![5, 3, 8, 1, 2]);
        for q in [
            "input=5%2C3%2C8%2C1%2C2",
            "input=5%EF%BC%8C3%EF%BC%8C8%EF%BC%8C1%EF%BC%8C2",
            "input=5%203%208%201%202",
            "input=5+3+8+1+2",
            "lang=en&input=5,3,8,1,2&embed",
        ] {
            assert_eq!(
                RunSpec::from_query(q).map(|s| s.source),
                Ok(want.clone()),
                "{q}"
            );
        }
        assert_eq!(RunSpec::from_query(""), Ok(RunSpec::default()));
        assert_eq!(
            RunSpec::from_query("seed=42&n=30&kind=random").map(|s| s.values().len()),
            Ok(30)
        );
        // Malformed escapes are kept as typed, and then refused as a number.
        assert!(matches!(
            RunSpec::from_query("input=5,3,8,1,2%"),
            Err(QueryError::Input(InputError::NotANumber {
                position: 5,
                ..
            }))
        ));
        assert!(RunSpec::from_query("input=%zz").is_err());
    }

    #[test]
    fn bad_parameters_are_named() {
        assert!(matches!(
            RunSpec::from_query("input=1,2"),
            Err(QueryError::Input(InputError::TooFew { count: 2 }))
        ));
        assert_eq!(
            RunSpec::from_query("n=500"),
            Err(QueryError::Size("500".into()))
        );
        assert_eq!(
            RunSpec::from_query("n=4"),
            Err(QueryError::Size("4".into()))
        );
        assert_eq!(
            RunSpec::from_query("seed=-1"),
            Err(QueryError::Seed("-1".into()))
        );
        assert_eq!(
            RunSpec::from_query("kind=sorted"),
            Err(QueryError::Kind("sorted".into()))
        );
        assert_eq!(
            RunSpec::from_query("vs=bogo-sort"),
            Err(QueryError::Versus("bogo-sort".into()))
        );
        assert!(matches!(
            RunSpec::from_query("key=abc"),
            Err(QueryError::Key(_))
        ));
    }

    #[test]
    fn rewriting_keeps_the_shells_keys() {
        let spec = RunSpec {
            source: Source::Custom(vec![5, 3, 8, 1, 2]),
            key: None,
            vs: None,
        };
        assert_eq!(
            merged("?embed&theme=dark&kind=reversed&n=9&lang=en", &spec),
            "embed&theme=dark&lang=en&input=5,3,8,1,2"
        );
        assert_eq!(merged("", &RunSpec::default()), "kind=random&n=16&seed=42");
        assert_eq!(
            merged("vs=quick-sort&key=3", &RunSpec::default()),
            "kind=random&n=16&seed=42"
        );
    }

    #[test]
    fn same_link_same_run() {
        let a = RunSpec::from_query("kind=few-distinct&n=50&seed=9").map(|s| s.values());
        let b = RunSpec::from_query("seed=9&kind=few-distinct&n=50").map(|s| s.values());
        assert_eq!(a, b);
        let spec = RunSpec::from_query("kind=random&n=20&seed=3").unwrap_or_default();
        let v = spec.values();
        assert_eq!(spec.key_for(&v), spec.key_for(&v));
        let keyed = RunSpec {
            key: Some(77),
            ..spec
        };
        assert_eq!(keyed.key_for(&v), 77);
    }
}
