// A reader's corrections to the engine's highlights, kept per article.
//
//   const shown = applyCorrections(ann, text, ops);   // a new Annotations, marked
//   ops = [...ops, { op: 'add', start, end, label }];  // UTF-16 offsets, as the page uses
//
// Operations name a span by its place and lens (start, end, label), never by
// its index, so they still apply after the text is annotated again:
//   {op: 'add', start, end, label, type?, value?}
//   {op: 'remove', start, end, label}
//   {op: 'edit', start, end, label, to: {label?, type?, value?}}
// They are applied in order. Spans that a correction touched carry
// `corrected: 'added' | 'changed'`; removed spans are gone, and the entity
// list is re-indexed so that exports and panels see the corrected article.

export const LENS_NAMES = { actor: 'Actor', place: 'Place', date: 'Date', figure: 'Figure', quote: 'Quote' };
/** The types of each lens (ANNOTATION.md), the first one the default. */
export const TYPES = {
  actor: ['person', 'organization', 'group'], place: ['place'], date: ['date', 'time', 'duration', 'set'],
  figure: ['count', 'vague', 'money', 'percent', 'quantity'], quote: ['quote'],
};
const DEFAULT_TYPE = Object.fromEntries(Object.entries(TYPES).map(([l, t]) => [l, t[0]]));

const same = (s, op) => s.start === op.start && s.end === op.end && s.label === op.label;

export function applyCorrections(ann, text, ops = []) {
  if (!ops.length) return ann;
  let spans = ann.spans.map((s, i) => ({ ...s, origin: i }));
  for (const op of ops) {
    if (op.op === 'add') {
      if (op.end <= op.start || op.end > text.length || spans.some((s) => same(s, op))) continue;
      const span = { label: op.label, type: op.type ?? DEFAULT_TYPE[op.label] ?? op.label,
        start: op.start, end: op.end, text: text.slice(op.start, op.end), corrected: 'added' };
      if (op.value) span.value = op.value;
      spans.push(span);
    } else if (op.op === 'remove') {
      spans = spans.filter((s) => !same(s, op));
    } else if (op.op === 'edit') {
      const s = spans.find((x) => same(x, op));
      if (!s) continue;
      if (op.to.label && op.to.label !== s.label) {
        s.label = op.to.label;
        s.type = DEFAULT_TYPE[op.to.label] ?? op.to.label;
        // What belonged to the old lens does not hold for the new one.
        for (const k of ['entity', 'role', 'counts', 'approx', 'approx_kind', 'unit', 'source', 'speaker', 'mod', 'value']) delete s[k];
      }
      if (op.to.type && TYPES[s.label]?.includes(op.to.type)) s.type = op.to.type;
      if ('value' in op.to) {
        if (op.to.value) s.value = op.to.value;
        else delete s.value;
      }
      if (s.corrected !== 'added') s.corrected = 'changed';
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const index = new Map();
  spans.forEach((s, i) => s.origin !== undefined && index.set(s.origin, i));
  for (const s of spans) delete s.origin;
  const entities = ann.entities
    .map((e) => ({ ...e, mentions: e.mentions.map((m) => index.get(m))
      .filter((m) => m !== undefined && spans[m].label === 'actor') }))
    .filter((e) => e.mentions.length);
  return { ...ann, spans, entities };
}

/** A short description of an operation, for the list of corrections. */
export function describeOp(op, text) {
  const quoted = `“${text.slice(op.start, op.end)}”`;
  if (op.op === 'add') return `added ${quoted} as ${LENS_NAMES[op.label] ?? op.label}${op.type ? ` (${op.type})` : ''}`;
  if (op.op === 'remove') return `removed ${quoted} (${LENS_NAMES[op.label] ?? op.label})`;
  const parts = [];
  if (op.to.label) parts.push(`lens ${LENS_NAMES[op.to.label] ?? op.to.label}`);
  if (op.to.type) parts.push(`type ${op.to.type}`);
  if ('value' in op.to) parts.push(op.to.value ? `value ${op.to.value}` : 'no value');
  return `changed ${quoted}: ${parts.join(', ')}`;
}

/**
 * Corrections of one article, saved in IndexedDB when the browser allows it
 * and kept for this visit otherwise (a file:// page, private mode).
 */
export function correctionsStore(store) {
  const memory = new Map();
  return {
    async get(key) {
      if (memory.has(key)) return memory.get(key);
      let ops = [];
      try {
        ops = await store.corrections.get(key);
      } catch {
        // No storage: corrections live for this visit.
      }
      memory.set(key, ops);
      return ops;
    },
    /** Saves; resolves to false when only this visit keeps them. */
    async put(key, ops) {
      memory.set(key, ops);
      try {
        if (ops.length) await store.corrections.put(key, ops);
        else await store.corrections.remove(key);
        return true;
      } catch {
        return false;
      }
    },
  };
}
