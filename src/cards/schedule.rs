//! One card's state machine, with FSRS-6 (the `fsrs` crate) for memory.
//!
//! A card is [`CardState::New`] until its first grade, then goes through
//! short learning steps within the day as Anki does (1 min, 10 min), then
//! [`CardState::Review`] with intervals in days from FSRS; a lapse (Again on a
//! review) sends it through a relearning step (10 min) back to review.
//!
//! Every grade, same-day ones included, updates the FSRS memory state
//! (stability, difficulty) with `FSRS::next_states(memory, retention,
//! days_elapsed)`, days counted between study days; FSRS-6 models same-day
//! reviews itself. The interval of a review is FSRS's, rounded to whole days
//! (at least 1, at most 100 years); no fuzz, so a history always replays to
//! the same schedule.
//!
//! **The interview date.** While an interview lies ahead, a review card whose
//! recall predicted for the interview day falls below the interview target is
//! due earlier than FSRS would have it: on the latest day that still leaves a
//! spare day before the interview (the day before the eve) if a successful
//! review then lifts its recall on the day to the target, else on the eve.
//! Recall on the day after a review grows with the review's date (a later
//! review sees a lower recall, so FSRS grants more stability, and leaves less
//! time to forget), so "the latest day that lifts it" is the eve, and we keep
//! the one spare day so that a card forgotten at that review gets a second
//! chance. After the interview, scheduling is FSRS's alone.

use fsrs::{current_retrievability, MemoryState, DEFAULT_PARAMETERS, FSRS};
use serde::{Deserialize, Serialize};

use super::log::Grade;
use super::settings::Settings;
use super::time::{Calendar, Day, MINUTE_MS};

/// Learning steps of a new card, in minutes.
pub const LEARNING_STEPS_MIN: [i64; 2] = [1, 10];
/// Relearning steps after a lapse, in minutes.
pub const RELEARNING_STEPS_MIN: [i64; 1] = [10];
/// The longest interval given.
pub const MAX_INTERVAL_DAYS: i64 = 36_500;

/// FSRS memory: stability (days until recall falls to 90 %) and difficulty
/// (1–10). Ours because `fsrs::MemoryState` cannot be deserialized.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    #[serde(rename = "s")]
    pub stability: f32,
    #[serde(rename = "d")]
    pub difficulty: f32,
}

impl From<MemoryState> for Memory {
    fn from(m: MemoryState) -> Self {
        Memory {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

impl From<Memory> for MemoryState {
    fn from(m: Memory) -> Self {
        MemoryState {
            stability: m.stability,
            difficulty: m.difficulty,
        }
    }
}

/// Where a card stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CardState {
    /// Never graded.
    New,
    /// In the learning steps: `step` indexes [`LEARNING_STEPS_MIN`].
    Learning {
        step: u8,
        memory: Memory,
        last_ms: i64,
        due_ms: i64,
    },
    /// Graduated: due on a study day.
    Review {
        memory: Memory,
        last_ms: i64,
        due: Day,
        /// Due earlier than FSRS alone would say, for the interview.
        boosted: bool,
    },
    /// Lapsed: `step` indexes [`RELEARNING_STEPS_MIN`].
    Relearning {
        step: u8,
        memory: Memory,
        last_ms: i64,
        due_ms: i64,
    },
}

/// The four kinds of card state, without their data (counts, statistics).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

impl CardState {
    /// Which kind of state this is.
    pub fn phase(&self) -> Phase {
        match self {
            CardState::New => Phase::New,
            CardState::Learning { .. } => Phase::Learning,
            CardState::Review { .. } => Phase::Review,
            CardState::Relearning { .. } => Phase::Relearning,
        }
    }

    /// FSRS memory, once graded.
    pub fn memory(&self) -> Option<Memory> {
        match *self {
            CardState::New => None,
            CardState::Learning { memory, .. }
            | CardState::Review { memory, .. }
            | CardState::Relearning { memory, .. } => Some(memory),
        }
    }

    /// When it was last graded.
    pub fn last_ms(&self) -> Option<i64> {
        match *self {
            CardState::New => None,
            CardState::Learning { last_ms, .. }
            | CardState::Review { last_ms, .. }
            | CardState::Relearning { last_ms, .. } => Some(last_ms),
        }
    }

    /// The instant it becomes due (a review card: the start of its day).
    pub fn due_ms(&self, calendar: Calendar) -> Option<i64> {
        match *self {
            CardState::New => None,
            CardState::Learning { due_ms, .. } | CardState::Relearning { due_ms, .. } => {
                Some(due_ms)
            }
            CardState::Review { due, .. } => Some(calendar.start_of(due)),
        }
    }
}

/// How long until a card comes back, as shown on a grade button.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DueIn {
    Minutes(u32),
    Days(u32),
}

/// The interview the learner is preparing for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InterviewGoal {
    pub day: Day,
    /// Recall every card should have on that day.
    pub target: f32,
}

