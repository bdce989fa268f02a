//! The review log: the one truth about a learner's progress.
//!
//! Every grade, suspend, flag and undo is an [`Event`] appended under its
//! card id; each card's state is derived by replaying its events (see
//! [`crate::cards::deck`]). The log is a grow-only set: an event is never
//! edited or removed, and the log of two tabs (or two devices) merges by
//! union, which is commutative, associative and idempotent, so no review is
//! lost whichever order writes arrive in.
//!
//! **Undo is an event, not a removal.** Removing the last entry cannot merge:
//! the other tab still holds it and the union would bring it back. Instead
//! [`EventKind::Undo`] names the event it cancels by its key (card id + time)
//! and replay skips cancelled events. Undo events themselves cannot be
//! undone.
//!
//! **Serialized form** (schema [`LOG_VERSION`]), grouped by card so each id is
//! written once: `{"v":1,"cards":{"<id>":[[t,k],[t,0,target_t],…]}}` with `t`
//! in ms since the epoch and `k` the [`EventKind`] code (0 undo, 1–4 grades,
//! 5 suspend, 6 unsuspend, 7 flag, 8 unflag). 10,000 reviews take ≈ 170 KB.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::Error as _;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Schema version of the serialized log.
pub const LOG_VERSION: u64 = 1;
/// Earliest instant accepted in a log (2000-01-01): anything before is damage.
pub const MIN_TIME_MS: i64 = 946_684_800_000;
/// Latest instant accepted in a log (2200-01-01).
pub const MAX_TIME_MS: i64 = 7_258_118_400_000;
/// Longest card id accepted.
pub const MAX_ID_LEN: usize = 200;

/// The learner's answer to a card, as Anki's four buttons.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    /// The four grades in button order.
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// 1 (Again) … 4 (Easy): the key that picks it and the FSRS rating.
    pub fn number(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    /// The grade for 1–4.
    pub fn from_number(n: u8) -> Option<Grade> {
        Grade::ALL.get(usize::from(n).wrapping_sub(1)).copied()
    }

    /// Whether the card was recalled (everything but Again).
    pub fn recalled(self) -> bool {
        self != Grade::Again
    }
}

/// What happened to a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// A review with its grade.
    Grade(Grade),
    /// Hide the card from every queue.
    Suspend,
    Unsuspend,
    /// Mark the card as reading wrong.
    Flag,
    Unflag,
    /// Cancel this card's event(s) at `target_ms`.
    Undo {
        target_ms: i64,
    },
}

impl EventKind {
    fn code(self) -> u8 {
        match self {
            EventKind::Undo { .. } => 0,
            EventKind::Grade(g) => g.number(),
            EventKind::Suspend => 5,
            EventKind::Unsuspend => 6,
            EventKind::Flag => 7,
            EventKind::Unflag => 8,
        }
    }
}

/// One entry of a card's log. Its key is the whole value: two tabs recording
/// the very same event store it once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Event {
    pub at_ms: i64,
    pub kind: EventKind,
}

impl Event {
    /// An event at `at_ms`.
    pub fn new(at_ms: i64, kind: EventKind) -> Self {
        Event { at_ms, kind }
    }

    /// Whether the event can be stored (times inside the accepted range).
    pub fn is_valid(&self) -> bool {
        let in_range = |t: i64| (MIN_TIME_MS..=MAX_TIME_MS).contains(&t);
        in_range(self.at_ms)
            && match self.kind {
                EventKind::Undo { target_ms } => in_range(target_ms),
                _ => true,
            }
    }
}

/// Whether a string can be a card id in the log.
pub fn is_valid_card_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_LEN && !id.chars().any(char::is_control)
}

/// All events of all cards. See the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewLog {
    cards: BTreeMap<String, BTreeSet<Event>>,
}

impl ReviewLog {
    /// An empty log.
    pub fn new() -> Self {
        ReviewLog::default()
    }

