// The packed result (src/packed.rs, www/lib/packed.js) against the JSON one:
// for the seeds, article-sized pieces of the benchmark news, hostile strings
// and every option set, `unpack(text, ...annotate_packed(text, o))` must be
// the very object `annotate(text, o)` gives, with its keys in the same order
// (JSON.stringify of both is compared, so order counts). Runs in Node on the
// wasm build in www/pkg (`make build`); no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT, SEEDS } from './helpers.mjs';

const glue = await import(`${ROOT}www/pkg/newslens.js`);
glue.initSync({ module: readFileSync(`${ROOT}www/pkg/newslens_bg.wasm`) });
const { unpack } = await import(`${ROOT}www/lib/packed.js`);

function texts() {
  const out = SEEDS.map((s) => readFileSync(`${ROOT}seeds/${s.file}`, 'utf8'));
  const news = readFileSync(`${ROOT}bench/news.txt`, 'utf8').slice(0, 120_000).split('\n\n');
  for (let k = 0; k + 6 <= news.length; k += 6) out.push(news.slice(k, k + 6).join('\n\n'));
  // A text of several windows (32 KB each), packed a window at a time.
  out.push(news.join('\n\n'));
  out.push('', ' ', '"', '“”', '\u0000', '🙂 Zoë in Zürich said “yes” on Monday.', 'ISIS ISIS Daesh IS',
    'Mattis, Mattis: "He said," he said. “…” — “', '\u2028\u2029\ufeffMosul');
  return out;
}

const OPTIONS = [
  { reference_date: '2017-02-21' },
  {},
  { reference_date: '2017-02-21', day_first: true, lenses: { quotes: false, figures: false } },
  { lenses: { actors: false, places: false, dates: true, figures: true, quotes: true } },
];

// Every optional span field (src/model.rs, OPTIONAL_FIELDS), each a bit of
// the packed mask: the texts must hold each, or a field unpacked under the
// wrong bit could go unseen.
const OPTIONAL = ['value', 'mod', 'approx', 'approx_kind', 'counts', 'unit', 'source', 'entity', 'role', 'speaker', 'why'];

test('the packed result unpacks to exactly the JSON result', () => {
  let spans = 0;
  const met = new Set();
  for (const text of texts()) {
    for (const o of OPTIONS) {
      const want = glue.annotate(text, o);
      const [nums, strs] = glue.annotate_packed(text, o);
      assert.ok(nums instanceof Uint32Array && typeof strs === 'string');
      const got = unpack(text, nums, strs);
      assert.equal(JSON.stringify(got), JSON.stringify(want), `options ${JSON.stringify(o)}, text ${JSON.stringify(text.slice(0, 60))}`);
      spans += want.spans.length;
      for (const s of want.spans) for (const k of Object.keys(s)) met.add(k);
    }
  }
  assert.ok(spans > 5000, `enough spans compared (${spans})`);
  assert.deepEqual(OPTIONAL.filter((k) => !met.has(k)), [], 'every optional field compared at least once');
});
