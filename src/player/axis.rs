//! The vertical axis of a sequence diagram: simulated time mapped to
//! display time, squeezing long stretches with nothing on the wire so a
//! whole run fits a screen. Shared by the TCP and networking diagrams.

/// What a time axis needs from a trace: the times of its events, and when
/// each message left and arrived.
pub trait Timeline {
    fn times(&self) -> impl Iterator<Item = u32> + '_;
    fn flights(&self) -> impl Iterator<Item = (u32, u32)> + '_;
}

/// Maps simulated time to the diagram's vertical axis, squeezing long
/// stretches when nothing is on the wire (waiting out an RTO or TIME-WAIT)
/// so a whole scenario fits a screen. Units are "display milliseconds":
/// equal to simulated ones except inside a squeezed gap.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    /// (simulated time, display time) at each bend, increasing.
    knots: Vec<(f64, f64)>,
    /// Display time at which each squeezed gap is drawn (for a break mark).
    breaks: Vec<f64>,
}

impl TimeAxis {
    /// Gaps longer than `max_gap` ms with nothing in flight are drawn
    /// `max_gap` long.
    pub fn new(trace: &(impl Timeline + ?Sized), max_gap: u32) -> TimeAxis {
        let mut times: Vec<u32> = trace.times().collect();
        times.dedup();
        let mut knots = Vec::with_capacity(times.len() + 1);
        let mut breaks = Vec::new();
        let mut display = 0.0;
        let mut prev = 0;
        knots.push((0.0, 0.0));
        for &t in &times {
            let gap = t - prev;
            let busy = trace
                .flights()
                .any(|(sent, arrives)| sent < t && arrives > prev);
            if gap > max_gap && !busy {
                breaks.push(display + max_gap as f64 / 2.0);
                display += max_gap as f64;
            } else {
                display += gap as f64;
            }
            if t > prev {
                knots.push((t as f64, display));
            }
            prev = t;
        }
        TimeAxis { knots, breaks }
    }

    /// Display time of a simulated time (linear between knots, and past
    /// the last one).
    pub fn y(&self, t: f64) -> f64 {
        let k = &self.knots;
        let i = k.partition_point(|&(s, _)| s <= t);
        match (i.checked_sub(1).map(|j| k[j]), k.get(i)) {
            (Some((s0, d0)), Some(&(s1, d1))) => d0 + (t - s0) * (d1 - d0) / (s1 - s0),
            (Some((s0, d0)), None) => d0 + (t - s0),
            (None, _) => t,
        }
    }

    /// Display length of the whole trace.
    pub fn len(&self) -> f64 {
        self.knots.last().map_or(0.0, |&(_, d)| d)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0.0
    }

    /// Where the squeezed gaps are, in display time.
    pub fn breaks(&self) -> &[f64] {
        &self.breaks
    }
}