    /// Adds an event; false when it was already there or is invalid (an
    /// out-of-range time or a malformed id never enters the log).
    pub fn record(&mut self, card: &str, event: Event) -> bool {
        if !event.is_valid() || !is_valid_card_id(card) {
            return false;
        }
        match self.cards.get_mut(card) {
            Some(events) => events.insert(event),
            None => {
                self.cards.insert(card.to_owned(), BTreeSet::from([event]));
                true
            }
        }
    }

    /// Whether this exact event is in the log.
    pub fn contains(&self, card: &str, event: &Event) -> bool {
        self.cards
            .get(card)
            .is_some_and(|events| events.contains(event))
    }

    /// Adds every event of `other` (set union); returns how many were new.
    pub fn merge(&mut self, other: &ReviewLog) -> usize {
        let mut added = 0;
        for (card, events) in &other.cards {
            let mine = self.cards.entry(card.clone()).or_default();
            for event in events {
                added += usize::from(mine.insert(*event));
            }
        }
        added
    }

    /// How many events of `other` this log lacks.
    pub fn missing_from(&self, other: &ReviewLog) -> usize {
        other
            .iter()
            .filter(|(card, event)| !self.contains(card, event))
            .count()
    }

    /// A card's events in time order.
    pub fn events(&self, card: &str) -> impl Iterator<Item = &Event> + '_ {
        self.cards.get(card).into_iter().flatten()
    }

    /// Every card id with at least one event, sorted.
    pub fn card_ids(&self) -> impl Iterator<Item = &str> + '_ {
        self.cards.keys().map(String::as_str)
    }

    /// Every (card id, event) pair.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Event)> + '_ {
        self.cards
            .iter()
            .flat_map(|(card, events)| events.iter().map(move |e| (card.as_str(), e)))
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.cards.values().map(BTreeSet::len).sum()
    }

    /// True when nothing was ever recorded.
    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Number of grade events (undone ones included).
    pub fn review_count(&self) -> usize {
        self.iter()
            .filter(|(_, e)| matches!(e.kind, EventKind::Grade(_)))
            .count()
    }

    /// A card's events as replay sees them: in time order, without undo
    /// events and without the events they cancel.
    pub fn effective_events(&self, card: &str) -> Vec<Event> {
        let cancelled: BTreeSet<i64> = self
            .events(card)
            .filter_map(|e| match e.kind {
                EventKind::Undo { target_ms } => Some(target_ms),
                _ => None,
            })
            .collect();
        self.events(card)
            .filter(|e| !matches!(e.kind, EventKind::Undo { .. }) && !cancelled.contains(&e.at_ms))
            .copied()
            .collect()
    }

    /// The compact JSON form (see the module documentation).
    pub fn to_json(&self) -> String {
        // Serializing plain maps, strings and integers cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a log strictly: the first problem is an error. For imports.
    pub fn from_json_strict(text: &str) -> Result<ReviewLog, Problem> {
        let value: Value = serde_json::from_str(text).map_err(|e| Problem {
            path: String::new(),
            kind: ProblemKind::NotJson {
                line: e.line(),
                column: e.column(),
            },
        })?;
        ReviewLog::from_value(&value, Strictness::Strict).map(|(log, _)| log)
    }

    /// Reads a log keeping every valid event of a partly spoiled text
    /// (truncated or damaged JSON, wrong types, a future version) and
    /// reporting what was dropped. Never fails: worst case, an empty log and a
    /// report saying nothing could be read.
    pub fn load(text: &str) -> LoadedLog {
        let (value, mut problems) = crate::cards::repair::parse_salvaging(text);
        let Some(value) = value else {
            return LoadedLog {
                log: ReviewLog::new(),
                problems,
            };
        };
        match ReviewLog::from_value(&value, Strictness::Tolerant) {
            Ok((log, more)) => {
                problems.extend(more);
                LoadedLog { log, problems }
            }
            Err(problem) => {
                problems.push(problem);
                LoadedLog {
                    log: ReviewLog::new(),
                    problems,
                }
            }
        }
    }

    /// Converts a parsed document. In strict mode the first problem is
    /// returned as the error; in tolerant mode problems are collected and
    /// only a document that is not an object at all is an error.
    pub(crate) fn from_value(
        value: &Value,
        strictness: Strictness,
    ) -> Result<(ReviewLog, Vec<Problem>), Problem> {
        let mut problems = Vec::new();
        let mut note = |problem: Problem| -> Result<(), Problem> {
            match strictness {
                Strictness::Strict => Err(problem),
                Strictness::Tolerant => {
                    problems.push(problem);
                    Ok(())
                }
            }
        };
        let Value::Object(root) = value else {
            return Err(Problem::wrong_type("", "object"));
        };
        match root.get("v") {
            None => note(Problem::new("v", ProblemKind::Missing))?,
            Some(v) => match v.as_u64() {
                Some(LOG_VERSION) => {}
                Some(found) if found > LOG_VERSION => {
                    note(Problem::new("v", ProblemKind::UnsupportedVersion { found }))?
                }
                _ => note(Problem::new("v", ProblemKind::BadValue))?,
            },
        }
        let mut log = ReviewLog::new();
        let cards = match root.get("cards") {
            Some(Value::Object(cards)) => cards,
            Some(_) => {
                note(Problem::wrong_type("cards", "object"))?;
                return Ok((log, problems));
            }
            None => {
                note(Problem::new("cards", ProblemKind::Missing))?;
                return Ok((log, problems));
            }
        };
        for (card, events) in cards {
            let path = format!("cards.{card}");
            if !is_valid_card_id(card) {
                note(Problem::new(&path, ProblemKind::BadCardId))?;
                continue;
            }
            let Value::Array(events) = events else {
                note(Problem::wrong_type(&path, "array"))?;
                continue;
            };
            for (i, raw) in events.iter().enumerate() {
                match decode_event(raw) {
                    Ok(event) => {
                        log.record(card, event);
                    }
                    Err(kind) => note(Problem::new(&format!("{path}[{i}]"), kind))?,
                }
            }
        }
        Ok((log, problems))
    }
}

