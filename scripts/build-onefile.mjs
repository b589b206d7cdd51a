#!/usr/bin/env node
// The one-file newslens: the whole reader in one HTML file that works when
// double-clicked (file://), e.g. from a USB stick. Chromium lets such a page
// neither import modules nor fetch, so everything is inside it: the style
// sheet, our modules combined into one module script, the wasm-bindgen glue,
// the wasm as base64 and the seed articles as a JSON data block.
//
//   node scripts/build-onefile.mjs [WWW_DIR] [OUT_FILE]     (make dist runs it)
//
// The combiner is written for our own modules, not a general bundler: each
// module becomes an async function scope that returns its exports; its
// relative `import {a, b as c} from './x.js'` / `import d from …` lines become
// reads of that module's exports, and its `export` keywords are dropped. It
// fails loudly on any import or export form it does not know.
// The entry's lib/annotator.js is swapped for lib/annotator-inline.js, which
// runs the engine in a worker made from a blob: URL of the glue (a data block).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';

const www = resolve(process.argv[2] ?? 'www');
const out = resolve(process.argv[3] ?? 'dist/newslens.html');
// (boot.js starts a worker from worker.js, which a file:// page cannot load:
// annotator-inline.js stands in for it too, and its takeEarlyWorker gives none.)
const SWAP = { 'index.js': { 'lib/annotator.js': 'lib/annotator-inline.js', 'boot.js': 'lib/annotator-inline.js' } }; // importer → {module → replacement}

const modules = new Map(); // path relative to www → {id, code}
const order = [];

function fail(file, message) {
  throw new Error(`${file}: ${message}`);
}

function bindings(file, clause) {
  // `d`, `{ a, b as c }`, `d, { a }`
  const out = [];
  const m = /^\s*(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\})?\s*$/.exec(clause);
  if (!m) fail(file, `unknown import form: ${clause}`);
  if (m[1]) out.push(['default', m[1]]);
  for (const part of (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, local] = part.split(/\s+as\s+/);
    out.push([name, local ?? name]);
  }
  return out;
}

async function load(path) {
  if (modules.has(path)) return modules.get(path).id;
  const id = `__m${modules.size}`;
  modules.set(path, { id, code: null }); // reserved: a cycle would read it too early
  const src = await readFile(join(www, path), 'utf8');
  const exports = [];
  const lines = [];
  for (const line of src.split('\n')) {
    let m;
    if ((m = /^import\s+(.+?)\s+from\s+['"](\.{1,2}\/[^'"]+)['"];?\s*$/.exec(line))) {
      let target = relative(www, resolve(dirname(join(www, path)), m[2]));
      target = SWAP[path]?.[target] ?? target;
      const dep = await load(target);
      lines.push(`const { ${bindings(path, m[1]).map(([n, l]) => (n === l ? n : `${n}: ${l}`)).join(', ')} } = ${dep};`);
    } else if (/^import[\s{(]/.test(line)) {
      fail(path, `unknown import: ${line}`);
    } else if ((m = /^export\s+((?:async\s+)?function\*?|const|let|class)\s+([\w$]+)/.exec(line))) {
      exports.push([m[2], m[2]]);
      lines.push(line.replace(/^export\s+/, ''));
    } else if ((m = /^export\s*\{([^}]*)\};?\s*$/.exec(line))) {
      for (const part of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
        const [local, name] = part.split(/\s+as\s+/);
        exports.push([name ?? local, local]);
      }
    } else if (/^export\b/.test(line)) {
      fail(path, `unknown export: ${line}`);
    } else {
      lines.push(line);
    }
  }
  const ret = `return { ${exports.map(([n, l]) => (n === l ? n : `${n}: ${l}`)).join(', ')} };`;
  const code = `// ${path}\nconst ${id} = await (async () => {\n${lines.join('\n')}\n${ret}\n})();\n`;
  modules.get(path).code = code;
  order.push(path);
  return id;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// Text inside <script> or <style> must not close the element early.
const guard = (text, tag) => {
  if (new RegExp(`</${tag}`, 'i').test(text)) throw new Error(`a </${tag} inside the inlined ${tag}`);
  return text;
};

await load('index.js');
const script = guard(`\n${order.map((p) => modules.get(p).code).join('\n')}`, 'script');
const css = guard(await readFile(join(www, 'style.css'), 'utf8'), 'style');
const wasm = (await readFile(join(www, 'pkg/newslens_bg.wasm'))).toString('base64');
// The glue runs in a classic worker (Chromium refuses a module worker from a
// blob: URL in a file:// page): without its export lines, and import.meta.url
// (only the default wasm path, never used with initSync) as the worker's URL.
const glue = guard((await readFile(join(www, 'pkg/newslens.js'), 'utf8'))
  .replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, '')
  .replace(/^export\s+(?=(?:async\s+)?function|const|let|class)/gm, '')
  .replaceAll('import.meta.url', 'self.location.href'), 'script');
if (/^\s*(import|export)\b|import\.meta/m.test(glue)) throw new Error('pkg/newslens.js: an import or export the classic worker cannot run');
const icon = `data:image/svg+xml;base64,${(await readFile(join(www, 'icon.svg'))).toString('base64')}`;
// (make build's index carries the texts: scripts/seed-index.mjs.)
const index = JSON.parse(await readFile(join(www, 'seeds/index.json'), 'utf8'));
if (!index.articles.every((a) => typeof a.text === 'string')) throw new Error('www/seeds/index.json: an article without its text (run make build)');
// JSON in a data block: `<` escaped so no text can close the block.
const seeds = JSON.stringify(index).replaceAll('<', '\\u003c');

const csp = [
  "default-src 'none'", `script-src ${sha256(script)} 'wasm-unsafe-eval'`, `style-src ${sha256(css)}`,
  'worker-src blob:', 'img-src data:', "base-uri 'none'", "form-action 'none'",
].join('; ');

let html = await readFile(join(www, 'index.html'), 'utf8');
const swap = (from, to) => {
  if (!from.test(html)) throw new Error(`index.html: ${from} not found`);
  html = html.replace(from, () => to);
};
swap(/<meta http-equiv="Content-Security-Policy"[^>]*>/s,
  `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(/<!-- Nothing leaves the origin;[^>]*-->/, '<!-- The one-file build: everything inline; the CSP allows these exact inline blocks (by hash) and nothing else. -->');
swap(/<link rel="icon" href="icon.svg"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
swap(/<link rel="stylesheet" href="style.css">/, `<style>${css}</style>`);
swap(/ *<!-- boot.js first[^\n]*-->\r?\n *<script type="module" src="boot.js"><\/script>\r?\n/, '');
swap(/<script type="module" src="index.js"><\/script>/, '');
swap(/<\/body>/, `<script type="application/json" id="seed-data">${seeds}</script>
<script type="text/plain" id="wasm-data">${wasm}</script>
<script type="text/plain" id="glue-data">${glue}</script>
<script type="module">${script}</script>
</body>`);

await mkdir(dirname(out), { recursive: true });
await writeFile(out, html);
console.log(`${relative(process.cwd(), out)}: ${html.length} bytes, ${order.length} modules, wasm ${wasm.length} base64 chars`);
