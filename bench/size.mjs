// What ships, and what each lexicon costs in it.
//
//   node bench/size.mjs [www/pkg]      (after `make build`)
//
// Question: is the shipped wasm + JS glue <= 400 KB gzipped, every lexicon
// included, and how much of that is each data/ file?
//
// A lexicon's cost is measured as embedded: `include_str!` puts the file's
// bytes verbatim in the wasm data section, so we find them there and compare
// the compressed wasm with and without those bytes. That is the marginal
// cost in the shipped file (gzip -9 and brotli q11), which differs from
// compressing the file alone (also shown) because the rest of the module
// shares its dictionary. Code that parses a lexicon is not counted.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';

const dir = process.argv[2] ?? 'www/pkg';
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) =>
  zlib.brotliCompressSync(b, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length,
    },
  }).length;
// GNU gzip -9 compresses this wasm ~4 % better than zlib level 9; we show
// both and hold the budget to the larger (zlib: what most servers use).
const gzCli = (b) => {
  const r = spawnSync('gzip', ['-9c'], { input: b, maxBuffer: 1 << 30 });
  return r.status === 0 ? r.stdout.length : NaN;
};
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const row = (cells) => `| ${cells.join(' | ')} |`;

const wasm = fs.readFileSync(path.join(dir, 'newslens_bg.wasm'));
const js = fs.readFileSync(path.join(dir, 'newslens.js'));
const LIMIT = 400_000;

console.log('[size] Q: shipped wasm + JS glue <= 400 KB gzipped, with every lexicon?');
console.log(row(['file', 'raw', 'gzip (zlib 9)', 'gzip -9 (GNU)', 'brotli q11']));
console.log(row(['---', '---:', '---:', '---:', '---:']));
for (const [name, b] of [
  ['newslens_bg.wasm', wasm],
  ['newslens.js', js],
]) {
  console.log(row([name, kb(b.length), kb(gz(b)), kb(gzCli(b)), kb(br(b))]));
}
const total = {
  raw: wasm.length + js.length,
  gz: gz(wasm) + gz(js),
  gzCli: gzCli(wasm) + gzCli(js),
  br: br(wasm) + br(js),
};
console.log(row(['**total**', kb(total.raw), kb(total.gz), kb(total.gzCli), kb(total.br)]));
console.log(
  `total gzip ${total.gz} bytes: ${total.gz <= LIMIT ? 'within' : 'OVER'} the ${kb(LIMIT)} budget ` +
    `(${((100 * total.gz) / LIMIT).toFixed(0)} % used)`,
);

const dataDir = 'data';
const files = fs
  .readdirSync(dataDir)
  .filter((f) => f.endsWith('.txt') || f.endsWith('.tsv') || f.endsWith('.csv'))
  .sort();
console.log('\n[size/lexicons] Q: what does each data/ file cost in the shipped wasm?');
console.log(
  row(['data file', 'raw', 'alone gzip', 'in wasm?', 'wasm gzip without it (delta)', 'wasm brotli delta']),
);
console.log(row(['---', '---:', '---:', '---', '---:', '---:']));
const wasmGz = gz(wasm);
const wasmBr = br(wasm);
let sum = { raw: 0, gz: 0, dgz: 0, dbr: 0 };
let stripped = Buffer.from(wasm);
for (const f of files) {
  const b = fs.readFileSync(path.join(dataDir, f));
  const at = wasm.indexOf(b);
  let cells;
  if (at < 0) {
    // A hand-written list that a script merges into a generated one ships
    // inside that one; the generated file's header names its inputs.
    const into = files.find((g) => g !== f && fs.readFileSync(path.join(dataDir, g), 'utf8').includes(`data/${f}`));
    const why = into ? `no (merged into ${into})` : 'no (not embedded)';
    cells = [f, kb(b.length), kb(gz(b)), why, '-', '-'];
  } else {
    const without = Buffer.concat([wasm.subarray(0, at), wasm.subarray(at + b.length)]);
    const dgz = wasmGz - gz(without);
    const dbr = wasmBr - br(without);
    sum.dgz += dgz;
    sum.dbr += dbr;
    const i = stripped.indexOf(b);
    if (i >= 0) stripped = Buffer.concat([stripped.subarray(0, i), stripped.subarray(i + b.length)]);
    cells = [f, kb(b.length), kb(gz(b)), 'yes', kb(dgz), kb(dbr)];
  }
  sum.raw += b.length;
  sum.gz += gz(b);
  console.log(row(cells));
}
console.log(row(['**all data/**', kb(sum.raw), kb(sum.gz), '', `${kb(sum.dgz)} (sum of deltas)`, kb(sum.dbr)]));
console.log(
  `wasm without every embedded lexicon: gzip ${kb(gz(stripped))} (all lexicons together cost ` +
    `${kb(wasmGz - gz(stripped))} gzip, ${kb(wasmBr - br(stripped))} brotli)`,
);
