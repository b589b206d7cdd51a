//! Bench-only exports over the same core as the shipped `annotate` (which this
//! module also exports, from the newslens crate itself).

use newslens::offsets::Unit;
use newslens::{Options, annotate};
use wasm_bindgen::prelude::*;

fn options(reference_date: &str) -> Options {
    Options {
        reference_date: Some(reference_date.to_string()),
        ..Options::default()
    }
}

/// The annotation alone: the text crosses in, a count crosses out.
#[wasm_bindgen]
pub fn bench_core_only(text: &str, reference_date: &str) -> usize {
    annotate(text, &options(reference_date)).spans.len()
}

/// Annotation plus the Rust half of the edge: UTF-16 offsets and the JSON
/// text, returned as a string (JavaScript then calls JSON.parse itself).
#[wasm_bindgen]
pub fn bench_core_json(text: &str, reference_date: &str) -> String {
    let mut found = annotate(text, &options(reference_date));
    found.convert_offsets(text, Unit::Utf16);
    found.to_json()
}

/// Annotation plus the Rust half of the page's edge: UTF-16 offsets and the
/// packed form, built and dropped inside wasm (a count crosses out), so the
/// crossing and `unpack` can be told from the packing. The page's own path
/// (`newslens::annotate_packed`, packing a window at a time), so that only
/// the crossing, the options object and `unpack` differ from the shipped call.
#[wasm_bindgen]
pub fn bench_core_packed(text: &str, reference_date: &str) -> usize {
    let p = newslens::annotate_packed(text, &options(reference_date), Unit::Utf16);
    p.head.len() + p.body.iter().map(Vec::len).sum::<usize>() + p.strings.len()
}

/// Only the crossing of the text into wasm memory.
#[wasm_bindgen]
pub fn bench_pass_text(text: &str) -> usize {
    text.len()
}
