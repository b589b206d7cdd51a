//! Fuzzes `annotate` with random text, lenses, reference dates and numeric
//! date order (sometimes in small windows, as a book is read, on up to
//! three threads), and checks the span invariants the page and the CLI rely
//! on.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslens::offsets::Unit;
use newslens::{Label, Lenses, Options, annotate, annotate_in_windows};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, body) = data.split_at(4);
    let bits = head[0];
    // Reference dates anywhere in 1900–2155, sometimes invalid, sometimes absent.
    let reference_date = (bits & 0x80 != 0).then(|| {
        format!(
            "{:04}-{:02}-{:02}",
            1900 + u32::from(head[1]),
            head[2] % 14,
            head[3] % 33
        )
    });
    let opts = Options {
        reference_date,
        lenses: Lenses {
            actors: bits & 1 != 0,
            places: bits & 2 != 0,
            dates: bits & 4 != 0,
            figures: bits & 8 != 0,
            quotes: bits & 16 != 0,
        },
        day_first: bits & 32 != 0,
        // One to three threads (0 is one) for a text read in windows.
        threads: usize::from(head[1] & 3),
    };
    let text = String::from_utf8_lossy(body);
    // Sometimes read in small windows, as a book is read in 32 KB ones.
    let found = if bits & 64 != 0 {
        let window = 16 + usize::from(head[2]) * 4;
        let found = annotate_in_windows(&text, &opts, window);
        // Windows read on several threads find what one thread finds.
        let one = Options {
            threads: 1,
            ..opts.clone()
        };
        assert!(annotate_in_windows(&text, &one, window) == found);
        found
    } else {
        annotate(&text, &opts)
    };
    let mut last_end = 0;
    for s in &found.spans {
        assert!(s.start < s.end && s.end <= text.len());
        assert_eq!(&text[s.start..s.end], s.text);
        if s.label != Label::Quote {
            assert!(s.start >= last_end, "overlap at {}", s.start);
            last_end = s.end;
        }
    }
    let mut utf16 = found.clone();
    utf16.convert_offsets(&text, Unit::Utf16);
    let units: Vec<u16> = text.encode_utf16().collect();
    for s in &utf16.spans {
        assert_eq!(String::from_utf16_lossy(&units[s.start..s.end]), s.text);
    }
});
