//! Geometry of the sequence diagram, in SVG user units: where the lifelines
//! stand, how far down a moment is, and where each arrow's label goes so
//! that labels do not cover one another. Pure, so it is tested here and the
//! view only copies numbers into attributes.

use super::frame::TimeAxis;
use super::model::{SegId, Side};
use super::trace::{SentSegment, Trace};

/// Label text size; the width estimate assumes a monospace font.
pub const FONT: f64 = 11.0;
/// A monospace glyph is about this wide per unit of font size.
const GLYPH: f64 = 0.62;
/// Distance between label lines.
pub const LINE: f64 = 13.0;

/// The diagram's frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// viewBox width.
    pub width: f64,
    /// x of the client's and the server's lifeline.
    pub x: [f64; 2],
    /// Space above time zero (lifeline heads).
    pub top: f64,
    pub bottom: f64,
    /// Units per display millisecond.
    pub scale: f64,
}

impl Layout {
    /// For a column about 600 px wide (desktop).
    pub const WIDE: Layout = Layout {
        width: 600.0,
        x: [130.0, 470.0],
        top: 24.0,
        bottom: 28.0,
        scale: 0.46,
    };
    /// For a phone 360 px wide: state names still fit outside the lifelines.
    pub const NARROW: Layout = Layout {
        width: 330.0,
        x: [88.0, 242.0],
        top: 24.0,
        bottom: 28.0,
        scale: 0.6,
    };

    /// y of a simulated time.
    pub fn y(&self, axis: &TimeAxis, t: f64) -> f64 {
        self.top + axis.y(t) * self.scale
    }

    /// Height of the whole drawing.
    pub fn height(&self, axis: &TimeAxis) -> f64 {
        self.top + axis.len() * self.scale + self.bottom
    }

    /// The point `frac` of the way along a segment's arrow.
    pub fn along(&self, axis: &TimeAxis, s: &SentSegment, frac: f64) -> (f64, f64) {
        let (x0, x1) = (self.x[s.from.index()], self.x[s.from.peer().index()]);
        let t = s.send_time as f64 + frac * (s.arrive_time as f64 - s.send_time as f64);
        (x0 + frac * (x1 - x0), self.y(axis, t))
    }

    pub fn lifeline(&self, side: Side) -> f64 {
        self.x[side.index()]
    }
}

/// Where one arrow's label sits (centre and size).
pub type LabelBox = crate::player::labels::LabelBox<SegId>;

/// Width of a label line of `chars` characters.
pub fn text_width(chars: usize) -> f64 {
    chars as f64 * FONT * GLYPH
}

/// Places every segment's label on its arrow: first each in the order sent,
/// trying the middle and then points nearer either end until one covers no
/// label placed before; then a few passes that move any label still
/// covering another to the point that covers least. The whole trace is
/// placed at once, so a label stays put while the animation plays.
/// `size(id)` gives the label's longest line in characters and its number
/// of lines.
pub fn place_labels(
    layout: &Layout,
    axis: &TimeAxis,
    trace: &Trace,
    size: impl Fn(SegId) -> (usize, usize),
) -> Vec<LabelBox> {
    const MIDDLE_FIRST: [f64; 9] = [0.5, 0.35, 0.65, 0.22, 0.78, 0.12, 0.88, 0.05, 0.95];
    // A lost arrow stops halfway: its label stays on the part drawn.
    const LOST: [f64; 5] = [0.28, 0.18, 0.4, 0.1, 0.04];
    let options: Vec<Vec<LabelBox>> = trace
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let id = SegId(i as u16);
            let (chars, lines) = size(id);
            let (w, h) = (text_width(chars) + 8.0, lines as f64 * LINE + 4.0);
            let fracs: &[f64] = if s.lost { &LOST } else { &MIDDLE_FIRST };
            fracs
                .iter()
                .map(|&f| {
                    let (cx, cy) = layout.along(axis, s, f);
                    LabelBox { id, cx, cy, w, h }
                })
                .collect()
        })
        .collect();
    crate::player::labels::place(&options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tcp::scenario::ScenarioId;
    use crate::tcp::sim::simulate;
    use crate::tcp::trace::SeqMode;

    fn label_lines(t: &Trace, mode: SeqMode) -> impl Fn(SegId) -> (usize, usize) + '_ {
        move |id| {
            let lines = t.label_lines(id, mode);
            (
                lines.iter().map(|l| l.chars().count()).max().unwrap_or(0),
                lines.len(),
            )
        }
    }

    #[test]
    fn arrows_run_between_the_lifelines_and_down_the_time_axis() {
        let t = simulate(ScenarioId::Handshake.scenario(), 1);
        let axis = TimeAxis::new(&t, 300);
        let l = Layout::WIDE;
        let syn = &t.segments[0];
        assert_eq!(l.along(&axis, syn, 0.0), (130.0, 24.0));
        assert_eq!(l.along(&axis, syn, 1.0), (470.0, 24.0 + 100.0 * 0.46));
        let synack = &t.segments[1];
        assert_eq!(l.along(&axis, synack, 0.5).0, 300.0);
        assert_eq!(l.height(&axis), 24.0 + 300.0 * 0.46 + 28.0);
    }

    #[test]
    fn labels_never_cover_each_other_in_any_scenario() {
        for layout in [Layout::WIDE, Layout::NARROW] {
            for id in ScenarioId::ALL {
                for mode in [SeqMode::Relative, SeqMode::Absolute] {
                    let t = simulate(id.scenario(), 1);
                    let axis = TimeAxis::new(&t, 300);
                    let boxes = place_labels(&layout, &axis, &t, label_lines(&t, mode));
                    assert_eq!(boxes.len(), t.segments.len());
                    for (i, a) in boxes.iter().enumerate() {
                        for b in &boxes[..i] {
                            assert_eq!(
                                a.overlap(b),
                                0.0,
                                "{id:?} {mode:?} {layout:?}: {a:?} covers {b:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn crossing_fins_get_labels_apart() {
        let t = simulate(ScenarioId::SimultaneousClose.scenario(), 1);
        let axis = TimeAxis::new(&t, 300);
        let boxes = place_labels(
            &Layout::NARROW,
            &axis,
            &t,
            label_lines(&t, SeqMode::Relative),
        );
        let (a, b) = (boxes[3], boxes[4]);
        assert_eq!((a.id, b.id), (SegId(3), SegId(4)));
        assert_ne!(a.cy, b.cy, "the two FINs cross at the same moment");
    }
}
