//! Animated TCP diagrams: the pure model and scenarios, and the sequence
//! diagram view.
//!
//! `model` names things (sides, RFC 9293 states, segments), `scenario` says
//! what the applications and the network do, `sim` runs a scenario into a
//! `trace` of timed events, and `frame` tells the view what to draw after a
//! given number of events. None of these import a framework; time and seeds
//! are arguments, so `cargo test --lib tcp::` checks them all.

pub mod caption;
pub mod frame;
#[cfg(test)]
mod golden;
#[cfg(test)]
mod invariants;
pub mod layout;
pub mod model;
pub mod query;
pub mod scenario;
pub mod sim;
pub mod trace;
pub mod view;

pub use model::{SegId, Segment, Side, State};
pub use scenario::{Scenario, ScenarioId};
pub use sim::{simulate, simulate_with_drops};
pub use trace::{Event, SeqMode, TimedEvent, Trace};
