//! The algo bundle's widget build, for `?embed` URLs: see `mianjing::bundle`.
fn main() {
    mianjing::shell::widget::start::<mianjing::entry::AlgoPages>();
}
