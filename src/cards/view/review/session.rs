//! The review session's state: the queue for this instant, the card on
//! screen and whether its answer is shown, and what the page can do to them.
//! The page and its keyboard both act through [`Review`]'s callbacks.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::cards::queue::{self, Queue, QueueOptions};
use crate::cards::view::state::CardsAction;
use crate::cards::view::{catalogue, use_cards};
use crate::cards::{DueIn, EventKind, Grade, Phase};
use crate::notes::data;
use crate::route as query;
use crate::route::Route;
use crate::router::use_navigator;
use crate::shell::{dom, use_query_string};

/// The card on screen.
pub struct Shown {
    pub id: String,
    pub phase: Phase,
    /// Shown before it is due.
    pub early: bool,
    pub flagged: bool,
    /// When Again, Hard, Good and Easy would bring it back.
    pub due_in: [DueIn; 4],
    /// Its answer is shown.
    pub revealed: bool,
}

/// One render's review session.
pub struct Review {
    pub now_ms: i64,
    pub queue: Queue<'static>,
    /// `None`: nothing to study now.
    pub card: Option<Shown>,
    /// The topic filter (`?topic=`), when it names a topic.
    pub topic: Option<String>,
    /// The notes have any card at all.
    pub has_cards: bool,
    /// This session has a grade to undo.
    pub can_undo: bool,
    /// Events in the log: a grade that brings the same card straight back
    /// still counts as a new card for the focus.
    pub log_len: usize,
    pub utc_offset_min: i32,
    pub on_reveal: Callback<()>,
    pub on_grade: Callback<Grade>,
    pub on_undo: Callback<()>,
    /// Flag, unflag or suspend the card on screen.
    pub on_mark: Callback<EventKind>,
    /// A topic's slug, or "" for every topic.
    pub on_topic: Callback<String>,
    /// Ten more new cards than today's limit.
    pub on_more: Callback<()>,
    /// Review cards before they are due.
    pub on_ahead: Callback<()>,
}

/// The session behind the review page. `?topic=<slug>` reviews one topic;
/// `?card=<id>` shows that card first ("review now" from the reader).
#[hook]
pub fn use_review() -> Review {
    let cards = use_cards();
    let navigator = use_navigator();
    let query_str = use_query_string();
    let topic = query::param(&query_str, "topic").filter(|s| data::topic(s).is_some());
    let asked_card = query::param(&query_str, "card");
    let catalogue = use_memo((), |_| catalogue());
    let extra_new = use_state(|| 0u32);
    let ahead = use_state(|| false);
    // The card whose answer is shown.
    let revealed = use_state(|| None::<String>);
    // Re-render now and then so learning steps come due on their own.
    let tick = use_state(|| 0u32);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let every = Interval::new(10_000, move || tick.set(tick.wrapping_add(1)));
            move || drop(every)
        });
    }

    let now = dom::now_ms();
    let options = QueueOptions {
        topic: topic.as_deref(),
        extra_new: *extra_new,
        ahead: *ahead,
    };
    let q = queue::build(
        &cards.deck,
        &catalogue,
        &cards.progress.settings,
        &cards.scheduler,
        now,
        options,
    );
    // The card whose answer is shown stays until it is graded, whatever
    // another tab's reviews do to the queue meanwhile (they are merged at
    // once, and show in the counts). Then a card asked for by the reader, or
    // brought back by undo, comes first.
    let is_card = |id: &str| catalogue.iter().any(|c| c.id == id);
    let pinned = (*revealed)
        .clone()
        .or(cards.undone.clone())
        .or(asked_card.clone())
        .filter(|id| is_card(id) && !cards.deck.get(id).suspended);
    let current: Option<(String, Phase, bool)> = match &pinned {
        Some(id) => Some((id.clone(), cards.deck.get(id).state.phase(), false)),
        None => q.next.map(|p| (p.id.to_owned(), p.phase, p.early)),
    };
    let card = current.map(|(id, phase, early)| {
        let record = cards.deck.get(&id);
        Shown {
            phase,
            early,
            flagged: record.flagged,
            due_in: cards.scheduler.preview(&record.state, now),
            revealed: revealed.as_deref() == Some(id.as_str()),
            id,
        }
    });
    let id = card.as_ref().map(|c| c.id.clone());

    // Leaving `?card=` once that card is graded.
    let clear_asked = {
        let (navigator, query_str) = (navigator.clone(), query_str.clone());
        move || {
            if let Some(nav) = &navigator {
                let q = query::with_param(&query_str, "card", "");
                nav.replace_with_query(&Route::Review, &q);
            }
        }
    };
    let on_grade = {
        let (cards, revealed, id) = (cards.clone(), revealed.clone(), id.clone());
        Callback::from(move |grade: Grade| {
            let Some(id) = &id else { return };
            revealed.set(None);
            cards.dispatch(CardsAction::Grade {
                card: id.clone(),
                grade,
                now_ms: dom::now_ms(),
            });
            if asked_card.as_deref() == Some(id.as_str()) {
                clear_asked();
            }
        })
    };
    let on_reveal = {
        let (revealed, id) = (revealed.clone(), id.clone());
        Callback::from(move |()| {
            if let Some(id) = &id {
                revealed.set(Some(id.clone()));
            }
        })
    };
    let on_undo = {
        let cards = cards.clone();
        Callback::from(move |()| {
            revealed.set(None);
            cards.dispatch(CardsAction::Undo {
                now_ms: dom::now_ms(),
            });
        })
    };
    let on_mark = {
        let cards = cards.clone();
        Callback::from(move |kind: EventKind| {
            if let Some(id) = &id {
                cards.dispatch(CardsAction::Mark {
                    card: id.clone(),
                    kind,
                    now_ms: dom::now_ms(),
                });
            }
        })
    };
    let on_topic = Callback::from(move |slug: String| {
        if let Some(nav) = &navigator {
            let q = query::with_param(&query_str, "topic", &slug);
            nav.replace_with_query(&Route::Review, &q);
        }
    });
    let on_more = Callback::from(move |()| extra_new.set(*extra_new + 10));
    let on_ahead = Callback::from(move |()| ahead.set(true));

    Review {
        now_ms: now,
        queue: q,
        card,
        topic,
        has_cards: !catalogue.is_empty(),
        can_undo: !cards.session.is_empty(),
        log_len: cards.progress.log.len(),
        utc_offset_min: cards.calendar.utc_offset_min(),
        on_reveal,
        on_grade,
        on_undo,
        on_mark,
        on_topic,
        on_more,
        on_ahead,
    }
}
