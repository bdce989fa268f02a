//! Full-text search over the notes, for Chinese and Latin text alike.
//!
//! Chinese has no spaces, so CJK text is indexed as single characters and
//! character bigrams ("三次握手" → 三 次 握 手 三次 次握 握手), Latin text as
//! lowercase words; both are folded first (NFKC for the look-alikes that
//! matter, [`nfkc`]: full-width letters, Kangxi radicals, compatibility
//! ideographs; then lowercase), and `_` and `-` separate words (see
//! [`text`]). Questions are indexed by title, aliases (`别名：` in the
//! notes) and answer.
//!
//! Ranking, strongest first:
//! - every term weighs by how rare it is in the notes (an IDF: `ln((N + 1)
//!   / (df + ½))` for a term in `df` of `N` questions), so in
//!   "为什么握手要三次" the 握手 and 三次 that few questions share outweigh the
//!   为什么 that half of them ask;
//! - more of the query's weight matched beats less (score × relevance²,
//!   relevance being the matched share of the query's weight);
//! - a term in the title or an alias (10 points × weight) beats one in the
//!   answer (3 + a little per repeat, at most 5);
//! - a query run matched as a phrase ("三次握手" contiguous, "time wait" in
//!   order) adds a bonus over the same bigrams scattered, and a query that is
//!   exactly one of a question's aliases ("decorator") a larger one;
//! - among titles matching every term, the shorter (tighter) title wins.
//!
//! **Relevance floor.** A question whose matched share of the query's
//! weight is under [`RELEVANCE_FLOOR`] is not a result: "量子纠缠" shares only
//! common characters with the notes, and showing questions that happen to
//! contain 子 would be noise. Such a query finds nothing, and
//! [`closest_topics`] names the topics those weak matches fall in. Terms
//! the notes never use still weigh: an unknown word as much as the rarest
//! term (it is what the user is looking for), an unknown CJK bigram as its
//! commoner character (most of them only straddle two words, like 么握 in
//! "为什么握手").
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
//! --ignored --nocapture`. With aliases, weights and NFKC folding the index
//! has 9,128 terms and 25,297 postings (each a u16 larger: the alias count);
//! measured on a 2-core machine at load 12, it built in 18 ms and a query
//! took 0.13 ms on average, snippets still most of it. Weights cost one
//! lookup per query term and its two characters.
//!

pub mod nfkc;
mod snippet;
pub mod text;

use std::ops::Range;
use std::sync::OnceLock;

use crate::notes::data::{self, Question, Topic};
use text::{fold, gram_key, phrase_form, segments, Class, Folded};

pub use snippet::{pieces as snippet_pieces, Snippet};

/// Longest query considered; longer input is cut (nobody types more, and it
/// bounds the work per keystroke).
const MAX_QUERY_CHARS: usize = 120;

/// Points for a term found in a title or an alias, and in an answer (each
/// times the term's weight).
const TITLE_POINTS: f32 = 10.0;
const BODY_POINTS: f32 = 3.0;
/// Extra points per repeat of a term in an answer, and the cap on repeats.
const REPEAT_POINTS: f32 = 0.4;
const MAX_REPEATS: u16 = 5;
/// A prefix-only match counts this much of an exact word match.
const PREFIX_FACTOR: f32 = 0.8;
/// Phrase bonus per term of the phrase, in a title (or alias) and in an
/// answer, times the query's mean term weight.
const TITLE_PHRASE_POINTS: f32 = 8.0;
const BODY_PHRASE_POINTS: f32 = 3.0;
/// Bonus for a title matching every term, scaled by how much of the title
/// the query covers, times the query's mean term weight.
const TIGHT_TITLE_POINTS: f32 = 5.0;
/// A CJK bigram weighs at most this many times its commoner character.
const CHAR_CAP: f32 = 2.0;
/// Bonus for a query that is exactly one of the question's aliases, per
/// unit of the query's weight: as much again as matching it in a title.
const EXACT_ALIAS_POINTS: f32 = 10.0;
/// The least share of the query's weight a question must match to be a
/// result. Half: "为什么握手要三次" matches about 0.7 of its weight in the
/// handshake question, a query about something the notes do not cover
/// matches a few common characters (well under 0.3).
pub const RELEVANCE_FLOOR: f32 = 0.5;
/// The floor when no bigram of the query matched anywhere and the search
/// fell back to single characters: scattered characters are weak evidence,
/// so a question must hold most of them ("区块链" is not 区别 plus 链表).
pub const FALLBACK_FLOOR: f32 = 0.75;

