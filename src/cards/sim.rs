//! Simulated learners studying for weeks in milliseconds: the whole core
//! (log, replay, queue, limits, interview plan) exercised together.

use super::deck::Deck;
use super::interview::{outlook, LEARNED_DAYS_BEFORE};
use super::log::tests::{Rng, T0};
use super::log::{Event, EventKind, Grade, ReviewLog};
use super::queue::{self, CardRef, QueueOptions};
use super::schedule::{CardState, Phase, Scheduler};
use super::settings::Settings;
use super::time::{Calendar, Day, DAY_MS, MINUTE_MS};

/// How a simulated learner answers.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Learner {
    /// Recalls with the probability FSRS predicts; when recalled, Hard 15 %,
    /// Good 75 %, Easy 10 %.
    Modelled,
    /// Like `Modelled` but never forgets a card once it has graduated (the
    /// conscientious learner the interview guarantee is about).
    Reliable,
}

struct Sim {
    cards: Vec<String>,
    topics: Vec<String>,
    settings: Settings,
    calendar: Calendar,
    log: ReviewLog,
    rng: Rng,
    learner: Learner,
    grades: usize,
}

/// What happened on one simulated day.
#[derive(Debug, Default)]
struct DayReport {
    new: u32,
    reviews: u32,
    total: u32,
    due_at_start: u32,
    left_at_end: u32,
}

impl Sim {
    fn new(n: usize, settings: Settings, calendar: Calendar, seed: u64, learner: Learner) -> Sim {
        Sim {
            cards: (0..n)
                .map(|i| format!("card-{i:03}-{:x}", i * 7919))
                .collect(),
            topics: (0..n).map(|i| format!("topic-{}", i % 9)).collect(),
            settings,
            calendar,
            log: ReviewLog::new(),
            rng: Rng(seed),
            learner,
            grades: 0,
        }
    }

    fn catalogue(&self) -> Vec<CardRef<'_>> {
        self.cards
            .iter()
            .zip(&self.topics)
            .map(|(id, topic)| CardRef { id, topic })
            .collect()
    }

    fn grade_for(&mut self, state: &CardState, scheduler: &Scheduler, now: i64) -> Grade {
        let recall = match (state.memory(), state.last_ms()) {
            (Some(memory), Some(last)) => {
                let days = (now - last) as f32 / DAY_MS as f32;
                fsrs::current_retrievability(memory.into(), days, fsrs::DEFAULT_PARAMETERS[20])
            }
            _ => 0.75, // a first look: most answers are half-known
        };
        let _ = scheduler;
        let never_forgets =
            self.learner == Learner::Reliable && matches!(state, CardState::Review { .. });
        if !never_forgets && self.rng.unit() > f64::from(recall) {
            return Grade::Again;
        }
        match self.rng.below_u64(20) {
            0..=2 => Grade::Hard,
            3..=17 => Grade::Good,
            _ => Grade::Easy,
        }
    }

    /// Studies everything the queue offers on `day`, from 09:00, answering a
    /// card every 20 s and waiting for learning steps.
    fn study_day(&mut self, day: Day) -> DayReport {
        let scheduler = Scheduler::new(&self.settings, self.calendar, day);
        let mut deck = Deck::derive(&self.log, &scheduler);
        let mut now = self.calendar.start_of(day) + 5 * 3_600_000;
        let day_end = self.calendar.start_of(day.plus(1));
        let mut report = DayReport::default();
        let settings = self.settings;
        let cards = self.cards.clone();
        let topics = self.topics.clone();
        let catalogue: Vec<CardRef<'_>> = cards
            .iter()
            .zip(&topics)
            .map(|(id, topic)| CardRef { id, topic })
            .collect();
        let first = queue::build(
            &deck,
            &catalogue,
            &settings,
            &scheduler,
            now,
            QueueOptions::default(),
        );
        report.due_at_start = first.counts.total();
        for _ in 0..10_000 {
            let q = queue::build(
                &deck,
                &catalogue,
                &settings,
                &scheduler,
                now,
                QueueOptions::default(),
            );
            if let Some(pick) = q.next {
                let state = deck.get(pick.id).state;
                assert_eq!(state.phase(), pick.phase);
                let grade = self.grade_for(&state, &scheduler, now);
                assert!(self
                    .log
                    .record(pick.id, Event::new(now, EventKind::Grade(grade))));
                self.grades += 1;
                report.total += 1;
                report.new += u32::from(pick.phase == Phase::New);
                report.reviews += u32::from(pick.phase == Phase::Review);
                deck.refresh(&self.log, &scheduler, pick.id);
                now += 20_000;
            } else if let Some(t) = q.next_due_ms.filter(|t| *t < day_end - MINUTE_MS) {
                now = t.max(now + 1);
            } else {
                report.left_at_end = q.counts.total();
                assert_eq!(
                    deck,
                    Deck::derive(&self.log, &scheduler),
                    "incremental = derived"
                );
                return report;
            }
        }
        panic!("a day never ended");
    }

    fn deck_on(&self, day: Day) -> (Scheduler, Deck) {
        let scheduler = Scheduler::new(&self.settings, self.calendar, day);
        let deck = Deck::derive(&self.log, &scheduler);
        (scheduler, deck)
    }
}

