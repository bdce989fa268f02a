//! Sorting the app's short lists (a trace's steps, a search's input, a
//! URL's dropped messages) by insertion, stably. The standard library's
//! sorts are kilobytes of wasm for each element type, which a widget pays
//! for on every phone; for the few hundred items at most sorted here,
//! insertion takes microseconds.

/// Sorts `v` by `key`, keeping items with equal keys in their order.
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j - 1] > v[j] {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_keys_in_order() {
        let mut rng = Rng::new(7);
        for n in [0, 1, 2, 3, 17, 64, 200] {
            for _ in 0..50 {
                // (key, original position): a stable sort by key keeps the
                // positions of equal keys increasing, as std's stable sort.
                let items: Vec<(i32, usize)> =
                    (0..n).map(|i| (rng.below(9) as i32 - 4, i)).collect();
                let (mut mine, mut std) = (items.clone(), items.clone());
                by_key(&mut mine, |&(k, _)| k);
                std.sort_by_key(|&(k, _)| k);
                assert_eq!(mine, std);

                let mut values: Vec<i32> = items
                    .iter()
                    .map(|&(k, i)| k * 1000 + i as i32 % 7)
                    .collect();
                let mut want = values.clone();
                want.sort_unstable();
                sort(&mut values);
                assert_eq!(values, want);
            }
        }
    }
}
