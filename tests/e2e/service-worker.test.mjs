// The service worker on a slow network and across a new build, in Chromium:
// a student's second visit must not wait for the network, and a teacher's new
// deploy must reach the students whole. Each test serves its own copy of the
// built site (www/, after `make build`), so it can change files as a deploy
// would without touching www/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { LAUNCH, ROOT, untilControlled, wasmReady } from './helpers.mjs';

let browser;
let site;
const servers = [];

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'newslens-site-'));
  await cp(`${ROOT}www`, site, { recursive: true });
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  await rm(site, { recursive: true, force: true });
});

/** The copy of the site served, every answer held back `delay` ms; its base URL. */
async function host(delay) {
  const server = await serve(site, 0, { delay });
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}

/** Loads `base` in a new context and waits until its service worker controls the page. */
async function firstVisit(base) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(base);
  await untilControlled(page);
  return { ctx, page, errors };
}

test('a second visit on a slow network does not wait for it', async () => {
  // Each answer takes 1.5 s: a page that asked the network for its files
  // first would take several of them (the page, its modules, the worker,
  // the wasm come one after another).
  const DELAY = 1500;
  const { ctx, page, errors } = await firstVisit(await host(DELAY));
  await page.reload();
  const ready = await wasmReady(page);
  assert.ok(ready < DELAY, `reader ready ${ready.toFixed(0)} ms after the navigation (one answer takes ${DELAY} ms)`);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a new build replaces the cached one, whole, on the next visit', async () => {
  const base = await host(0);
  const { ctx, page, errors } = await firstVisit(base);
  const [first] = await page.evaluate(() => caches.keys());
  const build = /self\.NEWSLENS_BUILD = '([^']+)'/.exec(await readFile(join(site, 'version.js'), 'utf8'))[1];
  assert.equal(first, `newslens-${build}`);
  // A deploy: a changed file, and the build's new name (as `make build` writes it).
  const css = await readFile(join(site, 'style.css'), 'utf8');
  await writeFile(join(site, 'style.css'), `${css}\n/* the next build */\n`);
  await writeFile(join(site, 'version.js'), "self.NEWSLENS_BUILD = 'next-build';\n");
  // The cached build still serves this load; loading the page has the
  // browser compare the worker's scripts, so the next build installs.
  await page.reload();
  assert.ok(!(await page.evaluate(() => fetch('style.css').then((r) => r.text()))).includes('the next build'));
  // Installed and in charge: its cache is the only one left.
  const until = Date.now() + 30_000;
  let keys = [];
  while (Date.now() < until) {
    keys = await page.evaluate(() => caches.keys());
    if (keys.length === 1 && keys[0] === 'newslens-next-build') break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.deepEqual(keys, ['newslens-next-build']);
  await page.reload();
  await wasmReady(page);
  assert.ok((await page.evaluate(() => fetch('style.css').then((r) => r.text()))).includes('the next build'));
  assert.deepEqual(errors, []);
  await ctx.close();
});
