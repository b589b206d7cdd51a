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

/// Converts many byte offsets of `text` to `unit` in one pass over the text.
///
/// `offsets` may be in any order; each must lie on a character boundary
/// (an offset inside a character is counted as the start of that character).
/// Offsets past the end map to the length of the text in `unit`.
pub fn convert(text: &str, offsets: &mut [usize], unit: Unit) {
    if unit == Unit::Utf8 || offsets.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let width = |c: char| match unit {
        Unit::Utf16 => c.len_utf16(),
        _ => 1,
    };
    let mut chars = text.chars();
    let mut pos = 0usize; // a character boundary, in bytes
    let mut count = 0usize; // `pos` in `unit`
    let mut last_start = 0usize; // `count` at the start of the character ending at `pos`
    for i in order {
        let target = offsets[i];
        while pos < target {
            let Some(c) = chars.next() else { break };
            last_start = count;
            pos += c.len_utf8();
            count += width(c);
        }
        // Past `target` means `target` is inside the last character read
        // (offsets are sorted, so it cannot be inside an earlier one).
        offsets[i] = if pos <= target { count } else { last_start };
    }
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

    #[test]
    fn past_the_end_and_inside_a_char() {
        assert_eq!(convert_one("é", 100, Unit::Codepoint), 1);
        assert_eq!(convert_one("é", 1, Unit::Codepoint), 0);
        assert_eq!(convert_one("", 3, Unit::Utf16), 0);
    }
}
