//! A scenario's options in the URL, so a link reproduces what someone
//! saw: `#/net/dns?drop=3&seed=7`.
//!
//! - `drop`: ids of messages whose fate is flipped (comma-separated);
//! - `seed`: picks what a real run draws at random (0, the default, gives
//!   the RFCs' own example values).
//!
//! Other keys (the shell's `embed`, `theme`, `lang`) are kept as they are;
//! a malformed value is ignored, so the page still opens.

use super::scenario::Options;
use super::seq::MsgId;
use crate::route::pairs;

/// More flips than this in a URL are ignored (no scenario sends as many).
const MAX_DROPS: usize = 64;
const KEYS: [&str; 2] = ["drop", "seed"];

pub fn parse(query: &str) -> Options {
    let mut out = Options::default();
    for (key, value) in pairs(query) {
        match key.as_str() {
            "drop" => {
                out.drops = value
                    .split(',')
                    .filter_map(|n| n.trim().parse::<u16>().ok())
                    .map(MsgId)
                    .take(MAX_DROPS)
                    .collect();
                crate::small_sort::sort(&mut out.drops);
                out.drops.dedup();
            }
            "seed" => out.seed = value.trim().parse().unwrap_or(0),
            _ => {}
        }
    }
    out
}

/// The options with message `id`'s fate flipped.
pub fn toggled(opts: &Options, id: MsgId) -> Options {
    let mut next = opts.clone();
    match next.drops.binary_search(&id) {
        Ok(i) => {
            next.drops.remove(i);
        }
        Err(i) => next.drops.insert(i, id),
    }
    next
}

/// `current` with the options' keys replaced (defaults left out).
pub fn merged_into(opts: &Options, current: &str) -> String {
    let mut parts: Vec<String> = current
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !KEYS.contains(&p.split_once('=').map_or(*p, |(k, _)| k)))
        .map(str::to_string)
        .collect();
    if !opts.drops.is_empty() {
        let ids: Vec<String> = opts.drops.iter().map(|d| d.0.to_string()).collect();
        parts.push(format!("drop={}", ids.join(",")));
    }
    if opts.seed != 0 {
        parts.push(format!("seed={}", opts.seed));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_writes_back() {
        let o = parse("?embed&drop=5,2,5,x&seed=7&lang=en");
        assert_eq!(o.drops, [MsgId(2), MsgId(5)]);
        assert_eq!(o.seed, 7);
        assert_eq!(
            merged_into(&o, "embed&drop=1&lang=en"),
            "embed&lang=en&drop=2,5&seed=7"
        );
        let back = toggled(&toggled(&o, MsgId(2)), MsgId(9));
        assert_eq!(back.drops, [MsgId(5), MsgId(9)]);
        assert_eq!(
            merged_into(&Options::default(), "drop=3&theme=dark"),
            "theme=dark"
        );
        assert_eq!(parse("seed=-1&drop="), Options::default());
    }
}
