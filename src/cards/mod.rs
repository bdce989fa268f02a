//! Flashcards: FSRS scheduling and the review log (pure), the review screen
//! and the stats.
