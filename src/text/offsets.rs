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
    let mut chars = text.char_indices();
    let mut count = 0usize; // in `unit`, up to byte `pos`
    let mut pos = 0usize;
    for i in order {
        let target = offsets[i];
        while pos < target {
            match chars.next() {
                Some((_, c)) => {
                    pos += c.len_utf8();
                    count += match unit {
                        Unit::Utf16 => c.len_utf16(),
                        _ => 1,
                    };
                    if pos > target {
                        // inside a character: count it as its start
                        count -= match unit {
                            Unit::Utf16 => c.len_utf16(),
                            _ => 1,
                        };
                        offsets[i] = count;
                        count += match unit {
                            Unit::Utf16 => c.len_utf16(),
                            _ => 1,
                        };
                        break;
                    }
                }
                None => break,
            }
        }
        if pos <= target {
            offsets[i] = count;
        }
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

    #[test]
    fn past_the_end_and_inside_a_char() {
        assert_eq!(convert_one("é", 100, Unit::Codepoint), 1);
        assert_eq!(convert_one("é", 1, Unit::Codepoint), 0);
        assert_eq!(convert_one("", 3, Unit::Utf16), 0);
    }
}
