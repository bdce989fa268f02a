//! Full-text search over the notes, for Chinese and Latin text alike.
//!
//! Chinese has no spaces, so CJK text is indexed as single characters and
//! character bigrams ("三次握手" → 三 次 握 手 三次 次握 握手), Latin text as
//! lowercase words; both are folded full-width → half-width first, and `_`
//! and `-` separate words (see [`text`]).
//!
//! Ranking, strongest first:
//! - more of the query's terms matched beats fewer (score × coverage²);
//! - a term in the title (10 points) beats one in the answer (3 + a little
//!   per repeat, at most 5), so any title hit outranks any body-only hit;
//! - a query run matched as a phrase ("三次握手" contiguous, "time wait" in
//!   order) adds a bonus over the same bigrams scattered;
//! - among titles matching every term, the shorter (tighter) title wins.
//!
//! Query terms are the CJK bigrams and the words; single CJK characters are
//! only a fallback when no bigram matches anywhere, so "握手" never drowns in
//! every answer that happens to contain 手. The last word of a query being
//! typed also matches as a prefix ("tim" finds "time").
//!
//! **Index at start-up, not at build time.** Measured natively on the real
//! notes (131 questions, 76 KB of plain text, release build): the index has
//! 8,131 distinct terms and 21,450 postings and builds in 4.6 ms (5.6 ms in
//! headless Chromium). Written as static arrays, the postings alone (8 bytes
//! each) would add ≈170 KB to the wasm, more than the text they index, on
//! every first visit, to save a few milliseconds once. So the index is built
//! lazily on first use (the search box warms it up when focused). In the
//! browser a query then takes 0.02 ms (median) and 0.4 ms (p99, one-letter
//! prefixes with 50 snippets) over 281 queries: `make bench`. Re-measure
//! natively with `cargo test --release --lib notes::search::tests::timing --
//! --ignored --nocapture`.
//!

mod snippet;
pub mod text;

use std::ops::Range;
use std::sync::OnceLock;

use crate::notes::data::{self, Question};
use text::{fold, gram_key, phrase_form, segments, Class, Folded};

pub use snippet::{pieces as snippet_pieces, Snippet};

/// Longest query considered; longer input is cut (nobody types more, and it
/// bounds the work per keystroke).
const MAX_QUERY_CHARS: usize = 120;

/// Points for a term found in a title, and in an answer.
const TITLE_POINTS: f32 = 10.0;
const BODY_POINTS: f32 = 3.0;
/// Extra points per repeat of a term in an answer, and the cap on repeats.
const REPEAT_POINTS: f32 = 0.4;
const MAX_REPEATS: u16 = 5;
/// A prefix-only match counts this much of an exact word match.
const PREFIX_FACTOR: f32 = 0.8;
/// Phrase bonus per term of the phrase, in a title and in an answer.
const TITLE_PHRASE_POINTS: f32 = 8.0;
const BODY_PHRASE_POINTS: f32 = 3.0;
/// Bonus for a title matching every term, scaled by how much of the title
/// the query covers.
const TIGHT_TITLE_POINTS: f32 = 5.0;

/// How often a term occurs in one document's title and body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Posting {
    doc: u32,
    title: u16,
    body: u16,
}

struct Doc<'a> {
    body: &'a str,
    title_phrase: String,
    body_phrase: String,
    title_chars: usize,
    /// Kept from indexing: highlighting the hits of a query must not fold
    /// 50 answers again on every keystroke.
    title_folded: Vec<Folded>,
    body_folded: Vec<Folded>,
}

/// An inverted index over documents of a title and a plain-text body.
pub struct Index<'a> {
    docs: Vec<Doc<'a>>,
    /// Latin words, sorted, so a prefix is a range.
    words: Vec<(Box<str>, Vec<Posting>)>,
    /// CJK unigrams and bigrams ([`gram_key`]), sorted.
    grams: Vec<(u64, Vec<Posting>)>,
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the document (for the notes: into `data::questions()`).
    pub doc: usize,
    /// Higher is better; only the order is meaningful.
    pub score: u32,
    /// Byte ranges of the matches in the title, for highlighting.
    pub title_marks: Vec<Range<usize>>,
    /// Plain text around the first match in the body, with its matches.
    pub snippet: Snippet,
}

/// A search term of a parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Term {
    Word(String),
    /// The last word of a query still being typed.
    Prefix(String),
    Gram(u64),
}

/// A parsed query.
#[derive(Debug, Default)]
struct Query {
    /// Bigrams, words, and single CJK characters typed alone.
    terms: Vec<Term>,
    /// The characters of longer CJK runs: searched only when no term matches.
    fallback: Vec<Term>,
    /// Runs of two or more terms to match contiguously, with their term count.
    phrases: Vec<(String, usize)>,
    /// Folded characters typed (letters, digits, CJK), for title tightness.
    chars: usize,
    /// What to highlight: whole words, CJK runs, and the prefix.
    marks: snippet::Needles,
}