/// How often a term occurs in one document's title, aliases and body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Posting {
    doc: u32,
    title: u16,
    alias: u16,
    body: u16,
}

/// Where in a document a term was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Title,
    Alias,
    Body,
}

struct Doc<'a> {
    body: &'a str,
    aliases: &'a [&'a str],
    title_phrase: String,
    body_phrase: String,
    /// The phrase form of each alias.
    alias_phrases: Vec<String>,
    /// Characters of the title, or of the shortest alias if shorter: the
    /// measure of a tight match.
    title_chars: usize,
    /// Kept from indexing: highlighting the hits of a query must not fold
    /// 50 answers again on every keystroke.
    title_folded: Vec<Folded>,
    body_folded: Vec<Folded>,
}

/// A document to index: a question's title, other names, and answer.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub title: &'a str,
    pub aliases: &'a [&'a str],
    pub body: &'a str,
}

/// An inverted index over documents of a title, aliases and a plain-text
/// body.
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
    /// The aliases that matched, by position, with their matches: shown
    /// when a question was found by another name than its title's.
    pub alias_marks: Vec<(usize, Vec<Range<usize>>)>,
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
    /// A CJK run of three or more characters: its scattered characters are
    /// never results.
    long_run: bool,
    /// Runs of two or more terms to match contiguously, with their term count.
    phrases: Vec<(String, usize)>,
    /// The whole query in phrase form, to recognize an exact alias.
    whole: String,
    /// Folded characters typed (letters, digits, CJK), for title tightness.
    chars: usize,
    /// What to highlight: whole words, CJK runs, and the prefix.
    marks: snippet::Needles,
    /// The least relevance of a result: [`FALLBACK_FLOOR`] once the search
    /// fell back to single characters.
    floor: f32,
}

/// A document's score and how much of the query it matched.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Scored {
    doc: usize,
    score: f32,
    /// Matched share of the query's weight, 0..=1.
    relevance: f32,
}

/// One term's postings as `(doc, title, alias, body, exact)` counts.
type Matches = Vec<(usize, u16, u16, u16, bool)>;

impl<'a> Index<'a> {
    /// Indexes `(title, body)` pairs; a document's number is its position.
    pub fn new(docs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Index<'a> {
        Index::with_aliases(docs.into_iter().map(|(title, body)| Entry {
            title,
            aliases: &[],
            body,
        }))
    }

