// The one-file build (`make dist` → dist/newslens.html): built here by the
// same script into a folder named like a USB stick, then opened from file://
// as a double-click would. Highlights, Compare and Practice must work with no
// server, no fetch and no console error (a CSP refusal would be one).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { LAUNCH, ROOT, SEEDS, waitAnnotated, axe } from './helpers.mjs';

let dir;
let file;
let browser;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newslens-'));
  file = join(dir, 'USB STICK', 'newslens.html');
  execFileSync('node', [`${ROOT}scripts/build-onefile.mjs`, `${ROOT}www`, file]);
  browser = await chromium.launch(LAUNCH);
});
after(async () => {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
});

async function open() {
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => !/^(data|file|blob):/.test(r.url()) && requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  await page.locator('#seed-list a').first().waitFor();
  return { page, errors, requests };
}

test('newslens.html from file:// shows the seeds highlighted', async () => {
  const size = (await stat(file)).size;
  console.log(`newslens.html: ${(size / 1024).toFixed(0)} KB`);
  const { page, errors, requests } = await open();
  assert.equal(await page.locator('#seed-list a').count(), SEEDS.length);
  for (const n of [1, 2]) {
    await page.getByRole('link', { name: SEEDS[n].title, exact: true }).click();
    await waitAnnotated(page, `seed:${SEEDS[n].file}`);
    assert.ok((await page.locator('article mark[data-label="actor"]').count()) > 3, `seed ${n} has actors`);
    assert.ok((await page.locator('article mark[data-label="figure"]').count()) > 3, `seed ${n} has figures`);
    await page.getByRole('link', { name: '← Library' }).click();
  }
  // Article 002 reports `700,000 or so` civilians.
  await page.getByRole('link', { name: SEEDS[2].title, exact: true }).click();
  await waitAnnotated(page, `seed:${SEEDS[2].file}`);
  assert.equal(await page.locator('article mark[data-label="figure"]', { hasText: '700,000 or so' }).count(), 1);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [], 'nothing is fetched from anywhere');
  await page.close();
});

test('Compare and Practice work from file:// too', async () => {
  const { page, errors } = await open();
  await page.getByRole('link', { name: 'Compare articles' }).click();
  await page.waitForFunction(() => /articles compared/.test(document.getElementById('compare-status').textContent), null, { timeout: 30_000 });
  assert.match(await page.locator('#compare-out').textContent(), /up to 750,000[\s\S]*700,000 or so/);
  await page.goto(`${pathToFileURL(file).href}#read/seed:${encodeURIComponent(SEEDS[1].file)}`);
  await waitAnnotated(page);
  await page.getByRole('button', { name: 'Practice' }).click();
  await page.waitForFunction(() => document.getElementById('practice-article').getAttribute('aria-busy') === 'false');
  await page.getByRole('button', { name: /Check/ }).click();
  assert.match(await page.locator('#practice-result .score').textContent(), /^Score: 0 of \d+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('with storage refused (as file:// may be), corrections still work for the visit', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Fault injection: this browser refuses IndexedDB, as some do for file:// pages.
  await page.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('storage is off for files', 'SecurityError');
    };
  });
  await page.goto(`${pathToFileURL(file).href}#read/seed:${encodeURIComponent(SEEDS[1].file)}`);
  await waitAnnotated(page, `seed:${SEEDS[1].file}`);
  assert.match(await page.locator('#alert').textContent(), /refused to store articles/);
  const figure = page.locator('article mark[data-label="figure"]').first();
  const before = await page.locator('article mark[data-label="figure"]').count();
  await figure.click();
  await page.locator('#why').getByRole('button', { name: 'Remove highlight' }).click();
  await waitAnnotated(page);
  assert.equal(await page.locator('article mark[data-label="figure"]').count(), before - 1);
  assert.match(await page.locator('#correct-note').textContent(), /kept until this page closes/);
  assert.deepEqual(errors, []);
  await page.close();
});
