//! The notes: data generated at build time from `content/`, search, and the
//! reader.
//!
//! - [`data`]: the compiled notes and lookups (`topics()`, `question(id)` …).
//! - [`search`]: the pure search core (CJK bigrams, Latin words).
//! - [`view`]: the reader and search pages (Yew components).
//! - `compile`: the build-time compiler `build.rs` runs; compiled here only
//!   for its tests.

#[cfg(test)]
mod compile;
pub mod data;
pub mod fold;
pub mod plain;
#[cfg(test)]
mod privacy;
pub mod search;
pub mod view;
