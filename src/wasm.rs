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

use crate::Options;
use crate::offsets::Unit;

/// Reads the options object (`undefined` or `null`: the defaults).
fn options(options: &JsValue) -> Result<Options, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    let json = js_sys::JSON::stringify(options)?;
    let json: String = json.into();
    serde_json::from_str(&json).map_err(|e| JsValue::from_str(&format!("bad options: {e}")))
}

/// Annotates `text`. `options` is `undefined`, `null` or an object such as
/// `{reference_date: "2017-02-21", lenses: {quotes: false}, day_first: false}`;
/// missing fields take their defaults. Returns
/// `{reference_date, reference_date_source, reference_date_clue, spans, entities}`.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    // Written as the CLI writes it, a window at a time, with no
    // `Annotations` made (the same bytes as its `to_json`).
    let mut json = Vec::new();
    crate::annotate_to_json(
        text,
        &self::options(&options)?,
        Unit::Utf16,
        None,
        &mut json,
    )
    .map_err(|e| JsValue::from_str(&e.to_string()))?;
    // (The writer adds only ASCII to whole `str`s: always UTF-8.)
    js_sys::JSON::parse(&String::from_utf8_lossy(&json))
}

/// Annotates `text` as [`annotate`] does, and returns `[numbers, strings]`:
/// a `Uint32Array` and a string, the packed form of the same result
/// (`unpack(text, packed)` in `www/lib/packed.js` makes the objects).
#[wasm_bindgen]
pub fn annotate_packed(text: &str, options: JsValue) -> Result<js_sys::Array, JsValue> {
    let packed = crate::annotate_packed(text, &self::options(&options)?, Unit::Utf16);
    // The runs of numbers copied straight into one array: joined here
    // first, they would be copied twice and held twice in the module's
    // memory, which never shrinks.
    let too_large = || JsValue::from_str("result too large");
    let runs = std::iter::once(&packed.head).chain(&packed.body);
    let total = runs.clone().map(Vec::len).sum::<usize>();
    let nums = js_sys::Uint32Array::new_with_length(u32::try_from(total).map_err(|_| too_large())?);
    let mut at = 0u32;
    for run in runs {
        let end = u32::try_from(run.len())
            .ok()
            .and_then(|len| at.checked_add(len))
            .ok_or_else(too_large)?;
        nums.subarray(at, end).copy_from(run);
        at = end;
    }
    let out = js_sys::Array::new();
    out.push(&nums);
    out.push(&JsValue::from_str(&packed.strings));
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
