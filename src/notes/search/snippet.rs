//! Highlighting matches and cutting a snippet around the first one.

use std::ops::Range;

use super::text::{class, fold, segments, Class, Folded};

/// Characters of context kept before the first match, and the snippet's
/// total length in characters (about three lines on a phone).
const BEFORE: usize = 20;
const WIDTH: usize = 100;

/// What a query highlights.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Needles {
    /// Query words, each with "is a prefix" (the word being typed).
    pub words: Vec<(String, bool)>,
    /// Query CJK runs: highlighted whole where they occur, else by bigrams,
    /// else (see `single_chars`) by single characters.
    pub runs: Vec<Vec<char>>,
    /// Highlight single characters of longer runs: only when the search fell
    /// back to them, else a title with a stray 次 or 手 lights up for
    /// "三次握手" as if it matched.
    pub single_chars: bool,
}

impl Needles {
    /// Byte ranges of `text` to highlight, sorted, merged where they touch.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        self.find_folded(&fold(text))
    }

    /// Index (into `folded`) where the earliest mark of [`Needles::find`]
    /// would start, found without collecting every mark.
    pub fn first_match(&self, folded: &[Folded]) -> Option<usize> {
        let mut best: Option<usize> = None;
        if !self.words.is_empty() {
            let mut i = 0;
            while i < folded.len() {
                if class(folded[i].c) != Class::Word {
                    i += 1;
                    continue;
                }
                let end = i + folded[i..]
                    .iter()
                    .take_while(|f| class(f.c) == Class::Word)
                    .count();
                if self
                    .words
                    .iter()
                    .any(|(w, prefix)| word_matches(&folded[i..end], w, *prefix))
                {
                    best = Some(i);
                    break;
                }
                i = end;
            }
        }
        for run in &self.runs {
            let hit = first_occurrence(folded, run).or_else(|| {
                if run.len() == 1 {
                    return None;
                }
                let pairs = run
                    .windows(2)
                    .filter_map(|p| first_occurrence(folded, p))
                    .min();
                if pairs.is_none() && self.single_chars {
                    run.iter()
                        .filter_map(|c| first_occurrence(folded, std::slice::from_ref(c)))
                        .min()
                } else {
                    pairs
                }
            });
            best = match (best, hit) {
                (Some(b), Some(h)) => Some(b.min(h)),
                (b, h) => b.or(h),
            };
        }
        best
    }

    /// [`Needles::find`] on text already folded.
    pub fn find_folded(&self, folded: &[Folded]) -> Vec<Range<usize>> {
        let mut marks: Vec<Range<usize>> = Vec::new();
        if !self.words.is_empty() {
            for seg in segments(folded)
                .into_iter()
                .filter(|s| s.class == Class::Word)
            {
                let chars = &folded[seg.chars];
                for (word, prefix) in &self.words {
                    if word_matches(chars, word, *prefix) {
                        marks.push(span(&chars[..word.chars().count()]));
                    }
                }
            }
        }
        for run in &self.runs {
            let whole = occurrences(folded, run);
            if !whole.is_empty() || run.len() == 1 {
                marks.extend(whole);
                continue;
            }
            let pairs: Vec<Range<usize>> = run
                .windows(2)
                .flat_map(|pair| occurrences(folded, pair))
                .collect();
            if pairs.is_empty() && self.single_chars {
                marks.extend(
                    run.iter()
                        .flat_map(|c| occurrences(folded, std::slice::from_ref(c))),
                );
            } else {
                marks.extend(pairs);
            }
        }
        merge(marks)
    }
}

/// The byte range of the snippet: [`BEFORE`] characters before `anchor`,
/// [`WIDTH`] in all (a full window even near the end). Walks characters from
/// the anchor only, never the whole body.
fn window(body: &str, anchor: usize) -> (usize, usize) {
    let anchor = anchor.min(body.len());
    let anchor = if body.is_char_boundary(anchor) {
        anchor
    } else {
        0
    };
    let back = |at: usize, n: usize| {
        body[..at]
            .char_indices()
            .rev()
            .take(n)
            .last()
            .map_or(at, |(i, _)| i)
    };
    let mut from = back(anchor, BEFORE);
    let to = body[from..]
        .char_indices()
        .nth(WIDTH)
        .map_or(body.len(), |(i, _)| from + i);
    if to == body.len() {
        let shown = body[from..].chars().count();
        from = back(from, WIDTH.saturating_sub(shown));
    }
    (from, to)
}

