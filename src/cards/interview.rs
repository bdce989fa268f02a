//! Preparing for a fixed day: pacing new cards and the outlook for the day.
//!
//! The per-card part (an extra review for cards that would be weak on the
//! day) lives in [`crate::cards::schedule`]. Here: new cards are paced so that
//! every card has been learned [`LEARNED_DAYS_BEFORE`] days before the
//! interview, which leaves those last days for the extra reviews; and the
//! home page's outlook (days left, cards not yet learned, predicted share of
//! cards recalled on the day).

use super::deck::Deck;
use super::queue::CardRef;
use super::schedule::{CardState, Scheduler};
use super::settings::Settings;
use super::time::{Calendar, Day};

/// Every card should be learned this many days before the interview. Four,
/// not three: a card learned on the interview's day −4 is next due two days
/// later and can still get its last review on the eve, while a card learned
/// on day −3 that was hard to learn is reviewed on consecutive days, which
/// FSRS credits with little stability (simulated learners ended such cards
/// below the interview target).
pub const LEARNED_DAYS_BEFORE: i64 = 4;

/// How many new cards today may bring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NewQuota {
    /// New cards for the whole of today (those already seen included).
    pub per_day: u32,
    /// True when the interview date raised it above the setting.
    pub raised: bool,
}

/// Today's new-card quota: the setting, raised when the cards not yet learned
/// would otherwise not all be learned [`LEARNED_DAYS_BEFORE`] days before the
/// interview. Suspended cards do not count.
pub fn new_quota(
    deck: &Deck,
    catalogue: &[CardRef<'_>],
    settings: &Settings,
    calendar: Calendar,
    today: Day,
) -> NewQuota {
    let base = NewQuota {
        per_day: settings.new_per_day,
        raised: false,
    };
    let Some(interview) = settings.interview.map(|d| d.study_day()) else {
        return base;
    };
    if today >= interview {
        return base;
    }
    let learn_by = interview.plus(-LEARNED_DAYS_BEFORE);
    // Days left to introduce cards, today included; past the learn-by day
    // everything left is due today.
    let days_left = (learn_by.since(today) + 1).max(1);
    let to_learn = catalogue
        .iter()
        .map(|card| deck.get(card.id))
        .filter(|record| !record.suspended)
        .filter(|record| match record.first_review_ms() {
            None => true,
            Some(first) => calendar.day_of(first) >= today,
        })
        .count() as i64;
    let needed = u32::try_from((to_learn + days_left - 1) / days_left).unwrap_or(u32::MAX);
    if needed > base.per_day {
        NewQuota {
            per_day: needed,
            raised: true,
        }
    } else {
        base
    }
}

/// What the home page says about the interview.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outlook {
    pub interview: Day,
    /// 0 on the day itself.
    pub days_left: i64,
    /// Every card should be learned by the end of this day.
    pub learn_by: Day,
    /// Cards that count (not suspended).
    pub cards: u32,
    /// Of those, cards never graded.
    pub not_learned: u32,
    /// Mean predicted recall on the day over all counted cards if no more
    /// reviews happened (a card not learned counts as forgotten).
    pub predicted_recall: f32,
    /// Cards whose predicted recall on the day is below the target now.
    pub below_target: u32,
    /// Review cards due early for the interview.
    pub extra_reviews: u32,
    pub target: f32,
    pub quota: NewQuota,
}

/// The outlook, or `None` without an interview date or after it.
pub fn outlook(
    deck: &Deck,
    catalogue: &[CardRef<'_>],
    settings: &Settings,
    scheduler: &Scheduler,
) -> Option<Outlook> {
    let interview = settings.interview?.study_day();
    let today = scheduler.today();
    if today > interview {
        return None;
    }
    let settings = settings.clamped();
    let target = settings.interview_target;
    let (mut cards, mut not_learned, mut below_target, mut extra_reviews) =
        (0u32, 0u32, 0u32, 0u32);
    let mut recall_sum = 0.0f64;
    for card in catalogue {
        let record = deck.get(card.id);
        if record.suspended {
            continue;
        }
        cards += 1;
        let recall = match (record.state.memory(), record.state.last_ms()) {
            (Some(memory), Some(last)) => scheduler.recall_on(memory, last, interview),
            _ => 0.0,
        };
        recall_sum += f64::from(recall);
        not_learned += u32::from(matches!(record.state, CardState::New));
        below_target += u32::from(recall < target);
        extra_reviews += u32::from(matches!(
            record.state,
            CardState::Review { boosted: true, .. }
        ));
    }
    Some(Outlook {
        interview,
        days_left: interview.since(today),
        learn_by: interview.plus(-LEARNED_DAYS_BEFORE),
        cards,
        not_learned,
        predicted_recall: if cards == 0 {
            0.0
        } else {
            (recall_sum / f64::from(cards)) as f32
        },
        below_target,
        extra_reviews,
        target,
        quota: new_quota(deck, catalogue, &settings, scheduler.calendar(), today),
    })
}
