//! SVG pieces the sequence diagrams (TCP, network) draw alike.

use yew::prelude::*;

use crate::decimal::svg as num;

/// A small triangle at (x1, y1) pointing along the arrow from (x0, y0),
/// with the diagram's own `class` (its colours).
pub fn arrow_head(class: &'static str, x0: f64, y0: f64, x1: f64, y1: f64) -> Html {
    let (dx, dy) = (x1 - x0, y1 - y0);
    let len = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (x1 - 9.0 * ux, y1 - 9.0 * uy);
    let points = format!(
        "{},{} {},{} {},{}",
        num(x1),
        num(y1),
        num(bx - 4.0 * uy),
        num(by + 4.0 * ux),
        num(bx + 4.0 * uy),
        num(by - 4.0 * ux)
    );
    html! { <polygon {class} {points} /> }
}