impl<'a> Index<'a> {
    /// Indexes `(title, body)` pairs; a document's number is its position.
    pub fn new(docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Index<'a> {
        let mut words: std::collections::HashMap<String, Vec<Posting>> = Default::default();
        let mut grams: std::collections::HashMap<u64, Vec<Posting>> = Default::default();
        let mut entries = Vec::new();
        for (doc, (title, body)) in docs.into_iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            let (title_folded, body_folded) = (fold(title), fold(body));
            for (field_is_title, folded) in [(true, &title_folded), (false, &body_folded)] {
                for seg in segments(folded) {
                    let chars: Vec<char> = folded[seg.chars].iter().map(|f| f.c).collect();
                    match seg.class {
                        Class::Word => {
                            let word: String = chars.into_iter().collect();
                            let list = match words.get_mut(word.as_str()) {
                                Some(list) => list,
                                None => words.entry(word).or_default(),
                            };
                            count(list, doc, field_is_title);
                        }
                        Class::Cjk => {
                            for (i, &c) in chars.iter().enumerate() {
                                count(
                                    grams.entry(gram_key(c, None)).or_default(),
                                    doc,
                                    field_is_title,
                                );
                                if let Some(&next) = chars.get(i + 1) {
                                    count(
                                        grams.entry(gram_key(c, Some(next))).or_default(),
                                        doc,
                                        field_is_title,
                                    );
                                }
                            }
                        }
                        Class::Separator => {}
                    }
                }
            }
            entries.push(Doc {
                body,
                title_phrase: phrase_form(&title_folded),
                body_phrase: phrase_form(&body_folded),
                title_chars: title.chars().count().max(1),
                title_folded,
                body_folded,
            });
        }
        let mut words: Vec<(Box<str>, Vec<Posting>)> = words
            .into_iter()
            .map(|(w, p)| (w.into_boxed_str(), p))
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut grams: Vec<(u64, Vec<Posting>)> = grams.into_iter().collect();
        grams.sort_unstable_by_key(|g| g.0);
        Index {
            docs: entries,
            words,
            grams,
        }
    }

    /// Number of documents indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The best `limit` documents for `query`, best first (ties keep document
    /// order). An empty or separator-only query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let mut query = parse(query);
        let mut scored = self.score(&query.terms, &query);
        if scored.is_empty() && !query.fallback.is_empty() {
            scored = self.score(&query.fallback, &query);
            query.marks.single_chars = true;
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
            .into_iter()
            .take(limit)
            .map(|(doc, score)| {
                let d = &self.docs[doc];
                Hit {
                    doc,
                    score: (score * 100.0).round() as u32,
                    title_marks: query.marks.find_folded(&d.title_folded),
                    snippet: Snippet::for_hit(d.body, &d.body_folded, &query.marks),
                }
            })
            .collect()
    }

    /// `(doc, score)` for every document matching at least one of `terms`.
    fn score(&self, terms: &[Term], query: &Query) -> Vec<(usize, f32)> {
        #[derive(Clone, Copy, Default)]
        struct Acc {
            points: f32,
            matched: u16,
            in_title: u16,
        }
        let mut acc = vec![Acc::default(); self.docs.len()];
        for term in terms {
            for (doc, title, body, exact) in self.postings(term) {
                let Some(a) = acc.get_mut(doc) else { continue };
                let mut points = 0.0;
                if title > 0 {
                    points += TITLE_POINTS;
                    a.in_title += 1;
                }
                if body > 0 {
                    points += BODY_POINTS + REPEAT_POINTS * f32::from(body.min(MAX_REPEATS) - 1);
                }
                a.points += if exact {
                    points
                } else {
                    points * PREFIX_FACTOR
                };
                a.matched += 1;
            }
        }
        let n = terms.len().max(1) as f32;
        acc.iter()
            .enumerate()
            .filter(|(_, a)| a.matched > 0)
            .map(|(doc, a)| {
                let coverage = f32::from(a.matched) / n;
                let mut score = a.points * coverage * coverage;
                let d = &self.docs[doc];
                for (phrase, len) in &query.phrases {
                    if d.title_phrase.contains(phrase.as_str()) {
                        score += TITLE_PHRASE_POINTS * *len as f32;
                    }
                    if d.body_phrase.contains(phrase.as_str()) {
                        score += BODY_PHRASE_POINTS * *len as f32;
                    }
                }
                if usize::from(a.in_title) == terms.len() {
                    score +=
                        TIGHT_TITLE_POINTS * (query.chars as f32 / d.title_chars as f32).min(1.0);
                }
                (doc, score)
            })
            .collect()
    }

    /// `(doc, title count, body count, exact)` for one term; a prefix sums
    /// the words it starts, and is exact where the word itself occurs.
    fn postings(&self, term: &Term) -> Vec<(usize, u16, u16, bool)> {
        let list = |p: &[Posting], exact: bool| {
            p.iter()
                .map(move |p| (p.doc as usize, p.title, p.body, exact))
                .collect::<Vec<_>>()
        };
        match term {
            Term::Gram(key) => match self.grams.binary_search_by_key(key, |g| g.0) {
                Ok(i) => list(&self.grams[i].1, true),
                Err(_) => Vec::new(),
            },
            Term::Word(w) => match self.words.binary_search_by(|e| (*e.0).cmp(w.as_str())) {
                Ok(i) => list(&self.words[i].1, true),
                Err(_) => Vec::new(),
            },
            Term::Prefix(p) => {
                // Dense per document: a short prefix can match many words.
                let mut merged: Vec<Option<(u16, u16, bool)>> = vec![None; self.docs.len()];
                let start = self.words.partition_point(|e| *e.0 < **p);
                for (word, postings) in self.words[start..]
                    .iter()
                    .take_while(|e| e.0.starts_with(p.as_str()))
                {
                    let exact = **word == **p;
                    for posting in postings {
                        if let Some(slot) = merged.get_mut(posting.doc as usize) {
                            let (t, b, e) = slot.get_or_insert((0, 0, false));
                            *t = t.saturating_add(posting.title);
                            *b = b.saturating_add(posting.body);
                            *e |= exact;
                        }
                    }
                }
                merged
                    .into_iter()
                    .enumerate()
                    .filter_map(|(doc, m)| m.map(|(t, b, e)| (doc, t, b, e)))
                    .collect()
            }
        }
    }
}

