//! The wasm face of the core, run under Node by wasm-bindgen-test-runner
//! (`cargo test --target wasm32-unknown-unknown --test wasm`).
//!
//! Every table case in `testdata/` goes through the JavaScript API, and every
//! span's UTF-16 offsets must slice the same text with JavaScript's own
//! `String.prototype.slice`.
#![cfg(target_arch = "wasm32")]

mod common;

use newslens::{Annotations, Options};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// Calls the exported `annotate` as JavaScript would and checks the offsets
/// with JS string slicing; returns the result with byte offsets again so the
/// shared table checks apply.
fn via_js(text: &str, opts: &Options) -> Annotations {
    let js_opts = js_sys::JSON::parse(&serde_json::to_string(opts).unwrap()).unwrap();
    let out = newslens::wasm::annotate(text, js_opts).expect("annotate returns a value");
    let json: String = js_sys::JSON::stringify(&out).unwrap().into();
    let mut found: Annotations = serde_json::from_str(&json).unwrap();
    let js_text = js_sys::JsString::from(text);
    for s in &found.spans {
        let sliced: String = js_text.slice(s.start as u32, s.end as u32).into();
        assert_eq!(
            sliced, s.text,
            "UTF-16 offsets {}..{} do not slice {:?}",
            s.start, s.end, s.text
        );
    }
    // Back to bytes for the table checks.
    let utf16_to_byte = |u: usize| {
        let mut units = 0;
        for (i, c) in text.char_indices() {
            if units >= u {
                return i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    for s in &mut found.spans {
        s.start = utf16_to_byte(s.start);
        s.end = utf16_to_byte(s.end);
    }
    found
}

#[wasm_bindgen_test]
fn table_cases_through_js() {
    let mut fails = Vec::new();
    for (file, src) in common::FILES {
        for case in common::cases(file, src) {
            fails.extend(common::check(file, &case, &via_js));
        }
    }
    assert!(fails.is_empty(), "{} failures: {fails:#?}", fails.len());
}

#[wasm_bindgen_test]
fn astral_text_slices_in_js() {
    let text =
        "🙂 On Monday, 🇮🇶 Iraqi forces — up to 750,000 — entered Mosul. “Ça va,” Ra’ed said.";
    let opts = Options {
        reference_date: Some("2017-02-21".into()),
        ..Options::default()
    };
    let _ = via_js(text, &opts);
}

#[wasm_bindgen_test]
fn empty_and_missing_options_are_valid() {
    let a = newslens::wasm::annotate("On Monday.", JsValue::UNDEFINED).unwrap();
    let b = newslens::wasm::annotate("On Monday.", js_sys::Object::new().into()).unwrap();
    let (a, b): (String, String) = (
        js_sys::JSON::stringify(&a).unwrap().into(),
        js_sys::JSON::stringify(&b).unwrap().into(),
    );
    assert_eq!(a, b);
    assert!(!newslens::wasm::version().is_empty());
}
