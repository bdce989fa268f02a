//! Replaying a trace: the state of every structure at any position, the
//! counters, and the role of each bar. The view draws only what this
//! computes, so everything it shows is tested here.

use crate::algo::step::{Area, Op, Place, Step, Trace, Value};

/// Operation counts up to a position, read off the trace.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counters {
    /// `Compare` and `CompareKey` steps.
    pub comparisons: u32,
    /// `Swap` steps.
    pub swaps: u32,
    /// `Write` steps, to any place.
    pub writes: u32,
    /// `Probe` steps (hash search).
    pub probes: u32,
}

impl Counters {
    fn count(&mut self, op: &Op) {
        match op {
            Op::Compare(..) | Op::CompareKey(_) => self.comparisons += 1,
            Op::Swap(..) => self.swaps += 1,
            Op::Write { .. } => self.writes += 1,
            Op::Probe(_) => self.probes += 1,
            _ => {}
        }
    }
}

/// How a search ended, once it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchEnd {
    Found(Place),
    NotFound,
}

/// What a bar (or box) is at a position: one role, the most telling one,
/// which the view draws with a colour and a shape or pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Normal,
    /// Touched by the current comparison.
    Compared,
    /// Just swapped.
    Swapped,
    /// Just written.
    Written,
    Pivot,
    /// Selection sort's minimum so far.
    Min,
    /// Where a search is looking: binary search's `mid`, hash search's
    /// current slot.
    Mid,
    /// The value held in `key` / `tmp`, still in its slot.
    Held,
    /// The search key is here.
    Found,
    /// In its final place.
    Sorted,
    /// Outside the part the code is working on.
    Outside,
}

/// Everything the code has built, at one position of the trace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// `a`.
    pub main: Vec<Value>,
    /// Merge sort's `tmp`, aligned with `a` (`None`: empty slot).
    pub aux: Vec<Option<Value>>,
    /// Simple quick sort's `left`, radix sort's `neg`.
    pub left: Vec<Value>,
    /// Simple quick sort's `right`, radix sort's `pos`.
    pub right: Vec<Value>,
    /// Radix sort's buckets 0..=9.
    pub buckets: [Vec<Value>; 10],
    /// Hash search's table (`None`: empty slot).
    pub table: Vec<Option<Value>>,
    /// Block search's index of block maxima.
    pub index: Vec<Value>,
    /// Block search's block size.
    pub block_size: Option<u16>,
    /// The held value (`key`, `tmp`, `x`) or the search key.
    pub key: Option<Value>,
    /// The slot the held value came from, while it is still there.
    pub held: Option<u16>,
    /// Which slots of `a` hold their final value.
    pub sorted: Vec<bool>,
    /// The part of `a` being worked on.
    pub range: Option<(u16, u16)>,
    /// Merge sort's `mid` for the range being split or merged.
    pub split_at: Option<u16>,
    pub pivot: Option<u16>,
    pub min: Option<u16>,
    pub gap: Option<u16>,
    /// Radix sort's `exp`.
    pub exp: Option<u16>,
    /// Binary search's window, half-open (`hi` is `end - 1`).
    pub window: Option<(u16, u16)>,
    pub mid: Option<u16>,
    /// Block search's chosen block.
    pub block: Option<u16>,
    /// Hash search's current slot.
    pub probe: Option<u16>,
    pub end: Option<SearchEnd>,
    pub counters: Counters,
    /// The step that led here (`None` at position 0).
    pub last: Option<Step>,
}

impl State {
    /// The state before any step.
    pub fn start(start: &[Value]) -> State {
        State {
            main: start.to_vec(),
            aux: vec![None; start.len()],
            sorted: vec![false; start.len()],
            ..State::default()
        }
    }

    /// The state after the first `pos` steps (`pos` is clamped to the
    /// trace), as the player's cursor gives it.
    pub fn at(start: &[Value], trace: &Trace, pos: usize) -> State {
        let mut s = State::start(start);
        for step in &trace.steps[..pos.min(trace.steps.len())] {
            s.apply(step);
        }
        s
    }

