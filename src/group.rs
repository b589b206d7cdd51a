//! Values gathered by a small key with a counting sort: linear, stable,
//! and without a sort's code in the page's download.

/// The values of `pairs` (`(key, value)`, each key below `keys`) gathered
/// key by key, each key's in the order they came, and where each key's
/// start: key `k`'s values are `values[at[k]..at[k + 1]]`. (A pair whose
/// key is not below `keys` is left out.)
pub(crate) fn by_key<T: Copy + Default>(
    keys: usize,
    pairs: impl Iterator<Item = (usize, T)> + Clone,
) -> (Vec<T>, Vec<usize>) {
    let mut at = vec![0usize; keys + 1];
    for (k, _) in pairs.clone() {
        if k < keys
            && let Some(c) = at.get_mut(k + 1)
        {
            *c += 1;
        }
    }
    let mut sum = 0;
    for c in &mut at {
        sum += *c;
        *c = sum;
    }
    let mut values = vec![T::default(); sum];
    let mut next = at.clone();
    for (k, v) in pairs {
        if k < keys
            && let Some(n) = next.get_mut(k)
            && let Some(slot) = values.get_mut(*n)
        {
            *slot = v;
            *n += 1;
        }
    }
    (values, at)
}

#[cfg(test)]
mod tests {
    use super::by_key;

    #[test]
    fn values_by_key_in_the_order_they_came() {
        let pairs = [(2, 'a'), (0, 'b'), (2, 'c'), (5, 'x'), (0, 'd'), (3, 'y')];
        let (values, at) = by_key(3, pairs.iter().copied());
        assert_eq!(values, ['b', 'd', 'a', 'c']);
        assert_eq!(at, [0, 2, 2, 4]);
    }
}