#[test]
fn sixty_days_of_study_lose_no_card_and_keep_sane_counts() {
    let settings = Settings::default();
    let calendar = Calendar::new(480);
    let mut sim = Sim::new(130, settings, calendar, 42, Learner::Modelled);
    let start = calendar.day_of(T0);
    let mut reports = Vec::new();
    for d in 0..60 {
        // A learner who skips every seventh day.
        if d % 7 == 6 {
            continue;
        }
        let report = sim.study_day(start.plus(d));
        assert!(report.new <= settings.new_per_day, "day {d}: {report:?}");
        assert!(
            report.reviews <= settings.reviews_per_day,
            "day {d}: {report:?}"
        );
        assert_eq!(
            report.left_at_end, 0,
            "day {d}: everything within limits got done"
        );
        reports.push(report);
    }
    // All 130 cards introduced in the first 8 study days (20 a day).
    let (scheduler, deck) = sim.deck_on(start.plus(60));
    let catalogue = sim.catalogue();
    for card in &catalogue {
        let record = deck.get(card.id);
        assert!(!record.reviews.is_empty(), "{} never studied", card.id);
        assert!(record.first_review_ms() < Some(calendar.start_of(start.plus(8))));
    }
    assert_eq!(
        sim.log.review_count(),
        sim.grades,
        "every grade is in the log"
    );
    // Sane load: after the first week the daily work stays well below the
    // deck size, and most reviews pass.
    let later: Vec<u32> = reports.iter().skip(14).map(|r| r.total).collect();
    assert!(later.iter().all(|&n| n < 100), "{later:?}");
    let passed = deck
        .records()
        .flat_map(|(_, r)| &r.reviews)
        .filter(|r| r.phase == Phase::Review);
    let (pass, all) = passed.fold((0, 0), |(p, a), r| {
        (p + u32::from(r.grade.recalled()), a + 1)
    });
    let rate = f64::from(pass) / f64::from(all);
    assert!(
        (0.85..0.97).contains(&rate),
        "true retention {rate} near the desired 0.9"
    );
    // The log round-trips and replays to the same deck.
    let reloaded = ReviewLog::load(&sim.log.to_json());
    assert!(reloaded.problems.is_empty());
    assert_eq!(Deck::derive(&reloaded.log, &scheduler), deck);
}

