//! The flashcards' state shared by every page, and its reducer.
//!
//! The reducer never does I/O (STYLE.md, point 4): it changes the progress
//! and re-derives what depends on it; [`super::provider`] saves and listens
//! for other tabs. Time comes in with each action.

use std::rc::Rc;

use yew::prelude::*;

use crate::cards::log::{Event, EventKind, Grade};
use crate::cards::{Calendar, Deck, Progress, Scheduler, Settings};

/// What the flashcards pages share.
#[derive(Clone, Debug)]
pub struct CardsState {
    /// Bumped on every change (cheap equality for re-rendering).
    version: u64,
    pub progress: Progress,
    pub calendar: Calendar,
    pub scheduler: Scheduler,
    pub deck: Deck,
    /// Bumped by every change this tab must save.
    pub save_seq: u64,
    /// The next save replaces the stored value instead of merging with it
    /// (restoring a backup).
    pub save_replaces: bool,
    /// This session's grades, oldest first, as (card, time): what `z` undoes.
    pub session: Vec<(String, i64)>,
    /// The card the last undo brought back, to show it again first.
    pub undone: Option<String>,
    /// What the browser said to `navigator.storage.persist()`.
    pub persisted: Option<bool>,
}

impl PartialEq for CardsState {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

/// Changes to the flashcards' state.
#[derive(Clone, Debug)]
pub enum CardsAction {
    /// Grade a card.
    Grade {
        card: String,
        grade: Grade,
        now_ms: i64,
    },
    /// Undo this session's last grade.
    Undo {
        now_ms: i64,
    },
    /// Suspend, unsuspend, flag or unflag a card.
    Mark {
        card: String,
        kind: EventKind,
        now_ms: i64,
    },
    SetSettings {
        settings: Settings,
        now_ms: i64,
    },
    /// Another tab's progress (from the `storage` event): merged, not saved.
    Merge {
        progress: Progress,
        now_ms: i64,
    },
    /// An import: merged and saved.
    Import {
        progress: Progress,
        now_ms: i64,
    },
    /// A restored backup: replaces everything and is saved as is.
    Replace {
        progress: Progress,
        now_ms: i64,
    },
    Exported {
        now_ms: i64,
    },
    Persisted(bool),
    /// Time passed: re-derive if the study day changed.
    Tick {
        now_ms: i64,
    },
}

impl CardsState {
    /// The state for loaded progress.
    pub fn new(progress: Progress, calendar: Calendar, now_ms: i64) -> CardsState {
        let scheduler = Scheduler::new(&progress.settings, calendar, calendar.day_of(now_ms));
        let deck = Deck::derive(&progress.log, &scheduler);
        CardsState {
            version: 0,
            progress,
            calendar,
            scheduler,
            deck,
            save_seq: 0,
            save_replaces: false,
            session: Vec::new(),
            undone: None,
            persisted: None,
        }
    }

    fn rederive(&mut self, now_ms: i64) {
        let today = self.calendar.day_of(now_ms);
        self.scheduler = Scheduler::new(&self.progress.settings, self.calendar, today);
        self.deck = Deck::derive(&self.progress.log, &self.scheduler);
    }

    fn follow_the_day(&mut self, now_ms: i64) -> bool {
        if self.calendar.day_of(now_ms) != self.scheduler.today() {
            self.rederive(now_ms);
            true
        } else {
            false
        }
    }

    /// Records an event at `now_ms` or, if that exact event exists (two
    /// presses in one millisecond), a millisecond later. Returns its time.
    fn record(&mut self, card: &str, kind: EventKind, now_ms: i64) -> Option<i64> {
        (0..8)
            .map(|k| now_ms + k)
            .find(|&at| self.progress.log.record(card, Event::new(at, kind)))
    }

    fn saved(&mut self) {
        self.save_seq += 1;
        self.save_replaces = false;
    }
}

impl Reducible for CardsState {
    type Action = CardsAction;

