//! Every card's state, derived from the review log.
//!
//! The deck is a cache: it holds nothing the log does not, and
//! [`Deck::derive`] rebuilds it whole (a damaged or stale cache is simply
//! derived again). After a grade, [`Deck::refresh`] replays one card, so
//! answering stays fast with a long history. Cards of the log that the notes
//! no longer have keep their records here; they come back with their
//! question.

use std::collections::HashMap;

use super::log::{Event, EventKind, Grade, ReviewLog};
use super::schedule::{CardState, Phase, Scheduler};

/// One past review, as statistics need it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReviewRecord {
    pub at_ms: i64,
    pub grade: Grade,
    /// The card's phase before this review (Review = a real recall test).
    pub phase: Phase,
}

/// A card's derived state and history.
#[derive(Clone, Debug, PartialEq)]
pub struct CardRecord {
    pub state: CardState,
    pub suspended: bool,
    pub flagged: bool,
    /// Effective (not undone) reviews in time order.
    pub reviews: Vec<ReviewRecord>,
}

/// The record of a card never touched.
pub static UNTOUCHED: CardRecord = CardRecord {
    state: CardState::New,
    suspended: false,
    flagged: false,
    reviews: Vec::new(),
};

impl CardRecord {
    /// When the card was first graded.
    pub fn first_review_ms(&self) -> Option<i64> {
        self.reviews.first().map(|r| r.at_ms)
    }

    /// Replays a card's effective events (see
    /// [`ReviewLog::effective_events`]) in time order.
    pub fn replay(events: &[Event], scheduler: &Scheduler) -> CardRecord {
        let mut record = UNTOUCHED.clone();
        for event in events {
            match event.kind {
                EventKind::Grade(grade) => {
                    record.reviews.push(ReviewRecord {
                        at_ms: event.at_ms,
                        grade,
                        phase: record.state.phase(),
                    });
                    record.state = scheduler.next_state(&record.state, grade, event.at_ms);
                }
                EventKind::Suspend => record.suspended = true,
                EventKind::Unsuspend => record.suspended = false,
                EventKind::Flag => record.flagged = true,
                EventKind::Unflag => record.flagged = false,
                EventKind::Undo { .. } => {}
            }
        }
        record
    }
}

/// Derived records of every card with a log.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deck {
    records: HashMap<String, CardRecord>,
}

impl Deck {
    /// Replays the whole log.
    pub fn derive(log: &ReviewLog, scheduler: &Scheduler) -> Deck {
        let records = log
            .card_ids()
            .map(|id| {
                let record = CardRecord::replay(&log.effective_events(id), scheduler);
                (id.to_owned(), record)
            })
            .collect();
        Deck { records }
    }

    /// Replays one card after its log changed.
    pub fn refresh(&mut self, log: &ReviewLog, scheduler: &Scheduler, card: &str) {
        let record = CardRecord::replay(&log.effective_events(card), scheduler);
        if record == UNTOUCHED {
            self.records.remove(card);
        } else {
            self.records.insert(card.to_owned(), record);
        }
    }

    /// A card's record ([`UNTOUCHED`] for a card with no log).
    pub fn get(&self, card: &str) -> &CardRecord {
        self.records.get(card).unwrap_or(&UNTOUCHED)
    }

    /// Every card with a record (including cards the notes no longer have).
    pub fn records(&self) -> impl Iterator<Item = (&str, &CardRecord)> + '_ {
        self.records.iter().map(|(id, r)| (id.as_str(), r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::T0;
    use crate::cards::settings::Settings;
    use crate::cards::time::{Calendar, MINUTE_MS};

    fn scheduler() -> Scheduler {
        Scheduler::new(
            &Settings::default(),
            Calendar::utc(),
            Calendar::utc().day_of(T0),
        )
    }

    #[test]
    fn suspend_flag_and_undo_replay_as_expected() {
        let s = scheduler();
        let mut log = ReviewLog::new();
        let good = |t| Event::new(t, EventKind::Grade(Grade::Good));
        log.record("q", good(T0));
        log.record("q", Event::new(T0 + 1, EventKind::Suspend));
        log.record("q", Event::new(T0 + 2, EventKind::Flag));
        log.record("q", good(T0 + 10 * MINUTE_MS));
        let deck = Deck::derive(&log, &s);
        let card = deck.get("q");
        assert!(card.suspended && card.flagged);
        assert_eq!(card.state.phase(), Phase::Review);
        assert_eq!(card.reviews.len(), 2);
        assert_eq!(card.first_review_ms(), Some(T0));

        // Undo the second grade and the flag, then unsuspend.
        let mut deck = deck;
        log.record(
            "q",
            Event::new(
                T0 + 11 * MINUTE_MS,
                EventKind::Undo {
                    target_ms: T0 + 10 * MINUTE_MS,
                },
            ),
        );
        log.record(
            "q",
            Event::new(T0 + 12 * MINUTE_MS, EventKind::Undo { target_ms: T0 + 2 }),
        );
        log.record("q", Event::new(T0 + 13 * MINUTE_MS, EventKind::Unsuspend));
        deck.refresh(&log, &s, "q");
        let card = deck.get("q");
        assert!(!card.suspended && !card.flagged);
        assert_eq!(card.state.phase(), Phase::Learning);
        assert_eq!(deck, Deck::derive(&log, &s), "refresh = derive");

        // Undo the first grade too: the card is new again, as if untouched.
        log.record(
            "q",
            Event::new(T0 + 14 * MINUTE_MS, EventKind::Undo { target_ms: T0 }),
        );
        deck.refresh(&log, &s, "q");
        assert_eq!(deck.get("q"), &UNTOUCHED);
        assert_eq!(deck.records().count(), 0);
        assert_eq!(deck.get("never-seen"), &UNTOUCHED);
    }

    #[test]
    fn the_phase_before_each_review_is_recorded() {
        let s = scheduler();
        let mut log = ReviewLog::new();
        for (t, g) in [
            (0, Grade::Good),
            (10, Grade::Good),
            (3 * 1440, Grade::Again),
            (3 * 1440 + 10, Grade::Good),
        ] {
            log.record("q", Event::new(T0 + t * MINUTE_MS, EventKind::Grade(g)));
        }
        let phases: Vec<_> = Deck::derive(&log, &s)
            .get("q")
            .reviews
            .iter()
            .map(|r| r.phase)
            .collect();
        assert_eq!(
            phases,
            [
                Phase::New,
                Phase::Learning,
                Phase::Review,
                Phase::Relearning
            ]
        );
    }
}
