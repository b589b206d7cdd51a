// The reading view on a pasted news text, annotated by the real engine. The
// expectations come from ANNOTATION.md, not from the engine's output: with the
// article dated 21 February 2017 `Monday` is 20 February, `up to 750,000` is an
// upper bound on civilians, `Daesh` and `Islamic State` are the actor ISIS,
// the quote is James Mattis's. The crash and load-failure tests break the wasm
// on purpose (a glue that throws, a missing file): fault injection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, paste, waitAnnotated, wasmReady, axe, SAMPLE, SEEDS, ROOT } from './helpers.mjs';

let env;
before(async () => (env = await start()));
after(() => env.close());

async function openSample({ viewport, colorScheme } = {}) {
  const ctx = await env.browser.newContext({ viewport: viewport ?? { width: 1280, height: 900 }, colorScheme });
  const opened = await openPage(env, { context: ctx });
  const { page } = opened;
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.getByLabel(/Article text/).fill(SAMPLE);
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await waitAnnotated(page);
  // The article's date, as a teacher would set it for a story read that day.
  await page.locator('#refdate').fill('2017-02-21');
  await page.waitForFunction(() => /Using 21 Feb 2017: given/.test(document.getElementById('refdate-note').textContent));
  await waitAnnotated(page);
  return opened;
}

const LENSES = { Actors: 'actor', Places: 'place', Dates: 'date', Figures: 'figure', Quotes: 'quote' };
const markStyle = (locator) => locator.evaluate((m) => {
  const s = getComputedStyle(m);
  return { bg: s.backgroundColor, border: s.borderBottomStyle, shadow: s.boxShadow, italic: s.fontStyle, deco: s.textDecorationLine };
});

test('each lens switch shows its text plain and back', async () => {
  const { page, errors, offOrigin } = await openSample();
  for (const [name, label] of Object.entries(LENSES)) {
    const mark = page.locator(`article mark[data-label="${label}"]`).first();
    const on = await markStyle(mark);
    assert.notEqual(on.bg, 'rgba(0, 0, 0, 0)', `${name} has a background`);
    assert.ok(on.border !== 'none' || on.shadow !== 'none', `${name} has a non-colour cue`);
    await page.getByLabel(name, { exact: true }).uncheck();
    const off = await markStyle(mark);
    assert.deepEqual(off, { bg: 'rgba(0, 0, 0, 0)', border: 'none', shadow: 'none', italic: 'normal', deco: 'none' }, name);
    assert.equal(await mark.getAttribute('tabindex'), null, `${name} off leaves the focus order`);
    await page.getByLabel(name, { exact: true }).check();
    assert.deepEqual(await markStyle(mark), on);
  }
  // Each lens has its own line style: colour is never the only cue.
  const cues = new Set();
  for (const label of Object.values(LENSES)) {
    const s = await markStyle(page.locator(`article mark[data-label="${label}"]`).first());
    cues.add(`${s.border}/${s.italic}`);
  }
  assert.equal(cues.size, 5);
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await page.context().close();
});

test('the why view says what a highlight is and how it was read', async () => {
  const { page } = await openSample();
  const why = page.locator('#why');
  const mark = (label, text) => page.locator(`article mark[data-label="${label}"]`, { hasText: text }).first();

  await mark('date', 'Monday').focus();
  assert.match(await why.textContent(), /Monday → Monday 20 February 2017.*resolved against the article date 21 Feb 2017 \(given\)/);
  await mark('figure', 'up to 750,000').click();
  assert.match(await why.textContent(), /up to 750,000.* — an upper bound \(“up to”\).*value 750,000.*counts civilians/);
  await mark('actor', 'Daesh').click();
  assert.match(await why.textContent(), /Daesh — same actor as .*ISIS/);
  assert.match(await why.textContent(), /Daesh — same actor as .*Islamic State/);
  await page.locator('article mark[data-label="quote"]').click({ position: { x: 5, y: 5 } });
  assert.match(await why.textContent(), /James Mattis → quote.*said by James Mattis/);
  // The focused mark shows a visible focus ring.
  const outline = await page.locator('article mark[data-label="quote"]').evaluate((m) => getComputedStyle(m).outlineStyle);
  assert.equal(outline, 'solid');
  await page.context().close();
});

