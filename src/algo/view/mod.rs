//! The views: they replay a run at the player's position and draw it.
//! Nothing here decides anything the pure core could; one component per
//! file.

pub mod algo_picker;
pub mod bars;
#[cfg(feature = "bench")]
pub mod bench;
pub mod boxes;
pub mod buckets;
pub mod code;
pub mod counters;
pub mod facts;
pub mod index;
pub mod input_form;
pub mod legend;
pub mod lists;
pub mod page;
pub mod race;
pub mod race_picker;
pub mod roles;
pub mod stage;
pub mod table;
pub mod unknown;
pub mod viewer;

pub use page::AlgoPage;

/// Steps per second at 1×: slow enough to read each caption.
pub const STEPS_PER_SEC: f64 = 2.0;

use std::rc::Rc;

use crate::algo::Run;

/// A run shared between components. Compares by identity: a run is
/// immutable once made, and comparing 40,000 steps on every frame would be
/// waste.
#[derive(Clone, Debug)]
pub struct RunRef(pub Rc<Run>);

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
