#!/usr/bin/env node
// Writes DIR/version.js: the build's name, a hash of every other file of
// the site. The service worker imports it, so the browser, which compares a
// worker's scripts byte for byte when the page loads, installs the new
// version's worker, and with it a fresh cache, exactly when a file changed.
//
//   node scripts/stamp-version.mjs [DIR]     (make build runs it on www)
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dir = process.argv[2] || 'www';
const OUT = 'version.js';

async function files(d) {
  const out = [];
  for (const e of await readdir(d, { withFileTypes: true })) {
    const path = join(d, e.name);
    if (e.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

const hash = createHash('sha256');
const all = (await files(dir)).map((f) => relative(dir, f).split('\\').join('/')).filter((f) => f !== OUT).sort();
for (const f of all) {
  // Each file's name and length before its bytes, so no two sites hash alike
  // by moving bytes from one file to the next.
  const body = await readFile(join(dir, f));
  hash.update(`${f}\n${body.length}\n`);
  hash.update(body);
}
const build = hash.digest('hex').slice(0, 16);
await writeFile(join(dir, OUT), `// Written by scripts/stamp-version.mjs (make build): a hash of the site's files.\nself.NEWSLENS_BUILD = '${build}';\n`);
console.log(`${join(dir, OUT)}: build ${build} (${all.length} files)`);
