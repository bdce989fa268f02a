//! The notes bundle's entry point: see `mianjing::bundle`.
fn main() {
    mianjing::start::<mianjing::entry::NotesPages>();
}
