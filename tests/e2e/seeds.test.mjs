// The real engine on the five seeds: the page shows what the CLI finds (same
// spans, same options), the why view of a resolved date, the time from wasm
// ready to first highlights (reported, not asserted), axe and screenshots.
// Until the lenses are merged the core finds nothing and the tests that need
// highlights fail; they are written for the merged core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { start, openPage, waitAnnotated, axe, timeFirstVisit, SEEDS, ROOT } from './helpers.mjs';

const CLI = `${ROOT}target/release/newslens`;
let env;
before(async () => (env = await start()));
after(() => env.close());

const seedUrl = (seed) => `${env.base}#read/seed:${encodeURIComponent(seed.file)}`;

test('each seed shows the spans the CLI finds, each mark exactly its span text', async () => {
  const { page, errors, offOrigin } = await openPage(env);
  for (const seed of SEEDS) {
    await page.goto(seedUrl(seed));
    await waitAnnotated(page, `seed:${seed.file}`);
    const heads = await page.locator('article mark[data-i]:not([data-part])').evaluateAll((ms) =>
      ms.map((m) => ({ i: Number(m.dataset.i), label: m.dataset.label, text: m.textContent })));
    assert.ok(heads.length > 0, `${seed.file} shows highlights`);
    if (!existsSync(CLI)) continue; // `make build` makes it
    const cli = JSON.parse(execFileSync(CLI, ['annotate', '--reference-date', seed.reference_date,
      '--offsets', 'utf16', `${ROOT}seeds/${seed.file}`], { encoding: 'utf8' }));
    assert.equal(heads.length, cli.spans.length, `${seed.file}: one mark per span`);
    for (const h of heads) {
      assert.equal(h.label, cli.spans[h.i].label, `${seed.file} span ${h.i}`);
      assert.equal(h.text, cli.spans[h.i].text, `${seed.file} span ${h.i}`);
    }
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await page.context().close();
});

test('a weekday in a seed is resolved against the given article date', async () => {
  const { page } = await openPage(env);
  await page.goto(seedUrl(SEEDS[1]));
  await waitAnnotated(page);
  const monday = page.locator('article mark[data-label="date"]', { hasText: /^Monday$/ }).first();
  await monday.focus();
  const why = await page.locator('#why').textContent();
  assert.match(why, /Monday → Monday 20 February 2017/);
  assert.match(why, /resolved against the article date 21 Feb 2017 \(given\)/);
  assert.match(await page.locator('#refdate-note').textContent(), /Using 21 Feb 2017: given \(from the library: not printed;/);
  await page.context().close();
});

test('the seed library is one request: a seed opens without asking the network for its text', async () => {
  // On a slow network each request is a wait: the texts fetched after the
  // index kept a seed opened at once waiting a round trip for its text.
  const ctx = await env.browser.newContext();
  const page = await ctx.newPage();
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(env.base);
  for (const n of [0, 3]) {
    await page.getByRole('link', { name: SEEDS[n].title, exact: true }).click();
    await waitAnnotated(page, `seed:${SEEDS[n].file}`);
    const want = await readFile(`${ROOT}seeds/${SEEDS[n].file}`, 'utf8');
    // (The article is laid out a paragraph to a block, without the line
    // breaks between them: its text is the seed's, whitespace aside.)
    const shown = await page.locator('#article').textContent();
    assert.equal(shown.replace(/\s+/g, ''), want.replace(/\s+/g, ''));
    await page.goBack();
    await page.locator('#seed-list a').first().waitFor();
  }
  assert.deepEqual(asked.filter((p) => p.startsWith('/seeds/')), ['/seeds/index.json']);
  await ctx.close();
});

test('time from wasm ready to first highlights (reported)', async () => {
  const shown = [];
  for (const seed of SEEDS) {
    const t = await timeFirstVisit(env, seed);
    console.log(`${seed.file}: wasm ready (lexicons warm) ${t.ready.toFixed(0)} ms after navigation; ` +
      `opened then, first highlights ${(t.shown - t.opened).toFixed(0)} ms after the page took the click ` +
      `(${(t.shown - t.clicked).toFixed(0)} ms with the test driver's click), all laid out after ${t.total.toFixed(0)} ms (${t.marks} marks)`);
    shown.push(t.shown - t.opened);
  }
  shown.sort((a, b) => a - b);
  console.log(`first highlights after the click: median ${shown[shown.length >> 1].toFixed(0)} ms, ` +
    `worst ${shown.at(-1).toFixed(0)} ms over the ${shown.length} seeds (the target is 150 ms; reported, not asserted)`);
});

test('axe finds no serious problem in the library and a seed, desktop and phone', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const ctx = await env.browser.newContext({ viewport });
    const { page, errors } = await openPage(env, { context: ctx });
    assert.deepEqual(await axe(page), [], 'library');
    const tag = viewport.width > 600 ? 'desktop' : 'phone';
    await page.screenshot({ path: `/tmp/newslens-seeds-library-${tag}.png` });
    await page.goto(seedUrl(SEEDS[0]));
    await waitAnnotated(page);
    assert.deepEqual(await axe(page), [], 'reader');
    // Walk every highlight: none may push the page sideways (a focus label at the edge).
    const count = await page.locator('article mark[tabindex]').count();
    for (let n = 0; n < count; n++) {
      await page.keyboard.press('j');
      const sideways = await page.evaluate(() => [scrollX, document.documentElement.scrollWidth - innerWidth]);
      assert.deepEqual(sideways, [0, 0], `no sideways scroll at highlight ${n}`);
    }
    await page.keyboard.press('j');
    await page.screenshot({ path: `/tmp/newslens-seed-${tag}.png` });
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});
