//! [`StrMap`]: the lexicons' tables from words and names to what the lists
//! say of them, built once at start-up and asked about nearly every token.
//!
//! A `HashMap<Cow<'static, str>, V>` spends a bucket of a 24-byte key and
//! the value on every slot, empty or not, and owns a separate allocation for
//! each key it could not borrow; the four large tables of the names lens
//! took about 3 MB that way, most of the start-up memory of every reader.
//! Here the keys are written one after another into one string, an entry is
//! where its key starts there and its value (the key ends where the next
//! entry's starts), and the slots, at most five-eighths full, hold entry
//! numbers and twelve bits of the key's hash, so a look-up of a missing word
//! (most look-ups) seldom reads an entry.

use super::key_hash;

/// Bits of a slot that number its entry (plus one: 0 is an empty slot).
const INDEX_BITS: u32 = 20;
/// Entries a table can hold: about a million, some fifty times the largest list.
const MAX_ENTRIES: usize = (1 << INDEX_BITS) - 2;
/// The low bits of a slot: its entry number plus one.
const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;

/// A map from strings to `V`, for tables filled once and read often.
#[derive(Debug, Clone)]
pub struct StrMap<V> {
    /// Every key, one after another.
    text: String,
    /// The entries in the order they were added.
    entries: Vec<Entry<V>>,
    /// Entry number + 1 in the low [`INDEX_BITS`] (0 is an empty slot) and
    /// the low bits of the entry's tag above them, at the place the top bits
    /// of the key's hash give, or the next free one after it (a power of two
    /// long, at most half full as keys come in and five-eighths once shrunk,
    /// so a look-up of a missing key soon meets an empty slot).
    slots: Vec<u32>,
}

/// One key and its value. (No length and no hash are kept: a key ends where
/// the next one starts, since the keys are written in the order of their
/// entries, and its hash is made again when the slots grow, at start-up
/// only. Over the names lens's tables that is some 400 KB less, in every
/// reader's memory.)
#[derive(Debug, Clone)]
struct Entry<V> {
    /// Where the key starts in `text`.
    start: u32,
    value: V,
}

impl<V> Default for StrMap<V> {
    fn default() -> Self {
        StrMap {
            text: String::new(),
            entries: Vec::new(),
            slots: Vec::new(),
        }
    }
}

/// The top 32 bits of `s`'s hash, its well-mixed ones (see [`key_hash`]).
#[inline]
pub(crate) fn tag_of(s: &str) -> u32 {
    (key_hash(s) >> 32) as u32
}

/// Where the key of entry `i` of `entries` lies in the keys' string, `len`
/// bytes long: from its start to the next entry's (the string's end for
/// the last).
fn key_range<V>(len: usize, entries: &[Entry<V>], i: usize) -> std::ops::Range<usize> {
    let start = entries.get(i).map_or(len, |e| e.start as usize);
    let end = entries.get(i + 1).map_or(len, |e| e.start as usize);
    start..end
}

/// The key of entry `i` of `entries` in `text`, the keys' string.
fn key_in<'t, V>(text: &'t str, entries: &[Entry<V>], i: usize) -> &'t str {
    text.get(key_range(text.len(), entries, i))
        .unwrap_or_default()
}

/// The slot of entry `i` whose tag is `tag` (`i` below about a million,
/// as a [`StrMap`]'s entries are).
pub(crate) fn slot(i: usize, tag: u32) -> u32 {
    (i as u32 + 1) | tag << INDEX_BITS
}

/// The entry number of slot `s`, which is not empty.
fn entry_of(s: u32) -> usize {
    (s & INDEX_MASK) as usize - 1
}

/// The first slot to try for `tag`, in slots of `len` (a power of two).
#[inline]
fn home(tag: u32, len: usize) -> usize {
    let bits = len.trailing_zeros();
    // (A table of one slot has no bits to take: everything starts at 0.)
    tag.checked_shr(32 - bits.min(32)).unwrap_or(0) as usize & (len - 1)
}

/// Where a probe for `tag` ends in `slots` (a power of two long, never
/// full): at the slot of the first entry of that tag that `is` takes, or
/// at the empty slot where one would go; `None` when there are no slots.
/// With [`slot`] and [`tag_of`], the table of slots both [`StrMap`] and
/// the names in capitals (`actors::lex::Upper`) keep.
#[inline]
pub(crate) fn probe(slots: &[u32], tag: u32, mut is: impl FnMut(usize) -> bool) -> Option<usize> {
    let len = slots.len();
    if len == 0 {
        return None;
    }
    let mut at = home(tag, len);
    let high = tag << INDEX_BITS;
    // The slots are never full: an empty one comes within `len` steps.
    for _ in 0..len {
        let s = *slots.get(at)?;
        // Only an entry whose hash ends like this one's is read (one in
        // 4,096 of the others is, and its bytes then differ).
        if s == 0 || s & !INDEX_MASK == high && is(entry_of(s)) {
            return Some(at);
        }
        at = (at + 1) & (len - 1);
    }
    None
}

