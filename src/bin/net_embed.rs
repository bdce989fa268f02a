//! The net bundle's widget build, for `?embed` URLs: see `mianjing::bundle`.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: mianjing::shell::widget::Allocator = mianjing::shell::widget::allocator();

fn main() {
    mianjing::shell::widget::start::<mianjing::entry::NetPages>();
}
