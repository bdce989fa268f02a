//! The TCP pages: `#/tcp` lists the scenarios, `#/tcp/<id>` plays one.
//!
//! One part per file. The viewer owns the run (scenario, seed, sandbox
//! flips, all from the URL) and the player; the diagram, the caption, the
//! options and the event table only draw what `tcp::frame` and
//! `tcp::caption` say about the player's position. Parts that hold no
//! hooks (the caption, the options, the legend, the note links, the
//! scenario list, the page switch) are plain functions of the language and
//! their data rather than components: every component brings its own copy
//! of Yew's lifecycle code into the bundle.

use std::rc::Rc;

use crate::tcp::trace::Trace;

#[cfg(feature = "bench")]
pub mod bench;
pub mod caption_panel;
pub mod diagram;
pub mod event_table;
pub use crate::player::hooks;
pub mod index;
pub mod legend;
pub mod note_links;
pub mod options;
pub mod page;
pub mod picker;
pub mod unknown;
pub mod viewer;

pub use page::tcp_page;

/// Events per second at 1×: slow enough to read each caption.
pub const STEPS_PER_SEC: f64 = 1.5;

/// A simulated trace shared by the components; equal when it is the same
/// run, so props compare in O(1).
#[derive(Clone, Debug)]
pub struct TraceRef(pub Rc<Trace>);

impl PartialEq for TraceRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
