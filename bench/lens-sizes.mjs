// Which lens loses most when a call is short? The shipped wasm build's page
// call (annotate_packed + unpack) over the same text cut into calls of
// about 2.5 KB (an article, as node-bench.mjs's Q1) and of about 25 KB,
// with the lenses switched on one after another. Prints wasm time in ns a
// byte for each, and what short calls cost extra; a lens's own cost is the
// difference with the row above it (figures and quotes need the names,
// and dates always run). Every configuration and size takes its turn in
// each round, so a burst of load on the machine hits them all.
//
//   node bench/lens-sizes.mjs [--rounds N] [DIR]
//
// DIR holds a `wasm-bindgen --target web` build (default www/pkg, made by
// `make build`). Not part of `make bench`: it answers a question about the
// design (bench/RESULTS.md, nineteenth session), not a target.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cut, byteLength } from './pieces.mjs';
import { median } from './rounds.mjs';

let ROUNDS = 7;
let DIR = 'www/pkg';
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--rounds') ROUNDS = Number(process.argv[++i]);
  else DIR = process.argv[i];
}
const dir = path.resolve(DIR);
if (!fs.existsSync(path.join(dir, 'newslens_bg.wasm')) || !(ROUNDS > 0)) {
  console.error('usage: node bench/lens-sizes.mjs [--rounds N] [DIR with newslens.js and newslens_bg.wasm]');
  process.exit(2);
}
const glue = await import(pathToFileURL(path.join(dir, 'newslens.js')).href);
glue.initSync({ module: fs.readFileSync(path.join(dir, 'newslens_bg.wasm')) });
const { unpack } = await import(pathToFileURL(path.resolve('www/lib/packed.js')).href);

const corpus = fs.readFileSync('bench/news.txt', 'utf8');
const SIZES = [
  ['2.5 KB', cut(corpus, 2500)],
  ['25 KB', cut(corpus, 25000)],
];
const bytes = (pieces) => pieces.reduce((n, p) => n + byteLength(p), 0);
const lenses = (actors, figures, quotes) => ({
  reference_date: '2017-02-21',
  lenses: { actors, places: actors, dates: true, figures, quotes },
});
const CONFIGS = [
  ['dates', lenses(false, false, false)],
  ['+ actors and places', lenses(true, false, false)],
  ['+ figures', lenses(true, true, false)],
  ['+ quotes (everything)', lenses(true, true, true)],
];

glue.warm_up();
const ns = CONFIGS.map(() => SIZES.map(() => []));
for (let r = 0; r < ROUNDS; r++) {
  CONFIGS.forEach(([, options], c) => {
    SIZES.forEach(([, pieces], s) => {
      const t0 = performance.now();
      for (const p of pieces) unpack(p, ...glue.annotate_packed(p, options));
      ns[c][s].push(((performance.now() - t0) * 1e6) / bytes(pieces));
    });
  });
}

console.log(`[lens-sizes] Which lens loses most on a short call? ${DIR}, ${ROUNDS} rounds, ns a byte (median)`);
console.log(`  ${'lenses on'.padEnd(24)}${SIZES.map(([l]) => l.padStart(10)).join('')}  extra on short calls`);
CONFIGS.forEach(([label], c) => {
  const [short, long] = ns[c].map(median);
  console.log(`  ${label.padEnd(24)}${short.toFixed(1).padStart(10)}${long.toFixed(1).padStart(10)}  ${(short - long).toFixed(1)}`);
});
