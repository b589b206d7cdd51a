//! Fuzzes the byte → UTF-16 / code point conversion against the standard
//! library's own counting, with offsets in any order and inside characters.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::offsets::{Unit, convert};

fuzz_target!(|data: &[u8]| {
    let split = data.first().copied().unwrap_or(0) as usize % (data.len().max(1));
    let (raw, offs) = data.split_at(split.min(data.len()));
    let text = String::from_utf8_lossy(raw);
    let mut bytes: Vec<usize> = offs
        .chunks(2)
        .map(|c| c.iter().fold(0, |a, &b| a * 256 + b as usize))
        .collect();
    let original = bytes.clone();
    // Expected values from the standard library, counted once per byte.
    let mut at_byte = vec![(0usize, 0usize); text.len() + 1];
    let (mut u16s, mut cps) = (0, 0);
    for (i, c) in text.char_indices() {
        for b in i..i + c.len_utf8() {
            at_byte[b] = (u16s, cps);
        }
        u16s += c.len_utf16();
        cps += 1;
    }
    at_byte[text.len()] = (u16s, cps);
    for unit in [Unit::Utf16, Unit::Codepoint] {
        convert(&text, &mut bytes, unit);
        for (k, &b) in original.iter().enumerate() {
            // An offset inside a character counts as that character's start;
            // past the end, as the end.
            let (u, c) = at_byte[b.min(text.len())];
            let want = if unit == Unit::Utf16 { u } else { c };
            assert_eq!(bytes[k], want, "{unit:?} offset {b} of {text:?}");
        }
        bytes.clone_from(&original);
    }
});
