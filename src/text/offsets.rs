//! Offset conversion at the edges: byte offsets inside the core, UTF-16 code
//! units for JavaScript (`String.slice`), code points for the scorer.

use serde::{Deserialize, Serialize};

/// The unit offsets are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// UTF-8 bytes (the core's own unit).
    Utf8,
    /// UTF-16 code units, what JavaScript strings index by.
    Utf16,
    /// Unicode scalar values, what Python strings index by.
    #[default]
    Codepoint,
}

impl Unit {
    /// Parses `utf8`, `utf16` or `codepoint`.
    pub fn parse(s: &str) -> Option<Unit> {
        match s {
            "utf8" | "utf-8" | "byte" | "bytes" => Some(Unit::Utf8),
            "utf16" | "utf-16" => Some(Unit::Utf16),
            "codepoint" | "codepoints" | "char" => Some(Unit::Codepoint),
            _ => None,
        }
    }
}

/// Converts many byte offsets of `text` to `unit`, in one pass over the text
/// and a few steps per offset (see [`Converter`]).
///
/// `offsets` may be in any order; each must lie on a character boundary
/// (an offset inside a character is counted as the start of that character).
/// Offsets past the end map to the length of the text in `unit`.
pub fn convert(text: &str, offsets: &mut [usize], unit: Unit) {
    if unit == Unit::Utf8 || offsets.is_empty() {
        return;
    }
    let to = Converter::new(text, unit);
    for o in offsets {
        *o = to.convert(*o);
    }
}

/// Converts byte offsets of one text to `unit`, in any order.
///
/// It reads the text once, when made, so converting an offset reads little
/// of it again: no sorting, nothing read twice. A text of few characters
/// outside ASCII (English news: its quotation marks, dashes and a few
/// names) keeps where each such character ends and how many bytes more than
/// units the text has by then, and an offset is converted by a binary search
/// there, with nothing counted. Any other text keeps the units before each
/// block of 64 bytes (a `usize` per block: an eighth of the text), and an
/// offset is counted inside its block.
pub struct Converter<'a> {
    text: &'a str,
    unit: Unit,
    table: Table,
    /// Units in the whole text.
    total: usize,
}

/// What [`Converter`] keeps of its text.
enum Table {
    /// No counting needed: UTF-8 wanted, or an ASCII text, where every unit
    /// is one byte.
    Bytes,
    /// For each character outside ASCII, in text order: the byte where it
    /// ends, and the bytes beyond the units counted up to there. Between
    /// two such characters every byte is a unit.
    Sparse(Vec<(u32, u32)>),
    /// Units before each block of [`BLOCK`] bytes.
    Blocks(Vec<usize>),
}

/// The bytes per block of [`Converter`]'s table.
const BLOCK: usize = 64;

/// The high bit of each byte of a `u64`: set in a byte outside ASCII.
const HIGH: u64 = 0x8080_8080_8080_8080;

impl<'a> Converter<'a> {
    /// Reads `text` once (twice at most, when it turns out to have too many
    /// characters outside ASCII for the sparse table).
    pub fn new(text: &'a str, unit: Unit) -> Converter<'a> {
        let mut to = Converter {
            text,
            unit,
            table: Table::Bytes,
            total: text.len(),
        };
        if unit == Unit::Utf8 || text.is_ascii() {
            return to;
        }
        if let Some((wide, extra)) = sparse(text.as_bytes(), unit) {
            to.total = text.len() - extra;
            to.table = Table::Sparse(wide);
            return to;
        }
        let mut before = Vec::with_capacity(text.len() / BLOCK + 1);
        to.total = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            before.push(to.total);
            to.total += units(block, unit);
        }
        to.table = Table::Blocks(before);
        to
    }

    /// Byte offset `offset` in the unit; an offset inside a character counts
    /// as the start of that character, one past the end as the end. In
    /// UTF-8 the offset is returned as it is.
    pub fn convert(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        if self.unit == Unit::Utf8 {
            return offset;
        }
        match &self.table {
            Table::Bytes => offset.min(bytes.len()),
            Table::Sparse(wide) => {
                let at = super::prefix(self.text, offset).len();
                // The last character outside ASCII ending at or before `at`
                // (`at` is a character's start, never inside one).
                let k = wide.partition_point(|&(end, _)| end as usize <= at);
                sparse_units(wide, k, at)
            }
            Table::Blocks(before) => {
                let at = super::prefix(self.text, offset).len();
                let k = at / BLOCK;
                let head = bytes.get(k * BLOCK..at).unwrap_or_default();
                before.get(k).copied().unwrap_or(self.total) + units(head, self.unit)
            }
        }
    }
}

/// A [`Converter`] for offsets that come mostly in increasing order (a
/// result's spans, start then end, in text order): each search in the
/// sparse table starts where the last one ended, so an offset is
/// converted in a step or two instead of a binary search. Any order gives
/// the same results as [`Converter::convert`].
pub struct Cursor<'c, 'a> {
    to: &'c Converter<'a>,
    /// The entries of the sparse table that end at or before the last
    /// offset converted.
    k: usize,
}

