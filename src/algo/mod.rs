//! Sorting and searching visualizations.
//!
//! The pure core records, the view plays: each algorithm (`sort`, `search`)
//! does its work on its own copy of the input and returns a [`Trace`] of
//! typed steps, each pointing at a line of the Python shown beside it.
//! [`replay`] turns a trace and a cursor position into the [`State`] the
//! view draws; [`input`] makes and parses inputs, [`query`] puts a run in
//! the URL. Nothing here imports the framework: `cargo test --lib algo::`.

pub mod catalog;
pub mod input;
pub mod query;
pub mod replay;
pub mod search;
pub mod sort;
pub mod step;
pub mod view;

#[cfg(test)]
mod notes_agree;
#[cfg(test)]
mod properties;

pub use catalog::{AlgoId, Facts, Family, Run};
pub use replay::{replay, Counters, Replayer, Role, SearchEnd, State};
pub use step::{Area, Op, Outcome, Place, Step, Trace, Value};
