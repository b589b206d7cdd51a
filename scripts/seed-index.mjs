#!/usr/bin/env node
// Writes the site's seed library: SRC/index.json with each article's text
// (SRC/FILE) carried in it, as one file.
//
//   node scripts/seed-index.mjs SRC OUT      (make build: seeds www/seeds/index.json)
//
// Why one file: the page fetches the library's index only once its modules
// have loaded, and fetched the five texts after it, one round trip later. On
// a slow school network (300 ms a request) a seed opened as soon as the
// reader was ready then waited about 225 ms for its text; carried in the
// index, the texts come with the titles (bench/RESULTS.md, seventh session).
// The texts are 17 KB, and every visit fetched them anyway.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const [src, out] = process.argv.slice(2);
if (!src || !out) throw new Error('usage: node scripts/seed-index.mjs SRC OUT');
const index = JSON.parse(await readFile(join(src, 'index.json'), 'utf8'));
for (const a of index.articles) {
  // A file name only: the index must not reach outside its folder.
  if (typeof a.file !== 'string' || basename(a.file) !== a.file) throw new Error(`index.json: bad file name ${JSON.stringify(a.file)}`);
  a.text = await readFile(join(src, a.file), 'utf8');
}
await writeFile(out, `${JSON.stringify(index, null, 1)}\n`);
console.log(`${out}: ${index.articles.length} articles with their texts`);