/// The longest CJK run of a query, in characters.
fn run_margin(needles: &Needles) -> usize {
    needles.runs.iter().map(Vec::len).max().unwrap_or(0)
}

/// Index of the first place `needle` occurs in `folded`.
fn first_occurrence(folded: &[Folded], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || folded.len() < needle.len() {
        return None;
    }
    folded
        .windows(needle.len())
        .position(|w| w.iter().zip(needle).all(|(f, &c)| f.c == c))
}

/// Whether a folded word matches a query word (wholly, or as its prefix).
fn word_matches(chars: &[Folded], word: &str, prefix: bool) -> bool {
    let len = word.chars().count();
    let starts = chars.len() >= len && chars.iter().zip(word.chars()).all(|(f, w)| f.c == w);
    starts && (chars.len() == len || prefix)
}

/// The original byte range covered by some folded characters.
fn span(chars: &[Folded]) -> Range<usize> {
    match (chars.first(), chars.last()) {
        (Some(first), Some(last)) => first.from..last.to,
        _ => 0..0,
    }
}

/// Byte ranges where the folded `needle` occurs in `folded`.
fn occurrences(folded: &[Folded], needle: &[char]) -> Vec<Range<usize>> {
    if needle.is_empty() || folded.len() < needle.len() {
        return Vec::new();
    }
    folded
        .windows(needle.len())
        .filter(|w| w.iter().zip(needle).all(|(f, &c)| f.c == c))
        .map(span)
        .collect()
}

/// Sorts ranges and merges overlapping or touching ones.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A piece of an answer shown under a search result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// Plain text, with `…` where it was cut.
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub marks: Vec<Range<usize>>,
}

impl Snippet {
    /// About [`WIDTH`] characters of `body` starting a little before the
    /// first mark (or the beginning of `body` when nothing matched there).
    pub fn around_first(body: &str, marks: &[Range<usize>]) -> Snippet {
        if body.is_empty() {
            return Snippet::default();
        }
        let (from, to) = window(body, marks.first().map_or(0, |m| m.start));
        Snippet::cut(body, from, to, marks)
    }

    /// The snippet of a search hit: the same window as [`around_first`], but
    /// only the window is searched for marks (after finding the first), so
    /// a one-letter query over fifty long answers stays cheap.
    ///
    /// [`around_first`]: Snippet::around_first
    pub fn for_hit(body: &str, folded: &[Folded], needles: &Needles) -> Snippet {
        if body.is_empty() {
            return Snippet::default();
        }
        let anchor = needles.first_match(folded).map_or(0, |i| folded[i].from);
        let (from, to) = window(body, anchor);
        // The window's folded characters, widened to whole words: a word cut
        // in half must not match a query word as a prefix.
        let is_word = |i: usize| folded.get(i).is_some_and(|f| class(f.c) == Class::Word);
        // A run crossing the window's edge still counts: look a run's length
        // beyond each edge.
        let margin = run_margin(needles);
        let mut lo = folded
            .partition_point(|f| f.from < from)
            .saturating_sub(margin);
        while lo > 0 && is_word(lo - 1) && is_word(lo) {
            lo -= 1;
        }
        let mut hi = (folded.partition_point(|f| f.from < to) + margin).min(folded.len());
        while hi < folded.len() && hi > 0 && is_word(hi - 1) && is_word(hi) {
            hi += 1;
        }
        let marks = needles.find_folded(&folded[lo..hi]);
        Snippet::cut(body, from, to, &marks)
    }

    /// `body[from..to]` with `…` where cut, and the marks inside it.
    fn cut(body: &str, from: usize, to: usize, marks: &[Range<usize>]) -> Snippet {
        let lead = if from > 0 { "…" } else { "" };
        let mut text = String::with_capacity(to - from + 6);
        text.push_str(lead);
        text.push_str(&body[from..to]);
        if to < body.len() {
            text.push('…');
        }
        let shift = |b: usize| b - from + lead.len();
        let marks = marks
            .iter()
            .filter(|m| m.start < to && m.end > from)
            .map(|m| shift(m.start.max(from))..shift(m.end.min(to)))
            .collect();
        Snippet { text, marks }
    }

    /// The snippet cut into `(text, highlighted)` pieces, in order: what a
    /// view renders as plain text and `<mark>`.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        pieces(&self.text, &self.marks)
    }
}