/// How strictly a document is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Strictness {
    Strict,
    Tolerant,
}

/// A log read by [`ReviewLog::load`], with what could not be kept.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedLog {
    pub log: ReviewLog,
    /// Empty when the text was read whole.
    pub problems: Vec<Problem>,
}

/// Something wrong at one place of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: `cards.<id>[3]`, `settings.new_per_day`, `` for the root.
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON at all (position of the first error, 1-based).
    NotJson { line: usize, column: usize },
    /// The text broke off or was damaged at byte `at`; what came before it
    /// was kept.
    Cut { at: usize },
    /// A field that must be there is not.
    Missing,
    /// A value of the wrong JSON type.
    WrongType { expected: &'static str },
    /// The right type but a value out of range (a grade of 9, a time in 1900).
    BadValue,
    /// A card id that is empty, too long or holds control characters.
    BadCardId,
    /// Written by a newer version of the app.
    UnsupportedVersion { found: u64 },
    /// A key given twice in one object; both values were read and joined.
    DuplicateKey,
    /// Nested deeper than anything the app writes (from byte `at`); that
    /// part was left out.
    TooDeep { at: usize },
}

impl Problem {
    pub(crate) fn new(path: &str, kind: ProblemKind) -> Self {
        Problem {
            path: path.to_owned(),
            kind,
        }
    }

    pub(crate) fn wrong_type(path: &str, expected: &'static str) -> Self {
        Problem::new(path, ProblemKind::WrongType { expected })
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.path.is_empty() {
            "document"
        } else {
            &self.path
        };
        match &self.kind {
            ProblemKind::NotJson { line, column } => {
                write!(f, "not JSON (line {line}, column {column})")
            }
            ProblemKind::Cut { at } => write!(f, "damaged or cut off at byte {at}"),
            ProblemKind::Missing => write!(f, "{at}: missing"),
            ProblemKind::WrongType { expected } => write!(f, "{at}: expected {expected}"),
            ProblemKind::BadValue => write!(f, "{at}: value out of range"),
            ProblemKind::BadCardId => write!(f, "{at}: invalid card id"),
            ProblemKind::UnsupportedVersion { found } => {
                write!(f, "{at}: version {found} is newer than this app")
            }
            ProblemKind::DuplicateKey => write!(f, "{at}: key given twice"),
            ProblemKind::TooDeep { at } => write!(f, "nested too deep at byte {at}"),
        }
    }
}

