//! What to study now: the next card and what is left today.
//!
//! Order, as Anki's: learning cards that are due, then due reviews (most
//! overdue first), then new cards in the notes' order, then learning cards due
//! within the next [`LEARN_AHEAD_MS`] so a session does not stall on a
//! 10-minute step. Limits count the whole day (all topics): new cards first
//! graded today against the new-card quota, reviews of review cards against
//! the review limit.

use super::deck::Deck;
use super::interview::{new_quota, NewQuota};
use super::schedule::{CardState, Phase, Scheduler};
use super::settings::Settings;
use super::time::{Day, MINUTE_MS};

/// Learning cards due this soon are shown when nothing else is left.
pub const LEARN_AHEAD_MS: i64 = 20 * MINUTE_MS;

/// One card of the notes, as the flashcards know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardRef<'a> {
    /// The question id (stable across rebuilds of the notes).
    pub id: &'a str,
    /// The topic it belongs to (for the topic filter and statistics).
    pub topic: &'a str,
}

/// How to build the queue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QueueOptions<'a> {
    /// Only cards of this topic.
    pub topic: Option<&'a str>,
    /// New cards allowed today on top of the quota ("study more new cards").
    pub extra_new: u32,
    /// When nothing is due, offer cards before their time (earliest first).
    pub ahead: bool,
}

/// Cards left today, as Anki's three numbers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: u32,
    /// Learning and relearning cards due before the day ends.
    pub learning: u32,
    pub review: u32,
}

impl Counts {
    /// Sum of the three.
    pub fn total(&self) -> u32 {
        self.new + self.learning + self.review
    }
}

/// The card to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick<'a> {
    pub id: &'a str,
    pub phase: Phase,
    /// Shown before it is due (learn-ahead or review ahead).
    pub early: bool,
}

/// The queue at one instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Queue<'a> {
    /// `None`: nothing to study now.
    pub next: Option<Pick<'a>>,
    pub counts: Counts,
    /// When the next card becomes due (a learning step, a review, tomorrow's
    /// new cards), if anything will.
    pub next_due_ms: Option<i64>,
    /// Cards that could be reviewed ahead of schedule (not due, in filter).
    pub ahead_available: u32,
    /// New cards left in the filter, beyond today's limit.
    pub new_available: u32,
    pub quota: NewQuota,
}