/// Runs the interview scenario and returns the per-card recall on the day.
fn interview_run(learner: Learner, seed: u64) -> (Sim, Day, Vec<f32>) {
    let calendar = Calendar::new(-300);
    let start = calendar.day_of(T0);
    let interview = start.plus(30);
    let settings = Settings {
        new_per_day: 3,
        interview: Some(interview.date()),
        ..Settings::default()
    };
    let mut sim = Sim::new(130, settings, calendar, seed, learner);
    for d in 0..30 {
        let day = start.plus(d);
        if d == 0 {
            let (scheduler, deck) = sim.deck_on(day);
            let o =
                outlook(&deck, &sim.catalogue(), &settings, &scheduler).expect("interview ahead");
            assert_eq!((o.days_left, o.not_learned, o.cards), (30, 130, 130));
            // 130 cards over the 27 days up to the learn-by day: 5 a day.
            assert!(o.quota.raised && o.quota.per_day == 5, "{:?}", o.quota);
            assert_eq!(o.predicted_recall, 0.0);
        }
        let report = sim.study_day(day);
        assert_eq!(report.left_at_end, 0);
    }
    let (scheduler, deck) = sim.deck_on(interview);
    let recalls = sim
        .catalogue()
        .iter()
        .map(|card| {
            let record = deck.get(card.id);
            let first = record.first_review_ms().expect("every card learned");
            assert!(
                calendar.day_of(first) <= interview.plus(-LEARNED_DAYS_BEFORE),
                "{} learned too late",
                card.id
            );
            assert!(!matches!(record.state, CardState::New));
            let memory = record.state.memory().expect("graded");
            scheduler.recall_on(memory, record.state.last_ms().expect("graded"), interview)
        })
        .collect();
    (sim, interview, recalls)
}

#[test]
fn with_an_interview_in_30_days_every_card_is_learned_and_recalled_on_the_day() {
    for seed in [1, 2, 3] {
        let (sim, interview, recalls) = interview_run(Learner::Reliable, seed);
        let (_, deck) = sim.deck_on(interview);
        for (card, recall) in sim.cards.iter().zip(&recalls) {
            let history: Vec<_> = deck
                .get(card)
                .reviews
                .iter()
                .map(|r| {
                    (
                        sim.calendar.day_of(r.at_ms).since(interview),
                        (r.at_ms % DAY_MS) / MINUTE_MS,
                        r.grade,
                        r.phase,
                    )
                })
                .collect();
            assert!(
                *recall >= 0.95,
                "seed {seed}: {card} at {recall}: {history:?}"
            );
        }
        let (scheduler, deck) = sim.deck_on(interview.plus(-1));
        let o = outlook(&deck, &sim.catalogue(), &sim.settings, &scheduler).expect("ahead");
        assert_eq!((o.days_left, o.not_learned, o.below_target), (1, 0, 0));
        assert!(o.predicted_recall >= 0.95);
    }
}

#[test]
fn a_forgetful_learner_ends_above_target_save_cards_forgotten_in_the_final_week() {
    for seed in [7, 8, 9] {
        let (sim, interview, recalls) = interview_run(Learner::Modelled, seed);
        let (_, deck) = sim.deck_on(interview);
        let mut excused = 0;
        for (card, recall) in sim.cards.iter().zip(&recalls) {
            if *recall >= 0.95 {
                continue;
            }
            // The only excuse: the card was forgotten (graded Again) in the
            // final week, when a few days of spacing cannot rebuild enough
            // stability.
            let lapsed_late = deck.get(card).reviews.iter().any(|r| {
                r.grade == Grade::Again && sim.calendar.day_of(r.at_ms) >= interview.plus(-7)
            });
            excused += 1;
            let history: Vec<_> = deck
                .get(card)
                .reviews
                .iter()
                .map(|r| {
                    (
                        sim.calendar.day_of(r.at_ms).since(interview),
                        (r.at_ms % DAY_MS) / MINUTE_MS,
                        r.grade,
                        r.phase,
                    )
                })
                .collect();
            assert!(
                lapsed_late,
                "seed {seed}: {card} at {recall} without an excuse: {history:?}"
            );
        }
        let mean = recalls.iter().sum::<f32>() / recalls.len() as f32;
        assert!(mean >= 0.95, "seed {seed}: mean predicted recall {mean}");
        assert!(
            excused <= 13,
            "seed {seed}: {excused} of 130 cards below target"
        );
        eprintln!("seed {seed}: {excused} below target, mean {mean}");
    }
}

#[test]
fn after_the_interview_scheduling_is_plain_fsrs_again() {
    let (sim, interview, _) = interview_run(Learner::Reliable, 4);
    let after = Scheduler::new(&sim.settings, sim.calendar, interview.plus(1));
    let deck = Deck::derive(&sim.log, &after);
    assert!(after.goal().is_none());
    assert!(deck
        .records()
        .all(|(_, r)| !matches!(r.state, CardState::Review { boosted: true, .. })));
    assert!(outlook(&deck, &sim.catalogue(), &sim.settings, &after).is_none());
}
