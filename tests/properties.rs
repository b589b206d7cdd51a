//! Property tests: for any text, spans are in bounds, on character
//! boundaries, sorted, non-overlapping (quotes aside), slice their own text,
//! and annotation is deterministic; offsets convert consistently.
#![cfg(not(target_arch = "wasm32"))] // native only: files, processes, proptest

mod common;

use newslens::offsets::{self, Unit};
use newslens::{Annotations, Label, Lenses, Options, annotate, annotate_in_windows};
use proptest::prelude::*;

/// Text made of news-like pieces, so the lenses actually fire, mixed with
/// hostile characters: astral, combining, bidi controls, quotes, digits.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mosul".to_string()),
        Just("Iraqi forces".to_string()),
        Just("on Monday".to_string()),
        Just("February 11, 2017".to_string()),
        Just("up to 750,000".to_string()),
        Just("hundreds of thousands of".to_string()),
        Just("\u{201c}We will win,\u{201d} he said.".to_string()),
        Just("\"quoted\"".to_string()),
        Just("James Mattis".to_string()),
        Just("ISIS".to_string()),
        Just("$3.5bn".to_string()),
        Just("20%".to_string()),
        Just("🙂".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("-".to_string()),
        Just("’s".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,6}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::option::of((1900i32..2100, 1u32..13, 1u32..29)),
        any::<[bool; 5]>(),
        any::<bool>(),
        0usize..5,
    )
        .prop_map(|(date, l, day_first, threads)| Options {
            reference_date: date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            lenses: Lenses {
                actors: l[0],
                places: l[1],
                dates: l[2],
                figures: l[3],
                quotes: l[4],
            },
            day_first,
            threads,
        })
}

/// Spans in bounds, on character boundaries, slicing their own text,
/// sorted, only of the lenses asked for, not overlapping (quotes aside);
/// entities pointing at mentions of their own key.
fn well_formed(text: &str, opts: &Options, a: &Annotations) -> Result<(), TestCaseError> {
    let mut last_end = 0usize;
    let mut last_start = 0usize;
    for s in &a.spans {
        prop_assert!(
            s.start < s.end && s.end <= text.len(),
            "{s:?} out of bounds"
        );
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert_eq!(&text[s.start..s.end], s.text.as_str());
        prop_assert!(s.start >= last_start, "spans not sorted");
        prop_assert!(
            opts.lenses.wants(s.label),
            "{:?} reported though switched off",
            s.label
        );
        last_start = s.start;
        if s.label != Label::Quote {
            prop_assert!(s.start >= last_end, "{s:?} overlaps a previous span");
            last_end = s.end;
        }
    }
    for e in &a.entities {
        for &m in &e.mentions {
            prop_assert!(m < a.spans.len());
            prop_assert_eq!(a.spans[m].entity.as_deref(), Some(e.name.as_str()));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_well_formed(text in newsish(), opts in options()) {
        let a = annotate(&text, &opts);
        well_formed(&text, &opts, &a)?;
        prop_assert_eq!(annotate(&text, &opts), a, "not deterministic");
    }

    /// The same holds of a text read in windows (as a book is), with
    /// windows small enough that cuts fall inside names, numbers and
    /// characters, and read on up to four threads.
    #[test]
    fn windowed_spans_are_well_formed(text in newsish(), opts in options(), window in 4usize..160) {
        let a = annotate_in_windows(&text, &opts, window);
        well_formed(&text, &opts, &a)?;
        prop_assert_eq!(annotate_in_windows(&text, &opts, window), a.clone(), "not deterministic");
        // Windows read on several threads at once find what one finds.
        let one = Options { threads: 1, ..opts.clone() };
        prop_assert_eq!(annotate_in_windows(&text, &one, window), a, "threads change it");
    }

    #[test]
    fn offsets_convert_like_std(text in "\\PC{0,40}") {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        let mut cps = bytes.clone();
        offsets::convert(&text, &mut cps, Unit::Codepoint);
        let mut u16s = bytes.clone();
        offsets::convert(&text, &mut u16s, Unit::Utf16);
        for (k, &b) in bytes.iter().enumerate() {
            prop_assert_eq!(cps[k], text[..b].chars().count());
            prop_assert_eq!(u16s[k], text[..b].encode_utf16().count());
        }
    }
}

proptest! {
    /// Offsets in any order, repeated, inside characters or past the end.
    #[test]
    fn any_offsets_convert_to_their_character_start(text in "\\PC{0,20}", offs in prop::collection::vec(0usize..90, 0..12)) {
        for unit in [Unit::Codepoint, Unit::Utf16] {
            let mut got = offs.clone();
            offsets::convert(&text, &mut got, unit);
            for (k, &b) in offs.iter().enumerate() {
                let mut at = b.min(text.len());
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let want = match unit {
                    Unit::Utf16 => text[..at].encode_utf16().count(),
                    _ => text[..at].chars().count(),
                };
                prop_assert_eq!(got[k], want);
            }
        }
    }
}

#[test]
fn seeds_slice_through_every_unit() {
    let mut n = 0;
    for (p, text) in common::seed_articles() {
        let a = annotate(&text, &Options::default());
        for unit in [Unit::Codepoint, Unit::Utf16] {
            let mut b = a.clone();
            b.convert_offsets(&text, unit);
            let units: Vec<u32> = match unit {
                Unit::Utf16 => text.encode_utf16().map(u32::from).collect(),
                _ => text.chars().map(u32::from).collect(),
            };
            for s in &b.spans {
                let piece: Vec<u32> = match unit {
                    Unit::Utf16 => s.text.encode_utf16().map(u32::from).collect(),
                    _ => s.text.chars().map(u32::from).collect(),
                };
                assert_eq!(
                    &units[s.start..s.end],
                    &piece[..],
                    "{} {:?}",
                    p.display(),
                    s.text
                );
            }
        }
        n += a.spans.len();
    }
    eprintln!("{n} seed spans slice their text in bytes, code points and UTF-16");
}

/// Hostile shapes in bulk: time must stay linear, so these finish quickly even
/// unoptimized (the limit only catches a hang, it is not a speed test).
#[test]
fn hostile_bulk_text_finishes() {
    let mb = 1 << 20;
    let shapes: Vec<(&str, String)> = vec![
        ("digits", "7".repeat(mb / 4)),
        ("one letter", "a".repeat(mb / 4)),
        ("capitalised words", "Abc ".repeat(mb / 16)),
        ("quotation marks", "\"“”'".repeat(mb / 16)),
        (
            "parentheses",
            "(((".repeat(mb / 12) + &")))".repeat(mb / 12),
        ),
        ("newlines", "\n".repeat(mb / 4)),
        ("month names", "March May June ".repeat(mb / 60)),
        ("numbers and commas", "1,000, ".repeat(mb / 28)),
        (
            "bidi and astral",
            "\u{202e}🙂\u{200f}e\u{301} ".repeat(mb / 40),
        ),
    ];
    for (name, text) in shapes {
        let t = std::time::Instant::now();
        let a = annotate(&text, &Options::default());
        let secs = t.elapsed().as_secs_f64();
        eprintln!(
            "{name}: {} KB, {} spans, {secs:.2} s",
            text.len() / 1024,
            a.spans.len()
        );
        assert!(secs < 60.0, "{name} took {secs:.1} s: a hang?");
    }
}
