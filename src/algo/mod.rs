//! Sorting and searching visualizations: algorithms that return traces, and
//! their views.