    fn reduce(self: Rc<Self>, action: CardsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        let changed = match action {
            CardsAction::Grade {
                card,
                grade,
                now_ms,
            } => {
                next.follow_the_day(now_ms);
                match next.record(&card, EventKind::Grade(grade), now_ms) {
                    Some(at) => {
                        next.deck
                            .refresh(&next.progress.log, &next.scheduler, &card);
                        next.session.push((card, at));
                        next.undone = None;
                        next.saved();
                        true
                    }
                    None => false,
                }
            }
            CardsAction::Undo { now_ms } => {
                next.follow_the_day(now_ms);
                match next.session.pop() {
                    Some((card, target_ms)) => {
                        next.record(&card, EventKind::Undo { target_ms }, now_ms);
                        next.deck
                            .refresh(&next.progress.log, &next.scheduler, &card);
                        next.undone = Some(card);
                        next.saved();
                        true
                    }
                    None => false,
                }
            }
            CardsAction::Mark { card, kind, now_ms } => {
                next.follow_the_day(now_ms);
                if next.record(&card, kind, now_ms).is_some() {
                    next.deck
                        .refresh(&next.progress.log, &next.scheduler, &card);
                    next.saved();
                    true
                } else {
                    false
                }
            }
            CardsAction::SetSettings { settings, now_ms } => {
                let settings = settings.clamped();
                if settings == next.progress.settings {
                    false
                } else {
                    next.progress.settings = settings;
                    next.progress.settings_ms = now_ms.max(next.progress.settings_ms + 1);
                    next.rederive(now_ms);
                    next.saved();
                    true
                }
            }
            CardsAction::Merge { progress, now_ms } => {
                let merged = next.progress.merge(&progress);
                let day = next.follow_the_day(now_ms);
                if !merged.is_empty() && !day {
                    next.rederive(now_ms);
                }
                // The other tab wrote without something this tab has (tabs in
                // other processes can read a stale value before writing):
                // write the union back, or our part stays lost from storage.
                let stored_lacks_ours = next.progress != progress;
                if stored_lacks_ours {
                    next.saved();
                }
                !merged.is_empty() || day || stored_lacks_ours
            }
            CardsAction::Import { progress, now_ms } => {
                next.progress.merge(&progress);
                next.rederive(now_ms);
                next.saved();
                true
            }
            CardsAction::Replace { progress, now_ms } => {
                next.progress = progress;
                next.session.clear();
                next.undone = None;
                next.rederive(now_ms);
                next.save_seq += 1;
                next.save_replaces = true;
                true
            }
            CardsAction::Exported { now_ms } => {
                next.progress.exported_ms = Some(now_ms);
                next.saved();
                true
            }
            CardsAction::Persisted(granted) => {
                let changed = next.persisted != Some(granted);
                next.persisted = Some(granted);
                changed
            }
            CardsAction::Tick { now_ms } => next.follow_the_day(now_ms),
        };
        if changed {
            next.version = self.version + 1;
            Rc::new(next)
        } else {
            self
        }
    }
}

/// The handle pages use: the reducer's state, and a dispatch that saves a
/// change before it returns.
#[derive(Clone)]
pub struct CardsContext {
    state: UseReducerHandle<CardsState>,
    saver: Rc<dyn Fn(&CardsContext)>,
}

impl CardsContext {
    /// `save` runs after every dispatch, with the state that dispatch made;
    /// it decides from [`CardsState::save_seq`] whether there is anything to
    /// write.
    pub fn new(state: UseReducerHandle<CardsState>, save: Rc<dyn Fn(&CardsContext)>) -> Self {
        CardsContext { state, saver: save }
    }

    /// Applies `action`, then saves what it changed, in the caller's task.
    /// Saving here rather than in an effect matters: Yew's scheduler may run
    /// effects in a later task when a render is slow, and a tab closed in
    /// between would lose the grade.
    pub fn dispatch(&self, action: CardsAction) {
        self.state.dispatch(action);
        (self.saver)(self);
    }
}

impl std::ops::Deref for CardsContext {
    type Target = CardsState;

