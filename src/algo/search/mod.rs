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

/// The array a search runs on, made from the user's input: binary search
/// needs it sorted, block search needs it ordered by blocks (sorted, then
/// shuffled inside each block, so the scan inside a block is a real scan),
/// and the others take it as it is. Deterministic, so a shared link shows
/// the same boxes.
pub fn arrange(kind: SearchKind, input: &[Value]) -> Vec<Value> {
    let mut a = clip(input).to_vec();
    match kind {
        SearchKind::AsIs => {}
        SearchKind::Sorted => sort_small(&mut a),
        SearchKind::Blocked => {
            sort_small(&mut a);
            let size = block::block_size(a.len());
            let mut rng = Rng::new(a.len() as u64);
            for chunk in a.chunks_mut(size) {
                rng.shuffle(chunk);
            }
        }
    }
    a
}

/// Sorts a clipped input (at most `MAX_LEN` values) by insertion: a few
/// hundred bytes of wasm where the standard library's pattern-defeating
/// quicksort is 3 KB, which a widget pays for on every phone; for 200
/// values the time is a few microseconds either way.
fn sort_small(a: &mut [Value]) {
    for i in 1..a.len() {
        let mut j = i;
        while j > 0 && a[j - 1] > a[j] {
            a.swap(j - 1, j);
            j -= 1;
        }
    }
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
    use crate::algo::step::MAX_LEN;

    #[test]
    fn the_small_sort_sorts_like_the_standard_library() {
        let mut rng = crate::rng::Rng::new(7);
        for n in [0, 1, 2, 3, 17, 64, MAX_LEN] {
            for _ in 0..50 {
                let mut a: Vec<Value> = (0..n).map(|_| rng.below(41) as Value - 20).collect();
                let mut want = a.clone();
                want.sort_unstable();
                sort_small(&mut a);
                assert_eq!(a, want);
            }
        }
    }

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
