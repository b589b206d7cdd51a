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
// The optional span fields, in the order of the JSON and of the mask bits.
const OPTIONAL = ['value', 'mod', 'approx', 'approx_kind', 'counts', 'unit', 'source', 'entity', 'role', 'speaker', 'why'];

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
    for (let b = 0; mask >> b; b++) if (mask & (1 << b)) s[OPTIONAL[b]] = dict[nums[i++]];
    spans[k] = s;
  }
  const entities = new Array(nums[i++]);
  for (let k = 0; k < entities.length; k++) {
    const name = dict[nums[i++]];
    const type = dict[nums[i++]];
    const roles = list();
    const aliases = list();
    const mentions = Array.from(nums.subarray(i + 1, i + 1 + nums[i]));
    i += 1 + mentions.length;
    entities[k] = { name, type, roles, aliases, mentions };
  }
  return { reference_date, reference_date_source, reference_date_clue, spans, entities };
}
