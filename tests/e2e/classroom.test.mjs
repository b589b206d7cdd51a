// The classroom features on the real engine: Compare, Practice, corrections,
// shared links, the exports, print and offline. Expectations come from
// ANNOTATION.md and the seeds' text (article 000 says `up to 750,000`
// civilians, 002 `700,000 or so`; ISIS is named in several of them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { start, openPage, openSeed, waitAnnotated, axe, libraryReady, untilControlled, SEEDS, SAMPLE, ROOT } from './helpers.mjs';

// Screenshots for looking at (docs/screenshots/ holds copies): SCREENSHOTS=dir to keep them elsewhere.
const SHOTS = `${process.env.SCREENSHOTS ?? join(tmpdir(), 'newslens-shots')}/`;
let env;
before(async () => {
  env = await start();
  await mkdir(SHOTS, { recursive: true });
});
after(() => env.close());

const linkMade = (page) => page.waitForFunction(() => !/^Making/.test(document.getElementById('share-note').textContent));
const seedUrl = (n) => `${env.base}#read/seed:${encodeURIComponent(SEEDS[n].file)}`;

test('Compare shows shared actors, the figures about the same thing and one timeline', async () => {
  const { page, errors, offOrigin } = await openPage(env);
  await page.getByRole('link', { name: 'Compare articles' }).click();
  await page.waitForFunction(() => /articles compared/.test(document.getElementById('compare-status').textContent));
  const out = page.locator('#compare-out');
  // ISIS is one actor whatever each article calls it, named in several articles.
  const isis = out.locator('tr', { has: page.locator('th', { hasText: /^ISIS/ }) }).first();
  assert.match(await isis.textContent(), /ISIS.*(also .*(Daesh|Islamic State))?/);
  assert.ok((await isis.locator('td:not(.absent)').count()) >= 2, 'ISIS appears in two or more articles');
  // The civilians still in western Mosul: one row, each article's number and hedge.
  const civilians = out.locator('tr', { has: page.locator('th', { hasText: /^civilian/ }) }).first();
  const row = await civilians.textContent();
  assert.match(row, /up to 750,000.*an upper bound/);
  assert.match(row, /700,000 or so/);
  assert.match(row, /hundreds of thousands/);
  assert.match(row, /the numbers differ/);
  // One timeline, in calendar order.
  const dates = await out.locator('table').filter({ has: page.locator('caption', { hasText: 'Dates' }) }).locator('tbody th').allTextContents();
  assert.ok(dates.length > 5);
  assert.ok(dates.some((d) => /Monday 20 February 2017/.test(d)), 'the Monday of articles 000 and 001');
  assert.deepEqual(await axe(page), [], 'axe (compare)');
  await page.screenshot({ path: `${SHOTS}compare.png`, fullPage: true });
  // Two articles chosen by hand.
  const boxes = page.locator('#compare-choices input');
  for (let k = 0; k < (await boxes.count()); k++) await boxes.nth(k).setChecked(k === 0 || k === 2);
  await page.getByRole('button', { name: /Compare/ }).click();
  await page.waitForFunction(() => /2 articles compared/.test(document.getElementById('compare-status').textContent));
  assert.match(await out.textContent(), /up to 750,000[\s\S]*700,000 or so/);
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await page.context().close();
});

