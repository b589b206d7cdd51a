// The foundation test: the page opens, a seed shows highlights, a lens switches off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, openSeed, SEEDS } from './helpers.mjs';

let env;
before(async () => (env = await start()));
after(() => env.close());

test('a seed opens with highlights and a lens can be switched off', async () => {
  const { page, errors, offOrigin } = await openPage(env);
  for (const seed of SEEDS) await page.getByRole('link', { name: seed.title, exact: true }).waitFor();
  await openSeed(page, 0);
  const marks = page.locator('article mark[data-label]');
  assert.ok((await marks.count()) > 0, 'the seed shows highlights');

  const label = await marks.first().getAttribute('data-label');
  const box = { actor: 'Actors', place: 'Places', date: 'Dates', figure: 'Figures', quote: 'Quotes' }[label];
  const mark = page.locator(`article mark[data-label="${label}"]`).first();
  const before = await mark.evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.notEqual(before, 'rgba(0, 0, 0, 0)');
  await page.getByLabel(box, { exact: true }).uncheck();
  const after = await mark.evaluate((m) => {
    const s = getComputedStyle(m);
    return [s.backgroundColor, s.borderBottomStyle, s.textDecorationLine, s.boxShadow];
  });
  assert.deepEqual(after, ['rgba(0, 0, 0, 0)', 'none', 'none', 'none']);
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await page.context().close();
});

/** A context whose page's index.js comes 1.5 s late and which counts the workers made. */
async function lateModules() {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  await ctx.addInitScript(() => {
    const Real = window.Worker;
    window.madeWorkers = [];
    window.Worker = class extends Real {
      constructor(url, options) {
        super(url, options);
        window.madeWorkers.push({ url: String(url), stack: new Error().stack });
      }
    };
  });
  await ctx.route('**/index.js', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1500));
    await route.continue();
  });
  return ctx;
}

test('the engine starts before the page modules, once, and nothing it says early is lost', async () => {
  // The worker boot.js starts is ready, its wasm warm, long before index.js
  // listens, so its 'ready' must be kept, and given once.
  const ctx = await lateModules();
  const { page, errors } = await openPage(env, { context: ctx });
  await page.waitForFunction(() => performance.getEntriesByName('wasm-ready').length > 0);
  await new Promise((ok) => setTimeout(ok, 300));
  assert.equal(await page.evaluate(() => performance.getEntriesByName('wasm-ready').length), 1);
  assert.match(await page.locator('#version').textContent(), /\d+\.\d+/);
  await openSeed(page, 0);
  assert.ok((await page.locator('article mark[data-label]').count()) > 0, 'the seed shows highlights');
  const made = await page.evaluate(() => window.madeWorkers);
  assert.equal(made.length, 1, JSON.stringify(made));
  assert.match(made[0].url, /worker\.js$/);
  assert.match(made[0].stack, /boot\.js/, 'the worker is boot.js\'s, made before index.js ran');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('an engine that fails before the page listens is still reported', async () => {
  const ctx = await lateModules();
  await ctx.route('**/pkg/newslens.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await ctx.newPage();
  await page.goto(env.base);
  await page.locator('#alert').waitFor();
  assert.match(await page.locator('#alert').textContent(), /Highlights are not available: the annotation engine could not start/);
  assert.equal(await page.evaluate(() => window.madeWorkers.length), 1);
  // The library still opens articles, as plain text.
  await page.locator('#seed-list a').first().click();
  await page.locator('#reader').waitFor();
  await page.waitForFunction(() => document.getElementById('article').getAttribute('aria-busy') === 'false');
  assert.ok((await page.locator('article').textContent()).length > 100);
  await ctx.close();
});
