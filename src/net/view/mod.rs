//! The networking pages: `#/net` lists the scenarios by layer, and
//! `#/net/<id>` plays one.
//!
//! One component per file. The viewer owns the run (scenario and sandbox
//! flips, from the URL) and the player; the diagram, the caption, the
//! sandbox and the event table only draw what `net::frame` and
//! `net::layout` say about the player's position. The player's controls,
//! caption panel and event table, and the notes' question links, are the
//! same components the TCP pages use.

use std::rc::Rc;

use crate::net::seq::Trace;

#[cfg(feature = "bench")]
pub mod bench;
pub mod details;
pub mod diagram;
pub mod index;
pub mod legend;
pub mod page;
pub mod picker;
pub mod sandbox;
pub mod shapes;
pub mod table;
pub mod unknown;
pub mod viewer;

pub use page::NetPage;

/// Steps per second at 1×: slow enough to read each caption.
pub const STEPS_PER_SEC: f64 = 1.5;

/// A trace shared by the components; equal when it is the same run.
#[derive(Clone, Debug)]
pub struct TraceRef(pub Rc<Trace>);

impl PartialEq for TraceRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