    /// Indexes documents with aliases; a document's number is its position.
    pub fn with_aliases(docs: impl IntoIterator<Item = Entry<'a>>) -> Index<'a> {
        let mut words: std::collections::HashMap<String, Vec<Posting>> = Default::default();
        let mut grams: std::collections::HashMap<u64, Vec<Posting>> = Default::default();
        let mut entries = Vec::new();
        for (doc, entry) in docs.into_iter().enumerate() {
            let doc = u32::try_from(doc).unwrap_or(u32::MAX);
            let (title_folded, body_folded) = (fold(entry.title), fold(entry.body));
            let aliases_folded: Vec<Vec<Folded>> = entry.aliases.iter().map(|a| fold(a)).collect();
            let fields = std::iter::once((Field::Title, &title_folded))
                .chain(aliases_folded.iter().map(|a| (Field::Alias, a)))
                .chain(std::iter::once((Field::Body, &body_folded)));
            for (field, folded) in fields {
                for seg in segments(folded) {
                    let chars: Vec<char> = folded[seg.chars].iter().map(|f| f.c).collect();
                    match seg.class {
                        Class::Word => {
                            let word: String = chars.into_iter().collect();
                            let list = match words.get_mut(word.as_str()) {
                                Some(list) => list,
                                None => words.entry(word).or_default(),
                            };
                            count(list, doc, field);
                        }
                        Class::Cjk => {
                            for (i, &c) in chars.iter().enumerate() {
                                count(grams.entry(gram_key(c, None)).or_default(), doc, field);
                                if let Some(&next) = chars.get(i + 1) {
                                    count(
                                        grams.entry(gram_key(c, Some(next))).or_default(),
                                        doc,
                                        field,
                                    );
                                }
                            }
                        }
                        Class::Separator => {}
                    }
                }
            }
            let title_chars = entry.title.chars().count();
            let shortest_alias = entry.aliases.iter().map(|a| a.chars().count()).min();
            entries.push(Doc {
                body: entry.body,
                aliases: entry.aliases,
                title_phrase: phrase_form(&title_folded),
                body_phrase: phrase_form(&body_folded),
                alias_phrases: aliases_folded.iter().map(|a| phrase_form(a)).collect(),
                title_chars: shortest_alias
                    .map_or(title_chars, |a| a.min(title_chars))
                    .max(1),
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

    /// The best `limit` documents for `query` that clear the relevance
    /// floor, best first (ties keep document order). An empty or
    /// separator-only query, or one about nothing the documents cover,
    /// finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let (query, scored) = self.rank(query);
        scored
            .into_iter()
            .filter(|s| s.relevance >= query.floor)
            .take(limit)
            .map(|s| {
                let d = &self.docs[s.doc];
                let alias_marks = d
                    .aliases
                    .iter()
                    .map(|a| query.marks.find(a))
                    .enumerate()
                    .filter(|(_, marks)| !marks.is_empty())
                    .collect();
                Hit {
                    doc: s.doc,
                    score: (s.score * 100.0).round() as u32,
                    title_marks: query.marks.find_folded(&d.title_folded),
                    alias_marks,
                    snippet: Snippet::for_hit(d.body, &d.body_folded, &query.marks),
                }
            })
            .collect()
    }

    /// The documents that matched something of `query` but not enough to
    /// be results (under the relevance floor), best first.
    pub fn near_misses(&self, query: &str) -> Vec<usize> {
        let (query, scored) = self.rank(query);
        scored
            .into_iter()
            .filter(|s| s.relevance < query.floor)
            .map(|s| s.doc)
            .collect()
    }

    /// Every document matching something of the query, best first.
    fn rank(&self, query: &str) -> (Query, Vec<Scored>) {
        let mut query = parse(query);
        let mut scored = self.score(&query.terms, &query);
        if scored.is_empty() && !query.fallback.is_empty() {
            scored = self.score(&query.fallback, &query);
            query.marks.single_chars = true;
            // Scattered characters of a long run are never results, only
            // hints of the closest topics.
            query.floor = if query.long_run {
                f32::INFINITY
            } else {
                FALLBACK_FLOOR
            };
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        (query, scored)
    }

    /// How much a term tells, from the number of documents it occurs in:
    /// the IDF squared, so that a term in a third of the questions weighs a
    /// fifth of one in a few, not half.
    fn idf(&self, df: usize) -> f32 {
        let n = self.docs.len() as f32;
        let idf = ((n + 1.0) / (df as f32 + 0.5)).ln().max(0.0);
        idf * idf
    }

    /// Documents containing the CJK character `c` (a unigram key).
    fn char_df(&self, c: u64) -> usize {
        self.grams
            .binary_search_by_key(&c, |g| g.0)
            .map_or(0, |i| self.grams[i].1.len())
    }

    /// The weight of a term found in `df` documents (0: never used).
    ///
    /// A bigram tells at most [`CHAR_CAP`] times what its commoner
    /// character tells: 是三 in "握手为什么是三次" is rare in the notes, but only
    /// because it straddles two words, and 是 says it is glue. An unknown
    /// word weighs as much as the rarest term (it is what the user looks
    /// for); an unknown bigram its cap, since most only straddle words.
    fn weight(&self, term: &Term, df: usize) -> f32 {
        let rarest = self.idf(1);
        let own = if df == 0 { rarest } else { self.idf(df) };
        match term {
            Term::Gram(key) if key >> 42 == 1 => {
                let first = (key >> 21) & 0x1F_FFFF;
                let second = key & 0x1F_FFFF;
                let commoner = self.char_df(first).max(self.char_df(second));
                let cap = if commoner == 0 {
                    rarest
                } else {
                    CHAR_CAP * self.idf(commoner)
                };
                own.min(cap)
            }
            _ => own,
        }
    }

    /// Scores every document matching at least one of `terms`.
    fn score(&self, terms: &[Term], query: &Query) -> Vec<Scored> {
        #[derive(Clone, Copy, Default)]
        struct Acc {
            points: f32,
            matched: f32,
            in_title: usize,
            any: bool,
        }
        let mut acc = vec![Acc::default(); self.docs.len()];
        let mut total = 0.0;
        for term in terms {
            let matches = self.postings(term);
            let weight = self.weight(term, matches.len());
            total += weight;
            for (doc, title, alias, body, exact) in matches {
                let Some(a) = acc.get_mut(doc) else { continue };
                let mut points = 0.0;
                if title > 0 || alias > 0 {
                    points += TITLE_POINTS;
                    a.in_title += 1;
                }
                if body > 0 {
                    points += BODY_POINTS + REPEAT_POINTS * f32::from(body.min(MAX_REPEATS) - 1);
                }
                let factor = if exact { 1.0 } else { PREFIX_FACTOR };
                a.points += points * weight * factor;
                a.matched += weight * factor;
                a.any = true;
            }
        }
        let total = if total > 0.0 { total } else { 1.0 };
        let mean = total / terms.len().max(1) as f32;
        acc.iter()
            .enumerate()
            .filter(|(_, a)| a.any)
            .map(|(doc, a)| {
                let relevance = (a.matched / total).min(1.0);
                let mut score = a.points * relevance * relevance;
                let d = &self.docs[doc];
                for (phrase, len) in &query.phrases {
                    let in_alias = d.alias_phrases.iter().any(|p| p.contains(phrase.as_str()));
                    if in_alias || d.title_phrase.contains(phrase.as_str()) {
                        score += TITLE_PHRASE_POINTS * *len as f32 * mean;
                    }
                    if d.body_phrase.contains(phrase.as_str()) {
                        score += BODY_PHRASE_POINTS * *len as f32 * mean;
                    }
                }
                if d.alias_phrases.contains(&query.whole) {
                    score += EXACT_ALIAS_POINTS * total;
                }
                if a.in_title == terms.len() {
                    score += TIGHT_TITLE_POINTS
                        * mean
                        * (query.chars as f32 / d.title_chars as f32).min(1.0);
                }
                Scored {
                    doc,
                    score,
                    relevance,
                }
            })
            .collect()
    }

    /// Counts per document for one term; a prefix sums the words it
    /// starts, and is exact where the word itself occurs.
    fn postings(&self, term: &Term) -> Matches {
        let list = |p: &[Posting], exact: bool| {
            p.iter()
                .map(move |p| (p.doc as usize, p.title, p.alias, p.body, exact))
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
                let mut merged: Vec<Option<(u16, u16, u16, bool)>> = vec![None; self.docs.len()];
                let start = self.words.partition_point(|e| *e.0 < **p);
                for (word, postings) in self.words[start..]
                    .iter()
                    .take_while(|e| e.0.starts_with(p.as_str()))
                {
                    let exact = **word == **p;
                    for posting in postings {
                        if let Some(slot) = merged.get_mut(posting.doc as usize) {
                            let (t, a, b, e) = slot.get_or_insert((0, 0, 0, false));
                            *t = t.saturating_add(posting.title);
                            *a = a.saturating_add(posting.alias);
                            *b = b.saturating_add(posting.body);
                            *e |= exact;
                        }
                    }
                }
                merged
                    .into_iter()
                    .enumerate()
                    .filter_map(|(doc, m)| m.map(|(t, a, b, e)| (doc, t, a, b, e)))
                    .collect()
            }
        }
    }
}

/// Adds one occurrence of a term in `doc` (documents arrive in order, so the
/// document's posting, if any, is the last one).
fn count(list: &mut Vec<Posting>, doc: u32, field: Field) {
    let posting = match list.last_mut() {
        Some(p) if p.doc == doc => p,
        _ => {
            list.push(Posting {
                doc,
                title: 0,
                alias: 0,
                body: 0,
            });
            let last = list.len() - 1;
            &mut list[last]
        }
    };
    let slot = match field {
        Field::Title => &mut posting.title,
        Field::Alias => &mut posting.alias,
        Field::Body => &mut posting.body,
    };
    *slot = slot.saturating_add(1);
}

/// Parses a query into terms, phrases and highlight needles.
fn parse(raw: &str) -> Query {
    let cut: String = raw.chars().take(MAX_QUERY_CHARS).collect();
    let folded = fold(&cut);
    let segs = segments(&folded);
    let mut q = Query {
        whole: phrase_form(&folded),
        floor: RELEVANCE_FLOOR,
        ..Query::default()
    };
    // The last word is a prefix unless the user typed past it (a space, a
    // separator): "tim" is being typed, "tim " is done.
    let still_typing = folded
        .last()
        .is_some_and(|f| text::class(f.c) == Class::Word);
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
                    // Two characters no bigram matches may be a typo or a rare
                    // pairing; three or more scattered characters are noise
                    // ("区块链" is not 区别 plus 模块 plus 链表).
                    if chars.len() > 2 {
                        q.long_run = true;
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
    /// Matched aliases: `(index into question.aliases, byte ranges)`.
    pub alias_marks: Vec<(usize, Vec<Range<usize>>)>,
    /// Text around the first match in the answer (empty if none matched or
    /// the question has no answer yet).
    pub snippet: Snippet,
}

/// The index over every question, built on first use.
pub fn notes_index() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| Index::with_aliases(data::questions().iter().map(entry)))
}

/// What the index reads of a question.
pub fn entry(q: &'static Question) -> Entry<'static> {
    Entry {
        title: q.title,
        aliases: q.aliases,
        body: q.text(),
    }
}

/// Searches the notes: the best `limit` questions for `query`, best first.
/// Empty when nothing in the notes is relevant (see [`closest_topics`]).
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
                alias_marks: hit.alias_marks,
                snippet: hit.snippet,
            })
        })
        .collect()
}

/// For a query with no results: up to `limit` topics where its weak
/// matches fall, closest first (empty when nothing matched at all).
pub fn closest_topics(query: &str, limit: usize) -> Vec<&'static Topic> {
    let questions = data::questions();
    let mut topics: Vec<&'static Topic> = Vec::new();
    for doc in notes_index().near_misses(query) {
        let Some(topic) = questions.get(doc).and_then(|q| data::topics().get(q.topic)) else {
            continue;
        };
        if topics.len() == limit {
            break;
        }
        if !topics.iter().any(|t| std::ptr::eq(*t, topic)) {
            topics.push(topic);
        }
    }
    topics
}

#[cfg(test)]
mod tests;
