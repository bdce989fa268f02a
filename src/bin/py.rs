//! The py bundle's entry point: see `mianjing::bundle`.
fn main() {
    mianjing::start::<mianjing::entry::PyPages>();
}
