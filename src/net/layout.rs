//! Geometry of the networking diagrams, in SVG user units: where each lane
//! stands, how far down a moment is, and where the labels of arrows and of
//! local marks go so that none covers another. Pure; the view only copies
//! numbers into attributes.

use super::seq::{Event, LaneId, Message, MsgId, Trace};
use crate::player::axis::TimeAxis;
use crate::player::labels::{place, LabelBox};

/// Label text size; widths assume a monospace font.
pub const FONT: f64 = 11.0;
const GLYPH: f64 = 0.62;
pub const LINE: f64 = 13.0;
/// Quiet stretches longer than this (ms) are drawn this long.
pub const MAX_GAP_MS: u32 = 120;

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    /// x of each lane.
    pub x: Vec<f64>,
    pub top: f64,
    pub bottom: f64,
    /// Units per display millisecond.
    pub scale: f64,
}

impl Layout {
    /// Lanes spread evenly; at least `min_gap` apart, so five lanes make a
    /// drawing wider than a phone (its box scrolls sideways).
    pub fn new(lanes: usize, narrow: bool) -> Layout {
        let (base, margin, min_gap) = if narrow {
            (340.0, 50.0, 110.0)
        } else {
            (640.0, 80.0, 130.0)
        };
        let n = lanes.max(1);
        let gaps = (n - 1) as f64;
        let width = f64::max(base, 2.0 * margin + gaps * min_gap);
        let step = if n > 1 {
            (width - 2.0 * margin) / gaps
        } else {
            0.0
        };
        Layout {
            width,
            x: (0..n).map(|i| margin + step * i as f64).collect(),
            top: 16.0,
            bottom: 28.0,
            scale: 2.0,
        }
    }

    pub fn lane_x(&self, lane: LaneId) -> f64 {
        self.x.get(lane.index()).copied().unwrap_or(0.0)
    }

    pub fn y(&self, axis: &TimeAxis, t: f64) -> f64 {
        self.top + axis.y(t) * self.scale
    }

    pub fn height(&self, axis: &TimeAxis) -> f64 {
        self.top + axis.len() * self.scale + self.bottom
    }

    /// The point `frac` of the way along the arrow from `m.from` to `to`.
    pub fn along(&self, axis: &TimeAxis, m: &Message, to: LaneId, frac: f64) -> (f64, f64) {
        let (x0, x1) = (self.lane_x(m.from), self.lane_x(to));
        let t = m.send_time as f64 + frac * (m.arrive_time as f64 - m.send_time as f64);
        (x0 + frac * (x1 - x0), self.y(axis, t))
    }

    /// The lane an arrow is drawn to: its destination, or for a broadcast
    /// the farthest lane (the other arrows fan out from the same point).
    pub fn far_end(&self, m: &Message, lanes: usize) -> LaneId {
        let targets = m.targets(lanes);
        targets
            .iter()
            .copied()
            .max_by(|a, b| {
                let d = |l: &LaneId| (self.lane_x(*l) - self.lane_x(m.from)).abs();
                d(a).total_cmp(&d(b))
            })
            .unwrap_or(m.from)
    }
}

/// What a label belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Labelled {
    Message(MsgId),
    /// A local mark: the index of its step.
    Mark(usize),
}

/// Width of a line of text: a monospace glyph for ASCII, a full em for
/// CJK characters and emoji (which the monospace font does not narrow).
pub fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| {
            if (c as u32) < 0x2E80 {
                FONT * GLYPH
            } else {
                FONT
            }
        })
        .sum()
}

/// The text on a message's arrow: ↻ for a retry, then the label in the
/// RFC's brackets. An encrypted one also gets a drawn lock (not a glyph,
/// which some systems lack), so it is not told by colour alone.
pub fn arrow_text(m: &Message) -> String {
    let mut s = String::new();
    if m.retry_of.is_some() {
        s.push_str("↻ ");
    }
    s.push_str(&m.label());
    s
}

/// Room for the lock drawn before an encrypted message's label.
pub const LOCK_W: f64 = 11.0;

/// The width of an arrow's label box.
pub fn arrow_label_width(m: &Message) -> f64 {
    let lock = if m.protection.is_encrypted() {
        LOCK_W
    } else {
        0.0
    };
    text_width(&arrow_text(m)) + lock + 8.0
}

