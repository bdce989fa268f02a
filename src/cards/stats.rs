//! Numbers for the statistics page, as plain data the SVG charts draw.
//!
//! Only cards of the notes (the catalogue) are counted in states, forecasts
//! and topics; the review heatmap and retention count every review in the
//! log, since they describe the learner's work, not the current notes.

use super::deck::Deck;
use super::queue::CardRef;
use super::schedule::{CardState, Phase};
use super::time::{Calendar, Day};

/// Cards by state. Suspended cards are counted apart, not in their state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateCounts {
    pub new: u32,
    pub learning: u32,
    pub review: u32,
    pub relearning: u32,
    pub suspended: u32,
}

impl StateCounts {
    /// All cards counted.
    pub fn total(&self) -> u32 {
        self.new + self.learning + self.review + self.relearning + self.suspended
    }

    fn add(&mut self, phase: Phase, suspended: bool) {
        let slot = match (suspended, phase) {
            (true, _) => &mut self.suspended,
            (false, Phase::New) => &mut self.new,
            (false, Phase::Learning) => &mut self.learning,
            (false, Phase::Review) => &mut self.review,
            (false, Phase::Relearning) => &mut self.relearning,
        };
        *slot += 1;
    }
}

/// Cards of the catalogue by state.
pub fn state_counts(deck: &Deck, catalogue: &[CardRef<'_>]) -> StateCounts {
    let mut counts = StateCounts::default();
    for card in catalogue {
        let record = deck.get(card.id);
        counts.add(record.state.phase(), record.suspended);
    }
    counts
}

/// Cards due on each of the next `days` days; index 0 is today and includes
/// everything overdue and the learning cards.
pub fn due_forecast(
    deck: &Deck,
    catalogue: &[CardRef<'_>],
    calendar: Calendar,
    today: Day,
    days: usize,
) -> Vec<u32> {
    let mut due = vec![0u32; days];
    for card in catalogue {
        let record = deck.get(card.id);
        if record.suspended {
            continue;
        }
        let day = match record.state {
            CardState::New => continue,
            CardState::Review { due, .. } => due,
            CardState::Learning { due_ms, .. } | CardState::Relearning { due_ms, .. } => {
                calendar.day_of(due_ms)
            }
        };
        let index = day.since(today).max(0);
        if let Some(slot) = usize::try_from(index).ok().and_then(|i| due.get_mut(i)) {
            *slot += 1;
        }
    }
    due
}

/// Reviews per day over a span of days ending today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heatmap {
    /// The day of `counts[0]`.
    pub first_day: Day,
    pub counts: Vec<u32>,
}

impl Heatmap {
    /// The busiest day's count (0 when empty).
    pub fn max(&self) -> u32 {
        self.counts.iter().copied().max().unwrap_or(0)
    }
}

/// Reviews per day over the `days` days ending today (a year: 365).
pub fn review_heatmap(deck: &Deck, calendar: Calendar, today: Day, days: usize) -> Heatmap {
    let first_day = today.plus(1 - days as i64);
    let mut counts = vec![0u32; days];
    for (_, record) in deck.records() {
        for review in &record.reviews {
            let index = calendar.day_of(review.at_ms).since(first_day);
            if let Some(slot) = usize::try_from(index).ok().and_then(|i| counts.get_mut(i)) {
                *slot += 1;
            }
        }
    }
    Heatmap { first_day, counts }
}

/// Recall tests passed and failed (Anki's "true retention": reviews of cards
/// in review, passed = anything but Again).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Retention {
    pub passed: u32,
    pub failed: u32,
}

impl Retention {
    /// The share passed, if there was any test.
    pub fn rate(&self) -> Option<f32> {
        let total = self.passed + self.failed;
        (total > 0).then(|| self.passed as f32 / total as f32)
    }
}

/// True retention over the `days` days ending today.
pub fn true_retention(deck: &Deck, calendar: Calendar, today: Day, days: i64) -> Retention {
    let since = today.plus(1 - days);
    let mut retention = Retention::default();
    for (_, record) in deck.records() {
        for review in &record.reviews {
            if review.phase != Phase::Review || calendar.day_of(review.at_ms) < since {
                continue;
            }
            if review.grade.recalled() {
                retention.passed += 1;
            } else {
                retention.failed += 1;
            }
        }
    }
    retention
}

/// How far one topic has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TopicProgress<'a> {
    pub topic: &'a str,
    pub counts: StateCounts,
}

impl TopicProgress<'_> {
    /// Share of the topic's (unsuspended) cards that have been learned.
    pub fn learned_share(&self) -> f32 {
        let c = &self.counts;
        let active = c.total() - c.suspended;
        if active == 0 {
            return 0.0;
        }
        (active - c.new) as f32 / active as f32
    }
}