/// Applies grades to card states for one set of settings, one calendar and
/// one "today" (the interview goal is active only before the interview).
#[derive(Clone, Debug)]
pub struct Scheduler {
    fsrs: FSRS,
    retention: f32,
    calendar: Calendar,
    today: Day,
    goal: Option<InterviewGoal>,
}

impl Scheduler {
    /// A scheduler with FSRS-6 default parameters.
    pub fn new(settings: &Settings, calendar: Calendar, today: Day) -> Self {
        let settings = settings.clamped();
        let goal = settings
            .interview
            .map(|date| InterviewGoal {
                day: date.study_day(),
                target: settings.interview_target,
            })
            .filter(|goal| today < goal.day);
        Scheduler {
            fsrs: FSRS::default(),
            retention: settings.desired_retention,
            calendar,
            today,
            goal,
        }
    }

    /// The calendar days are counted in.
    pub fn calendar(&self) -> Calendar {
        self.calendar
    }

    /// The day this scheduler was made for.
    pub fn today(&self) -> Day {
        self.today
    }

    /// The interview ahead, if any.
    pub fn goal(&self) -> Option<InterviewGoal> {
        self.goal
    }

    /// The state after grading a card in `state` with `grade` at `at_ms`.
    pub fn next_state(&self, state: &CardState, grade: Grade, at_ms: i64) -> CardState {
        let elapsed = match state.last_ms() {
            Some(last) => self.days_between(last, at_ms),
            None => 0,
        };
        let (memory, interval) = self.step(state.memory(), elapsed, grade);
        match *state {
            CardState::New => self.learn(
                &LEARNING_STEPS_MIN,
                0,
                false,
                grade,
                memory,
                interval,
                at_ms,
            ),
            CardState::Learning { step, .. } => self.learn(
                &LEARNING_STEPS_MIN,
                step,
                false,
                grade,
                memory,
                interval,
                at_ms,
            ),
            CardState::Relearning { step, .. } => self.learn(
                &RELEARNING_STEPS_MIN,
                step,
                true,
                grade,
                memory,
                interval,
                at_ms,
            ),
            CardState::Review { .. } if grade == Grade::Again => self.learn(
                &RELEARNING_STEPS_MIN,
                0,
                true,
                grade,
                memory,
                interval,
                at_ms,
            ),
            CardState::Review { .. } => self.review(memory, interval, at_ms),
        }
    }

    /// How long each grade (Again, Hard, Good, Easy) would send the card away
    /// if graded at `now_ms`.
    pub fn preview(&self, state: &CardState, now_ms: i64) -> [DueIn; 4] {
        Grade::ALL.map(|grade| match self.next_state(state, grade, now_ms) {
            CardState::Review { due, .. } => {
                let days = due.since(self.calendar.day_of(now_ms)).max(1);
                DueIn::Days(u32::try_from(days).unwrap_or(u32::MAX))
            }
            other => {
                let ms = other.due_ms(self.calendar).unwrap_or(now_ms) - now_ms;
                let minutes = (ms + MINUTE_MS / 2) / MINUTE_MS;
                DueIn::Minutes(u32::try_from(minutes.max(1)).unwrap_or(u32::MAX))
            }
        })
    }

    /// FSRS's predicted recall on study day `day` of a card last graded at
    /// `last_ms` with `memory`.
    pub fn recall_on(&self, memory: Memory, last_ms: i64, day: Day) -> f32 {
        let elapsed = day.since(self.calendar.day_of(last_ms)).max(0);
        self.recall_after(memory, elapsed)
    }