/// The fewest slots (a power of two) that hold `n` entries at most
/// five-eighths full: the size of a table once it is read only
/// ([`StrMap::shrink_to_fit`], and the names in capitals).
pub(crate) fn read_only_slots(n: usize) -> usize {
    (n.max(4).saturating_mul(8) / 5).next_power_of_two()
}

/// The entry in slot `at` of `slots`, if any.
pub(crate) fn entry_at(slots: &[u32], at: usize) -> Option<usize> {
    slots.get(at).filter(|&&s| s != 0).map(|&s| entry_of(s))
}

impl<V> StrMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no key.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Room for `more` keys more without the slots growing (up to the
    /// most a table holds).
    pub fn reserve(&mut self, more: usize) {
        let more = more.min(MAX_ENTRIES.saturating_sub(self.entries.len()));
        self.entries.reserve(more);
        let want = self.entries.len() + more;
        if want.saturating_mul(2) > self.slots.len() {
            self.grow_slots(want);
        }
    }

    /// Slots for at least `keys` keys at most half full, every entry placed again.
    fn grow_slots(&mut self, keys: usize) {
        let len = keys
            .max(4)
            .saturating_mul(2)
            .checked_next_power_of_two()
            .unwrap_or(1 << (usize::BITS - 1));
        self.place_all(len);
    }

    /// `len` slots (a power of two, more than the entries), every entry
    /// placed again.
    fn place_all(&mut self, len: usize) {
        let mut slots = vec![0u32; len];
        for i in 0..self.entries.len() {
            let tag = tag_of(key_in(&self.text, &self.entries, i));
            // (Each key is in once: the probe stops at an empty slot.
            // Entry numbers fit: `insert` keeps at most MAX_ENTRIES.)
            if let Some(at) = probe(&slots, tag, |_| false)
                && let Some(x) = slots.get_mut(at)
            {
                *x = slot(i, tag);
            }
        }
        self.slots = slots;
    }

    /// Whether entry `i`'s key is `key` (compared as bytes: no test of
    /// where characters start).
    fn is_key(&self, i: usize, key: &str) -> bool {
        let at = key_range(self.text.len(), &self.entries, i);
        i < self.entries.len()
            && at.len() == key.len()
            && self.text.as_bytes().get(at) == Some(key.as_bytes())
    }

    /// The entry of `key`, whose tag is `tag`.
    #[inline]
    fn find(&self, key: &str, tag: u32) -> Option<usize> {
        let at = probe(&self.slots, tag, |i| self.is_key(i, key))?;
        entry_at(&self.slots, at)
    }

    /// The value of `key`.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&V> {
        let i = self.find(key, tag_of(key))?;
        self.entries.get(i).map(|e| &e.value)
    }

    /// Whether `key` is in the map.
    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key, tag_of(key)).is_some()
    }

    /// The value of `key`, put in by `make` first when missing, and whether
    /// it was missing. `None` only past about a million keys
    /// (`MAX_ENTRIES`) or 4 GiB of keys, far beyond any list.
    pub fn get_or_insert_with(
        &mut self,
        key: &str,
        make: impl FnOnce() -> V,
    ) -> Option<(&mut V, bool)> {
        let (_, value, new) = self.get_or_insert_entry(key, make)?;
        Some((value, new))
    }

    /// [`StrMap::get_or_insert_with`], with the key's entry number (see
    /// [`StrMap::key`]) first.
    pub fn get_or_insert_entry(
        &mut self,
        key: &str,
        make: impl FnOnce() -> V,
    ) -> Option<(usize, &mut V, bool)> {
        let tag = tag_of(key);
        let (i, new) = match self.find(key, tag) {
            Some(i) => (i, false),
            None => (self.push(key, tag, make())?, true),
        };
        self.entries.get_mut(i).map(|e| (i, &mut e.value, new))
    }

    /// Puts `value` in for `key`; returns the value it had, if any. (Past
    /// about a million keys (`MAX_ENTRIES`) or 4 GiB of keys a new key is
    /// not kept.)
    pub fn insert(&mut self, key: &str, value: V) -> Option<V> {
        self.put(key, value).1
    }

    /// [`StrMap::insert`], returning the key's entry number (see
    /// [`StrMap::key`]) instead: `None` only when a new key is not kept.
    pub fn insert_entry(&mut self, key: &str, value: V) -> Option<usize> {
        self.put(key, value).0
    }

    /// Puts `value` in for `key`: the key's entry number (none for a new
    /// key not kept) and the value it had.
    fn put(&mut self, key: &str, value: V) -> (Option<usize>, Option<V>) {
        let tag = tag_of(key);
        match self.find(key, tag) {
            Some(i) => {
                let old = self
                    .entries
                    .get_mut(i)
                    .map(|e| std::mem::replace(&mut e.value, value));
                (Some(i), old)
            }
            None => (self.push(key, tag, value), None),
        }
    }

    /// The key of entry `i` (entries are numbered in the order their keys
    /// were added); empty past the last.
    pub fn key(&self, i: usize) -> &str {
        key_in(&self.text, &self.entries, i)
    }

    /// The value of entry `i`.
    pub fn value(&self, i: usize) -> Option<&V> {
        self.entries.get(i).map(|e| &e.value)
    }

    /// Adds a key known to be missing; its entry number.
    fn push(&mut self, key: &str, tag: u32, value: V) -> Option<usize> {
        let i = self.entries.len();
        let Ok(start) = u32::try_from(self.text.len()) else {
            return None;
        };
        if i >= MAX_ENTRIES || u32::try_from(self.text.len() + key.len()).is_err() {
            return None;
        }
        if (i + 1).saturating_mul(2) > self.slots.len() {
            self.grow_slots(i + 1);
        }
        self.text.push_str(key);
        self.entries.push(Entry { start, value });
        // (The slots may have grown since `find`: the free one is looked for now.)
        if let Some(at) = probe(&self.slots, tag, |_| false)
            && let Some(x) = self.slots.get_mut(at)
        {
            *x = slot(i, tag);
        }
        Some(i)
    }

    /// The keys and values, in the order the keys were added.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, e)| (key_in(&self.text, &self.entries, i), &e.value))
    }

    /// The keys and values, the values to change, in the order the keys were added.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut V)> {
        let text = &self.text;
        // Where each key ends: the next entry's start (read before the
        // entries are lent out to be changed; start-up only).
        let ends: Vec<usize> = self
            .entries
            .iter()
            .skip(1)
            .map(|e| e.start as usize)
            .chain([text.len()])
            .collect();
        self.entries.iter_mut().zip(ends).map(move |(e, end)| {
            (
                text.get(e.start as usize..end).unwrap_or_default(),
                &mut e.value,
            )
        })
    }

    /// The keys, in the order they were added.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        (0..self.entries.len()).map(|i| key_in(&self.text, &self.entries, i))
    }

    /// Gives back the room no key uses (after the last key is in): the
    /// fewest slots that are at most five-eighths full. (While keys come
    /// in, the slots stay at most half full, so the table grows seldom;
    /// once it is read only, a fuller one costs a missing word about one
    /// slot more to read, and the 8,340 names take 16,384 slots, not
    /// 32,768.)
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.entries.shrink_to_fit();
        let fewest = read_only_slots(self.entries.len());
        if fewest < self.slots.len() {
            self.place_all(fewest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn agrees_with_a_hash_map() {
        // Keys that share prefixes, lengths and bytes, the empty key, and
        // non-ASCII ones; inserted twice over with other values, and asked
        // about keys that are missing.
        let mut words: Vec<String> = Vec::new();
        for i in 0..3000u32 {
            words.push(format!("w{i}"));
            words.push(format!("{i}é"));
        }
        words.push(String::new());
        let mut ours = StrMap::new();
        let mut std_map = HashMap::new();
        for (round, w) in words.iter().chain(words.iter().step_by(3)).enumerate() {
            assert_eq!(
                ours.insert(w, round),
                std_map.insert(w.clone(), round),
                "{w}"
            );
        }
        assert_eq!(ours.len(), std_map.len());
        for w in &words {
            assert_eq!(ours.get(w), std_map.get(w), "{w}");
        }
        for missing in ["x", "w3000", "w", "é", "w1 ", "W1"] {
            assert_eq!(ours.get(missing), None, "{missing}");
            assert!(!ours.contains_key(missing));
        }
        let mut seen: Vec<(&str, usize)> = ours.iter().map(|(k, &v)| (k, v)).collect();
        seen.sort();
        let mut want: Vec<(&str, usize)> = std_map.iter().map(|(k, &v)| (k.as_str(), v)).collect();
        want.sort();
        assert_eq!(seen, want);
    }

    #[test]
    fn get_or_insert_tells_new_from_old_and_slots_stay_half_empty() {
        let mut m: StrMap<u32> = StrMap::default();
        assert_eq!(m.get("a"), None);
        let (v, new) = m.get_or_insert_with("a", || 1).unwrap();
        assert!(new);
        *v += 1;
        let (v, new) = m.get_or_insert_with("a", || 10).unwrap();
        assert!(!new);
        assert_eq!(*v, 2);
        // The entry number is the key's, new or not.
        let (i, v, new) = m.get_or_insert_entry("b", || 5).unwrap();
        assert_eq!((i, *v, new), (1, 5, true));
        let (i, _, new) = m.get_or_insert_entry("a", || 10).unwrap();
        assert_eq!((i, new, m.key(1)), (0, false, "b"));
        for i in 0..1000 {
            m.insert(&i.to_string(), i);
            assert!(m.slots.len() >= 2 * m.len());
        }
        for (k, v) in m.iter_mut() {
            if k != "a" {
                *v += 1;
            }
        }
        assert_eq!(m.get("999"), Some(&1000));
        assert_eq!(m.get("a"), Some(&2));
        m.shrink_to_fit();
        assert_eq!(m.get("500"), Some(&501));
        assert_eq!(m.keys().count(), 1002);
        // Asking for more room than a table holds gives it what it can hold.
        m.reserve(usize::MAX);
        assert!(m.slots.len() >= 2 * MAX_ENTRIES);
        assert_eq!(m.get("999"), Some(&1000));
    }
}