fn encode_event(event: &Event) -> Vec<i64> {
    let code = i64::from(event.kind.code());
    match event.kind {
        EventKind::Undo { target_ms } => vec![event.at_ms, code, target_ms],
        _ => vec![event.at_ms, code],
    }
}

fn decode_event(raw: &Value) -> Result<Event, ProblemKind> {
    let Value::Array(parts) = raw else {
        return Err(ProblemKind::WrongType { expected: "array" });
    };
    let int = |i: usize| -> Result<i64, ProblemKind> {
        parts
            .get(i)
            .ok_or(ProblemKind::Missing)?
            .as_i64()
            .ok_or(ProblemKind::WrongType {
                expected: "integer",
            })
    };
    let at_ms = int(0)?;
    let code = int(1)?;
    let kind = match (code, parts.len()) {
        (0, 3) => EventKind::Undo { target_ms: int(2)? },
        (1..=4, 2) => {
            EventKind::Grade(Grade::from_number(code as u8).ok_or(ProblemKind::BadValue)?)
        }
        (5, 2) => EventKind::Suspend,
        (6, 2) => EventKind::Unsuspend,
        (7, 2) => EventKind::Flag,
        (8, 2) => EventKind::Unflag,
        _ => return Err(ProblemKind::BadValue),
    };
    let event = Event { at_ms, kind };
    if event.is_valid() {
        Ok(event)
    } else {
        Err(ProblemKind::BadValue)
    }
}

impl Serialize for ReviewLog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Cards<'a>(&'a BTreeMap<String, BTreeSet<Event>>);
        struct Events<'a>(&'a BTreeSet<Event>);
        impl Serialize for Cards<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (card, events) in self.0 {
                    map.serialize_entry(card, &Events(events))?;
                }
                map.end()
            }
        }
        impl Serialize for Events<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
                for event in self.0 {
                    seq.serialize_element(&encode_event(event))?;
                }
                seq.end()
            }
        }
        let mut root = serializer.serialize_map(Some(2))?;
        root.serialize_entry("v", &LOG_VERSION)?;
        root.serialize_entry("cards", &Cards(&self.cards))?;
        root.end()
    }
}

impl<'de> Deserialize<'de> for ReviewLog {
    /// Strict: any problem fails. Use [`ReviewLog::load`] for stored data.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        ReviewLog::from_value(&value, Strictness::Strict)
            .map(|(log, _)| log)
            .map_err(|p| D::Error::custom(p.to_string()))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const T0: i64 = 1_795_000_000_000; // 2026-11-19

    /// The project's seeded generator, for property tests.
    pub(crate) use crate::rng::Rng;

    fn random_log(rng: &mut Rng, n: usize) -> ReviewLog {
        let mut log = ReviewLog::new();
        for _ in 0..n {
            let card = format!("q{}", rng.below_u64(12));
            let at_ms = T0 + rng.below_u64(90 * 86_400_000) as i64;
            let kind = match rng.below_u64(10) {
                0 => EventKind::Suspend,
                1 => EventKind::Unflag,
                2 => EventKind::Undo {
                    target_ms: T0 + rng.below_u64(1000) as i64,
                },
                _ => EventKind::Grade(Grade::ALL[rng.below_u64(4) as usize]),
            };
            log.record(&card, Event::new(at_ms, kind));
        }
        log
    }

