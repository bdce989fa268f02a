//! mianjing (面经): interview notes, spaced-repetition flashcards and animated
//! diagrams, running entirely in the browser.

pub mod algo;
pub mod cards;
pub mod i18n;
pub mod notes;
pub mod player;
pub mod route;
pub mod storage;
pub mod tcp;