    /// Applies one step. Steps come from this crate's algorithms, but a
    /// step that points outside a structure is ignored rather than trusted.
    pub fn apply(&mut self, step: &Step) {
        self.counters.count(&step.op);
        self.last = Some(*step);
        match step.op {
            Op::Compare(..) | Op::CompareKey(_) => {}
            Op::Swap(i, j) => {
                let (iu, ju) = (usize::from(i), usize::from(j));
                if iu < self.main.len() && ju < self.main.len() {
                    self.main.swap(iu, ju);
                    let follow = |m: &mut Option<u16>| {
                        if *m == Some(i) {
                            *m = Some(j)
                        } else if *m == Some(j) {
                            *m = Some(i)
                        }
                    };
                    follow(&mut self.pivot);
                    follow(&mut self.min);
                }
            }
            Op::Write { to, value } => self.write(to, value),
            Op::Hold(i) => {
                self.key = self.main.get(usize::from(i)).copied();
                self.held = Some(i);
            }
            Op::Key(v) => {
                self.key = Some(v);
                self.held = None;
            }
            Op::SetPivot(i) => self.pivot = Some(i),
            Op::SetMin(i) => self.min = Some(i),
            Op::MarkSorted(lo, hi) => {
                // A slot that is final sheds its passing markers.
                let inside = |m: Option<u16>| m.is_some_and(|m| (lo..hi).contains(&m));
                if inside(self.pivot) {
                    self.pivot = None;
                }
                if inside(self.min) {
                    self.min = None;
                }
                let hi = usize::from(hi).min(self.sorted.len());
                let lo = usize::from(lo).min(hi);
                self.sorted[lo..hi].iter_mut().for_each(|s| *s = true);
            }
            Op::Range(lo, hi) => {
                self.range = Some((lo, hi));
                self.split_at = None;
                self.pivot = None;
                self.min = None;
            }
            Op::Split { lo, mid, hi } | Op::Merge { lo, mid, hi } => {
                self.range = Some((lo, hi));
                self.split_at = Some(mid);
            }
            Op::Gap(g) => self.gap = Some(g),
            Op::Pass(e) => self.exp = Some(e),
            Op::Clear(Area::Aux) => self.aux.iter_mut().for_each(|x| *x = None),
            Op::Clear(Area::Lists) => {
                self.left.clear();
                self.right.clear();
            }
            Op::Clear(Area::Buckets) => self.buckets.iter_mut().for_each(Vec::clear),
            Op::NewTable(m) => self.table = vec![None; usize::from(m)],
            Op::Probe(h) => self.probe = Some(h),
            Op::Blocks(size) => self.block_size = Some(size),
            Op::Block(b) => {
                self.block = Some(b);
                self.range = self.block_span(b);
            }
            Op::Window { lo, end } => self.window = Some((lo, end)),
            Op::Mid(m) => self.mid = Some(m),
            Op::Found(p) => self.end = Some(SearchEnd::Found(p)),
            Op::NotFound => self.end = Some(SearchEnd::NotFound),
        }
    }

    fn write(&mut self, to: Place, value: Value) {
        fn put(list: &mut Vec<Value>, k: u16, value: Value) {
            let k = usize::from(k);
            if k < list.len() {
                list[k] = value;
            } else if k == list.len() {
                list.push(value);
            }
        }
        match to {
            Place::Main(i) => {
                if let Some(slot) = self.main.get_mut(usize::from(i)) {
                    *slot = value;
                }
                if self.held == Some(i) {
                    self.held = None;
                }
            }
            Place::Aux(i) => {
                if let Some(slot) = self.aux.get_mut(usize::from(i)) {
                    *slot = Some(value);
                }
            }
            Place::Left(k) => put(&mut self.left, k, value),
            Place::Right(k) => put(&mut self.right, k, value),
            Place::Bucket(d, k) => {
                if let Some(b) = self.buckets.get_mut(usize::from(d)) {
                    put(b, k, value);
                }
            }
            Place::Table(h) => {
                if let Some(slot) = self.table.get_mut(usize::from(h)) {
                    *slot = Some(value);
                }
            }
            Place::Index(b) => put(&mut self.index, b, value),
        }
    }

    /// The slots of block `b`, half-open.
    pub fn block_span(&self, b: u16) -> Option<(u16, u16)> {
        let size = u32::from(self.block_size?);
        let n = u32::try_from(self.main.len()).unwrap_or(u32::MAX);
        let lo = (u32::from(b) * size).min(n);
        let hi = (lo + size).min(n);
        Some((u16::try_from(lo).ok()?, u16::try_from(hi).ok()?))
    }

