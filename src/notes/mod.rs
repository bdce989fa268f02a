//! The notes: data generated at build time from `content/`, search, and the
//! reader.
//!
//! - [`data`]: the compiled notes and lookups (`topics()`, `question(id)` …).
//! - [`search`]: the pure search core (CJK bigrams, Latin words).
//! - [`view`]: the reader and search pages (Yew components).
//! - [`fold`]: the character folding search shares with the notes compiler
//!   (`crates/notes-compiler`, which `build.rs` runs), re-exported from it.

pub mod data;
pub use mianjing_notes_compiler::fold;
pub mod plain;
#[cfg(test)]
mod privacy;
pub mod search;
pub mod view;
