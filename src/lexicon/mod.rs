//! Word lists: plain text files in `data/`, embedded at build time and
//! parsed once on first use.
//!
//! File format: one entry per line; `#` starts a comment line; blank lines
//! are ignored; fields within a line are separated by `|` when a list needs
//! more than one (each list's header says what its fields mean).

mod strmap;
pub use strmap::StrMap;
pub(crate) use strmap::{entry_at, probe, read_only_slots, slot, tag_of};

/// The entries of a list file: trimmed, non-empty, non-comment lines.
pub fn lines(src: &str) -> impl Iterator<Item = &str> {
    // The lists are read before the first text can be, so this scans for
    // the line breaks itself: a list line is a word or two, and a search
    // for `\n` costs more to set up than a short loop costs to run. (No
    // `\r` is taken off the end here: trimming takes it with the spaces.)
    let mut rest = src;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
            let line = trim(rest.get(..end).unwrap_or_default());
            rest = rest.get(end + 1..).unwrap_or_default();
            if !line.is_empty() && !line.starts_with('#') {
                return Some(line);
            }
        }
        None
    })
}

/// `line` trimmed as `str::trim` does it, but with no Unicode test when
/// the line starts and ends with visible ASCII (nearly every list line).
fn trim(line: &str) -> &str {
    let b = line.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic) && b.last().is_some_and(u8::is_ascii_graphic) {
        line
    } else {
        line.trim()
    }
}

/// A fast multiply-rotate hasher for the lexicons' fixed tables.
///
/// The standard SipHash resists hash flooding, which matters only for tables
/// filled from the input; the lexicon tables are filled from our own files and
/// only looked up with text, so a cheaper hash is safe there. (Two per-text
/// tables use it too, where a crafted collision costs time or a repeat, never
/// a wrong answer: SECURITY.md names them.)
/// One table keeps only these hashes ([`key_hash`]), where a text's word
/// that shares a hash with a listed one gets a "yes" instead of slowness:
/// that table may only cut work short, never decide an answer.
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
        // The length too, so a key and the same key padded with zero bytes
        // (the last word's padding) hash apart.
        self.mix(n as u64);
    }

    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The [`FastHasher`] hash of `s`'s bytes: the key of a table that keeps
/// only hashes of its words, where two words of one hash cost a little more
/// work and never a wrong answer (the names lens's table of name prefixes,
/// the packed result's table of repeated strings).
///
/// Its top bits are the well-mixed ones: the last step is a multiply, which
/// carries each bit of its input into the bits above it only, so two keys
/// differing in their last byte (`2017-02-27`, `2017-02-28`) differ in the
/// top byte alone. A table indexed by the hash itself takes its top bits.
pub fn key_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = FastHasher::default();
    h.write(s.as_bytes());
    h.finish()
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
    words: StrMap<()>,
}

