// Shared set-up of the browser tests: a static server for www/ on a free port,
// Debian's Chromium through playwright-core, and watchers that collect console
// errors and requests leaving the origin (both must stay empty).
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { serve } from '../../scripts/serve.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
export const ROOT = here('../../');

export const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export const SEEDS = JSON.parse(await readFile(here('../../seeds/index.json'), 'utf8')).articles;

/**
 * Starts the server and the browser; returns helpers and a close().
 * `delay`: milliseconds the server waits before each answer (a slow network).
 */
export async function start({ delay = 0 } = {}) {
  const server = await serve(here('../../www'), 0, { delay });
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch(LAUNCH);
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A fresh page (own context, so own IndexedDB) with error and request watchers. */
export async function openPage(env, { viewport = { width: 1280, height: 900 }, context } = {}) {
  const ctx = context ?? (await env.browser.newContext({ viewport }));
  const page = await ctx.newPage();
  const errors = [];
  const offOrigin = [];
  const origin = new URL(env.base).origin;
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // Any alert/confirm would be an injected script (the page itself uses none).
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) offOrigin.push(r.url());
  });
  await page.goto(env.base);
  await libraryReady(page);
  return { page, ctx, errors, offOrigin };
}

/**
 * Waits until the library can be used: the seeds are listed and the user's
 * own articles have been read from storage (the empty note or a row shows).
 * A page load does not wait for the stored list, and the library's controls
 * are wired only after it.
 */
export async function libraryReady(page) {
  await page.locator('#seed-list a').first().waitFor();
  await page.waitForFunction(() => !document.getElementById('user-empty').hidden
    || document.querySelector('#user-list li') !== null);
}

/** Opens seed n from the library and waits for its highlights (or the final status). */
export async function openSeed(page, n = 0) {
  await page.getByRole('link', { name: SEEDS[n].title, exact: true }).click();
  await waitAnnotated(page);
}

/**
 * Pastes `text` into the field `locator` as a person does: through the
 * clipboard and Ctrl+V. Playwright's fill() hands Chromium the text as one
 * typed insertion, which takes time quadratic in its length (28 s for 360 K
 * characters here, against 0.3 s for the paste), so long texts come this way.
 */
export async function paste(page, locator, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((v) => navigator.clipboard.writeText(v), text);
  await locator.fill('');
  await locator.focus();
  await page.keyboard.press('Control+V');
  await locator.evaluate((field, n) => new Promise((ok, fail) => {
    const done = () => field.value.length === n;
    if (done()) return ok();
    const stop = setTimeout(() => fail(new Error(`the paste left ${field.value.length} of ${n} characters`)), 30_000);
    field.addEventListener('input', function check() {
      if (!done()) return;
      clearTimeout(stop);
      field.removeEventListener('input', check);
      ok();
    });
  }), text.length);
}

/** Waits until the reader shows an article (the one with this key, if given) annotated. */
export async function waitAnnotated(page, key, timeout = 30_000) {
  await page.locator('#reader').waitFor({ timeout });
  await page.waitForFunction((key) => {
    const article = document.getElementById('article');
    return article.getAttribute('aria-busy') === 'false' && (!key || article.dataset.key === key);
  }, key, { timeout });
}

/**
 * A first visit timed: a fresh context loads the page, waits until the
 * engine is ready, opens `seed` from the library and waits for its
 * highlights. Returns the page's own marks, in ms after navigation: `ready`
 * (wasm-ready), `clicked` (just before the driver clicks), `opened` (the page
 * took the click), `shown` (first highlights); `total`, the whole annotate
 * measure; and `marks`, how many highlights the article shows.
 */
export async function timeFirstVisit(env, seed) {
  const ctx = await env.browser.newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(env.base);
    const ready = await wasmReady(page);
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: seed.title, exact: true }).click();
    await waitAnnotated(page, `seed:${seed.file}`);
    const t = await page.evaluate(() => {
      const first = performance.getEntriesByName('first-highlights')[0];
      return first && {
        opened: performance.getEntriesByName('open-article').at(-1).startTime,
        shown: first.startTime,
        total: performance.getEntriesByName('annotate')[0].duration,
        marks: document.querySelectorAll('article mark').length,
      };
    });
    if (!t) throw new Error(`${seed.file}: annotated, but the page never marked its first highlights`);
    return { ready, clicked, ...t };
  } finally {
    await ctx.close();
  }
}

/** Waits for the reader's `wasm-ready` mark; returns its time, ms after the navigation. */
export async function wasmReady(page) {
  await page.waitForFunction(() => performance.getEntriesByName('wasm-ready').length > 0, null, { timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName('wasm-ready')[0].startTime);
}

/** Waits until the page's service worker is installed and controls the page. */
export async function untilControlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

/** Runs axe-core in the page; returns violations of impact serious or critical. */
export async function axe(page) {
  const source = await readFile(here('../../node_modules/axe-core/axe.min.js'), 'utf8');
  // addScriptTag would add an inline <script>, which the page's CSP blocks
  // (and reports as a console error); evaluate goes through DevTools instead.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** A short news text in the seeds' style, pasted by the reader tests (with markup that must stay text). */
export const SAMPLE = `Mattis visits Iraq as Mosul push goes on

US defence secretary James Mattis arrived in Iraq on Monday, as Iraqi forces pressed into western Mosul against Islamic State.

The offensive began on 19 February 2017. Daesh still holds the old city, where up to 750,000 civilians remain, the United Nations says, and about 400 fighters may be left, a fight that could take two weeks.

"We're going to make certain that we've got good situational awareness," Mattis told reporters about ISIS.

<script>alert(1)</script> <b>not bold</b>`;
