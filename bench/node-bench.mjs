// The wasm build in Node, next to chrono-node in the same run.
//
//   node bench/node-bench.mjs [--rounds N] [--corpus bench/news.txt] [--edge DIR]
//
// Needs `make build` (www/pkg) and `npm ci` (chrono-node, a dev dependency
// used only here). With --edge DIR (made by `make bench` from bench/edge/) it
// also splits one annotate call into annotation and edge.
//
// Questions it answers (each printed before its figures):
//  1. How fast is annotate() in wasm, every lens on, as the page calls it
//     (one article at a time: annotate_packed in wasm, unpack in JS)?
//     Target >= 10 MB/s. Also shown: the JSON-returning annotate().
//  2. How does that compare with chrono-node's parse() over the same texts
//     in the same run? Target >= 2.5x. (chrono finds dates only; we also
//     report our dates-only call, which still pays for tokenizing and names.)
//  3. What does the JS edge cost: text in, UTF-16 offsets, JSON text, JSON.parse,
//     and the packed result the page uses (its offsets and packing inside wasm
//     told apart from the crossing out and `unpack`)?
//  4. Does the size of a call matter? The same corpus in calls of about
//     250 B, 2.5 KB, 25 KB and 250 KB, and in one call of all 4 MB.
//  5. From a cold start (a fresh process, as a page load is): how long do
//     loading the wasm, the reader's warm-up call (word lists parsed, code
//     compiled on first use) and then the first seed article take?
//  8. How much memory does the wasm module hold after one call on 1 MB and
//     on 8 MB of news (the CLI's inputs, bench/cli_bench.py), against the
//     text's size? Target: peak <= 10x the input. A module's memory never
//     shrinks, so its size after the call is the call's peak; each is
//     measured in a fresh process.
//
// Timing: wall clock (performance.now) and process CPU time (user+sys, which
// in Node also counts GC threads). Rounds alternate newslens and chrono so a
// burst of load on a shared machine hits both; we print the median and the
// spread (min..max) of the rounds.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as chrono from 'chrono-node';
import { cut as cutPieces } from './pieces.mjs';
import { median } from './rounds.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
// Q5's child: one cold start in a fresh process, printed as JSON.
if (args.includes('--cold-child')) {
  const t0 = performance.now();
  const glue = await loadWasm('www/pkg', 'newslens');
  const t1 = performance.now();
  // The reader's own warm-up (www/worker.js), so this is its start-up.
  glue.warm_up();
  const t2 = performance.now();
  const seed = fs.readFileSync(path.resolve(opt('--seed', '')), 'utf8');
  glue.annotate_packed(seed, { reference_date: '2017-02-21' });
  const t3 = performance.now();
  console.log(JSON.stringify({ load: t1 - t0, warm: t2 - t1, seed: t3 - t2 }));
  process.exit(0);
}
// Q8's child: the wasm memory after the warm-up and after one call on the
// text of --mem-child's size in MB, printed as JSON.
if (args.includes('--mem-child')) {
  const text = bigText(Number(opt('--mem-child', '1')));
  const glue = await import(pathToFileURL(path.resolve('www/pkg/newslens.js')).href);
  const wasm = glue.initSync({ module: fs.readFileSync(path.resolve('www/pkg/newslens_bg.wasm')) });
  glue.warm_up();
  const ready = wasm.memory.buffer.byteLength;
  const [nums] = glue.annotate_packed(text, { reference_date: '2017-02-21' });
  console.log(JSON.stringify({
    text: Buffer.byteLength(text), ready, after: wasm.memory.buffer.byteLength, packed: nums.byteLength,
  }));
  process.exit(0);
}
const ROUNDS = Number(opt('--rounds', '5'));
const CORPUS = opt('--corpus', 'bench/news.txt');
const EDGE = opt('--edge', '');
const REF = '2017-02-21';
const REF_DATE = new Date(Date.UTC(2017, 1, 21, 12));

/** The CLI bench's 1 MB text (the longest prefix of bench/news.txt under
 * 1,000,000 bytes ending at a paragraph break), or `mb` copies of it. */
function bigText(mb) {
  const bytes = fs.readFileSync('bench/news.txt').subarray(0, 1_000_000);
  const cut = new TextDecoder().decode(bytes).replace(/\uFFFD+$/, '');
  const one = cut.slice(0, cut.lastIndexOf('\n\n'));
  return Array(mb).fill(one).join('\n\n');
}

async function loadWasm(dir, name) {
  const glue = await import(pathToFileURL(path.resolve(dir, `${name}.js`)).href);
  glue.initSync({ module: fs.readFileSync(path.resolve(dir, `${name}_bg.wasm`)) });
  return glue;
}

const nl = await loadWasm('www/pkg', 'newslens');
// What the page does with a result: unpack it (www/lib/packed.js).
const { unpack } = await import(pathToFileURL(path.resolve('www/lib/packed.js')).href);
// One call as the page makes it: packed in wasm, unpacked in JavaScript.
const annotate = (text, options) => {
  const [nums, strs] = nl.annotate_packed(text, options);
  return unpack(text, nums, strs);
};