    #[test]
    fn merge_is_a_union_idempotent_commutative_and_associative() {
        let mut rng = Rng(7);
        for _ in 0..200 {
            let a = random_log(&mut rng, 30);
            let b = random_log(&mut rng, 30);
            let c = random_log(&mut rng, 30);
            let mut ab = a.clone();
            ab.merge(&b);
            let mut ba = b.clone();
            ba.merge(&a);
            assert_eq!(ab, ba, "commutative");
            let mut again = ab.clone();
            assert_eq!(again.merge(&b), 0, "idempotent");
            assert_eq!(again, ab);
            let mut ab_c = ab.clone();
            ab_c.merge(&c);
            let mut bc = b.clone();
            bc.merge(&c);
            let mut a_bc = a.clone();
            a_bc.merge(&bc);
            assert_eq!(ab_c, a_bc, "associative");
            // A union: every event of either side, nothing else.
            assert!(a.iter().chain(b.iter()).all(|(k, e)| ab.contains(k, e)));
            assert!(ab.iter().all(|(k, e)| a.contains(k, e) || b.contains(k, e)));
            assert_eq!(a.missing_from(&b), ab.len() - a.len());
        }
    }

    #[test]
    fn undo_cancels_by_key_and_survives_a_merge() {
        let mut tab_a = ReviewLog::new();
        tab_a.record("q1", Event::new(T0, EventKind::Grade(Grade::Good)));
        let mut tab_b = tab_a.clone();
        tab_b.record("q1", Event::new(T0 + 5_000, EventKind::Grade(Grade::Again)));
        tab_a.record(
            "q1",
            Event::new(T0 + 9_000, EventKind::Undo { target_ms: T0 }),
        );
        tab_a.merge(&tab_b);
        assert_eq!(
            tab_a.effective_events("q1"),
            vec![Event::new(T0 + 5_000, EventKind::Grade(Grade::Again))]
        );
    }