    fn recall_after(&self, memory: Memory, days: i64) -> f32 {
        let r = current_retrievability(memory.into(), days as f32, DEFAULT_PARAMETERS[20]);
        if r.is_finite() {
            r.clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    fn days_between(&self, earlier_ms: i64, later_ms: i64) -> u32 {
        let days = self
            .calendar
            .day_of(later_ms)
            .since(self.calendar.day_of(earlier_ms));
        u32::try_from(days.max(0)).unwrap_or(u32::MAX)
    }

    /// FSRS memory and interval (days, unrounded) after a grade.
    fn step(&self, memory: Option<Memory>, elapsed_days: u32, grade: Grade) -> (Memory, f32) {
        match self
            .fsrs
            .next_states(memory.map(Into::into), self.retention, elapsed_days)
        {
            Ok(next) => {
                let item = match grade {
                    Grade::Again => next.again,
                    Grade::Hard => next.hard,
                    Grade::Good => next.good,
                    Grade::Easy => next.easy,
                };
                (item.memory.into(), item.interval)
            }
            // Only non-finite input fails, which FSRS itself never produces;
            // keep the card usable rather than lose it.
            Err(_) => (
                memory.unwrap_or(Memory {
                    stability: 1.0,
                    difficulty: 5.0,
                }),
                1.0,
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn learn(
        &self,
        steps: &[i64],
        step: u8,
        relearning: bool,
        grade: Grade,
        memory: Memory,
        interval: f32,
        at_ms: i64,
    ) -> CardState {
        let last = steps.len().saturating_sub(1);
        let step = usize::from(step).min(last);
        let stay = |step: usize, delay_ms: i64| {
            let (step, due_ms) = (step as u8, at_ms + delay_ms);
            if relearning {
                CardState::Relearning {
                    step,
                    memory,
                    last_ms: at_ms,
                    due_ms,
                }
            } else {
                CardState::Learning {
                    step,
                    memory,
                    last_ms: at_ms,
                    due_ms,
                }
            }
        };
        match grade {
            Grade::Again => stay(0, steps[0] * MINUTE_MS),
            Grade::Hard => stay(step, hard_delay_ms(steps, step)),
            Grade::Good if step < last => stay(step + 1, steps[step + 1] * MINUTE_MS),
            Grade::Good | Grade::Easy => self.review(memory, interval, at_ms),
        }
    }

    fn review(&self, memory: Memory, interval: f32, at_ms: i64) -> CardState {
        let day = self.calendar.day_of(at_ms);
        let days = if interval.is_finite() {
            (interval.round() as i64).clamp(1, MAX_INTERVAL_DAYS)
        } else {
            1
        };
        let due = day.plus(days);
        match self.interview_boost(memory, day) {
            Some(boost) if boost < due => CardState::Review {
                memory,
                last_ms: at_ms,
                due: boost,
                boosted: true,
            },
            _ => CardState::Review {
                memory,
                last_ms: at_ms,
                due,
                boosted: false,
            },
        }
    }

    /// The day of the extra pre-interview review of a card graded on `last`
    /// (see the module documentation), if it needs one.
    fn interview_boost(&self, memory: Memory, last: Day) -> Option<Day> {
        let goal = self.goal?;
        let eve = goal.day.plus(-1);
        if eve <= last || self.recall_after(memory, goal.day.since(last)) >= goal.target {
            return None;
        }
        let spare = goal.day.plus(-2);
        if spare > last && self.recall_after_review_on(memory, last, spare, goal.day) >= goal.target
        {
            Some(spare)
        } else {
            Some(eve)
        }
    }

    /// Predicted recall on `day` if the card (graded on `last` with `memory`)
    /// is graded Good on `review`.
    fn recall_after_review_on(&self, memory: Memory, last: Day, review: Day, day: Day) -> f32 {
        let elapsed = u32::try_from(review.since(last).max(0)).unwrap_or(u32::MAX);
        let (after, _) = self.step(Some(memory), elapsed, Grade::Good);
        self.recall_after(after, day.since(review))
    }
}

/// Anki's Hard on a learning step: between the first two steps on the first
/// step (1.5× the step when there is only one), else the step repeated.
fn hard_delay_ms(steps: &[i64], step: usize) -> i64 {
    match (step, steps) {
        (0, [one]) => one * MINUTE_MS * 3 / 2,
        (0, [first, second, ..]) => (first + second) * MINUTE_MS / 2,
        (i, _) => steps.get(i).copied().unwrap_or(1) * MINUTE_MS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::T0;
    use crate::cards::time::{Date, DAY_MS};
    use fsrs::NextStates;

    const MIN: i64 = MINUTE_MS;

    fn sched(settings: &Settings) -> Scheduler {
        Scheduler::new(settings, Calendar::utc(), Calendar::utc().day_of(T0))
    }

    fn pick(next: &NextStates, grade: Grade) -> (MemoryState, f32) {
        let item = match grade {
            Grade::Again => &next.again,
            Grade::Hard => &next.hard,
            Grade::Good => &next.good,
            Grade::Easy => &next.easy,
        };
        (item.memory, item.interval)
    }

    /// A history of (ms after T0, grade) replayed through our scheduler and,
    /// independently, through `fsrs` with the same elapsed days: every memory
    /// state is FSRS's and every review interval is FSRS's, rounded.
    #[test]
    fn intervals_are_exactly_what_fsrs_computes_for_the_same_history() {
        use Grade::*;
        let histories: [&[(i64, Grade)]; 4] = [
            &[
                (0, Good),
                (10 * MIN, Good),
                (2 * DAY_MS, Good),
                (9 * DAY_MS, Good),
                (30 * DAY_MS, Hard),
            ],
            &[
                (0, Again),
                (MIN, Good),
                (11 * MIN, Good),
                (3 * DAY_MS, Again),
                (3 * DAY_MS + 10 * MIN, Good),
                (5 * DAY_MS, Easy),
            ],
            &[
                (0, Easy),
                (8 * DAY_MS, Good),
                (40 * DAY_MS, Good),
                (41 * DAY_MS, Hard),
            ],
            &[
                (0, Hard),
                (6 * MIN, Good),
                (17 * MIN, Good),
                (20 * DAY_MS, Good),
                (21 * DAY_MS, Again),
                (21 * DAY_MS + 15 * MIN, Good),
            ],
        ];
        for retention in [0.9f32, 0.8, 0.95] {
            let settings = Settings {
                desired_retention: retention,
                ..Settings::default()
            };
            let ours = sched(&settings);
            let reference = FSRS::new(&[]).expect("default parameters");
            for history in histories {
                let mut state = CardState::New;
                let mut expected: Option<MemoryState> = None;
                let mut last_day = 0;
                for &(offset, grade) in history {
                    let at = T0 + offset;
                    let day = Calendar::utc().day_of(at).0;
                    let elapsed = if expected.is_some() {
                        (day - last_day) as u32
                    } else {
                        0
                    };
                    let next = reference
                        .next_states(expected, retention, elapsed)
                        .expect("fsrs");
                    let (memory, interval) = pick(&next, grade);
                    state = ours.next_state(&state, grade, at);
                    assert_eq!(
                        state.memory(),
                        Some(memory.into()),
                        "{history:?} at {offset}"
                    );
                    if let CardState::Review { due, boosted, .. } = state {
                        assert!(!boosted);
                        let days = (interval.round() as i64).max(1);
                        assert_eq!(due.0 - day, days, "{history:?} at {offset}, r={retention}");
                    }
                    expected = Some(memory);
                    last_day = day;
                }
            }
        }
    }

    #[test]
    fn new_cards_go_through_the_learning_steps_as_anki() {
        let s = sched(&Settings::default());
        let at = T0;
        let learning = |step, due_ms| (Phase::Learning, step, due_ms);
        let view = |st: CardState| match st {
            CardState::Learning { step, due_ms, .. } => (Phase::Learning, step, due_ms),
            CardState::Relearning { step, due_ms, .. } => (Phase::Relearning, step, due_ms),
            other => (other.phase(), 0, 0),
        };
        let first_again = s.next_state(&CardState::New, Grade::Again, at);
        assert_eq!(view(first_again), learning(0, at + MIN));
        let first_hard = s.next_state(&CardState::New, Grade::Hard, at);
        assert_eq!(view(first_hard), learning(0, at + 11 * MIN / 2));
        let first_good = s.next_state(&CardState::New, Grade::Good, at);
        assert_eq!(view(first_good), learning(1, at + 10 * MIN));
        assert_eq!(
            s.next_state(&CardState::New, Grade::Easy, at).phase(),
            Phase::Review
        );
        let second_hard = s.next_state(&first_good, Grade::Hard, at + 10 * MIN);
        assert_eq!(view(second_hard), learning(1, at + 20 * MIN));
        let second_again = s.next_state(&first_good, Grade::Again, at + 10 * MIN);
        assert_eq!(view(second_again), learning(0, at + 11 * MIN));
        let graduated = s.next_state(&first_good, Grade::Good, at + 10 * MIN);
        let CardState::Review { due, .. } = graduated else {
            panic!("graduates: {graduated:?}");
        };
        assert_eq!(
            due.since(Calendar::utc().day_of(at)),
            2,
            "FSRS: S = 2.3 days"
        );
        // A lapse: 10 minutes of relearning, Hard there is 15 minutes.
        let review_day = at + 2 * DAY_MS;
        let lapsed = s.next_state(&graduated, Grade::Again, review_day);
        assert_eq!(view(lapsed), (Phase::Relearning, 0, review_day + 10 * MIN));
        let relearn_hard = s.next_state(&lapsed, Grade::Hard, review_day + 10 * MIN);
        assert_eq!(
            view(relearn_hard),
            (Phase::Relearning, 0, review_day + 25 * MIN)
        );
        let back = s.next_state(&lapsed, Grade::Good, review_day + 10 * MIN);
        assert_eq!(back.phase(), Phase::Review);
    }

    #[test]
    fn previews_show_minutes_in_learning_and_days_in_review() {
        let s = sched(&Settings::default());
        assert_eq!(
            s.preview(&CardState::New, T0),
            [
                DueIn::Minutes(1),
                DueIn::Minutes(6),
                DueIn::Minutes(10),
                DueIn::Days(8)
            ]
        );
        let review = s.next_state(&CardState::New, Grade::Easy, T0);
        let later = T0 + 8 * DAY_MS;
        let [again, hard, good, easy] = s.preview(&review, later);
        assert_eq!(again, DueIn::Minutes(10));
        let (DueIn::Days(h), DueIn::Days(g), DueIn::Days(e)) = (hard, good, easy) else {
            panic!("review intervals are days");
        };
        assert!(8 < h && h < g && g < e, "{h} {g} {e}");
    }

    fn interview_settings(days_ahead: i64) -> Settings {
        let today = Calendar::utc().day_of(T0);
        Settings {
            interview: Some(today.plus(days_ahead).date()),
            ..Settings::default()
        }
    }

    #[test]
    fn an_interview_pulls_a_weak_review_into_the_last_days() {
        let plain = sched(&Settings::default());
        let today = Calendar::utc().day_of(T0);
        // Graduated with Easy today: FSRS says 8 days.
        let normal = plain.next_state(&CardState::New, Grade::Easy, T0);
        assert!(
            matches!(normal, CardState::Review { due, boosted: false, .. } if due == today.plus(8))
        );
        // An interview in 6 days: recall on the day, 6 days after a review
        // with stability 8.3, would be about 0.93 < 0.95: one more review on
        // the day before the eve, where a Good lifts the day's recall above
        // the target.
        let with = sched(&interview_settings(6));
        let memory = normal.memory().expect("graded");
        let interview = today.plus(6);
        assert!(with.recall_on(memory, T0, interview) < 0.95);
        let boosted = with.next_state(&CardState::New, Grade::Easy, T0);
        assert_eq!(
            boosted,
            CardState::Review {
                memory,
                last_ms: T0,
                due: interview.plus(-2),
                boosted: true
            }
        );
        assert!(with.recall_after_review_on(memory, today, interview.plus(-2), interview) >= 0.95);
        // An interview in 3 days: recall on the day is high enough already.
        let near = sched(&interview_settings(3));
        assert!(near.recall_on(memory, T0, today.plus(3)) >= 0.95);
        assert_eq!(near.next_state(&CardState::New, Grade::Easy, T0), normal);
        // Interview passed: plain FSRS.
        let past = Scheduler::new(&interview_settings(6), Calendar::utc(), today.plus(6));
        assert_eq!(past.goal(), None);
        assert_eq!(past.next_state(&CardState::New, Grade::Easy, T0), normal);
    }

    #[test]
    fn recall_on_the_day_grows_with_the_date_of_the_extra_review() {
        // The monotonicity the boost rule relies on, over many memories.
        let s = sched(&interview_settings(60));
        let interview = Calendar::utc().day_of(T0).plus(60);
        for stability in [0.5f32, 1.0, 2.3, 5.0, 12.0, 40.0, 90.0] {
            for difficulty in [1.0f32, 3.0, 5.5, 8.0, 10.0] {
                let memory = Memory {
                    stability,
                    difficulty,
                };
                let last = interview.plus(-45);
                let mut previous = 0.0;
                for b in 1..45 {
                    let r = s.recall_after_review_on(memory, last, last.plus(b), interview);
                    assert!(r >= previous - 1e-6, "S={stability} D={difficulty} b={b}");
                    previous = r;
                }
            }
        }
    }

    #[test]
    fn interview_date_is_read_in_the_learner_s_calendar() {
        let date = Date::new(2026, 12, 20).expect("date");
        let settings = Settings {
            interview: Some(date),
            ..Settings::default()
        };
        let cal = Calendar::new(480);
        let s = Scheduler::new(&settings, cal, cal.day_of(T0));
        assert_eq!(s.goal().map(|g| g.day.date()), Some(date));
    }
}
