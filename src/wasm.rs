//! The JavaScript face of the core: `annotate(text, options)` and `version()`.
//!
//! The result crosses the boundary as one JSON string parsed by the engine's
//! own `JSON.parse`, which is far cheaper than building thousands of small
//! objects field by field. Offsets are UTF-16 code units, what `String.slice`
//! uses. Nothing here is stateful, so JavaScript never frees anything.

use wasm_bindgen::prelude::*;

use crate::offsets::Unit;
use crate::{Options, annotate as core_annotate};

/// Annotates `text`. `options` is `undefined`, `null` or an object such as
/// `{reference_date: "2017-02-21", lenses: {quotes: false}, day_first: false}`;
/// missing fields take their defaults. Returns
/// `{reference_date, reference_date_source, reference_date_clue, spans, entities}`.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        let json = js_sys::JSON::stringify(&options)?;
        let json: String = json.into();
        serde_json::from_str(&json).map_err(|e| JsValue::from_str(&format!("bad options: {e}")))?
    };
    let mut found = core_annotate(text, &options);
    found.convert_offsets(text, Unit::Utf16);
    js_sys::JSON::parse(&found.to_json())
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
