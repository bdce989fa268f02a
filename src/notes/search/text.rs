//! Folding and segmentation shared by indexing, query parsing and
//! highlighting, so all three cut text the same way.
//!
//! Text is folded character by character (full-width to half-width, the
//! NFKC look-alikes of [`super::nfkc`], then lowercase) and cut into *words* (runs of letters and digits outside CJK)
//! and *CJK runs* (runs of Han, kana or Hangul). Everything else — spaces,
//! punctuation, `_` and `-` — separates, which is why "TIME_WAIT",
//! "time-wait" and "time wait" all become the two words `time` `wait`.

use std::ops::Range;

use super::nfkc::nfkc;
use crate::notes::fold::{half_width, is_cjk};

/// A folded character and the byte range in the original text it came from
/// (`to_lowercase` can turn one character into several: they share a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folded {
    pub c: char,
    pub from: usize,
    pub to: usize,
}

/// The folded characters of `text`.
pub fn fold(text: &str) -> Vec<Folded> {
    let mut out = Vec::with_capacity(text.len() / 2);
    for (from, original) in text.char_indices() {
        let to = from + original.len_utf8();
        for c in nfkc(half_width(original)).to_lowercase() {
            out.push(Folded { c, from, to });
        }
    }
    out
}

/// What kind of character, for segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Cjk,
    Word,
    Separator,
}

/// Classifies a folded character.
pub fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Separator
    }
}

/// A word or CJK run: a range of indices into the folded characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub class: Class,
    pub chars: Range<usize>,
}

/// Cuts folded text into words and CJK runs, in order.
pub fn segments(folded: &[Folded]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < folded.len() {
        let here = class(folded[i].c);
        let start = i;
        while i < folded.len() && class(folded[i].c) == here {
            i += 1;
        }
        if here != Class::Separator {
            out.push(Segment {
                class: here,
                chars: start..i,
            });
        }
    }
    out
}

/// The folded text with every separator run turned into one space: the form
/// phrase matching uses ("TIME_WAIT 状态" → "time wait 状态").
pub fn phrase_form(folded: &[Folded]) -> String {
    let mut out = String::with_capacity(folded.len() * 2);
    for f in folded {
        if class(f.c) == Class::Separator {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(f.c);
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// The key of a CJK unigram or bigram in the index: `char`s are 21 bits, so
/// two fit in a `u64` with a tag bit marking bigrams.
pub fn gram_key(first: char, second: Option<char>) -> u64 {
    match second {
        None => u64::from(first),
        Some(s) => (1 << 42) | (u64::from(first) << 21) | u64::from(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_and_runs(text: &str) -> Vec<(Class, String)> {
        let folded = fold(text);
        segments(&folded)
            .into_iter()
            .map(|s| (s.class, folded[s.chars].iter().map(|f| f.c).collect()))
            .collect()
    }

    #[test]
    fn segments_words_runs_and_separators() {
        assert_eq!(
            words_and_runs("TCP三次握手，ＴＩＭＥ＿ＷＡＩＴ 2MSL_x-y"),
            [
                (Class::Word, "tcp".to_string()),
                (Class::Cjk, "三次握手".to_string()),
                (Class::Word, "time".to_string()),
                (Class::Word, "wait".to_string()),
                (Class::Word, "2msl".to_string()),
                (Class::Word, "x".to_string()),
                (Class::Word, "y".to_string()),
            ]
        );
        assert!(words_and_runs("").is_empty());
        assert!(words_and_runs("  ，。__ ").is_empty());
    }

    #[test]
    fn folded_characters_remember_where_they_came_from() {
        let text = "aＢ三";
        let folded = fold(text);
        let spans: Vec<(char, &str)> = folded.iter().map(|f| (f.c, &text[f.from..f.to])).collect();
        assert_eq!(spans, [('a', "a"), ('b', "Ｂ"), ('三', "三")]);
        // 'İ' lowercases to two characters, both pointing at it.
        let dotted = fold("İ");
        assert_eq!(dotted.len(), 2);
        assert!(dotted.iter().all(|f| (f.from, f.to) == (0, 2)));
    }

    #[test]
    fn phrase_form_collapses_separators() {
        assert_eq!(
            phrase_form(&fold(" TIME_WAIT 状态是什么，为什么？")),
            "time wait 状态是什么 为什么"
        );
        assert_eq!(
            phrase_form(&fold("time-wait")),
            phrase_form(&fold("Time  Wait"))
        );
    }

    #[test]
    fn gram_keys_do_not_collide() {
        let mut keys = vec![
            gram_key('三', None),
            gram_key('次', None),
            gram_key('三', Some('次')),
            gram_key('次', Some('三')),
        ];
        keys.push(gram_key('\u{2FFFF}', Some('\u{2FFFF}')));
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len());
    }
}
