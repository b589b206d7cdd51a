//! The JavaScript face of the core: `annotate_packed(text, options)` (what the
//! page uses), `annotate(text, options)`, `warm_up()` and `version()`.
//!
//! `annotate` returns the result as objects, through one JSON string parsed
//! by the engine's own `JSON.parse`. `annotate_packed` returns the same
//! result as one `Uint32Array` and one string of the distinct strings
//! ([`crate::packed`]); `www/lib/packed.js` builds the same objects from it at
//! a fraction of `JSON.parse`'s cost, and a worker can hand the array over
//! without copying. Offsets are UTF-16 code units, what `String.slice` uses.
//! Nothing here is stateful, so JavaScript never frees anything.

use wasm_bindgen::prelude::*;

use crate::offsets::Unit;
use crate::{Annotations, Options, annotate as core_annotate};

/// Reads the options object (`undefined` or `null`: the defaults) and
/// annotates `text`, with UTF-16 offsets.
fn run(text: &str, options: &JsValue) -> Result<Annotations, JsValue> {
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        let json = js_sys::JSON::stringify(options)?;
        let json: String = json.into();
        serde_json::from_str(&json).map_err(|e| JsValue::from_str(&format!("bad options: {e}")))?
    };
    let mut found = core_annotate(text, &options);
    found.convert_offsets(text, Unit::Utf16);
    Ok(found)
}

/// Annotates `text`. `options` is `undefined`, `null` or an object such as
/// `{reference_date: "2017-02-21", lenses: {quotes: false}, day_first: false}`;
/// missing fields take their defaults. Returns
/// `{reference_date, reference_date_source, reference_date_clue, spans, entities}`.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&run(text, &options)?.to_json())
}

/// Annotates `text` as [`annotate`] does, and returns `[numbers, strings]`:
/// a `Uint32Array` and a string, the packed form of the same result
/// (`unpack(text, packed)` in `www/lib/packed.js` makes the objects).
#[wasm_bindgen]
pub fn annotate_packed(text: &str, options: JsValue) -> Result<js_sys::Array, JsValue> {
    let (nums, strs) = run(text, &options)?.to_packed();
    let out = js_sys::Array::new();
    out.push(&js_sys::Uint32Array::from(nums.as_slice()));
    out.push(&JsValue::from_str(&strs));
    Ok(out)
}

/// Annotates a built-in paragraph that reaches every lens, so that the word
/// lists are parsed and the code compiled before the first article
/// ([`crate::warm_up`]); returns how many spans it found.
#[wasm_bindgen]
pub fn warm_up() -> u32 {
    u32::try_from(crate::warm_up()).unwrap_or(u32::MAX)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
