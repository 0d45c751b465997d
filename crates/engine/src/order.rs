//! Sorting through one compiled sort. Every `sort_by` on a new element type or comparator
//! compiles the standard library's whole sort again (tens of kilobytes of WebAssembly over the
//! engine's twenty-odd sorts); these helpers sort ids with a comparator behind a `dyn`
//! reference, so the app carries one copy. Both are stable, as `slice::sort_by` is.

use std::cmp::Ordering;

/// Sorts ids (indices into something) by `cmp`, stably.
pub fn sort_ids(ids: &mut [usize], cmp: impl Fn(usize, usize) -> Ordering) {
    sort_dyn(ids, &cmp);
}

/// Sorts `items` by `cmp`, stably, as `items.sort_by(cmp)` would.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_dyn(&mut order, &|a, b| cmp(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn sort_dyn(ids: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    ids.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime"];
        let mut by_len: Vec<&str> = words.to_vec();
        sort_by(&mut by_len, |a, b| a.len().cmp(&b.len()));
        let mut expected = words.to_vec();
        expected.sort_by(|a, b| a.len().cmp(&b.len()));
        assert_eq!(by_len, expected);
        assert_eq!(by_len, ["fig", "pear", "kiwi", "plum", "date", "lime", "apple"]);

        let mut ids: Vec<usize> = (0..words.len()).collect();
        sort_ids(&mut ids, |a, b| words[b].len().cmp(&words[a].len()));
        assert_eq!(ids, [2, 0, 3, 4, 5, 6, 1]);

        let mut none: Vec<String> = Vec::new();
        sort_by(&mut none, |a, b| a.cmp(b));
        assert!(none.is_empty());
    }
}