test('Practice hides the answers, takes marks and answers, and Check scores them', async () => {
  const { page, errors } = await openPage(env, { viewport: { width: 1280, height: 1000 } });
  await page.goto(seedUrl(1));
  await waitAnnotated(page);
  await page.getByRole('button', { name: 'Practice' }).click();
  await page.waitForFunction(() => document.getElementById('practice-article').getAttribute('aria-busy') === 'false');
  const text = page.locator('#practice-article');
  assert.equal(await text.locator('mark').count(), 0, 'every lens hidden: no highlight shows');
  // Today: dates only; the other lenses show as usual.
  for (const lens of ['actors', 'places', 'figures', 'quotes']) await page.getByLabel(`Hide ${lens}`).uncheck();
  assert.ok((await text.locator('mark[data-label="actor"]').count()) > 0);
  assert.equal(await text.locator('mark[data-label="date"]').count(), 0, 'dates hidden');
  // Mark a date by clicking the word.
  await page.getByLabel('Date', { exact: true }).check();
  const para = text.locator('p', { hasText: 'arrived in Iraq on Monday' }).first();
  await para.scrollIntoViewIfNeeded();
  const box = await para.evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = t.data.indexOf('Monday');
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(t, at + 1);
      r.setEnd(t, at + 3);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    return null;
  });
  await page.mouse.click(box.x, box.y);
  const marked = text.locator('mark[data-mine]');
  assert.deepEqual(await marked.allTextContents(), ['Monday']);
  // And a word that is no date: it will count as extra.
  await text.locator('p').nth(1).evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let t = walker.nextNode();
    while (t && !/\bthe\b/.test(t.data)) t = walker.nextNode();
    const at = t.data.search(/\bthe\b/);
    const r = document.createRange();
    r.setStart(t, at);
    r.setEnd(t, at + 3);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  await page.getByRole('button', { name: 'Mark the selected words' }).click();
  assert.equal(await marked.count(), 2);
  // By keyboard: typed words are marked where they stand (here a date the text gives).
  await page.getByLabel('Or type the words you found').fill('late January');
  await page.keyboard.press('Enter');
  assert.equal(await marked.count(), 3);
  assert.ok((await marked.allTextContents()).includes('late January'));
  // The questions: which day the article's Monday is (21 Feb 2017 is a Tuesday).
  const q = page.locator('#practice-questions fieldset', { hasText: 'Which day is “Monday”?' });
  assert.equal(await q.locator('input').count(), 4);
  await q.getByLabel('Monday 20 February 2017').check();
  assert.deepEqual(await axe(page), [], 'axe (practice)');
  await text.locator('mark[data-mine]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}practice.png` });

  await page.getByRole('button', { name: /Check/ }).click();
  const result = page.locator('#practice-result');
  const score = await result.locator('.score').textContent();
  const [, got, total] = /^Score: (\d+) of (\d+)$/.exec(score);
  assert.ok(Number(total) > 5 && Number(total) < 40, `the hidden dates and the questions count (${total})`);
  assert.ok(Number(got) >= 3, 'the Monday and late January marks and the Monday answer are right');
  assert.match(await result.textContent(), /Missed \(\d+\): \d+ dates?/);
  assert.match(await result.textContent(), /Extra \(1\)/);
  assert.match(await q.textContent(), /Right: Monday 20 February 2017/);
  assert.ok((await text.locator('mark[data-result="missed"]').count()) > 0, 'the missed ones show in the text');
  assert.equal(await text.locator('mark[data-result="found"]', { hasText: 'Monday' }).count() >= 1, true);
  assert.deepEqual(await axe(page), [], 'axe (practice checked)');
  await text.locator('mark[data-result="missed"]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}practice-checked.png` });
  assert.deepEqual(errors, []);
  await page.context().close();
});

/**
 * Waits for the Compare view and its finished status. The status text may
 * still be there from an earlier visit, so the view must be the one shown.
 */
async function comparedShown(page) {
  await page.waitForFunction(() => !document.getElementById('compare').hidden
    && /articles compared/.test(document.getElementById('compare-status').textContent));
}

async function pasteSample(page) {
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.getByLabel(/Article text/).fill(SAMPLE);
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await page.waitForFunction(() => location.hash.startsWith('#read/user:'));
  await waitAnnotated(page, decodeURIComponent(await page.evaluate(() => location.hash.slice(6))));
}

async function exported(page, format) {
  await page.getByRole('button', { name: 'Export' }).click();
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  const first = page.waitForEvent('download');
  await page.locator('#export-menu').getByRole('button', { name: new RegExp(`^${format}`) }).click();
  await first;
  // brat is two files, the .ann and the .txt.
  for (const end = Date.now() + 15_000; format === 'brat' && downloads.length < 2 && Date.now() < end;) await new Promise((ok) => setTimeout(ok, 50));
  const files = {};
  for (const d of downloads) files[d.suggestedFilename()] = await readFile(await d.path(), 'utf8');
  page.removeAllListeners('download');
  return files;
}

