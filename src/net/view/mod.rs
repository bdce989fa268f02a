//! The networking pages: `#/net` lists the scenarios by layer, and
//! `#/net/<id>` plays one.
//!
//! One part per file. The viewer owns the run (scenario and sandbox
//! flips, from the URL) and the player; the diagram, the caption, the
//! sandbox and the event table only draw what `net::frame` and
//! `net::layout` say about the player's position. The player's controls,
//! caption panel and event table, and the notes' question links, are the
//! same the TCP pages use. Parts that hold no hooks (the message's
//! fields, the sandbox, the legend, the scenario groups, the page switch)
//! are plain functions of the language and their data rather than
//! components: every component brings its own copy of Yew's lifecycle code
//! into the bundle.

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

pub use page::net_page;

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
