//! Animated TCP diagrams: the pure model and scenarios, and the sequence
//! diagram view.
