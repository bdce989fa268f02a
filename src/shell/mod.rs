//! The app shell: header, layout, theme, notices, help overlay, the error
//! panel, and the pages that belong to no feature (home, not found).

pub mod context;
pub mod dom;
pub mod elsewhere;
pub mod first_screen;
pub mod footer;
pub mod header;
pub mod help;
pub mod home;
pub mod not_found;
pub mod notices;
pub mod panic;
pub mod placeholder;
pub mod shortcuts;
pub mod theme;
pub mod update;
pub mod widget;

pub use context::{
    use_app, use_lang, use_query_string, use_store, AppAction, AppContext, AppState, StoreHandle,
};
pub use first_screen::{use_after_first_screen, use_title};
