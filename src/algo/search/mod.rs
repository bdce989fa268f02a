//! The searches, and how each one wants its array arranged.

pub mod binary;
pub mod block;
pub mod hash;
pub mod sequential;

pub use binary::binary_search;
pub use block::block_search;
pub use hash::hash_search;
pub use sequential::sequential_search;

use crate::algo::input::Rng;
use crate::algo::step::{clip, Value};
use crate::small_sort;

/// The array a search runs on, made from the user's input: binary search
/// needs it sorted, block search needs it ordered by blocks (sorted, then
/// shuffled inside each block, so the scan inside a block is a real scan),
/// and the others take it as it is. Deterministic, so a shared link shows
/// the same boxes.
pub fn arrange(kind: SearchKind, input: &[Value]) -> Vec<Value> {
    let mut a = clip(input).to_vec();
    match kind {
        SearchKind::AsIs => {}
        SearchKind::Sorted => small_sort::sort(&mut a),
        SearchKind::Blocked => {
            small_sort::sort(&mut a);
            let size = block::block_size(a.len());
            let mut rng = Rng::new(a.len() as u64);
            for chunk in a.chunks_mut(size) {
                rng.shuffle(chunk);
            }
        }
    }
    a
}

/// How a search wants its array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchKind {
    /// Sequential and hash search.
    AsIs,
    /// Binary search.
    Sorted,
    /// Block search.
    Blocked,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocked_arrays_are_ordered_by_blocks() {
        let input: Vec<Value> = (0..50).map(|i| (i * 37 % 101) as Value).collect();
        let a = arrange(SearchKind::Blocked, &input);
        let size = block::block_size(a.len());
        let blocks: Vec<&[Value]> = a.chunks(size).collect();
        for pair in blocks.windows(2) {
            let max = pair[0].iter().max();
            let min = pair[1].iter().min();
            assert!(max <= min, "{:?} then {:?}", pair[0], pair[1]);
        }
        assert_ne!(
            a,
            {
                let mut s = input.clone();
                s.sort();
                s
            },
            "shuffled inside blocks"
        );
        let mut sorted = a.clone();
        sorted.sort();
        let mut expected = input;
        expected.sort();
        assert_eq!(sorted, expected, "same values");
    }

    #[test]
    fn sorted_for_binary_search() {
        assert_eq!(arrange(SearchKind::Sorted, &[3, -1, 2]), vec![-1, 2, 3]);
        assert_eq!(arrange(SearchKind::AsIs, &[3, -1, 2]), vec![3, -1, 2]);
    }
}