test('each panel lists its items and jumps to the text', async () => {
  const { page, errors } = await openSample();
  const focused = () => page.evaluate(() => ({ label: document.activeElement.dataset.label, text: document.activeElement.textContent }));

  // Actors: one row per entity; choosing one marks all its mentions and steps through them.
  const actors = page.locator('#panel-actors li');
  assert.match(await actors.nth(0).textContent(), /James Mattis.*person · US defence secretary · 3 mentions/);
  assert.match(await actors.nth(1).textContent(), /ISIS.*organization · 3 mentions/);
  assert.equal(await page.locator('#panel-actors').getByRole('button', { name: /Daesh|Islamic State/ }).count(), 0,
    'Daesh and Islamic State are rows of ISIS, not actors of their own');
  const isis = page.locator('#panel-actors').getByRole('button', { name: 'ISIS', exact: true });
  await isis.click();
  assert.equal(await isis.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('article mark.chosen').count(), 3);
  assert.deepEqual(await focused(), { label: 'actor', text: 'Islamic State' });
  await isis.click();
  assert.deepEqual(await focused(), { label: 'actor', text: 'Daesh' });
  await page.keyboard.press('j'); // j steps within the chosen actor
  assert.deepEqual(await focused(), { label: 'actor', text: 'ISIS' });
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('article mark.chosen').count(), 0);

  await page.locator('#panel-places').getByRole('button', { name: 'Mosul' }).click();
  assert.deepEqual(await focused(), { label: 'place', text: 'Mosul' });

  // Timeline: calendar order (19 Feb before Monday 20 Feb), durations as spans of time.
  const timeline = await page.locator('#panel-timeline li').allTextContents();
  assert.match(timeline[0], /Sunday 19 February 2017/);
  assert.match(timeline[1], /Monday 20 February 2017.*“Monday”/);
  assert.match(timeline[2], /lasting 2 weeks.*span of time/);
  await page.locator('#panel-timeline').getByRole('button', { name: 'Monday 20 February 2017' }).click();
  assert.deepEqual(await focused(), { label: 'date', text: 'Monday' });

  const figure = await page.locator('#panel-figures li').first().textContent();
  assert.match(figure, /up to 750,000.*an upper bound.*value 750,000.*counts civilians.*says (the )?(UN|United Nations)/);
  assert.match(figure, /Daesh still holds the old city, where up to 750,000 civilians remain/);
  await page.locator('#panel-figures').getByRole('button', { name: /400/ }).click();
  assert.deepEqual(await focused(), { label: 'figure', text: 'about 400' });

  const quote = page.locator('#panel-quotes').getByRole('button');
  assert.match(await quote.textContent(), /^James Mattis → “We're going/);
  await page.getByLabel('Quotes', { exact: true }).uncheck();
  await quote.click(); // jumping to a hidden lens switches it back on
  assert.equal((await focused()).label, 'quote');
  assert.ok(await page.getByLabel('Quotes', { exact: true }).isChecked());
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('changing the reference date re-annotates at once', async () => {
  const { page } = await openSample();
  const note = page.locator('#refdate-note');
  assert.match(await note.textContent(), /Using 21 Feb 2017: given/);
  await page.locator('#refdate').fill('2017-03-08');
  // Wait for the new date itself: the note said "given" before the change too.
  await page.waitForFunction(() => /8 Mar 2017/.test(document.getElementById('refdate-note').textContent));
  assert.match(await note.textContent(), /Using 8 Mar 2017: given/);
  await page.locator('article mark[data-label="date"]', { hasText: 'Monday' }).focus();
  assert.match(await page.locator('#why').textContent(), /Monday 6 March 2017.*resolved against the article date 8 Mar 2017 \(given\)/);
  // It is kept with the article, and the reset goes back to the article's own.
  await page.reload();
  await waitAnnotated(page);
  assert.equal(await page.locator('#refdate').inputValue(), '2017-03-08');
  // A pasted article has no date of its own: it is inferred from the text
  // (the latest full date in it, 19 February 2017).
  await page.getByRole('button', { name: "Use the article's own" }).click();
  await page.waitForFunction(() => /inferred/.test(document.getElementById('refdate-note').textContent));
  assert.match(await note.textContent(), /Using 19 Feb 2017: inferred/);
  await page.context().close();
});

test('everything works by keyboard alone', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await openPage(env, { context: ctx });
  const active = () => page.evaluate(() => {
    const a = document.activeElement;
    return `${a.tagName.toLowerCase()}|${a.dataset.label ?? ''}|${(a.textContent || a.value || '').trim().slice(0, 40)}`;
  });
  async function tabTo(pattern, limit = 40) {
    for (let n = 0; n < limit; n++) {
      await page.keyboard.press('Tab');
      const where = await active();
      if (pattern.test(where)) return where;
    }
    assert.fail(`Tab never reached ${pattern}`);
  }
  // Library: add an article by keyboard.
  await tabTo(/^button\|\|Add article/);
  await page.keyboard.press('Enter');
  assert.match(await active(), /^textarea/);
  await page.keyboard.insertText(SAMPLE);
  await tabTo(/^button\|\|Annotate/);
  await page.keyboard.press('Enter');
  await waitAnnotated(page);

  // Highlights: j/k walk them in text order, skipping lenses that are off.
  await page.keyboard.press('j');
  assert.equal(await active(), 'mark|actor|Mattis');
  await page.keyboard.press('j');
  assert.equal(await active(), 'mark|place|Iraq');
  await page.keyboard.press('k');
  assert.equal(await active(), 'mark|actor|Mattis');
  await page.keyboard.press('1'); // Actors off: focus moves on to the next visible highlight
  assert.ok(!(await page.getByLabel('Actors', { exact: true }).isChecked()), '1 switches Actors off');
  assert.equal(await active(), 'mark|place|Iraq');
  await page.keyboard.press('n');
  assert.equal(await active(), 'mark|place|Mosul');
  await page.keyboard.press('1');
  assert.match(await page.locator('#why').textContent(), /Mosul/);

  // The legend and the panels by Tab, Space and Enter.
  await page.keyboard.press('Shift+Tab');
  await tabTo(/^input\|\|actor$/); // the first legend checkbox
  await page.keyboard.press('Space');
  assert.ok(!(await page.getByLabel('Actors', { exact: true }).isChecked()), 'Space on the checkbox');
  await page.keyboard.press('Space');
  await tabTo(/^button\|\|Daesh|^button\|\|ISIS/, 60);
  await page.keyboard.press('Enter');
  assert.equal(await active(), 'mark|actor|Islamic State');
  // Tab from the article leaves the highlights (one tab stop for all of them).
  assert.equal(await page.locator('article mark[tabindex="0"]').count(), 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('dark, forced-colors, projector and phone views pass axe and look right', async () => {
  const { page, errors, offOrigin } = await openSample();
  const views = [];
  const check = async (name) => {
    const problems = await axe(page);
    views.push(name);
    assert.deepEqual(problems, [], `axe (${name})`);
  };
  await check('reader light');
  await page.locator('article mark[data-label="date"]').first().focus();
  await page.screenshot({ path: '/tmp/newslens-reader-desktop.png' });

  await page.emulateMedia({ colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgb(20, 23, 28)');
  await check('reader dark');
  await page.screenshot({ path: '/tmp/newslens-reader-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // The theme toggle overrides the system choice.
  await page.getByLabel('Theme').selectOption('dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(20, 23, 28)');
  await page.getByLabel('Theme').selectOption('auto');

  await page.emulateMedia({ forcedColors: 'active' });
  const forced = await page.locator('article mark[data-label="place"]').first().evaluate((m) => getComputedStyle(m).borderBottomStyle);
  assert.equal(forced, 'dashed');
  await check('reader forced-colors');
  await page.screenshot({ path: '/tmp/newslens-reader-forced.png' });
  await page.emulateMedia({ forcedColors: 'none' });

  const before = await page.locator('article').evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
  await page.getByLabel('Text size').selectOption('xl');
  const larger = await page.locator('article').evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
  assert.ok(larger > before);
  await page.getByLabel('Text size').selectOption('m');
  await page.getByLabel('Projector').check();
  const projected = await page.locator('article').evaluate((a) => parseFloat(getComputedStyle(a).fontSize));
  assert.ok(projected >= 28);
  await check('reader projector');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: '/tmp/newslens-reader-projector.png' });
  await page.getByLabel('Projector').uncheck();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('article mark[data-label="figure"]').first().focus();
  await check('reader phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, 'no sideways scrolling on a phone');
  await page.screenshot({ path: '/tmp/newslens-reader-phone.png' });

  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Add article' }).click();
  await check('library phone');
  await page.screenshot({ path: '/tmp/newslens-library-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 }); // a Chromebook
  await check('library chromebook');
  await page.screenshot({ path: '/tmp/newslens-library-desktop.png' });
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await page.context().close();
});

// A glue whose annotate traps as a Rust panic does (RuntimeError: unreachable).
const TRAPPING_GLUE = `export default async function init() {}
export function version() { return 'trapping'; }
export function warm_up() { throw new WebAssembly.RuntimeError('unreachable'); }
export function annotate() { throw new WebAssembly.RuntimeError('unreachable'); }
export function annotate_packed() { throw new WebAssembly.RuntimeError('unreachable'); }`;

test('a crash of the engine on one text shows a message and the plain text', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  const trap = (route) => route.fulfill({ contentType: 'text/javascript', body: TRAPPING_GLUE });
  await ctx.route('**/pkg/newslens.js', trap);
  const { page } = await openPage(env, { context: ctx });
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.getByLabel(/Article text/).fill('Bad headline\n\nThis text makes the engine trap.');
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await waitAnnotated(page);
  assert.match(await page.locator('#alert').textContent(), /could not be annotated.*unreachable/);
  assert.match(await page.locator('article').textContent(), /makes the engine trap/);
  // The next article gets a fresh engine (here the real one again).
  await ctx.unroute('**/pkg/newslens.js', trap);
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('link', { name: SEEDS[0].title, exact: true }).click();
  await waitAnnotated(page, `seed:${SEEDS[0].file}`);
  await page.waitForFunction(() => document.querySelectorAll('article mark').length > 0);
  assert.ok((await page.locator('article mark').count()) > 0);
  await ctx.close();
});

test('a host that serves the wasm as another type still gets highlights', async () => {
  // boot.js's streaming compile refuses it: the worker must fetch it itself.
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  let served = 0;
  await ctx.route('**/pkg/newslens_bg.wasm', async (route) => {
    served++;
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/octet-stream' } });
  });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base);
  await wasmReady(page);
  await page.getByRole('link', { name: SEEDS[0].title, exact: true }).click();
  await waitAnnotated(page, `seed:${SEEDS[0].file}`);
  assert.ok((await page.locator('article mark').count()) > 0);
  assert.ok(await page.locator('#alert').isHidden());
  assert.deepEqual(errors, []);
  // Asked for twice: by boot.js, refused, then by the worker.
  assert.equal(served, 2);
  await ctx.close();
});

test('a wasm that does not load shows a clear message, not a dead page', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  await ctx.route('**/pkg/newslens_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await ctx.newPage();
  await page.goto(env.base);
  await page.locator('#alert').waitFor();
  assert.match(await page.locator('#alert').textContent(), /Highlights are not available: the annotation engine did not load/);
  await page.locator('#seed-list a').first().click();
  await waitAnnotated(page);
  assert.ok((await page.locator('article').textContent()).length > 100, 'the text is there, plain');
  await ctx.close();
});

test('a missing wasm glue module also shows a clear message', async () => {
  const ctx = await env.browser.newContext({ serviceWorkers: 'block' });
  await ctx.route('**/pkg/newslens.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await ctx.newPage();
  await page.goto(env.base);
  await page.locator('#alert').waitFor();
  assert.match(await page.locator('#alert').textContent(), /Highlights are not available: the annotation engine could not start/);
  await ctx.close();
});

test('a long text is made a batch at a time: every span gets its mark, indexed, in its lens\'s focus order', async () => {
  const { page, errors } = await openSample();
  // A lens switched off before the text comes: the later batches' marks too
  // must leave the focus order.
  await page.getByLabel('Dates', { exact: true }).uncheck();
  // Far more paragraphs than the first batch (lib/layout.js, FIRST).
  const paras = readFileSync(`${ROOT}bench/news.txt`, 'utf8').split('\n\n').slice(0, 1500);
  await page.locator('#reader').getByRole('link', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Add article' }).click();
  const text = `A long report\n\n${paras.join('\n\n')}`;
  await paste(page, page.getByLabel(/Article text/), text);
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await waitAnnotated(page);
  const laid = await page.evaluate(() => {
    const heads = [...document.querySelectorAll('#article mark[data-i]:not([data-part])')];
    return {
      heads: heads.length,
      blocks: document.querySelectorAll('#article > p').length,
      status: document.getElementById('reader-status-text').textContent,
      datesInFocusOrder: heads.filter((m) => m.dataset.label === 'date' && m.hasAttribute('tabindex')).length,
      othersOutOfIt: heads.filter((m) => m.dataset.label !== 'date' && !m.hasAttribute('tabindex')).length,
    };
  });
  assert.equal(laid.blocks, paras.length);
  assert.equal(laid.heads, Number(laid.status.match(/^(\d+) highlights/)?.[1]), laid.status);
  assert.equal(laid.datesInFocusOrder, 0);
  assert.equal(laid.othersOutOfIt, 0);
  // The lists beside it hold their first 300 rows and say how many more.
  const figures = page.locator('#panel-figures li');
  assert.equal(await figures.count(), 301);
  assert.match(await figures.last().textContent(), /^… and \d+ more; j and k reach them in the text\.$/);
  // The last highlight of the last batch is known to the reader: focused,
  // it is explained, and `k` steps back to the one before it.
  const last = page.locator('#article mark[data-i]:not([data-part]):not([data-label="date"])').last();
  const before = page.locator('#article mark[data-i]:not([data-part]):not([data-label="date"])').nth(-2);
  await last.focus();
  await page.waitForFunction(() => document.querySelector('#why .why-head') !== null);
  await page.keyboard.press('k');
  assert.equal(await before.evaluate((m) => m === document.activeElement), true);
  assert.deepEqual(errors, []);
  await page.context().close();
});