test('a correction is marked, survives a reload, is in the JSON export and can be reset', async () => {
  const { page, errors } = await openPage(env);
  await page.goto(seedUrl(1));
  await waitAnnotated(page);
  // Remove the first figure; add a highlight on words the engine left plain.
  const figure = page.locator('article mark[data-label="figure"]').first();
  const removed = await figure.textContent();
  const figures = await page.locator('article mark[data-label="figure"]').count();
  await figure.click();
  await page.locator('#why').getByRole('button', { name: 'Remove highlight' }).click();
  await waitAnnotated(page);
  // The engine left `Operation Inherent Resolve` (the coalition's command) plain: an organization.
  await page.locator('article p', { hasText: 'Operation Inherent Resolve' }).first().evaluate((p) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let t = walker.nextNode();
    while (t && !t.data.includes('Operation Inherent Resolve')) t = walker.nextNode();
    const at = t.data.indexOf('Operation Inherent Resolve');
    const r = document.createRange();
    r.setStart(t, at);
    r.setEnd(t, at + 'Operation Inherent Resolve'.length);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  const added = 'Operation Inherent Resolve';
  await page.locator('#corrections summary').click();
  await page.locator('#correct-lens').selectOption('actor');
  await page.locator('#correct-type').selectOption('organization');
  await page.getByRole('button', { name: 'Add highlight' }).click();
  await waitAnnotated(page);
  const mark = page.locator('article mark[data-corrected="added"]');
  assert.equal(await mark.textContent(), added);
  assert.equal(await mark.getAttribute('data-label'), 'actor');
  assert.match(await page.locator('#correct-note').textContent(), /Saved: added/);
  // Change a value: `early January` (in a text dated 21 Feb 2017) is the start of January 2017.
  await page.locator('article mark[data-label="date"]', { hasText: 'early January' }).first().click();
  const fix = page.locator('#why form');
  assert.match(await fix.getByLabel('Value').inputValue(), /^2017-01$/);
  await fix.getByLabel('Value').fill('2017-01-05');
  await fix.getByRole('button', { name: 'Save change' }).click();
  await waitAnnotated(page);
  assert.equal(await page.locator('article mark[data-corrected="changed"]').textContent(), 'early January');

  await page.reload();
  await waitAnnotated(page);
  assert.equal(await page.locator('article mark[data-corrected="added"]').textContent(), added, 'kept after a reload');
  const files = await exported(page, 'JSON');
  const json = JSON.parse(Object.values(files)[0]);
  assert.equal(json.doc, SEEDS[1].file.replace(/\.txt$/, ''), 'named as the CLI names it');
  assert.deepEqual(Object.keys(json), ['doc', 'reference_date', 'reference_date_source', 'reference_date_clue', 'spans', 'entities']);
  const mine = json.spans.filter((s) => s.corrected === 'added');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].text, added);
  assert.equal(mine[0].label, 'actor');
  assert.equal(mine[0].type, 'organization');
  const changed = json.spans.filter((s) => s.corrected === 'changed');
  assert.deepEqual(changed.map((s) => [s.text, s.value]), [['early January', '2017-01-05']]);
  assert.equal(json.spans.filter((s) => s.label === 'figure').length + 1, figures, 'the removed figure is not exported');
  assert.deepEqual(await axe(page), [], 'axe (corrections open)');
  await page.getByRole('button', { name: 'Share' }).click();
  await linkMade(page);
  await page.getByRole('button', { name: 'Export' }).click();
  assert.equal(await page.getByRole('button', { name: 'Export' }).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await axe(page), [], 'axe (share and export open)');
  await page.screenshot({ path: '/tmp/newslens-class-tools.png' });
  await page.locator('#article').click({ position: { x: 2, y: 2 } }); // a click elsewhere closes the menu
  assert.equal(await page.locator('#export-menu').isHidden(), true);

  await page.getByRole('button', { name: 'Reset corrections' }).click();
  await waitAnnotated(page);
  assert.equal(await page.locator('article mark[data-corrected]').count(), 0);
  assert.equal(await page.locator('article mark[data-label="figure"]').first().textContent(), removed);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('every export downloads a file of its format, offsets in code points', async () => {
  const { page, errors } = await openPage(env);
  // An astral character before the spans: UTF-16 and code-point offsets differ by one.
  const text = `😀 ${SAMPLE}`;
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.getByLabel(/Article text/).fill(text);
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await page.waitForFunction(() => location.hash.startsWith('#read/user:'));
  await waitAnnotated(page);
  const cps = [...text];
  const slice = (a, b) => cps.slice(a, b).join('');

  const json = JSON.parse(Object.values(await exported(page, 'JSON'))[0]);
  const monday = json.spans.find((s) => s.text === 'Monday');
  assert.equal(slice(monday.start, monday.end), 'Monday', 'JSON offsets are code points');
  for (const s of json.spans) assert.equal(slice(s.start, s.end), s.text);
  assert.ok(json.entities.some((e) => e.name === 'ISIS' || (e.aliases ?? []).includes('Daesh')));

  const csv = Object.values(await exported(page, 'CSV'))[0];
  const lines = csv.trimEnd().split('\r\n');
  assert.match(lines[0], /^doc,start,end,label,type,text,value,/);
  assert.equal(lines.length, json.spans.length + 1, 'a row per span (no line breaks inside the sample spans)');
  assert.ok(lines.some((l) => new RegExp(`,${monday.start},${monday.end},date,date,Monday,2017-`).test(l)));

  const anno = JSON.parse(Object.values(await exported(page, 'Web Annotation'))[0]);
  assert.equal(anno['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(anno.first.items.length, json.spans.length);
  for (const item of anno.first.items) {
    const [pos, quote] = item.target.selector;
    assert.equal(pos.type, 'TextPositionSelector');
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(slice(pos.start, pos.end), quote.exact);
  }

  const brat = await exported(page, 'brat');
  const ann = Object.entries(brat).find(([n]) => n.endsWith('.ann'))[1];
  const txt = Object.entries(brat).find(([n]) => n.endsWith('.txt'))[1];
  assert.equal(txt, text);
  const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
  assert.equal(tLines.length, json.spans.length);
  for (const l of tLines) {
    const m = /^T\d+\t(Actor|Place|Date|Figure|Quote) (\d+) (\d+)\t(.*)$/.exec(l);
    assert.ok(m, l);
    assert.equal(slice(Number(m[2]), Number(m[3])), m[4]);
  }
  for (const l of ann.split('\n').filter(Boolean)) assert.match(l, /^(T\d+\t|A\d+\t\w+ T\d+|#\d+\tAnnotatorNotes T\d+\t)/);

  const dis = JSON.parse(Object.values(await exported(page, 'displaCy'))[0]);
  assert.equal(dis.text, text);
  assert.ok(dis.ents.some((e) => e.label === 'DATE' && slice(e.start, e.end) === 'Monday'));

  const html = Object.values(await exported(page, 'HTML handout'))[0];
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /&lt;script&gt;alert\(/, 'article text escaped');
  assert.match(html, /&lt;\/script&gt; &lt;b&gt;not bold&lt;\/b&gt;/);
  assert.doesNotMatch(html, /<script>alert/);
  const handout = await page.context().newPage();
  await handout.setContent(html);
  assert.equal(await handout.locator('mark[data-label="date"]', { hasText: 'Monday' }).count(), 1);
  await handout.close();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a link reopens the article, its lenses and place; a short own article travels in it', async () => {
  const { page, ctx } = await openPage(env);
  await page.goto(seedUrl(2));
  await waitAnnotated(page);
  await page.getByLabel('Actors', { exact: true }).uncheck();
  await page.locator('article mark[data-label="figure"]').nth(3).focus();
  const want = await page.evaluate(() => document.activeElement.textContent);
  await page.getByRole('button', { name: 'Share' }).click();
  await linkMade(page);
  const url = await page.locator('#share-url').inputValue();
  assert.match(url, /#read\/seed:002_.*\?on=place,date,figure,quote&at=\d+$/);
  const other = await (await env.browser.newContext()).newPage();
  await other.goto(url);
  await waitAnnotated(other, `seed:${SEEDS[2].file}`);
  await other.waitForFunction(() => document.activeElement?.tagName === 'MARK');
  assert.equal(await other.evaluate(() => document.activeElement.textContent), want);
  assert.equal(await other.getByLabel('Actors', { exact: true }).isChecked(), false);
  assert.equal(await other.getByLabel('Figures', { exact: true }).isChecked(), true);
  await other.context().close();

  // The user's own article: its text is inside the link.
  await page.goto(env.base);
  await libraryReady(page);
  await pasteSample(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await linkMade(page);
  const own = await page.locator('#share-url').inputValue();
  assert.match(own, /#shared\/[\w-]+\?on=/);
  const fresh = await (await env.browser.newContext()).newPage();
  await fresh.goto(own);
  await waitAnnotated(fresh);
  assert.match(await fresh.locator('article').textContent(), /Daesh still holds the old city/);
  assert.ok((await fresh.locator('article mark[data-label="date"]').count()) > 0);
  await fresh.context().close();

  // Too long for a link: said plainly.
  await page.goto(env.base);
  await libraryReady(page);
  // Five different articles in one: too much even compressed (repeats would compress away).
  const texts = await Promise.all(SEEDS.map((s) => readFile(`${ROOT}seeds/${s.file}`, 'utf8')));
  const long = `Long story\n\n${texts.join('\n\n')}`;
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.locator('#add-text').fill(long);
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await page.waitForFunction((n) => document.getElementById('article').textContent.length > n, long.length / 2);
  await waitAnnotated(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await linkMade(page);
  assert.match(await page.locator('#share-note').textContent(), /too long to travel in a link/);
  assert.equal(await page.locator('#share-url').inputValue(), '');
  await ctx.close();
});

test('print: labels in words, panels as an appendix, no page chrome', async () => {
  const { page } = await openPage(env, { viewport: { width: 900, height: 1200 } });
  await openSeed(page, 1);
  await page.locator('#reader .side details summary', { hasText: 'Places' }).evaluate((s) => (s.parentElement.open = false));
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const hiddenChrome = await page.evaluate(() => ['.bar', '.classbar', '.tools', '.foot', '.why']
    .map((sel) => getComputedStyle(document.querySelector(sel)).display));
  assert.deepEqual(hiddenChrome, ['none', 'none', 'none', 'none', 'none']);
  // The label's name is printed after each highlight; the line style stays, the colour goes.
  const [after, bg, line] = await page.locator('article mark[data-label="date"]').first()
    .evaluate((m) => [getComputedStyle(m, '::after').content, getComputedStyle(m).backgroundColor, getComputedStyle(m).borderBottomStyle]);
  assert.equal(after, '" date"');
  assert.equal(bg, 'rgba(0, 0, 0, 0)');
  assert.equal(line, 'dotted');
  // The panels follow as an appendix, all of them open (printing opens a closed one).
  assert.equal(await page.locator('#reader .side details:not([open])').count(), 0);
  assert.equal(await page.locator('#reader .side').evaluate((s) => getComputedStyle(s).display), 'block');
  await page.screenshot({ path: `${SHOTS}print.png` });
  await page.locator('#reader .side').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}print-appendix.png` });
  await page.context().close();
});

test('the service worker caches every file the page needs', async () => {
  const sw = await readFile(`${ROOT}www/sw.js`, 'utf8');
  const shell = JSON.parse(`[${/const SHELL = \[([^\]]*)\]/s.exec(sw)[1].replaceAll("'", '"').replace(/,\s*$/, '')}]`);
  const files = [];
  const walk = async (dir) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!['pkg', 'seeds'].includes(e.name)) await walk(path);
      } else if (/\.(js|css|html|svg)$/.test(e.name)) files.push(relative(`${ROOT}www`, path));
    }
  };
  await walk(`${ROOT}www`);
  // (version.js is the worker's own script, imported by it, not the page's.)
  const needed = files.filter((f) => !['sw.js', 'version.js', 'lib/annotator-inline.js'].includes(f));
  assert.deepEqual(needed.filter((f) => !shell.includes(f)), [], 'files missing from SHELL in sw.js');
});

test('offline: after the first visit the page reloads and annotates with no network', async () => {
  const { page, ctx, errors } = await openPage(env);
  await untilControlled(page);
  await ctx.setOffline(true);
  await page.goto(seedUrl(0));
  await page.reload();
  await waitAnnotated(page, `seed:${SEEDS[0].file}`);
  assert.ok((await page.locator('article mark').count()) > 10, 'highlights offline');
  await ctx.setOffline(false);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await ctx.close();
});

test('Compare and Practice on a phone and in dark mode: axe, no sideways scroll', async () => {
  const { page, errors } = await openPage(env, { viewport: { width: 390, height: 844 } });
  const check = async (name) => {
    assert.deepEqual(await axe(page), [], `axe (${name})`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 0, `no sideways scroll (${name})`);
  };
  await page.goto(`${env.base}#compare`);
  await comparedShown(page);
  await check('compare phone');
  await page.goto(`${env.base}#practice/seed:${encodeURIComponent(SEEDS[0].file)}`);
  await page.waitForFunction(() => document.getElementById('practice-article').getAttribute('aria-busy') === 'false');
  await check('practice phone');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: /Check/ }).click();
  await check('practice checked, dark phone');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${env.base}#compare`);
  await comparedShown(page);
  await check('compare dark');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a damaged or oversized shared link says so and adds nothing', async () => {
  const { page, errors } = await openPage(env);
  await page.goto(`${env.base}#shared/not-a-real-payload`);
  await page.locator('#alert').waitFor();
  assert.match(await page.locator('#alert').textContent(), /could not be opened: this link is damaged/);
  // 5 MB of spaces deflate to about 5 KB: refused, not inflated.
  const bomb = await page.evaluate(async () => {
    const text = JSON.stringify({ x: ' '.repeat(5_000_000) });
    const out = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(out).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  });
  assert.ok(bomb.length < 8000);
  // Clear the first link's message, so the wait below is for the second one.
  await page.evaluate(() => { document.getElementById('alert').textContent = ''; });
  await page.goto(`${env.base}#shared/${bomb}`);
  await page.waitForFunction(() => /damaged/.test(document.getElementById('alert').textContent));
  assert.equal(await page.locator('#user-list li').count(), 0);
  assert.ok(await page.locator('#library').isVisible());
  assert.deepEqual(errors, []);
  await page.context().close();
});