const corpus = fs.readFileSync(CORPUS, 'utf8');
// Pieces of the corpus cut at paragraph breaks, each at least `size` bytes
// (bench/pieces.mjs, which the browser bench cuts with too).
const cut = (size) => cutPieces(corpus, size);
// Article-sized pieces (~2.5 KB like a news story): the page annotates one
// article per call.
const pieces = cut(2500);
const BYTES = pieces.reduce((n, p) => n + Buffer.byteLength(p), 0);
const MB = BYTES / 1e6;

function time(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = (performance.now() - t0) / 1e3;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, out };
}

const fmt = (x, d = 2) => x.toFixed(d);
function summary(label, runs, bytes = BYTES) {
  const w = runs.map((r) => r.wall);
  const c = runs.map((r) => r.cpu);
  const mbs = (t) => bytes / 1e6 / t;
  console.log(
    `  ${label.padEnd(40)} wall ${fmt(mbs(median(w)))} MB/s (rounds ${fmt(mbs(Math.max(...w)))}..${fmt(mbs(Math.min(...w)))}), ` +
      `cpu ${fmt(mbs(median(c)))} MB/s`,
  );
  return { wall: median(w), cpu: median(c) };
}

const ALL = { reference_date: REF };
const DATES_ONLY = {
  reference_date: REF,
  lenses: { actors: false, places: false, dates: true, figures: false, quotes: false },
};
const runAll = () => {
  let n = 0;
  for (const p of pieces) n += annotate(p, ALL).spans.length;
  return n;
};
const runJson = () => {
  let n = 0;
  for (const p of pieces) n += nl.annotate(p, ALL).spans.length;
  return n;
};
const runDates = () => {
  let n = 0;
  for (const p of pieces) n += annotate(p, DATES_ONLY).spans.length;
  return n;
};
const runChrono = () => {
  let n = 0;
  for (const p of pieces) n += chrono.parse(p, REF_DATE).length;
  return n;
};

console.log(`newslens ${nl.version()} (www/pkg) vs chrono-node 2.10.3, Node ${process.version}`);
console.log(`corpus ${CORPUS}: ${pieces.length} article-sized pieces, ${fmt(MB, 3)} MB; ${ROUNDS} rounds`);

// Warm up: JIT, lexicon parsing (LazyLock) and chrono's pattern compilation.
for (let i = 0; i < 3; i++) {
  for (const p of pieces.slice(0, 200)) {
    annotate(p, ALL);
    nl.annotate(p, ALL);
    chrono.parse(p, REF_DATE);
  }
}

const all = [];
const json = [];
const dates = [];
const chr = [];
let counts = {};
for (let r = 0; r < ROUNDS; r++) {
  const a = time(runAll);
  json.push(time(runJson));
  const d = time(runDates);
  const c = time(runChrono);
  all.push(a);
  dates.push(d);
  chr.push(c);
  counts = { all: a.out, dates: d.out, chrono: c.out };
}

console.log('\n[node/annotate] Q1: annotate() in wasm, every lens, one article per call: >= 10 MB/s?');
const sAll = summary('annotate, all lenses', all);
summary('the same, as JSON (annotate())', json);
console.log('\n[node/vs-chrono] Q2: the same texts through chrono-node parse() in the same run: >= 2.5x?');
const sDates = summary('annotate, dates lens only', dates);
const sChr = summary('chrono.parse', chr);
const ratio = (a, b) => `${fmt(b.wall / a.wall)}x wall, ${fmt(b.cpu / a.cpu)}x cpu`;
const perRound = all.map((a, i) => chr[i].wall / a.wall);
console.log(`  ratio all lenses / chrono:   ${ratio(sAll, sChr)} (per round ${perRound.map((x) => fmt(x)).join(', ')})`);
console.log(`  ratio dates only / chrono:   ${ratio(sDates, sChr)}`);
console.log(`  found: ${counts.all} spans (all), ${counts.dates} dates, chrono ${counts.chrono} results`);

// Q4: the same text in calls of other sizes, up to one call on all of it
// (no piece of the corpus reaches an infinite size: one piece, the corpus).
console.log('\n[node/sizes] Q4: does the size of a call matter? The same text, cut into calls of about:');
for (const [label, size] of [['250 B (a paragraph)', 250], ['2.5 KB (an article, as Q1)', 2500],
  ['25 KB (a long report)', 25000], ['250 KB (a short book)', 250000], ['all 4 MB (the corpus)', Infinity]]) {
  const ps = cut(size);
  const runs = [];
  for (let r = 0; r < Math.max(2, Math.min(ROUNDS, 3)); r++) {
    runs.push(time(() => ps.reduce((n, p) => n + annotate(p, ALL).spans.length, 0)));
  }
  const bytes = ps.reduce((n, p) => n + Buffer.byteLength(p), 0);
  summary(`${label}, ${ps.length} call${ps.length > 1 ? 's' : ''}`, runs, bytes);
}

