//! Flashcards: FSRS scheduling and the review log (pure), the review screen
//! and the stats.
//!
//! The pure core never reads a clock or the browser: `now_ms` and the UTC
//! offset come in from the edge.
//!
//! - [`log`]: the append-only review log (the truth), its merge and its
//!   compact, versioned JSON with a tolerant loader;
//! - [`schedule`]: one card's state machine (learning steps, FSRS-6 intervals,
//!   the extra pre-interview review);
//! - [`deck`]: every card's state, derived by replaying the log;
//! - [`queue`]: the next card and today's counts, within limits;
//! - [`interview`]: pacing new cards before the interview, the outlook;
//! - [`stats`]: data for the charts; [`transfer`]: export and import;
//! - [`progress`]: the stored slice (log + settings) and how tabs merge;
//! - [`settings`], [`time`] (study days, dates).
//!
//! A view holds a [`ReviewLog`] and [`Settings`], makes a [`Scheduler`] for
//! today, derives a [`Deck`], and asks [`queue::build`] what to show. After a
//! grade it records one [`Event`], refreshes that card and asks again.

pub mod chart;
pub mod deck;
pub mod interview;
pub mod log;
pub mod progress;
pub mod queue;
mod repair;
pub mod schedule;
pub mod settings;
pub mod stats;
pub mod time;
pub mod transfer;
pub mod view;

#[cfg(test)]
mod sim;

pub use deck::{CardRecord, Deck};
pub use log::{Event, EventKind, Grade, ReviewLog};
pub use progress::Progress;
pub use queue::{CardRef, Counts, Queue, QueueOptions};
pub use schedule::{CardState, DueIn, Phase, Scheduler};
pub use settings::Settings;
pub use time::{Calendar, Date, Day};