/// Adds one occurrence of a term in `doc` (documents arrive in order, so the
/// document's posting, if any, is the last one).
fn count(list: &mut Vec<Posting>, doc: u32, in_title: bool) {
    let posting = match list.last_mut() {
        Some(p) if p.doc == doc => p,
        _ => {
            list.push(Posting {
                doc,
                title: 0,
                body: 0,
            });
            let last = list.len() - 1;
            &mut list[last]
        }
    };
    if in_title {
        posting.title = posting.title.saturating_add(1);
    } else {
        posting.body = posting.body.saturating_add(1);
    }
}

/// Parses a query into terms, phrases and highlight needles.
fn parse(raw: &str) -> Query {
    let cut: String = raw.chars().take(MAX_QUERY_CHARS).collect();
    let folded = fold(&cut);
    let segs = segments(&folded);
    // The last word is a prefix unless the user typed past it (a space, a
    // separator): "tim" is being typed, "tim " is done.
    let still_typing = folded
        .last()
        .is_some_and(|f| text::class(f.c) == Class::Word);
    let mut q = Query::default();
    let mut latin_run: Vec<String> = Vec::new();
    let flush_latin = |run: &mut Vec<String>, q: &mut Query| {
        if run.len() >= 2 {
            q.phrases.push((run.join(" "), run.len()));
        }
        run.clear();
    };
    for (i, seg) in segs.iter().enumerate() {
        let chars: Vec<char> = folded[seg.chars.clone()].iter().map(|f| f.c).collect();
        q.chars += chars.len();
        match seg.class {
            Class::Word => {
                let word: String = chars.into_iter().collect();
                let last = i + 1 == segs.len() && still_typing;
                let term = if last {
                    Term::Prefix(word.clone())
                } else {
                    Term::Word(word.clone())
                };
                push_unique(&mut q.terms, term);
                q.marks.words.push((word.clone(), last));
                latin_run.push(word);
            }
            Class::Cjk => {
                flush_latin(&mut latin_run, &mut q);
                if chars.len() == 1 {
                    push_unique(&mut q.terms, Term::Gram(gram_key(chars[0], None)));
                } else {
                    for pair in chars.windows(2) {
                        push_unique(&mut q.terms, Term::Gram(gram_key(pair[0], Some(pair[1]))));
                    }
                    for &c in &chars {
                        push_unique(&mut q.fallback, Term::Gram(gram_key(c, None)));
                    }
                    if chars.len() >= 3 {
                        q.phrases.push((chars.iter().collect(), chars.len() - 1));
                    }
                }
                q.marks.runs.push(chars);
            }
            Class::Separator => {}
        }
    }
    flush_latin(&mut latin_run, &mut q);
    q
}

fn push_unique(terms: &mut Vec<Term>, term: Term) {
    if !terms.contains(&term) {
        terms.push(term);
    }
}

/// A search result in the notes.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteHit {
    /// The question found (its `id`, `topic`, `title` …).
    pub question: &'static Question,
    /// Higher is better.
    pub score: u32,
    /// Byte ranges of the matches in `question.title`.
    pub title_marks: Vec<Range<usize>>,
    /// Text around the first match in the answer (empty if none matched or
    /// the question has no answer yet).
    pub snippet: Snippet,
}

/// The index over every question, built on first use.
pub fn notes_index() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(data::questions().iter().map(|q| (q.title, q.text))))
}

/// Searches the notes: the best `limit` questions for `query`, best first.
pub fn search(query: &str, limit: usize) -> Vec<NoteHit> {
    let questions = data::questions();
    notes_index()
        .search(query, limit)
        .into_iter()
        .filter_map(|hit| {
            Some(NoteHit {
                question: questions.get(hit.doc)?,
                score: hit.score,
                title_marks: hit.title_marks,
                snippet: hit.snippet,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
