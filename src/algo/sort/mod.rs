//! The sorts. Each function takes the input, sorts its own copy, and
//! returns the trace of what it did, line by line of the Python beside it.

pub mod bubble;
pub mod insertion;
pub mod merge;
pub mod quick;
pub mod quick_inplace;
pub mod radix;
pub mod selection;
pub mod shell;

pub use bubble::bubble_sort;
pub use insertion::insertion_sort;
pub use merge::merge_sort;
pub use quick::quick_sort;
pub use quick_inplace::quick_sort_lomuto;
pub use radix::radix_sort;
pub use selection::selection_sort;
pub use shell::shell_sort;
