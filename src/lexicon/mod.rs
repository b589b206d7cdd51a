//! Word lists: plain text files in `data/`, embedded at build time and
//! parsed once on first use.
//!
//! File format: one entry per line; `#` starts a comment line; blank lines
//! are ignored; fields within a line are separated by `|` when a list needs
//! more than one (each list's header says what its fields mean).

/// The entries of a list file: trimmed, non-empty, non-comment lines.
pub fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A fast multiply-rotate hasher for the lexicons' fixed tables.
///
/// The standard SipHash resists hash flooding, which matters only for tables
/// filled from the input; the lexicon tables are filled from our own files and
/// only looked up with text, so a cheaper hash is safe there (and nowhere else).
#[derive(Clone, Copy, Default, Debug)]
pub struct FastHasher(u64);

impl FastHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// The little-endian word of the 8 bytes at `at` (0 past the end).
fn word8(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// The little-endian word of the 4 bytes at `at` (0 past the end).
fn word4(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, |w| u64::from(u32::from_le_bytes(w)))
}

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Most keys are words of 16 bytes or less: they are read as two
        // overlapping words, with the length, so every byte counts and no
        // byte is copied; longer keys go 8 bytes at a time.
        let n = bytes.len();
        if n <= 16 {
            let (a, b) = match n {
                8.. => (word8(bytes, 0), word8(bytes, n - 8)),
                4.. => (word4(bytes, 0), word4(bytes, n - 4)),
                1.. => {
                    let at = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
                    (at(0) | at(n / 2) << 8 | at(n - 1) << 16, 0)
                }
                0 => (0, 0),
            };
            self.mix(a ^ (n as u64) << 56);
            self.mix(b);
            return;
        }
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`], for lexicon tables only.
pub type LexMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`], for lexicon tables only.
pub type LexSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

/// Calls `f` with `w` in lower case: ASCII words are lowered on the stack,
/// so the per-token look-ups of the lenses allocate nothing; other words
/// take Unicode lower-casing.
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if w.is_ascii()
        && let Some(b) = buf.get_mut(..w.len())
    {
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// A set of lower-case words, hashed with [`FastHasher`]: every token of a
/// text is looked up in a few of these, so a look-up is one hash of a word
/// lowered on the stack, with no allocation.
#[derive(Debug, Default)]
pub struct WordSet {
    words: LexSet<Box<str>>,
}

impl WordSet {
    /// Builds the set from entries (lower-cased here).
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> WordSet {
        let words = entries
            .into_iter()
            .map(|w| w.to_lowercase().into())
            .collect();
        WordSet { words }
    }

    /// Whether `word` is in the set, ignoring case.
    pub fn contains(&self, word: &str) -> bool {
        with_lower(word, |l| self.words.contains(l))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The words, lower-cased, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| &**w)
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The length in bytes of the longest word of `list` (0 for none), for
/// tests on a word's length that must follow the list.
pub const fn longest(list: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() > n {
            n = list[i].len();
        }
        i += 1;
    }
    n
}

/// A fixed word list written in the code (head nouns, openers, stop words),
/// matched exactly as written.
///
/// A slice's `contains` compares every entry; these lists are tested for
/// many tokens of every text, and some hold over a hundred words, so the
/// look-up hashes instead (the set is built on first use).
pub struct Words {
    list: &'static [&'static str],
    set: std::sync::OnceLock<LexSet<&'static str>>,
}

impl Words {
    /// The list, as written in the code.
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            set: std::sync::OnceLock::new(),
        }
    }

    /// Whether `word` is in the list, exactly (case included).
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(word)
    }

    /// The entries in the order written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.list.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_is_the_length_of_the_longest_word() {
        assert_eq!(longest(&[]), 0);
        assert_eq!(longest(&["al", "della", "von"]), 5);
        assert_eq!(longest(&["é"]), 2);
    }

    #[test]
    fn lines_skip_comments_and_blanks() {
        let v: Vec<&str> = lines("# head\n\n a \nb|c\n").collect();
        assert_eq!(v, ["a", "b|c"]);
    }

    #[test]
    fn words_match_exactly() {
        static W: Words = Words::new(&["Army", "of"]);
        assert!(W.contains("Army") && W.contains("of"));
        assert!(!W.contains("army") && !W.contains("Of") && !W.contains(""));
        assert_eq!(W.iter().collect::<Vec<_>>(), ["Army", "of"]);
    }

    #[test]
    fn wordset_ignores_case() {
        let s = WordSet::new(["Iraq", "syria"]);
        assert!(s.contains("IRAQ") && s.contains("Syria") && !s.contains("Iran"));
        assert_eq!(s.len(), 2);
    }
}