/// Progress per topic, topics in the catalogue's order.
pub fn topic_progress<'a>(deck: &Deck, catalogue: &[CardRef<'a>]) -> Vec<TopicProgress<'a>> {
    let mut topics: Vec<TopicProgress<'a>> = Vec::new();
    for card in catalogue {
        let record = deck.get(card.id);
        let index = match topics.iter().position(|t| t.topic == card.topic) {
            Some(i) => i,
            None => {
                topics.push(TopicProgress {
                    topic: card.topic,
                    counts: StateCounts::default(),
                });
                topics.len() - 1
            }
        };
        topics[index]
            .counts
            .add(record.state.phase(), record.suspended);
    }
    topics
}

/// Flagged cards of the catalogue, in its order.
pub fn flagged<'a>(deck: &Deck, catalogue: &[CardRef<'a>]) -> Vec<CardRef<'a>> {
    catalogue
        .iter()
        .filter(|card| deck.get(card.id).flagged)
        .copied()
        .collect()
}

/// Suspended cards of the catalogue, in its order.
pub fn suspended<'a>(deck: &Deck, catalogue: &[CardRef<'a>]) -> Vec<CardRef<'a>> {
    catalogue
        .iter()
        .filter(|card| deck.get(card.id).suspended)
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::T0;
    use crate::cards::log::{Event, EventKind, Grade, ReviewLog};
    use crate::cards::schedule::Scheduler;
    use crate::cards::settings::Settings;
    use crate::cards::time::{DAY_MS, MINUTE_MS};

    const CATALOGUE: [CardRef<'static>; 5] = [
        CardRef {
            id: "a",
            topic: "net",
        },
        CardRef {
            id: "b",
            topic: "net",
        },
        CardRef {
            id: "c",
            topic: "db",
        },
        CardRef {
            id: "d",
            topic: "db",
        },
        CardRef {
            id: "e",
            topic: "py",
        },
    ];

    #[test]
    fn statistics_of_a_small_history() {
        let cal = Calendar::utc();
        let today = cal.day_of(T0).plus(10);
        let s = Scheduler::new(&Settings::default(), cal, today);
        let mut log = ReviewLog::new();
        let grade =
            |log: &mut ReviewLog, id, t, g| log.record(id, Event::new(t, EventKind::Grade(g)));
        // a: easy on day 0 (due day 8), then a review on day 8 passed.
        grade(&mut log, "a", T0, Grade::Easy);
        grade(&mut log, "a", T0 + 8 * DAY_MS, Grade::Good);
        // b: learned on day 1, lapsed on day 9: relearning.
        grade(&mut log, "b", T0 + DAY_MS, Grade::Easy);
        grade(&mut log, "b", T0 + 9 * DAY_MS, Grade::Again);
        // c: one Good today: learning, due in 10 minutes. Flagged.
        grade(&mut log, "c", T0 + 10 * DAY_MS, Grade::Good);
        log.record("c", Event::new(T0 + 10 * DAY_MS + 1, EventKind::Flag));
        // d: suspended. e: new. Orphan z: reviewed long ago, counts in work.
        log.record("d", Event::new(T0, EventKind::Suspend));
        grade(&mut log, "z", T0 - 400 * DAY_MS, Grade::Good);
        grade(&mut log, "z", T0 + 10 * DAY_MS + MINUTE_MS, Grade::Again);
        let deck = Deck::derive(&log, &s);

        assert_eq!(
            state_counts(&deck, &CATALOGUE),
            StateCounts {
                new: 1,
                learning: 1,
                review: 1,
                relearning: 1,
                suspended: 1
            }
        );
        let forecast = due_forecast(&deck, &CATALOGUE, cal, today, 30);
        assert_eq!(forecast.len(), 30);
        // b's relearning step was due on day 9 (overdue: today), c today.
        assert_eq!(forecast[0], 2);
        assert_eq!(
            forecast.iter().sum::<u32>(),
            2,
            "a is due in more than 30 days"
        );
        assert_eq!(
            due_forecast(&deck, &CATALOGUE, cal, today, 60)
                .iter()
                .sum::<u32>(),
            3
        );
        let heat = review_heatmap(&deck, cal, today, 365);
        assert_eq!(heat.first_day, today.plus(-364));
        assert_eq!(heat.counts.len(), 365);
        assert_eq!(heat.counts[364], 2, "c and z today");
        assert_eq!(
            heat.counts.iter().sum::<u32>(),
            6,
            "z's first review is older than a year"
        );
        assert_eq!(heat.max(), 2);
        let retention = true_retention(&deck, cal, today, 30);
        assert_eq!(
            retention,
            Retention {
                passed: 1,
                failed: 1
            },
            "a passed, b failed; z was in learning"
        );
        assert_eq!(retention.rate(), Some(0.5));
        let topics = topic_progress(&deck, &CATALOGUE);
        let names: Vec<_> = topics.iter().map(|t| t.topic).collect();
        assert_eq!(names, ["net", "db", "py"]);
        assert_eq!(topics[0].learned_share(), 1.0);
        assert_eq!(topics[1].learned_share(), 1.0, "c learning, d suspended");
        assert_eq!(topics[2].learned_share(), 0.0);
        assert_eq!(flagged(&deck, &CATALOGUE), vec![CATALOGUE[2]]);
        assert_eq!(suspended(&deck, &CATALOGUE), vec![CATALOGUE[3]]);
    }
}
