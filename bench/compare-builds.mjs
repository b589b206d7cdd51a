// Two or more wasm builds of the core side by side, for trying a compile or
// wasm-opt setting (bench/RESULTS.md records what such runs found): the
// page's call (annotate_packed + unpack, an article a call, the pieces of
// node-bench.mjs's Q1), the builds taking turns round by round in one
// process, so a burst of load on the machine hits them all.
//
//   node bench/compare-builds.mjs [--rounds N] [--browser] DIR...
//
// Each DIR holds a `wasm-bindgen --target web` build (newslens.js and
// newslens_bg.wasm) inside this project, where package.json makes the glue
// an ES module for Node; for instance:
//   cargo build --release --target wasm32-unknown-unknown --lib --target-dir target/try
//   wasm-bindgen --target web --no-typescript --out-dir target/builds/a \
//     target/try/wasm32-unknown-unknown/release/newslens.wasm
//   node node_modules/binaryen/bin/wasm-opt FLAGS target/builds/a/newslens_bg.wasm -o target/builds/a/newslens_bg.wasm
// Without --browser the builds run in Node; with it, in one Chromium page
// (V8 differs between the two). Prints each build's median MB/s, its
// rounds, its wasm's size gzipped (zlib level 9, as bench/size.mjs's
// first gzip column), and for each build after the first its speed against
// the first's, the median of the rounds' ratios.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cut, byteLength } from './pieces.mjs';
import { alternate, median } from './rounds.mjs';
import { ROOT, start } from '../tests/e2e/helpers.mjs';

let ROUNDS = 6;
let BROWSER = false;
const dirs = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--rounds') ROUNDS = Number(process.argv[++i]);
  else if (a === '--browser') BROWSER = true;
  else dirs.push(path.resolve(a));
}
const usable = (d) => fs.existsSync(path.join(d, 'newslens_bg.wasm')) && d.startsWith(ROOT);
if (!dirs.length || !dirs.every(usable) || !(ROUNDS > 0)) {
  console.error('usage: node bench/compare-builds.mjs [--rounds N] [--browser] DIR...\n' +
    '  each DIR a wasm-bindgen --target web build inside this project (see the head of this file)');
  process.exit(2);
}
const corpus = fs.readFileSync(path.join(ROOT, 'bench/news.txt'), 'utf8');

let secs;
const pieces = cut(corpus, 2500);
const MB = pieces.reduce((n, p) => n + byteLength(p), 0) / 1e6;
if (!BROWSER) {
  const { unpack } = await import(pathToFileURL(path.join(ROOT, 'www/lib/packed.js')).href);
  const builds = [];
  for (const dir of dirs) {
    const glue = await import(pathToFileURL(path.join(dir, 'newslens.js')).href);
    glue.initSync({ module: fs.readFileSync(path.join(dir, 'newslens_bg.wasm')) });
    builds.push(glue);
  }
  secs = alternate(builds, pieces, unpack, ROUNDS);
} else {
  const env = await start();
  try {
    const ctx = await env.browser.newContext();
    // Build k is served under /__build/k/, next to the site's own modules,
    // and the timing loop as /__build/rounds.mjs.
    await ctx.route(/\/__build\//, (route) => {
      const rest = new URL(route.request().url()).pathname.replace(/^\/__build\//, '');
      if (rest === 'rounds.mjs') {
        return route.fulfill({ contentType: 'text/javascript', path: path.join(ROOT, 'bench/rounds.mjs') });
      }
      const [, k, file] = rest.match(/^(\d+)\/(newslens\.js|newslens_bg\.wasm)$/) ?? [];
      if (!file || !dirs[Number(k)]) return route.fulfill({ status: 404, body: '' });
      const type = file.endsWith('.js') ? 'text/javascript' : 'application/wasm';
      return route.fulfill({ contentType: type, path: path.join(dirs[Number(k)], file) });
    });
    const page = await ctx.newPage();
    await page.goto(`${env.base}seeds/index.json`);
    secs = await page.evaluate(async ({ pieces, count, rounds }) => {
      const { unpack } = await import('/lib/packed.js');
      const { alternate } = await import('/__build/rounds.mjs');
      const builds = [];
      for (let k = 0; k < count; k++) {
        const glue = await import(`/__build/${k}/newslens.js`);
        await glue.default();
        builds.push(glue);
      }
      return alternate(builds, pieces, unpack, rounds);
    }, { pieces, count: dirs.length, rounds: ROUNDS });
  } finally {
    await env.close();
  }
}

console.log(`${pieces.length} article pieces, ${MB.toFixed(3)} MB, ${ROUNDS} rounds, in ${BROWSER ? 'Chromium' : `Node ${process.version}`}`);
dirs.forEach((dir, k) => {
  const gz = gzipSync(fs.readFileSync(path.join(dir, 'newslens_bg.wasm')), { level: 9 }).length;
  const rates = secs[k].map((s) => MB / s);
  // Against the first build, round by round: a round's builds ran one after
  // the other, so a slow spell of a shared machine slows both and their
  // ratio holds better than either median.
  const paired = k ? `; x${median(secs[0].map((s, r) => s / secs[k][r])).toFixed(3)} the first build's speed (median of the rounds' ratios)` : '';
  console.log(`  ${dir.padEnd(30)} median ${(MB / median(secs[k])).toFixed(2)} MB/s; rounds ${rates.map((x) => x.toFixed(2)).join(' ')}; wasm ${(gz / 1000).toFixed(1)} KB gzip${paired}`);
});