    #[test]
    fn round_trips_through_compact_json() {
        let mut rng = Rng(11);
        let log = random_log(&mut rng, 500);
        let text = log.to_json();
        assert!(text.starts_with(r#"{"v":1,"cards":{"#));
        assert_eq!(ReviewLog::from_json_strict(&text), Ok(log.clone()));
        let loaded = ReviewLog::load(&text);
        assert_eq!(loaded.log, log);
        assert!(loaded.problems.is_empty());
        let via_serde: ReviewLog = serde_json::from_str(&text).expect("serde round trip");
        assert_eq!(via_serde, log);
        let mut one = ReviewLog::new();
        one.record("a", Event::new(T0, EventKind::Grade(Grade::Hard)));
        one.record("a", Event::new(T0 + 1, EventKind::Undo { target_ms: T0 }));
        assert_eq!(
            one.to_json(),
            format!(
                r#"{{"v":1,"cards":{{"a":[[{T0},2],[{},0,{T0}]]}}}}"#,
                T0 + 1
            )
        );
    }

    #[test]
    fn ten_thousand_reviews_store_in_well_under_a_megabyte() {
        let mut log = ReviewLog::new();
        let mut rng = Rng(3);
        // 150 cards with ids as long as the notes' hashes and overrides.
        for i in 0..10_000 {
            let card = format!(
                "python-concurrency-{:08x}",
                rng.below_u64(150) * 2_654_435_761
            );
            let at = T0 + i * 97_000 + rng.below_u64(1000) as i64;
            log.record(
                &card,
                Event::new(at, EventKind::Grade(Grade::ALL[(i % 4) as usize])),
            );
        }
        assert_eq!(log.review_count(), 10_000);
        let bytes = log.to_json().len();
        assert!(bytes < 1_000_000, "{bytes} bytes");
        assert!(bytes < 200_000, "compact form regressed: {bytes} bytes");
    }

    #[test]
    fn invalid_events_and_ids_never_enter_the_log() {
        let mut log = ReviewLog::new();
        assert!(!log.record("q", Event::new(0, EventKind::Suspend)));
        assert!(!log.record("q", Event::new(T0, EventKind::Undo { target_ms: -1 })));
        assert!(!log.record("", Event::new(T0, EventKind::Suspend)));
        assert!(!log.record("a\nb", Event::new(T0, EventKind::Suspend)));
        assert!(!log.record(
            &"x".repeat(MAX_ID_LEN + 1),
            Event::new(T0, EventKind::Suspend)
        ));
        assert!(log.record("q", Event::new(T0, EventKind::Suspend)));
        assert!(
            !log.record("q", Event::new(T0, EventKind::Suspend)),
            "already there"
        );
        assert_eq!(log.len(), 1);
    }

    #[test]
    fn tolerant_load_keeps_the_valid_events_and_names_the_bad_ones() {
        let text = format!(
            r#"{{"v":1,"cards":{{"a":[[{T0},3],[{T0},9],"x",[{T0},2,5]],"b":7,"":[[{T0},1]],"c":[[{T0},0,{T0}],[1,1]]}}}}"#
        );
        let loaded = ReviewLog::load(&text);
        let kept: Vec<_> = loaded.log.iter().map(|(c, e)| (c.to_owned(), *e)).collect();
        assert_eq!(
            kept,
            vec![
                (
                    "a".to_owned(),
                    Event::new(T0, EventKind::Grade(Grade::Good))
                ),
                (
                    "c".to_owned(),
                    Event::new(T0, EventKind::Undo { target_ms: T0 })
                ),
            ]
        );
        let mut paths: Vec<_> = loaded.problems.iter().map(|p| p.path.as_str()).collect();
        paths.sort_unstable();
        assert_eq!(
            paths,
            vec![
                "cards.",
                "cards.a[1]",
                "cards.a[2]",
                "cards.a[3]",
                "cards.b",
                "cards.c[1]"
            ]
        );
        assert!(ReviewLog::from_json_strict(&text).is_err());
    }

    #[test]
    fn a_log_cut_at_any_byte_keeps_every_event_before_the_cut() {
        let log = random_log(&mut Rng(99), 60);
        let text = log.to_json();
        let mut kept_before = 0;
        for cut in 0..text.len() {
            let loaded = ReviewLog::load(&text[..cut]);
            assert!(!loaded.problems.is_empty(), "a cut at {cut} is reported");
            assert!(
                loaded.log.iter().all(|(c, e)| log.contains(c, e)),
                "nothing invented at {cut}"
            );
            // Every event whose text ends before the cut (and its closing
            // bracket) is kept, except at most the one being written.
            let complete = text[..cut].matches("],[").count() + text[..cut].matches("]],").count();
            assert!(
                loaded.log.len() + 2 >= complete.min(log.len()),
                "cut {cut}: {} < {complete}",
                loaded.log.len()
            );
            assert!(
                loaded.log.len() + 1 >= kept_before,
                "cut {cut}: lost earlier events"
            );
            kept_before = loaded.log.len();
        }
        // Damage in the middle keeps what came before it.
        let mut damaged = text.clone();
        damaged.replace_range(text.len() / 2..text.len() / 2 + 1, "#");
        let loaded = ReviewLog::load(&damaged);
        assert!(
            loaded.log.len() >= log.len() / 2 - 2,
            "{} of {}",
            loaded.log.len(),
            log.len()
        );
        assert!(matches!(loaded.problems[0].kind, ProblemKind::Cut { .. }));
    }

    #[test]
    fn a_future_version_is_read_as_far_as_it_is_understood() {
        let text = format!(r#"{{"v":2,"cards":{{"a":[[{T0},3]]}},"extra":true}}"#);
        let loaded = ReviewLog::load(&text);
        assert_eq!(loaded.log.len(), 1);
        assert_eq!(
            loaded.problems,
            vec![Problem::new(
                "v",
                ProblemKind::UnsupportedVersion { found: 2 }
            )]
        );
        assert_eq!(
            ReviewLog::from_json_strict(&text).map_err(|p| p.kind),
            Err(ProblemKind::UnsupportedVersion { found: 2 })
        );
    }
}
