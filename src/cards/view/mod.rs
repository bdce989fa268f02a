//! The flashcards' pages: review, statistics, settings (with export and
//! import), the home page's panel and the reader's card badge. They share
//! one [`state::CardsState`] through [`provider::CardsProvider`].

pub mod badge;
mod download;
pub mod forecast;
pub mod heatmap;
pub mod home_panel;
pub mod provider;
pub mod review;
pub mod settings_page;
pub mod state;
pub mod stats_page;
pub mod transfer_panel;

pub use provider::{use_cards, CardsProvider};

use crate::cards::CardRef;
use crate::notes::data;

/// Every answered question of the notes, as cards, in reading order. From
/// the questions' links: a page that shows no answer carries none.
pub fn catalogue() -> Vec<CardRef<'static>> {
    data::links()
        .iter()
        .filter(|q| q.answered)
        .map(|q| CardRef {
            id: q.id,
            topic: q.topic_slug,
        })
        .collect()
}

/// The reader's URL of a card's question.
pub fn notes_href(id: &str) -> Option<String> {
    data::link(id).map(|q| format!("#/notes/{}/{}", q.topic_slug, q.id))
}