/// How many entries of the sparse table a [`Cursor`] steps over before it
/// searches the rest instead.
const STEPS: usize = 4;

impl<'a> Converter<'a> {
    /// A [`Cursor`] over this converter, starting at the text's start.
    pub fn cursor(&self) -> Cursor<'_, 'a> {
        Cursor { to: self, k: 0 }
    }
}

impl Cursor<'_, '_> {
    /// [`Converter::convert`].
    pub fn convert(&mut self, offset: usize) -> usize {
        // (Only a text in UTF-16 or code points has a sparse table.)
        let Table::Sparse(wide) = &self.to.table else {
            return self.to.convert(offset);
        };
        let at = super::prefix(self.to.text, offset).len();
        let before = |&(end, _): &(u32, u32)| end as usize <= at;
        let mut k = self.k.min(wide.len());
        if k > 0 && wide.get(k - 1).is_some_and(|e| !before(e)) {
            // Back: searched from the start.
            k = wide.get(..k).map_or(0, |w| w.partition_point(before));
        } else {
            // On: a few steps, then a search of the rest.
            let mut steps = 0;
            while wide.get(k).is_some_and(before) {
                k += 1;
                steps += 1;
                if steps == STEPS {
                    k += wide.get(k..).map_or(0, |w| w.partition_point(before));
                    break;
                }
            }
        }
        self.k = k;
        sparse_units(wide, k, at)
    }
}

/// Byte offset `at` (a character's start) in units, given the `k` entries
/// of the sparse table `wide` that end at or before it: the last of them
/// says how many bytes more than units the text has by then.
fn sparse_units(wide: &[(u32, u32)], k: usize, at: usize) -> usize {
    let extra = k
        .checked_sub(1)
        .and_then(|k| wide.get(k))
        .map_or(0, |&(_, x)| x);
    at - extra as usize
}

/// The [`Table::Sparse`] of `bytes` (valid UTF-8) and the bytes beyond the
/// units in all of it, or `None` when it has more characters outside ASCII
/// than one per 64 bytes and 16 more (then the block table is no larger),
/// or is 4 GiB long.
fn sparse(bytes: &[u8], unit: Unit) -> Option<(Vec<(u32, u32)>, usize)> {
    let most = bytes.len() / BLOCK + 16;
    u32::try_from(bytes.len()).ok()?;
    let mut wide: Vec<(u32, u32)> = Vec::new();
    let mut extra = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII eight bytes at a time.
        if let Some(w) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            && u64::from_le_bytes(w) & HIGH == 0
        {
            i += 8;
            continue;
        }
        if b < 0x80 {
            i += 1;
            continue;
        }
        // A lead byte (valid UTF-8 starts no character with 10xx_xxxx): its
        // length, and its units (UTF-16 takes two for four bytes).
        let len = match b {
            0xF0.. => 4,
            0xE0.. => 3,
            _ => 2,
        };
        let units = if unit == Unit::Utf16 && len == 4 {
            2
        } else {
            1
        };
        extra += len - units;
        if wide.len() == most {
            return None;
        }
        let (Ok(end), Ok(x)) = (u32::try_from(i + len), u32::try_from(extra)) else {
            return None;
        };
        wide.push((end, x));
        i += len;
    }
    Some((wide, extra))
}

/// The length in `unit` of `bytes`, at most one [`BLOCK`], cut anywhere:
/// one unit per byte that starts a character (any byte but the continuation
/// bytes `0b10xx_xxxx`), and in UTF-16 one more per four-byte character
/// (lead byte `0b1111_0xxx`), which takes a surrogate pair. Counted without
/// decoding.
fn units(bytes: &[u8], unit: Unit) -> usize {
    // Eight bytes at a time, as bits of a u64: wasm has no vector
    // instructions to count a byte per lane (the browser build targets
    // plain wasm32), and a byte loop there cost more than the edge's
    // packing of the result. The high bit of each byte of `cont` says
    // "continuation byte" (10xx_xxxx), of `four` "four-byte lead" (1111_xxxx;
    // valid UTF-8 has no byte above 1111_0111).
    let count = |w: u64| {
        let cont = w & !(w << 1) & HIGH;
        let four = w & (w << 1) & (w << 2) & (w << 3) & HIGH;
        let chars = 8 - cont.count_ones() as usize;
        match unit {
            Unit::Utf16 => chars + four.count_ones() as usize,
            _ => chars,
        }
    };
    let mut groups = bytes.chunks_exact(8);
    let mut n = 0;
    for g in groups.by_ref() {
        let mut w = [0u8; 8];
        w.copy_from_slice(g);
        n += count(u64::from_le_bytes(w));
    }
    // The rest padded with spaces, which count one unit each, taken off.
    let rest = groups.remainder();
    if !rest.is_empty() {
        let mut w = [b' '; 8];
        w[..rest.len()].copy_from_slice(rest);
        n += count(u64::from_le_bytes(w)) - (8 - rest.len());
    }
    n
}