    /// The value at a place, if the place holds one.
    pub fn value(&self, at: Place) -> Option<Value> {
        let k = |i: u16| usize::from(i);
        match at {
            Place::Main(i) => self.main.get(k(i)).copied(),
            Place::Aux(i) => self.aux.get(k(i)).copied().flatten(),
            Place::Left(i) => self.left.get(k(i)).copied(),
            Place::Right(i) => self.right.get(k(i)).copied(),
            Place::Bucket(d, i) => self.buckets.get(usize::from(d))?.get(k(i)).copied(),
            Place::Table(h) => self.table.get(k(h)).copied().flatten(),
            Place::Index(b) => self.index.get(k(b)).copied(),
        }
    }

    /// True when the last step touched this place (compared, swapped or
    /// written it).
    fn touched(&self, at: Place) -> Option<Role> {
        let op = self.last?.op;
        match (op, at) {
            (Op::Swap(i, j), Place::Main(k)) if k == i || k == j => Some(Role::Swapped),
            (Op::Write { to, .. }, _) if to == at => Some(Role::Written),
            (Op::Compare(i, j), Place::Main(k)) if k == i || k == j => Some(Role::Compared),
            (Op::CompareKey(p), _) if p == at => Some(Role::Compared),
            (Op::Probe(h), Place::Table(k)) if h == k => Some(Role::Compared),
            _ => None,
        }
    }

    /// The role a place plays now. For `a[i]`, in order of precedence: what
    /// the last step did to it, found, pivot, minimum, mid, held, sorted,
    /// outside the working range.
    pub fn role(&self, at: Place) -> Role {
        if let Some(r) = self.touched(at) {
            return r;
        }
        if self.end == Some(SearchEnd::Found(at)) {
            return Role::Found;
        }
        let Place::Main(i) = at else {
            return match at {
                Place::Index(b) if self.block == Some(b) => Role::Mid,
                Place::Table(h) if self.probe == Some(h) && self.end.is_none() => Role::Mid,
                _ => Role::Normal,
            };
        };
        if self.pivot == Some(i) {
            Role::Pivot
        } else if self.min == Some(i) {
            Role::Min
        } else if self.mid == Some(i) && self.end.is_none() {
            Role::Mid
        } else if self.held == Some(i) {
            Role::Held
        } else if self.sorted.get(usize::from(i)).copied().unwrap_or(false) {
            Role::Sorted
        } else if self.outside(i) {
            Role::Outside
        } else {
            Role::Normal
        }
    }

    /// Outside the range, the binary search window, or the chosen block.
    fn outside(&self, i: u16) -> bool {
        let out = |r: Option<(u16, u16)>| r.is_some_and(|(lo, hi)| i < lo || i >= hi);
        out(self.range) || out(self.window)
    }
}

/// Replays incrementally for a view: moving forward applies only the new
/// steps; moving back starts over from the nearest checkpoint. Checkpoints
/// every [`Replayer::EVERY`] steps keep a backward seek on a 40,000-step
/// trace to a few hundred steps of work.
#[derive(Clone, Debug, Default)]
pub struct Replayer {
    state: State,
    pos: usize,
    /// `checkpoints[k]` is the state at position `k * EVERY`.
    checkpoints: Vec<State>,
}

impl Replayer {
    pub const EVERY: usize = 512;

    pub fn new(start: &[Value]) -> Self {
        let state = State::start(start);
        Replayer {
            checkpoints: vec![state.clone()],
            state,
            pos: 0,
        }
    }

    /// The state at `pos` (clamped to the trace). `trace` must be the trace
    /// this replayer was made for.
    pub fn seek(&mut self, trace: &Trace, pos: usize) -> &State {
        let pos = pos.min(trace.steps.len());
        if pos < self.pos {
            let k = (pos / Self::EVERY).min(self.checkpoints.len().saturating_sub(1));
            if let Some(c) = self.checkpoints.get(k) {
                self.state = c.clone();
                self.pos = k * Self::EVERY;
            }
        }
        while self.pos < pos {
            self.state.apply(&trace.steps[self.pos]);
            self.pos += 1;
            if self.pos.is_multiple_of(Self::EVERY)
                && self.pos / Self::EVERY == self.checkpoints.len()
            {
                self.checkpoints.push(self.state.clone());
            }
        }
        &self.state
    }

    pub fn pos(&self) -> usize {
        self.pos
    }
}

/// The final array: all steps applied to `start`.
pub fn replay(start: &[Value], trace: &Trace) -> Vec<Value> {
    State::at(start, trace, trace.steps.len()).main
}

