// The engine's result from its packed form (src/packed.rs): one Uint32Array
// and one string holding the result's strings, a repeated one (nearly
// always) once. Builds exactly the objects annotate()'s JSON would give —
// same fields, same order, spans' `text` sliced from the annotated text —
// far faster than JSON.parse, and a repeated string ("gazetteer", an
// entity's key) is one string, not many.
//
//   const [nums, strs] = annotate_packed(text, options);
//   const result = unpack(text, nums, strs);

const NONE = 0xffffffff;
const LABELS = ['actor', 'place', 'date', 'figure', 'quote'];
const SOURCES = ['given', 'inferred', 'none'];

export function unpack(text, nums, strs) {
  let i = 0;
  const dict = new Array(nums[i++]);
  for (let k = 0, at = 0; k < dict.length; k++) {
    const len = nums[i++];
    dict[k] = strs.slice(at, at + len);
    at += len;
  }
  const str = (k) => (k === NONE ? null : dict[k]);
  const list = () => {
    const out = new Array(nums[i++]);
    for (let k = 0; k < out.length; k++) out[k] = dict[nums[i++]];
    return out;
  };
  const reference_date = str(nums[i++]);
  const reference_date_source = SOURCES[nums[i++]];
  const reference_date_clue = str(nums[i++]);
  const spans = new Array(nums[i++]);
  for (let k = 0; k < spans.length; k++) {
    const start = nums[i + 2];
    const end = nums[i + 3];
    const s = { label: LABELS[nums[i]], type: dict[nums[i + 1]], start, end, text: text.slice(start, end) };
    const mask = nums[i + 4];
    i += 5;
    // The optional fields, in the order of the JSON and of the mask's
    // bits (src/model.rs, OPTIONAL_FIELDS). Each is stored by name: V8's
    // named stores cost less than stores by a computed key (unpack 15 %
    // faster, bench/RESULTS.md).
    if (mask) {
      if (mask & 1) s.value = dict[nums[i++]];
      if (mask & 2) s.mod = dict[nums[i++]];
      if (mask & 4) s.approx = dict[nums[i++]];
      if (mask & 8) s.approx_kind = dict[nums[i++]];
      if (mask & 16) s.counts = dict[nums[i++]];
      if (mask & 32) s.unit = dict[nums[i++]];
      if (mask & 64) s.source = dict[nums[i++]];
      if (mask & 128) s.entity = dict[nums[i++]];
      if (mask & 256) s.role = dict[nums[i++]];
      if (mask & 512) s.speaker = dict[nums[i++]];
      if (mask & 1024) s.why = dict[nums[i++]];
    }
    spans[k] = s;
  }
  const entities = new Array(nums[i++]);
  for (let k = 0; k < entities.length; k++) {
    const name = dict[nums[i++]];
    const type = dict[nums[i++]];
    const roles = list();
    const aliases = list();
    // (A plain loop: a subarray view per entity and Array.from over it
    // took more than 40 % of unpack's time.)
    const mentions = new Array(nums[i++]);
    for (let m = 0; m < mentions.length; m++) mentions[m] = nums[i++];
    entities[k] = { name, type, roles, aliases, mentions };
  }
  return { reference_date, reference_date_source, reference_date_clue, spans, entities };
}
