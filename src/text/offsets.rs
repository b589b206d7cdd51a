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
/// It reads the text once, when made, and keeps the units before each block
/// of 64 bytes (a `usize` per block: an eighth of the text), so converting an
/// offset counts only inside its block: no sorting, nothing read twice.
pub struct Converter<'a> {
    text: &'a str,
    unit: Unit,
    /// Units before each block; empty when no counting is needed (UTF-8
    /// wanted, or an ASCII text, where every unit is one byte).
    before: Vec<usize>,
    /// Units in the whole text.
    total: usize,
}

/// The bytes per block of [`Converter`]'s table.
const BLOCK: usize = 64;

impl<'a> Converter<'a> {
    /// Reads `text` once.
    pub fn new(text: &'a str, unit: Unit) -> Converter<'a> {
        let mut to = Converter {
            text,
            unit,
            before: Vec::new(),
            total: text.len(),
        };
        if unit != Unit::Utf8 && !text.is_ascii() {
            to.before.reserve(text.len() / BLOCK + 1);
            to.total = 0;
            for block in text.as_bytes().chunks(BLOCK) {
                to.before.push(to.total);
                to.total += units(block, unit);
            }
        }
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
        if self.before.is_empty() {
            return offset.min(bytes.len());
        }
        let at = super::prefix(self.text, offset).len();
        let k = at / BLOCK;
        let head = bytes.get(k * BLOCK..at).unwrap_or_default();
        self.before.get(k).copied().unwrap_or(self.total) + units(head, self.unit)
    }
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
    const HIGH: u64 = 0x8080_8080_8080_8080;
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
    /// by block edges, converts as the character walk says.
    #[test]
    fn block_table_agrees_with_walking_the_characters() {
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
        for len in [0, 1, 5, 63, 64, 65, 130, 300] {
            for _ in 0..20 {
                let mut text = String::new();
                while text.len() < len {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
                }
                for unit in [Unit::Utf16, Unit::Codepoint] {
                    let to = Converter::new(&text, unit);
                    for o in 0..text.len() + 3 {
                        assert_eq!(to.convert(o), walk(&text, o, unit), "{text:?} {o} {unit:?}");
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
