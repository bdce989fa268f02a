//! The one player for every animation: TCP diagrams and algorithm runs.
//!
//! A feature records a trace (a `Vec` of typed steps) once; the player only
//! moves a cursor over it. `cursor` is the pure core (no framework, time is an
//! argument); `controls` is the Yew component that drives it.

pub mod axis;
pub mod caption_panel;
pub mod controls;
pub mod cursor;
pub mod event_table;
pub mod hook;
pub mod hooks;
pub mod labels;
pub mod shapes;

pub use cursor::{Cursor, Speed};
pub use hook::{use_player, use_resumable_player, Player, ResumeAt};
