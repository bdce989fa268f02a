//! The Python pages: `#/py` lists the scenarios, `#/py/<id>` plays one
//! (with `?code=` when the learner edited it).
//!
//! One part per file. The viewer owns the run (from the URL) and the
//! player; the code panel, the diagram, the caption, the output and the
//! step table only draw the run at the player's position. Parts that hold
//! no hooks (the diagram, the caption, the output, the text view, the
//! legend, the note links, the scenario list, the page switch) are plain
//! functions of the language and their data rather than components: every
//! component brings its own copy of Yew's lifecycle code into the bundle.

use std::rc::Rc;

use crate::py::Run;

#[cfg(feature = "bench")]
pub mod bench;
pub mod caption_panel;
pub mod code_panel;
pub mod diagram;
pub mod event_table;
pub mod index;
pub mod legend;
pub mod note_links;
pub mod output_panel;
pub mod page;
pub mod text_view;
pub mod unknown;
pub mod viewer;

pub use page::py_page;

/// Steps per second at 1×.
pub const STEPS_PER_SEC: f64 = 1.0;

/// A run shared by the components; equal when it is the same run.
#[derive(Clone, Debug)]
pub struct RunRef(pub Rc<Run>);

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