/// The queue for `now_ms`. `scheduler` must be made for the day of `now_ms`
/// (its `today`), as must the deck it derived.
pub fn build<'a>(
    deck: &Deck,
    catalogue: &[CardRef<'a>],
    settings: &Settings,
    scheduler: &Scheduler,
    now_ms: i64,
    options: QueueOptions<'_>,
) -> Queue<'a> {
    let calendar = scheduler.calendar();
    let today = calendar.day_of(now_ms);
    let day_end = calendar.start_of(today.plus(1));
    let quota = new_quota(deck, catalogue, settings, calendar, today);

    // Work already done today, over every topic.
    let (mut new_done, mut reviews_done) = (0u32, 0u32);
    for card in catalogue {
        let record = deck.get(card.id);
        for review in record.reviews.iter().rev() {
            if calendar.day_of(review.at_ms) != today {
                break;
            }
            new_done += u32::from(review.phase == Phase::New);
            reviews_done += u32::from(review.phase == Phase::Review);
        }
    }
    let new_left = quota
        .per_day
        .saturating_add(options.extra_new)
        .saturating_sub(new_done);
    let review_left = settings.reviews_per_day.saturating_sub(reviews_done);

    let mut learning_due: Option<(i64, &'a str, Phase)> = None;
    let mut learning_soon: Option<(i64, &'a str, Phase)> = None;
    let mut review_due: Option<(Day, &'a str)> = None;
    let mut first_new: Option<&'a str> = None;
    let mut ahead: Option<(i64, &'a str, Phase)> = None;
    let (mut learning, mut reviews, mut news, mut ahead_available) = (0u32, 0u32, 0u32, 0u32);
    let mut next_due_ms: Option<i64> = None;
    let soonest = |slot: &mut Option<i64>, t: i64| {
        if slot.is_none_or(|s| t < s) {
            *slot = Some(t);
        }
    };
    for card in catalogue {
        if options.topic.is_some_and(|t| t != card.topic) {
            continue;
        }
        let record = deck.get(card.id);
        if record.suspended {
            continue;
        }
        match record.state {
            CardState::New => {
                news += 1;
                first_new.get_or_insert(card.id);
            }
            CardState::Learning { due_ms, .. } | CardState::Relearning { due_ms, .. } => {
                let phase = record.state.phase();
                learning += u32::from(due_ms < day_end);
                if due_ms <= now_ms {
                    if learning_due.is_none_or(|(t, ..)| due_ms < t) {
                        learning_due = Some((due_ms, card.id, phase));
                    }
                } else {
                    soonest(&mut next_due_ms, due_ms);
                    ahead_available += 1;
                    if learning_soon.is_none_or(|(t, ..)| due_ms < t) {
                        learning_soon = Some((due_ms, card.id, phase));
                    }
                    if ahead.is_none_or(|(t, ..)| due_ms < t) {
                        ahead = Some((due_ms, card.id, phase));
                    }
                }
            }
            CardState::Review { due, .. } => {
                if due <= today {
                    reviews += 1;
                    if review_due.is_none_or(|(d, _)| due < d) {
                        review_due = Some((due, card.id));
                    }
                } else {
                    let at = calendar.start_of(due);
                    soonest(&mut next_due_ms, at);
                    ahead_available += 1;
                    if ahead.is_none_or(|(t, ..)| at < t) {
                        ahead = Some((at, card.id, Phase::Review));
                    }
                }
            }
        }
    }
    // Due work held back by today's limits comes back tomorrow.
    if (news > new_left && news > 0) || reviews > review_left {
        soonest(&mut next_due_ms, day_end);
    }
    let counts = Counts {
        new: news.min(new_left),
        learning,
        review: reviews.min(review_left),
    };
    let pick = |id, phase, early| Some(Pick { id, phase, early });
    let next = if let Some((_, id, phase)) = learning_due {
        pick(id, phase, false)
    } else if let (Some((_, id)), true) = (review_due, review_left > 0) {
        pick(id, Phase::Review, false)
    } else if let (Some(id), true) = (first_new, new_left > 0) {
        pick(id, Phase::New, false)
    } else if let Some((_, id, phase)) =
        learning_soon.filter(|(t, ..)| *t <= now_ms + LEARN_AHEAD_MS)
    {
        pick(id, phase, true)
    } else if let (Some((_, id, phase)), true) = (ahead, options.ahead) {
        pick(id, phase, true)
    } else {
        None
    };
    Queue {
        next,
        counts,
        next_due_ms,
        ahead_available,
        new_available: news.saturating_sub(new_left),
        quota,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::T0;
    use crate::cards::log::{Event, EventKind, Grade, ReviewLog};
    use crate::cards::time::{Calendar, DAY_MS};

    struct Fixture {
        ids: Vec<String>,
        log: ReviewLog,
        settings: Settings,
        calendar: Calendar,
    }

    impl Fixture {
        fn new(n: usize, settings: Settings) -> Fixture {
            Fixture {
                ids: (0..n).map(|i| format!("c{i:02}")).collect(),
                log: ReviewLog::new(),
                settings,
                calendar: Calendar::new(120),
            }
        }
        fn catalogue(&self) -> Vec<CardRef<'_>> {
            self.ids
                .iter()
                .enumerate()
                .map(|(i, id)| CardRef {
                    id,
                    topic: if i % 2 == 0 { "even" } else { "odd" },
                })
                .collect()
        }
        fn queue(&self, now: i64, options: QueueOptions<'_>) -> (Queue<'_>, Deck) {
            let scheduler =
                Scheduler::new(&self.settings, self.calendar, self.calendar.day_of(now));
            let deck = Deck::derive(&self.log, &scheduler);
            let catalogue = self.catalogue();
            let q = build(&deck, &catalogue, &self.settings, &scheduler, now, options);
            // Re-borrow the picked id from self so the queue outlives `catalogue`.
            let next = q.next.map(|p| Pick {
                id: self
                    .ids
                    .iter()
                    .find(|id| *id == p.id)
                    .map(String::as_str)
                    .unwrap_or(""),
                ..p
            });
            (Queue { next, ..q }, deck)
        }
        fn grade(&mut self, id: &str, at: i64, grade: Grade) {
            assert!(self.log.record(id, Event::new(at, EventKind::Grade(grade))));
        }
    }

    #[test]
    fn new_cards_stop_at_the_daily_limit_and_resume_tomorrow() {
        let settings = Settings {
            new_per_day: 5,
            ..Settings::default()
        };
        let mut f = Fixture::new(12, settings);
        let now = T0;
        let (q, _) = f.queue(now, QueueOptions::default());
        assert_eq!(
            q.counts,
            Counts {
                new: 5,
                learning: 0,
                review: 0
            }
        );
        assert_eq!(q.next.map(|p| (p.id, p.phase)), Some(("c00", Phase::New)));
        for i in 0..5 {
            f.grade(&format!("c{i:02}"), now + i, Grade::Easy);
        }
        let (q, _) = f.queue(now + 10, QueueOptions::default());
        assert_eq!(q.counts, Counts::default());
        assert_eq!(q.next, None);
        assert_eq!(q.new_available, 7);
        let tomorrow = f.calendar.start_of(f.calendar.day_of(now).plus(1));
        assert_eq!(
            q.next_due_ms,
            Some(tomorrow),
            "held-back new cards come tomorrow"
        );
        // "Study more": two extra new cards today.
        let more = QueueOptions {
            extra_new: 2,
            ..QueueOptions::default()
        };
        let (q, _) = f.queue(now + 10, more);
        assert_eq!(q.counts.new, 2);
        assert_eq!(q.next.map(|p| p.id), Some("c05"));
        let (q, _) = f.queue(tomorrow, QueueOptions::default());
        assert_eq!(q.counts.new, 5);
    }

    #[test]
    fn reviews_stop_at_the_daily_limit_and_come_first() {
        let settings = Settings {
            new_per_day: 1,
            reviews_per_day: 3,
            ..Settings::default()
        };
        let mut f = Fixture::new(8, settings);
        // Six cards graduated with Easy 8 days ago: due today.
        for i in 0..6 {
            f.grade(&format!("c{i:02}"), T0 - 8 * DAY_MS + i, Grade::Easy);
        }
        let now = T0;
        let (q, deck) = f.queue(now, QueueOptions::default());
        assert!(
            matches!(deck.get("c00").state, CardState::Review { due, .. } if due == f.calendar.day_of(now))
        );
        assert_eq!(
            q.counts,
            Counts {
                new: 1,
                learning: 0,
                review: 3
            }
        );
        assert_eq!(q.next.map(|p| p.phase), Some(Phase::Review));
        for (k, i) in [0, 1, 2].into_iter().enumerate() {
            f.grade(&format!("c{i:02}"), now + k as i64, Grade::Good);
        }
        let (q, _) = f.queue(now + 10, QueueOptions::default());
        assert_eq!(
            q.counts,
            Counts {
                new: 1,
                learning: 0,
                review: 0
            }
        );
        assert_eq!(q.next.map(|p| (p.id, p.phase)), Some(("c06", Phase::New)));
    }

    #[test]
    fn learning_cards_come_when_due_and_a_little_ahead_at_the_end() {
        let mut f = Fixture::new(3, Settings::default());
        let now = T0;
        f.grade("c00", now, Grade::Good); // learning, due in 10 minutes
        let (q, _) = f.queue(now + 1, QueueOptions::default());
        assert_eq!(
            q.counts,
            Counts {
                new: 2,
                learning: 1,
                review: 0
            }
        );
        assert_eq!(
            q.next.map(|p| p.id),
            Some("c01"),
            "new cards while the step runs"
        );
        f.grade("c01", now + 2, Grade::Again); // due in 1 minute
        f.grade("c02", now + 3, Grade::Good);
        let (q, _) = f.queue(now + MINUTE_MS + 2, QueueOptions::default());
        assert_eq!(q.next.map(|p| (p.id, p.early)), Some(("c01", false)));
        f.grade("c01", now + MINUTE_MS + 2, Grade::Good); // due +10 min
                                                          // Nothing due now: the 10-minute steps are within the learn-ahead.
        let (q, _) = f.queue(now + 2 * MINUTE_MS, QueueOptions::default());
        assert_eq!(q.next.map(|p| (p.id, p.early)), Some(("c00", true)));
        assert_eq!(q.counts.learning, 3);
        // Graduate everything: nothing left, and the next due is a review day.
        for (i, id) in ["c00", "c01", "c02"].iter().enumerate() {
            f.grade(id, now + 15 * MINUTE_MS + i as i64, Grade::Good);
        }
        let later = now + 20 * MINUTE_MS;
        let (q, _) = f.queue(later, QueueOptions::default());
        assert_eq!((q.next, q.counts), (None, Counts::default()));
        let due = q.next_due_ms.expect("reviews ahead");
        // c01, forgotten once, has the lowest stability: back tomorrow.
        assert_eq!(due, f.calendar.start_of(f.calendar.day_of(later).plus(1)));
        assert_eq!(q.ahead_available, 3);
        // Review ahead on request.
        let ahead = QueueOptions {
            ahead: true,
            ..QueueOptions::default()
        };
        let (q, _) = f.queue(later, ahead);
        assert_eq!(
            q.next.map(|p| (p.phase, p.early)),
            Some((Phase::Review, true))
        );
    }

    #[test]
    fn a_topic_filter_and_suspension_narrow_the_queue() {
        let mut f = Fixture::new(6, Settings::default());
        f.log.record("c01", Event::new(T0, EventKind::Suspend));
        let only_odd = QueueOptions {
            topic: Some("odd"),
            ..QueueOptions::default()
        };
        let (q, _) = f.queue(T0 + 1, only_odd);
        assert_eq!(q.counts.new, 2, "c03, c05");
        assert_eq!(q.next.map(|p| p.id), Some("c03"));
        f.log
            .record("c01", Event::new(T0 + 2, EventKind::Unsuspend));
        let (q, _) = f.queue(T0 + 3, only_odd);
        assert_eq!(q.next.map(|p| p.id), Some("c01"));
        assert_eq!(f.queue(T0 + 3, QueueOptions::default()).0.counts.new, 6);
    }
}