    fn deref(&self) -> &CardsState {
        &self.state
    }
}

impl PartialEq for CardsContext {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && Rc::ptr_eq(&self.saver, &other.saver)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cards::log::tests::T0;
    use crate::cards::Phase;

    fn state() -> Rc<CardsState> {
        Rc::new(CardsState::new(Progress::default(), Calendar::utc(), T0))
    }

    #[test]
    fn grade_then_undo_back_through_the_session() {
        let s = state();
        let s = s.reduce(CardsAction::Grade {
            card: "a".into(),
            grade: Grade::Good,
            now_ms: T0,
        });
        let s = s.reduce(CardsAction::Grade {
            card: "b".into(),
            grade: Grade::Easy,
            now_ms: T0 + 1000,
        });
        assert_eq!(s.deck.get("b").state.phase(), Phase::Review);
        assert_eq!(s.save_seq, 2);
        let s = s.reduce(CardsAction::Undo { now_ms: T0 + 2000 });
        assert_eq!(s.deck.get("b").state.phase(), Phase::New);
        assert_eq!(s.undone.as_deref(), Some("b"));
        let s = s.reduce(CardsAction::Undo { now_ms: T0 + 3000 });
        assert_eq!(s.deck.get("a").state.phase(), Phase::New);
        let before = s.clone();
        let s = s.reduce(CardsAction::Undo { now_ms: T0 + 4000 });
        assert!(Rc::ptr_eq(&before, &s), "nothing left to undo");
        assert_eq!(s.progress.log.len(), 4, "undo appends, never removes");
    }

    #[test]
    fn a_double_press_in_one_millisecond_records_two_grades() {
        let s = state();
        let g = |s: Rc<CardsState>| {
            s.reduce(CardsAction::Grade {
                card: "a".into(),
                grade: Grade::Again,
                now_ms: T0,
            })
        };
        let s = g(g(s));
        assert_eq!(s.progress.log.len(), 2);
        assert_eq!(s.session.len(), 2);
    }

    #[test]
    fn merging_another_tab_saves_only_what_it_lacked() {
        let s = state();
        let mut other = Progress::default();
        other
            .log
            .record("x", Event::new(T0, EventKind::Grade(Grade::Good)));
        let s = s.reduce(CardsAction::Merge {
            progress: other.clone(),
            now_ms: T0,
        });
        assert_eq!(s.deck.get("x").state.phase(), Phase::Learning);
        assert_eq!(s.save_seq, 0, "the other tab's value holds everything");
        let same = s.clone().reduce(CardsAction::Merge {
            progress: other.clone(),
            now_ms: T0,
        });
        assert!(Rc::ptr_eq(&s, &same));
        // This tab grades; the other tab, having read a stale value, writes
        // without that grade: the union is written back.
        let s = s.reduce(CardsAction::Grade {
            card: "y".into(),
            grade: Grade::Easy,
            now_ms: T0 + 10,
        });
        let seq = s.save_seq;
        let s = s.reduce(CardsAction::Merge {
            progress: other,
            now_ms: T0 + 20,
        });
        assert_eq!(s.save_seq, seq + 1);
        assert_eq!(s.progress.log.len(), 2);
    }

    #[test]
    fn settings_changes_rederive_and_are_stamped() {
        let s = state().reduce(CardsAction::Grade {
            card: "a".into(),
            grade: Grade::Easy,
            now_ms: T0,
        });
        let due_before = s.deck.get("a").state;
        let s = s.reduce(CardsAction::SetSettings {
            settings: Settings {
                desired_retention: 0.8,
                ..Settings::default()
            },
            now_ms: T0 + 5,
        });
        assert_eq!(s.progress.settings_ms, T0 + 5);
        assert_ne!(
            s.deck.get("a").state,
            due_before,
            "lower retention, longer interval"
        );
    }
}
