//! The diagram's options in the URL, so a link reproduces what someone saw:
//! `#/tcp/handshake?drop=2,5&seq=abs&seed=7`.
//!
//! - `drop`: sandbox segment ids whose fate is flipped (comma-separated);
//! - `seq=abs`: absolute sequence numbers (relative is the default);
//! - `seed`: picks the initial sequence numbers.
//!
//! Other keys (the shell's `embed`, `theme`, `lang`) are kept as they are.
//! A malformed value is ignored rather than refused: the page still opens.

use super::model::SegId;
use super::trace::SeqMode;
use crate::route::pairs;

/// The seed when the URL names none: any fixed value keeps a plain link's
/// numbers the same on every visit.
pub const DEFAULT_SEED: u64 = 1;

/// More flips than this in a URL are ignored (no scenario sends as many).
const MAX_DROPS: usize = 64;

const KEYS: [&str; 3] = ["drop", "seq", "seed"];

/// The options of one diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewQuery {
    /// Sorted, without repeats.
    pub drops: Vec<SegId>,
    pub mode: SeqMode,
    pub seed: u64,
}

impl Default for ViewQuery {
    fn default() -> Self {
        ViewQuery {
            drops: Vec::new(),
            mode: SeqMode::Relative,
            seed: DEFAULT_SEED,
        }
    }
}

impl ViewQuery {
    pub fn parse(query: &str) -> ViewQuery {
        let mut out = ViewQuery::default();
        for (key, value) in pairs(query) {
            match key.as_str() {
                "drop" => {
                    // Kept sorted as they come (at most 64): the bundle
                    // then needs no sort of its own for them.
                    out.drops.clear();
                    let ids = value
                        .split(',')
                        .filter_map(|n| n.trim().parse::<u16>().ok())
                        .map(SegId)
                        .take(MAX_DROPS);
                    for id in ids {
                        if let Err(i) = out.drops.binary_search(&id) {
                            out.drops.insert(i, id);
                        }
                    }
                }
                "seq" => {
                    out.mode = if value == "abs" {
                        SeqMode::Absolute
                    } else {
                        SeqMode::Relative
                    }
                }
                "seed" => out.seed = value.trim().parse().unwrap_or(DEFAULT_SEED),
                _ => {}
            }
        }
        out
    }

    /// The same options with segment `id`'s fate flipped.
    pub fn toggled(&self, id: SegId) -> ViewQuery {
        let mut next = self.clone();
        match next.drops.binary_search(&id) {
            Ok(i) => {
                next.drops.remove(i);
            }
            Err(i) => next.drops.insert(i, id),
        }
        next
    }

    /// `current` with this view's keys replaced (defaults left out).
    pub fn merged_into(&self, current: &str) -> String {
        let mut parts: Vec<String> = current
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .filter(|p| {
                let key = p.split_once('=').map_or(*p, |(k, _)| k);
                !KEYS.contains(&key)
            })
            .map(str::to_string)
            .collect();
        if !self.drops.is_empty() {
            let ids: Vec<String> = self.drops.iter().map(|d| d.0.to_string()).collect();
            parts.push(format!("drop={}", ids.join(",")));
        }
        if self.mode == SeqMode::Absolute {
            parts.push("seq=abs".to_string());
        }
        if self.seed != DEFAULT_SEED {
            parts.push(format!("seed={}", self.seed));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_writes_back() {
        let q = ViewQuery::parse("?embed&drop=5,2,5,x&seq=abs&seed=7&theme=dark");
        assert_eq!(q.drops, [SegId(2), SegId(5)]);
        assert_eq!(q.mode, SeqMode::Absolute);
        assert_eq!(q.seed, 7);
        assert_eq!(
            q.merged_into("?embed&drop=1&theme=dark"),
            "embed&theme=dark&drop=2,5&seq=abs&seed=7"
        );
    }

    #[test]
    fn defaults_stay_out_of_the_url_and_nonsense_is_ignored() {
        let q = ViewQuery::parse("drop=&seq=weird&seed=-3");
        assert_eq!(q, ViewQuery::default());
        assert_eq!(q.merged_into("lang=en&drop=3"), "lang=en");
        let huge = format!(
            "drop={}",
            (0..500)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        assert_eq!(ViewQuery::parse(&huge).drops.len(), MAX_DROPS);
    }

    #[test]
    fn toggling_adds_then_removes() {
        let q = ViewQuery::default().toggled(SegId(3)).toggled(SegId(1));
        assert_eq!(q.drops, [SegId(1), SegId(3)]);
        assert_eq!(q.toggled(SegId(3)).drops, [SegId(1)]);
    }
}