impl WordSet {
    /// Builds the set from entries (lower-cased here).
    pub fn new<'a>(entries: impl IntoIterator<Item = &'a str>) -> WordSet {
        // The entries are counted first so the set is sized once (the lines
        // of a list give no count, and each doubling places every word again).
        let entries: Vec<&str> = entries.into_iter().collect();
        let mut words = StrMap::new();
        words.reserve(entries.len());
        for w in entries {
            with_lower(w, |l| words.insert(l, ()));
        }
        words.shrink_to_fit();
        WordSet { words }
    }

    /// Whether `word` is in the set, ignoring case.
    pub fn contains(&self, word: &str) -> bool {
        with_lower(word, |l| self.words.contains_key(l))
    }

    /// Whether `lower`, a word already in lower case (`Doc::low` of an ASCII
    /// token), is in the set: no lowering again.
    pub fn contains_lowered(&self, lower: &str) -> bool {
        self.words.contains_key(lower)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The words, lower-cased, in the order they were first listed.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.keys()
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

/// A quick first test in front of a hashed set of words: it answers "maybe"
/// for every word of the set, in any case, and "no" for most others, from
/// one bit.
///
/// The bit is picked by the word's first two and last two bytes, ASCII
/// letters folded to lower case, so a word must share those with some word
/// of the set to pass. In English news that leaves few words besides the
/// set's own, and the test costs a few instructions, where lowering a word,
/// hashing it and probing a table cost some hundred. A word with any of
/// those bytes outside ASCII always passes, so lowering the rest of a word
/// by any rule (ASCII, Unicode, `Doc::low`) cannot take it into the set
/// unseen: the four bytes are then four ASCII characters at the word's ends,
/// and lowering keeps them there, folded as here.
///
/// The default is the sieve of no word (no bits: every ASCII word is
/// ruled out), as [`Sieve::new`] of none answers.
#[derive(Default)]
pub struct Sieve {
    bits: Vec<u64>,
    /// All ones when the word's length in bytes picks the bit too, else 0.
    length_mask: u64,
}

impl Sieve {
    /// 2^14 bits, 2 KB: for a few hundred words, few chance collisions.
    const SHIFT: u32 = 64 - 14;

    /// The sieve of `words`.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Sieve {
        Self::build(words, false)
    }

    /// The sieve of `words` where the length picks the bit too (`been` is
    /// not `between`): only for words looked up as written or as
    /// `Doc::low` lowers them, which keeps every character's length.
    pub fn with_lengths<'a>(words: impl IntoIterator<Item = &'a str>) -> Sieve {
        Self::build(words, true)
    }

    fn build<'a>(words: impl IntoIterator<Item = &'a str>, by_length: bool) -> Sieve {
        let mut sieve = Sieve {
            bits: vec![0u64; 1 << (64 - Self::SHIFT - 6)],
            length_mask: if by_length { u64::MAX } else { 0 },
        };
        for w in words {
            if let Some(k) = sieve.slot(w.as_bytes())
                && let Some(b) = sieve.bits.get_mut(k / 64)
            {
                *b |= 1 << (k % 64);
            }
        }
        sieve
    }

    /// The word's bit, or `None` when a byte it reads is outside ASCII.
    fn slot(&self, w: &[u8]) -> Option<usize> {
        let ends = end_bytes(w);
        if ends & 0x8080_8080 != 0 {
            return None;
        }
        // `| 0x20` lowers an ASCII capital and keeps a lower-case letter
        // (other bytes change alike in the set's words and the text's).
        let key = u64::from(ends | 0x2020_2020) | ((w.len() as u64) & self.length_mask) << 32;
        Some((key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> Self::SHIFT) as usize)
    }

    /// False only for a word that is not in the set in any case.
    pub fn may_hold(&self, w: &[u8]) -> bool {
        match self.slot(w) {
            Some(k) => self
                .bits
                .get(k / 64)
                .is_some_and(|b| b >> (k % 64) & 1 == 1),
            None => true,
        }
    }
}

/// A word's first two and last two bytes as one number (zeros for missing
/// ones): with the length, what the sieve and the table key a word by.
pub(crate) fn end_bytes(w: &[u8]) -> u32 {
    let ends = match *w {
        [a, b, .., y, z] => [a, b, y, z],
        [a, b, c] => [a, b, c, 0],
        [a, b] => [a, b, 0, 0],
        [a] => [a, 0, 0, 0],
        [] => [0; 4],
    };
    u32::from_le_bytes(ends)
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
        // As `str::lines` trimmed: line ends, a last line with no break,
        // Unicode spaces.
        let src = "a\r\n\r\n\u{a0}b c\u{2003}\n #x\n\td\r\n\re\u{85}\nf";
        let std: Vec<&str> = src
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert_eq!(lines(src).collect::<Vec<_>>(), std);
        assert_eq!(std, ["a", "b c", "d", "e", "f"]);
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

    #[test]
    fn the_default_sieve_answers_as_the_sieve_of_no_word() {
        let (default, none) = (Sieve::default(), Sieve::new([]));
        for w in ["", "a", "the", "Mosul", "2017", "-", "Zürich", "é", "“"] {
            assert_eq!(
                default.may_hold(w.as_bytes()),
                none.may_hold(w.as_bytes()),
                "{w:?}"
            );
        }
        assert!(!default.may_hold(b"the") && default.may_hold("é".as_bytes()));
    }
}
