//! The vocabulary of a run: typed steps, the places they touch, and the trace
//! an algorithm returns.
//!
//! Steps are small `Copy` values (a test keeps them at 10 bytes) because
//! bubble sort on 200 reversed values records about 40,000 of them and the
//! budget for that trace is 1 MB. Indices are `u16` and values `i16`: inputs
//! hold at most [`MAX_LEN`] values in `-999..=999`, so both fit with room.

/// A value in the array. The input parser keeps values in
/// [`crate::algo::input::MIN_VALUE`]`..=`[`crate::algo::input::MAX_VALUE`] so
/// that bars still draw; the algorithms accept any `i16`.
pub type Value = i16;

/// The longest array an algorithm traces. Longer inputs are cut to their
/// first `MAX_LEN` values (the parser and the generators never make longer
/// ones), which bounds a trace at about 40,000 steps.
pub const MAX_LEN: usize = 200;

/// Where a value lives. Every auxiliary structure the Python code builds has
/// its own place, so the view can draw it and a `Write` says where it went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// `a[i]`, the array being sorted or searched.
    Main(u16),
    /// Merge sort's `tmp`, drawn under the array: `Aux(i)` sits below `a[i]`
    /// (the merge of `a[lo:hi]` fills `Aux(lo)..Aux(hi)`).
    Aux(u16),
    /// Position `k` of the first side list: simple quick sort's `left`
    /// (values below the pivot), radix sort's `neg`.
    Left(u16),
    /// Position `k` of the second side list: simple quick sort's `right`
    /// (values not below the pivot), radix sort's `pos`.
    Right(u16),
    /// Radix sort: position `k` of bucket `d` (the digit, 0..=9).
    Bucket(u8, u16),
    /// Hash search: slot `h` of the table.
    Table(u16),
    /// Block search: entry `b` of the index (the maximum of block `b`).
    Index(u16),
}

/// An auxiliary structure that the code empties (`tmp = []`,
/// `buckets = [[] for _ in range(10)]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Area {
    /// Merge sort's `tmp`.
    Aux,
    /// Both side lists (`left`/`right`, `neg`/`pos`).
    Lists,
    /// The ten radix buckets.
    Buckets,
}

/// What one step does. Ranges are half-open (`lo..hi`) unless a variant
/// says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// `a[i]` compared with `a[j]`.
    Compare(u16, u16),
    /// The held key (insertion sort's `key`, shell sort's `tmp`, the search
    /// key) compared with the value at a place.
    CompareKey(Place),
    /// `a[i], a[j] = a[j], a[i]`. Markers (pivot, minimum) follow their value.
    Swap(u16, u16),
    /// A value is written to a place. Writing one past the end of a side
    /// list, a bucket or the index appends to it.
    Write { to: Place, value: Value },
    /// `key = a[i]`: the value is held aside (insertion and shell sort, the
    /// value being inserted into the hash table).
    Hold(u16),
    /// The search key becomes `v`.
    Key(Value),
    /// The pivot is `a[i]`.
    SetPivot(u16),
    /// Selection sort: the smallest value seen so far is `a[i]`.
    SetMin(u16),
    /// `a[lo..hi]` holds its final values.
    MarkSorted(u16, u16),
    /// The code now works on `a[lo..hi]` (a recursive call, the sorted
    /// prefix of insertion sort); everything else is out of range.
    Range(u16, u16),
    /// Merge sort splits `a[lo..hi]` at `mid`.
    Split { lo: u16, mid: u16, hi: u16 },
    /// Merge sort starts merging `a[lo..mid]` and `a[mid..hi]`.
    Merge { lo: u16, mid: u16, hi: u16 },
    /// Shell sort's gap.
    Gap(u16),
    /// Radix sort: a pass on the digit worth `exp` (1, 10, 100, …).
    Pass(u16),
    /// The code empties an auxiliary structure.
    Clear(Area),
    /// Hash search: a table of `m` empty slots.
    NewTable(u16),
    /// Hash search: slot `h` is looked at (the hash of the key, then the next
    /// slot after each collision).
    Probe(u16),
    /// Block search: blocks hold `size` values each (the last may be
    /// shorter).
    Blocks(u16),
    /// Block search: the key can only be in block `b`.
    Block(u16),
    /// Binary search's window. `lo..end` is half-open: Python's `hi` is
    /// `end - 1`, so an empty window (`lo > hi`) has `end <= lo`.
    Window { lo: u16, end: u16 },
    /// Binary search's `mid`.
    Mid(u16),
    /// The key is at this place.
    Found(Place),
    /// The key is not there.
    NotFound,
}

/// One step of a trace: what happened, on which line of the Python code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    /// 1-based line of the algorithm's Python code.
    pub line: u8,
    pub op: Op,
}

/// How a run ended, as the algorithm itself computed it (replaying the steps
/// must agree; the tests check it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A sort's final array.
    Sorted(Vec<Value>),
    /// A search found the key at this place (`Main(i)`, or `Table(h)` for
    /// hash search).
    Found(Place),
    /// A search did not find the key.
    NotFound,
}

/// Everything an algorithm recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
    pub steps: Vec<Step>,
    pub outcome: Outcome,
}

impl Trace {
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// Bytes the steps occupy (the budget is 1 MB for bubble sort on 200
    /// reversed values).
    pub fn step_bytes(&self) -> usize {
        std::mem::size_of::<Step>() * self.steps.len()
    }
}

/// The algorithms' recorder: they do their own work on their own arrays and
/// tell the recorder what they did, line by line.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    steps: Vec<Step>,
}

impl Recorder {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Recorder {
            steps: Vec::with_capacity(n),
        }
    }

    pub(crate) fn push(&mut self, line: u8, op: Op) {
        self.steps.push(Step { line, op });
    }

    pub(crate) fn finish(self, outcome: Outcome) -> Trace {
        Trace {
            steps: self.steps,
            outcome,
        }
    }
}

/// An index as stored in a step. Inputs are cut to [`MAX_LEN`], and every
/// auxiliary index is bounded by a small multiple of it, so this never
/// saturates in practice; saturating keeps it panic-free regardless.
pub(crate) fn ix(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// The part of an input an algorithm traces (see [`MAX_LEN`]).
pub(crate) fn clip(input: &[Value]) -> &[Value] {
    &input[..input.len().min(MAX_LEN)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_small() {
        // 10 bytes: an 8-byte `Op` (tag + 6-byte payload) and the line.
        assert!(
            std::mem::size_of::<Op>() <= 8,
            "Op is {} bytes",
            std::mem::size_of::<Op>()
        );
        assert!(
            std::mem::size_of::<Step>() <= 10,
            "Step is {} bytes",
            std::mem::size_of::<Step>()
        );
    }

    #[test]
    fn ix_saturates_instead_of_wrapping() {
        assert_eq!(ix(5), 5);
        assert_eq!(ix(70_000), u16::MAX);
    }
}
