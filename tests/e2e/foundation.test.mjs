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