/// Converts one offset; for tests and single look-ups.
pub fn convert_one(text: &str, offset: usize, unit: Unit) -> usize {
    let mut o = [offset];
    convert(text, &mut o, unit);
    o[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_astral_and_multibyte() {
        let text = "a🙂é b";
        // bytes: a=0, 🙂=1..5, é=5..7, ' '=7, b=8
        let mut o = [8, 0, 5, 1, 9, 7];
        convert(text, &mut o, Unit::Utf16);
        assert_eq!(o, [5, 0, 3, 1, 6, 4]);
        let mut o = [8, 0, 5, 1, 9, 7];
        convert(text, &mut o, Unit::Codepoint);
        assert_eq!(o, [4, 0, 2, 1, 5, 3]);
    }

    /// Found by `cargo fuzz run offsets`: a second offset inside a character
    /// that the first one had already stepped over kept its byte value.
    #[test]
    fn fuzz_repeated_offset_inside_a_char() {
        let text = "\u{FFFD}\u{FFFD}";
        let mut o = [1, 1, 4];
        convert(text, &mut o, Unit::Utf16);
        assert_eq!(o, [0, 0, 1]);
    }

    /// The offset in `unit` by walking the characters: the definition the
    /// block table must agree with.
    fn walk(text: &str, offset: usize, unit: Unit) -> usize {
        let mut n = 0;
        for (i, c) in text.char_indices() {
            if i + c.len_utf8() > offset {
                break;
            }
            n += match unit {
                Unit::Utf8 => c.len_utf8(),
                Unit::Utf16 => c.len_utf16(),
                Unit::Codepoint => 1,
            };
        }
        n
    }

    /// Every offset (on, inside and past characters) of texts mixing one- to
    /// four-byte characters, across several blocks and with characters cut
    /// by block edges, converts as the character walk says; with few
    /// characters outside ASCII (the sparse table) and with many (blocks).
    #[test]
    fn block_table_agrees_with_walking_the_characters() {
        for ascii_weight in [1, 40] {
            agrees_with_walking(ascii_weight);
        }
    }

    /// Which table a text gets: the sparse one while it has at most one
    /// character outside ASCII per 64 bytes and 16 more.
    #[test]
    fn few_wide_characters_take_the_sparse_table() {
        let kind = |text: &str| match Converter::new(text, Unit::Utf16).table {
            Table::Bytes => "bytes",
            Table::Sparse(_) => "sparse",
            Table::Blocks(_) => "blocks",
        };
        assert_eq!(kind("plain"), "bytes");
        let news = format!("{}“Yes,” she said.", "a".repeat(6400));
        assert_eq!(kind(&news), "sparse");
        assert_eq!(kind(&"é".repeat(16)), "sparse");
        assert_eq!(kind(&"é".repeat(17)), "blocks");
        assert_eq!(
            kind(&format!("{}{}", "a".repeat(640), "é".repeat(26))),
            "sparse"
        );
        assert_eq!(
            kind(&format!("{}{}", "a".repeat(640), "é".repeat(27))),
            "blocks"
        );
        assert_eq!(Converter::new(&"é".repeat(99), Unit::Utf8).convert(7), 7);
    }

    fn agrees_with_walking(ascii_weight: usize) {
        let pieces = [
            "a",
            " ",
            "é",
            "’",
            "🙂",
            "\u{10FFFF}",
            "\u{7f}",
            "\u{80}",
            "ab",
        ];
        let mut seed = 7u32;
        for len in [0, 1, 5, 63, 64, 65, 130, 300, 2000] {
            for _ in 0..20 {
                let mut text = String::new();
                while text.len() < len {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    // Piece 0 (`a`) `ascii_weight` times as likely as each other.
                    let k = (seed >> 16) as usize % (pieces.len() - 1 + ascii_weight);
                    text.push_str(pieces[k.saturating_sub(ascii_weight - 1)]);
                }
                for unit in [Unit::Utf16, Unit::Codepoint] {
                    let to = Converter::new(&text, unit);
                    for o in 0..text.len() + 3 {
                        assert_eq!(to.convert(o), walk(&text, o, unit), "{text:?} {o} {unit:?}");
                    }
                    // A cursor, given offsets forwards, backwards, in
                    // small and large jumps, answers as the converter.
                    let mut c = to.cursor();
                    let n = text.len() + 3;
                    let jumps = (0..n)
                        .chain((0..n).rev())
                        .chain((0..n).map(|o| o * 7919 % n));
                    for o in jumps.chain((0..n).step_by(3).flat_map(|o| [o, o / 2, n - 1 - o])) {
                        assert_eq!(c.convert(o), to.convert(o), "{text:?} {o} {unit:?}");
                    }
                }
                assert_eq!(Converter::new(&text, Unit::Utf8).convert(len + 9), len + 9);
            }
        }
    }

    #[test]
    fn past_the_end_and_inside_a_char() {
        assert_eq!(convert_one("é", 100, Unit::Codepoint), 1);
        assert_eq!(convert_one("é", 1, Unit::Codepoint), 0);
        assert_eq!(convert_one("", 3, Unit::Utf16), 0);
    }
}
