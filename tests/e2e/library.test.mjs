// The library: seeds, paste, file open and drop, reload, edit, delete, and
// what happens when the browser refuses or runs out of storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, waitAnnotated, axe, SEEDS } from './helpers.mjs';

let env;
before(async () => (env = await start()));
after(() => env.close());

const PASTED = 'Markup test headline\n\nThe <b>army</b> said <script>alert("x")</script> & more &amp; <img src=x onerror=alert(1)>.';

async function paste(page, text) {
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.getByLabel(/Article text/).fill(text);
  await page.getByRole('button', { name: 'Annotate', exact: true }).click();
  await waitAnnotated(page);
}

test('opens on the five seeds with their full titles', async () => {
  const { page, errors } = await openPage(env);
  const titles = await page.locator('#seed-list a').allTextContents();
  assert.deepEqual(titles, SEEDS.map((s) => s.title));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('pasted markup shows literally as text; the article survives a reload', async () => {
  const { page, errors, offOrigin } = await openPage(env);
  await paste(page, PASTED);
  const article = page.locator('article');
  assert.equal(await article.locator('b, script, img').count(), 0);
  assert.equal(await article.evaluate((a) => a.textContent), PASTED.replace('\n\n', ''));
  assert.match(await page.title(), /^Markup test headline/);

  await page.reload();
  await waitAnnotated(page);
  assert.equal(await article.evaluate((a) => a.textContent), PASTED.replace('\n\n', ''));
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('link', { name: 'Markup test headline', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  assert.deepEqual(offOrigin, []);
  await page.context().close();
});

test('opens .txt, .md and .html files; HTML keeps paragraphs and drops scripts and styles', async () => {
  const { page, errors } = await openPage(env);
  const input = page.locator('#file');
  await input.setInputFiles({ name: 'plain.txt', mimeType: 'text/plain', buffer: Buffer.from('Plain file title\r\n\r\nBody text in Mosul.') });
  await waitAnnotated(page);
  assert.deepEqual(await page.locator('article > *').allTextContents(), ['Plain file title', 'Body text in Mosul.']);

  await page.goto(`${env.base}#`);
  await page.locator('#reader').waitFor({ state: 'hidden' });
  const html = `<!doctype html><html><head><title>Ignored page title</title><style>p{color:red}</style>
    <script>document.title = 'ran'</script></head><body><h1>HTML headline</h1>
    <p style="color: red">First   paragraph <em>with</em>
    emphasis.</p><script>alert(1)</script><div>Second paragraph,<br>
    its second line.</div><ul><li>One item</li></ul></body></html>`;
  await input.setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await waitAnnotated(page);
  const blocks = await page.locator('article > *').allTextContents();
  assert.deepEqual(blocks, ['Ignored page title', 'HTML headline', 'First paragraph with emphasis.', 'Second paragraph,\nits second line.', 'One item']);
  assert.equal(await page.locator('article script, article style, article em').count(), 0);

  await page.goto(`${env.base}#`);
  await page.locator('#reader').waitFor({ state: 'hidden' });
  await input.setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Markdown headline\n\nSome **bold** and a [link](http://example.com).') });
  await waitAnnotated(page);
  assert.deepEqual(await page.locator('article > *').allTextContents(), ['Markdown headline', 'Some bold and a link.']);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a dropped file is opened', async () => {
  const { page } = await openPage(env);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped headline\n\nDropped body.'], 'drop.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await waitAnnotated(page);
  assert.equal(await page.locator('article h1').textContent(), 'Dropped headline');
  await page.context().close();
});

test('title and reference date can be edited; an article can be deleted and restored', async () => {
  const { page, errors } = await openPage(env);
  await paste(page, 'Original first line\n\nOn Monday the army moved.');
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Edit Original first line' }).click();
  assert.deepEqual(await axe(page), [], 'axe with the edit form open');
  await page.getByLabel('Title', { exact: true }).fill('A better title');
  await page.locator('#user-list').getByLabel('Reference date').fill('2017-02-21');
  await page.getByRole('button', { name: 'Save' }).click();
  // A person reloads after the page says the change is stored; reloading
  // sooner may drop a write that IndexedDB has not committed yet.
  await page.locator('#library-status').getByText('Saved “A better title”.').waitFor();
  await page.reload();
  const link = page.getByRole('link', { name: 'A better title', exact: true });
  await link.waitFor();
  assert.match(await page.locator('#user-list li').first().textContent(), /dated 21 Feb 2017/);
  await link.click();
  await waitAnnotated(page);
  assert.equal(await page.locator('#refdate').inputValue(), '2017-02-21');

  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Delete A better title' }).click();
  await link.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await link.waitFor();
  await page.getByRole('button', { name: 'Delete A better title' }).click();
  await link.waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('#user-empty').waitFor(); // shown once the stored list is read, and empty
  assert.equal(await link.count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('an article added while the stored list is still being read is kept', async () => {
  const ctx = await env.browser.newContext();
  // Slow storage: the first read of the article list answers 1.5 s late.
  await ctx.addInitScript(() => {
    const open = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (name, mode) {
      const tx = open.call(this, name, mode);
      if (name === 'articles' && mode === 'readonly' && !window.slowList) {
        window.slowList = 'pending';
        Object.defineProperty(tx, 'oncomplete', {
          set(fn) {
            tx.addEventListener('complete', () => setTimeout(() => { fn(); window.slowList = 'done'; }, 1500));
          },
        });
      }
      return tx;
    };
  });
  const page = await ctx.newPage();
  await page.goto(env.base);
  await page.locator('#seed-list a').first().waitFor();
  assert.equal(await page.evaluate(() => window.slowList), 'pending');
  await paste(page, 'Added early headline\n\nThe army moved on Monday.');
  await page.waitForFunction(() => window.slowList === 'done');
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('link', { name: 'Added early headline', exact: true }).waitFor();
  await ctx.close();
});

test('refused storage is said plainly and the typed text is kept', async () => {
  const ctx = await env.browser.newContext();
  await ctx.addInitScript(() => {
    indexedDB.open = () => { throw new DOMException('blocked by policy', 'SecurityError'); };
  });
  const { page } = await openPage(env, { context: ctx });
  assert.match(await page.locator('#alert').textContent(), /refused to store articles/);
  await paste(page, 'Unsaved headline\n\nText that must not be lost.');
  assert.match(await page.locator('#alert').textContent(), /refused to store articles/);
  assert.match(await page.locator('article').textContent(), /must not be lost/);
  await page.getByRole('link', { name: '← Library' }).click();
  assert.match(await page.getByLabel(/Article text/).inputValue(), /must not be lost/);
  assert.match(await page.locator('#user-list').textContent(), /not saved/);
  await ctx.close();
});

test('a full storage is said plainly and the typed text is kept', async () => {
  const ctx = await env.browser.newContext();
  await ctx.addInitScript(() => {
    IDBObjectStore.prototype.put = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const { page } = await openPage(env, { context: ctx });
  await paste(page, 'Too big headline\n\nText that must not be lost either.');
  assert.match(await page.locator('#alert').textContent(), /storage is full/);
  await page.getByRole('link', { name: '← Library' }).click();
  assert.match(await page.getByLabel(/Article text/).inputValue(), /not be lost either/);
  await ctx.close();
});