// Q5: cold start, each run in a fresh Node process (nothing cached in it).
{
  console.log('\n[node/cold] Q5: a cold start: load the wasm, the warm-up call, the first seed article');
  const seed = fs.readdirSync('seeds').find((f) => f.endsWith('.txt'));
  const runs = [];
  for (let r = 0; r < Math.max(5, ROUNDS); r++) {
    const out = execFileSync(process.execPath, [
      process.argv[1], '--cold-child', '--seed', path.join('seeds', seed),
    ]);
    runs.push(JSON.parse(String(out)));
  }
  const row = (k) => {
    const xs = runs.map((x) => x[k]);
    return `${fmt(median(xs), 1)} ms (${fmt(Math.min(...xs), 1)}..${fmt(Math.max(...xs), 1)})`;
  };
  console.log(`  ${runs.length} fresh processes, median (min..max); seed ${seed}`);
  console.log(`  load and instantiate the wasm   ${row('load')}`);
  console.log(`  warm-up call (reader ready)     ${row('warm')}`);
  console.log(`  first seed article after it     ${row('seed')}`);
}

// Q8: the wasm memory a long text leaves, each size in a fresh process.
{
  console.log('\n[node/memory] Q8: wasm memory after one call on 1 MB and on 8 MB: peak <= 10x the input?');
  for (const mb of [1, 8]) {
    const out = execFileSync(process.execPath, [process.argv[1], '--mem-child', String(mb)]);
    const m = JSON.parse(String(out));
    const MiB = (x) => `${fmt(x / 1048576, 1)} MiB`;
    console.log(
      `  ${fmt(m.text / 1e6)} MB text: wasm memory ${MiB(m.after)} = ${fmt(m.after / m.text, 1)}x the text ` +
        `(${MiB(m.ready)} after the warm-up; packed numbers ${MiB(m.packed)}, held by JS)`,
    );
  }
}

if (EDGE) {
  const eg = await loadWasm(EDGE, 'newslens_edge_bench');
  console.log('\n[node/edge] Q3: what the JS edge costs (same wasm build, same pieces)');
  const pass = [];
  const core = [];
  const packedIn = [];
  const json = [];
  const full = [];
  let jsonBytes = 0;
  for (let r = 0; r < ROUNDS; r++) {
    pass.push(time(() => pieces.reduce((n, p) => n + eg.bench_pass_text(p), 0)));
    core.push(time(() => pieces.reduce((n, p) => n + eg.bench_core_only(p, REF), 0)));
    packedIn.push(time(() => pieces.reduce((n, p) => n + eg.bench_core_packed(p, REF), 0)));
    json.push(
      time(() => {
        let n = 0;
        for (const p of pieces) {
          const s = eg.bench_core_json(p, REF);
          n += s.length;
        }
        jsonBytes = n;
        return n;
      }),
    );
    full.push(
      time(() =>
        pieces.reduce((n, p) => {
          const [nums, strs] = eg.annotate_packed(p, ALL);
          return n + unpack(p, nums, strs).spans.length;
        }, 0),
      ),
    );
  }
  // JSON.parse alone, over the JSON texts of every piece.
  const texts = pieces.map((p) => eg.bench_core_json(p, REF));
  const parse = [];
  for (let r = 0; r < ROUNDS; r++) {
    parse.push(time(() => texts.reduce((n, s) => n + JSON.parse(s).spans.length, 0)));
  }
  const m = (runs) => median(runs.map((x) => x.wall));
  const tPass = m(pass);
  const tCore = m(core);
  const tPacked = m(packedIn);
  const tJson = m(json);
  const tFull = m(full);
  const tParse = m(parse);
  summary('text into wasm only', pass);
  summary('core only (count out)', core);
  summary('core + offsets + packed (in wasm)', packedIn);
  summary('core + offsets + JSON text', json);
  summary('JSON.parse of that text', parse);
  summary('annotate (shipped edge: packed + unpack)', full);
  const pct = (x, of = tFull) => `${fmt((100 * x) / of, 1)} %`;
  console.log(`  JSON text: ${fmt(jsonBytes / 1e6, 2)} M chars for ${fmt(MB, 2)} MB of input`);
  console.log(
    `  share of the page's annotate (packed): core ${pct(tCore)}, text in ${pct(tPass)}, ` +
      `offsets + packing + unpack ${pct(tFull - tCore)} (offsets + packing in wasm ` +
      `${pct(tPacked - tCore)}, options object + crossing out + unpack ${pct(tFull - tPacked)})`,
  );
  const viaJson = tJson + tParse;
  console.log(
    `  the same through JSON would be: core ${pct(tCore, viaJson)}, offsets + JSON text ` +
      `${pct(tJson - tCore, viaJson)}, JSON.parse ${pct(tParse, viaJson)}`,
  );
}