/// Counters after the whole trace.
pub fn totals(trace: &Trace) -> Counters {
    let mut c = Counters::default();
    trace.steps.iter().for_each(|s| c.count(&s.op));
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::sort::{bubble_sort, merge_sort, quick_sort_lomuto, selection_sort};

    #[test]
    fn swap_moves_values_and_the_pivot_with_them() {
        let start = [3, 1, 2];
        let t = quick_sort_lomuto(&start);
        // Steps: Range, SetPivot(2), Compare, Compare, Swap(0,1), Swap(1,2) …
        let s = State::at(&start, &t, 5);
        assert_eq!(s.main, vec![1, 3, 2]);
        assert_eq!(s.pivot, Some(2));
        assert_eq!(s.role(Place::Main(0)), Role::Swapped);
        let s = State::at(&start, &t, 6);
        assert_eq!(s.main, vec![1, 2, 3]);
        assert_eq!(s.pivot, Some(1), "the pivot follows its value");
        assert_eq!(
            s.counters,
            Counters {
                comparisons: 2,
                swaps: 2,
                writes: 0,
                probes: 0
            }
        );
    }

    #[test]
    fn roles_of_a_bubble_pass() {
        let start = [3, 1, 2];
        let t = bubble_sort(&start);
        let s = State::at(&start, &t, 2); // Range(0,3), Compare(0,1)
        assert_eq!(s.role(Place::Main(0)), Role::Compared);
        assert_eq!(s.role(Place::Main(1)), Role::Compared);
        assert_eq!(s.role(Place::Main(2)), Role::Normal);
        let s = State::at(&start, &t, 7); // … MarkSorted(2,3), Range(0,2)
        assert_eq!(s.role(Place::Main(2)), Role::Sorted);
        let s = State::at(&start, &t, 0);
        assert_eq!(s.role(Place::Main(2)), Role::Normal);
        assert_eq!(s.last, None);
    }

    #[test]
    fn outside_the_range_is_dimmed() {
        let start = [2, 3, 1, 5];
        let t = selection_sort(&start);
        // Pass 2 starts with Range(1, 4).
        let pos = t
            .steps
            .iter()
            .position(|s| s.op == Op::Range(1, 4))
            .unwrap_or(0)
            + 1;
        let s = State::at(&start, &t, pos);
        assert_eq!(s.role(Place::Main(0)), Role::Sorted, "sorted beats outside");
        let start = [5, 4, 3, 2, 1];
        let t = merge_sort(&start);
        let s = State::at(&start, &t, 3); // Range(0,5), Split(0,2,5), Range(0,2)
        assert_eq!(s.role(Place::Main(4)), Role::Outside);
        assert_eq!(s.role(Place::Main(1)), Role::Normal);
    }

    #[test]
    fn malformed_steps_are_ignored() {
        let mut s = State::start(&[1, 2]);
        for op in [
            Op::Swap(0, 9),
            Op::Write {
                to: Place::Main(9),
                value: 5,
            },
            Op::Write {
                to: Place::Left(3),
                value: 5,
            },
            Op::Write {
                to: Place::Bucket(12, 0),
                value: 5,
            },
            Op::Write {
                to: Place::Table(0),
                value: 5,
            },
            Op::MarkSorted(1, 40),
            Op::MarkSorted(30, 40),
            Op::Hold(7),
        ] {
            s.apply(&Step { line: 1, op });
        }
        assert_eq!(s.main, vec![1, 2]);
        assert!(s.left.is_empty());
        assert_eq!(s.sorted, vec![false, true]);
        assert_eq!(s.key, None);
    }

    #[test]
    fn replayer_agrees_with_a_fresh_replay_anywhere() {
        let start: Vec<Value> = (0..120).rev().collect();
        let t = bubble_sort(&start);
        let mut r = Replayer::new(&start);
        let mut rng = crate::algo::input::Rng::new(5);
        for _ in 0..60 {
            let pos = rng.below(t.len() + 10);
            let got = r.seek(&t, pos).clone();
            assert_eq!(got, State::at(&start, &t, pos), "pos {pos}");
        }
        assert_eq!(r.seek(&t, 0).main, start);
        assert_eq!(r.pos(), 0);
    }

    #[test]
    fn pos_is_clamped() {
        let start = [2, 1, 3, 5, 4];
        let t = bubble_sort(&start);
        assert_eq!(State::at(&start, &t, 10_000).main, vec![1, 2, 3, 4, 5]);
    }
}