/// Places every arrow's and every mark's label for the whole trace, so a
/// label stays put while the animation plays. `mark_text(step)` is the
/// mark's text in the current language.
pub fn place_labels(
    layout: &Layout,
    axis: &TimeAxis,
    trace: &Trace,
    mark_text: impl Fn(usize) -> String,
) -> Vec<LabelBox<Labelled>> {
    const MIDDLE_FIRST: [f64; 13] = [
        0.5, 0.35, 0.65, 0.42, 0.58, 0.22, 0.78, 0.28, 0.72, 0.12, 0.88, 0.05, 0.95,
    ];
    const LOST: [f64; 5] = [0.28, 0.18, 0.4, 0.1, 0.04];
    let h = LINE + 4.0;
    let mut options: Vec<Vec<LabelBox<Labelled>>> = Vec::new();
    // Marks first: they sit beside their lane at their moment, and arrows
    // have more room to move.
    let last_lane = trace.lanes.len().saturating_sub(1);
    for (i, s) in trace.steps.iter().enumerate() {
        let Event::Local { lane, .. } = s.event else {
            continue;
        };
        let w = text_width(&mark_text(i)) + 8.0;
        let x = layout.lane_x(lane);
        let y = layout.y(axis, s.at as f64);
        let side = if lane.index() == last_lane && last_lane > 0 {
            -1.0
        } else {
            1.0
        };
        let id = Labelled::Mark(i);
        options.push(
            [0.0, 14.0, -14.0, 28.0, -28.0, 42.0, 56.0, 70.0]
                .iter()
                .flat_map(|&dy| {
                    [side, -side].map(|sd| LabelBox {
                        id,
                        cx: x + sd * (w / 2.0 + 6.0),
                        cy: y + dy,
                        w,
                        h,
                    })
                })
                .collect(),
        );
    }
    for (i, m) in trace.messages.iter().enumerate() {
        let id = Labelled::Message(MsgId(i as u16));
        let to = layout.far_end(m, trace.lanes.len());
        let w = arrow_label_width(m);
        let fracs: &[f64] = if m.lost { &LOST } else { &MIDDLE_FIRST };
        options.push(
            // On the arrow first, then just above or below it.
            [0.0, -9.0, 9.0]
                .iter()
                .flat_map(|&dy| {
                    fracs.iter().map(move |&f| {
                        let (cx, cy) = layout.along(axis, m, to, f);
                        LabelBox {
                            id,
                            cx,
                            cy: cy + dy,
                            w,
                            h,
                        }
                    })
                })
                .collect(),
        );
    }
    // A candidate that would stick out of the drawing moves in.
    for b in options.iter_mut().flatten() {
        let half = (b.w / 2.0).min(layout.width / 2.0);
        // max/min rather than f64::clamp, whose panic message prints floats:
        // that printer alone is 14 KB of wasm.
        b.cx = b.cx.max(half).min(layout.width - half);
    }
    place(&options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::net::scenario::{build, Options, ScenarioId};

    #[test]
    fn lanes_fit_and_stay_apart() {
        for n in 2..=5 {
            for narrow in [false, true] {
                let l = Layout::new(n, narrow);
                assert_eq!(l.x.len(), n);
                assert!(l.x.windows(2).all(|w| w[1] - w[0] >= 110.0));
                assert!(l.x[n - 1] < l.width && l.x[0] > 0.0);
            }
        }
        assert_eq!(Layout::new(2, true).width, 340.0, "two lanes fit a phone");
    }

    #[test]
    fn labels_never_cover_each_other_in_any_scenario() {
        let mut bad = Vec::new();
        for id in ScenarioId::ALL {
            for narrow in [false, true] {
                let t = build(id, &Options::default());
                let layout = Layout::new(t.lanes.len(), narrow);
                let axis = TimeAxis::new(&t, MAX_GAP_MS);
                for lang in [Lang::Zh, Lang::En] {
                    let text = |i: usize| {
                        t.steps[i]
                            .mark
                            .as_ref()
                            .map(|m| m.get(lang).to_string())
                            .unwrap_or_default()
                    };
                    let boxes = place_labels(&layout, &axis, &t, text);
                    let mut worst = 0.0f64;
                    for (i, a) in boxes.iter().enumerate() {
                        for b in &boxes[..i] {
                            worst = worst.max(a.overlap(b));
                        }
                    }
                    if worst > 0.0 {
                        bad.push((id, narrow, lang, worst));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn wide_characters_take_a_full_em() {
        assert_eq!(text_width("ab"), 2.0 * FONT * GLYPH);
        assert_eq!(text_width("缓存"), 2.0 * FONT);
        assert_eq!(text_width("🔒"), FONT);
    }

    #[test]
    fn labels_stay_inside_the_drawing() {
        for id in ScenarioId::ALL {
            let t = build(id, &Options::default());
            let layout = Layout::new(t.lanes.len(), true);
            let axis = TimeAxis::new(&t, MAX_GAP_MS);
            let boxes = place_labels(&layout, &axis, &t, |i| {
                t.steps[i]
                    .mark
                    .as_ref()
                    .map(|m| m.zh.clone())
                    .unwrap_or_default()
            });
            for b in boxes {
                assert!(
                    b.cx - b.w / 2.0 >= 0.0 && b.cx + b.w / 2.0 <= layout.width,
                    "{id:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn encrypted_messages_are_marked_by_more_than_colour() {
        let t = build(ScenarioId::Tls13, &Options::default());
        let texts: Vec<String> = t.messages.iter().map(arrow_text).collect();
        assert!(texts.contains(&"{Certificate}".to_string()));
        assert!(texts.contains(&"ServerHello".to_string()));
        let cert = &t.messages[t.find(LaneId(1), "Certificate").expect("cert").0 as usize];
        assert_eq!(
            arrow_label_width(cert),
            text_width("{Certificate}") + LOCK_W + 8.0
        );
    }
}