/// `text` cut at `marks` into `(piece, highlighted)`; marks out of bounds or
/// off character boundaries are ignored rather than trusted.
pub fn pieces<'t>(text: &'t str, marks: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for m in marks {
        let valid = at <= m.start && m.start < m.end && m.end <= text.len();
        if !valid || !text.is_char_boundary(m.start) || !text.is_char_boundary(m.end) {
            continue;
        }
        if at < m.start {
            out.push((&text[at..m.start], false));
        }
        out.push((&text[m.clone()], true));
        at = m.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
// A slice of one range is exactly what `marks` are here.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn marked(text: &str, needles: &Needles) -> Vec<String> {
        needles
            .find(text)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn words_match_whole_or_as_the_typed_prefix() {
        let n = Needles {
            words: vec![("time".into(), false), ("wa".into(), true)],
            runs: vec![],
            single_chars: false,
        };
        assert_eq!(
            marked("TIME_WAIT, timeout, ＴＩＭＥ wait", &n),
            ["TIME", "WA", "ＴＩＭＥ", "wa"]
        );
    }

    #[test]
    fn cjk_runs_match_whole_then_bigrams_then_characters() {
        let mut n = Needles {
            words: vec![],
            runs: vec!["三次握手".chars().collect()],
            single_chars: false,
        };
        assert_eq!(marked("TCP 三次握手，三次", &n), ["三次握手"]);
        assert_eq!(marked("握手要三次", &n), ["握手", "三次"]);
        assert!(
            marked("三个手", &n).is_empty(),
            "stray characters stay plain"
        );
        n.single_chars = true;
        assert_eq!(marked("三个手", &n), ["三", "手"]);
    }

    #[test]
    fn overlapping_marks_merge() {
        assert_eq!(
            merge(vec![5..7, 0..2, 1..3, 3..4, 9..9]),
            [0..4, 5..7, 9..9]
        );
    }

    #[test]
    fn snippet_starts_a_little_before_the_first_match() {
        let body = format!("{}三次握手{}", "甲".repeat(50), "乙".repeat(200));
        let n = Needles {
            words: vec![],
            runs: vec!["三次握手".chars().collect()],
            single_chars: false,
        };
        let s = Snippet::around_first(&body, &n.find(&body));
        assert_eq!(s.text.chars().count(), WIDTH + 2);
        assert!(
            s.text
                .starts_with(&format!("…{}三次握手", "甲".repeat(BEFORE))),
            "{}",
            s.text
        );
        assert!(s.text.ends_with('…'));
        assert_eq!(
            s.pieces(),
            [
                (&*format!("…{}", "甲".repeat(BEFORE)), false),
                ("三次握手", true),
                (&*format!("{}…", "乙".repeat(WIDTH - BEFORE - 4)), false)
            ]
        );
    }

    #[test]
    fn snippet_of_short_bodies_and_title_only_matches() {
        assert_eq!(Snippet::around_first("", &[]), Snippet::default());
        let s = Snippet::around_first("短答案", &[]);
        assert_eq!((s.text.as_str(), s.marks.len()), ("短答案", 0));
        let body = "乙".repeat(150);
        let tail = Snippet::around_first(&body, &[(body.len() - 3)..body.len()]);
        assert_eq!(
            tail.text.chars().count(),
            WIDTH + 1,
            "a full window ending at the end"
        );
        assert!(tail.text.starts_with('…') && !tail.text.ends_with('…'));
        assert_eq!(tail.pieces().last(), Some(&("乙", true)));
    }

    #[test]
    fn pieces_ignore_bad_marks() {
        assert_eq!(
            pieces("abc", &[1..2]),
            [("a", false), ("b", true), ("c", false)]
        );
        assert_eq!(pieces("abc", &[2..9, 0..1]), [("a", true), ("bc", false)]);
        assert_eq!(pieces("三", &[0..1]), [("三", false)]);
        assert!(pieces("", &[]).is_empty());
    }

    /// `for_hit` (marks searched in the window only) must give exactly what
    /// `around_first` over every mark gives, on the real answers.
    #[test]
    fn windowed_marks_equal_full_marks_on_the_real_notes() {
        let queries = [
            "三次握手",
            "p",
            "t",
            "的",
            "http",
            "time wait",
            "握三",
            "redis 锁",
            "a",
            "分布式",
            "get post",
        ];
        for q in crate::notes::data::questions() {
            let folded = fold(q.text());
            for query in queries {
                let mut needles = super::super::parse(query).marks;
                for single in [false, true] {
                    needles.single_chars = single;
                    let full = Snippet::around_first(q.text(), &needles.find(q.text()));
                    let windowed = Snippet::for_hit(q.text(), &folded, &needles);
                    assert_eq!(windowed, full, "{query:?} in {:?}", q.title);
                }
            }
        }
    }
}
