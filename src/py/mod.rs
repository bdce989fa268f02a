//! Python object diagrams: a small interpreter for a subset of Python that
//! records, after every line, which names and slots refer to which objects,
//! which objects are alive and how many references each has.
//!
//! Pure: no framework, no clock, no randomness. `parser` turns text into a
//! tree, `interp` runs it and returns a [`Run`] of [`Step`]s, and views
//! (in `view`) only draw steps.

pub mod ast;
pub mod caption;
pub mod error;
pub mod graph;
pub mod heap;
pub mod interp;
pub mod layout;
pub mod lexer;
pub mod parser;
pub mod scenarios;
pub mod trace;
pub mod view;

pub use error::{ErrorKind, PyError};
pub use interp::run;
pub use trace::{Event, Kind, ObjId, ObjView, Run, Step};

#[cfg(test)]
mod tests;
